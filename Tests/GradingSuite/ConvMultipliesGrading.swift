import Answers
import IndexNotation
import TensorCore
import TestSupport
import Verification
import XCTest

@testable import P1ConvMultiplies

/// Problem 1 graded both ways, by the same path as `psverify grade`.
final class ConvMultipliesGrading: XCTestCase {
  let problem = ConvMultiplies.problem

  func testRightCounts_inPlainUnicodeAndLaTeX_areCorrect() {
    assertGrade(problem, "B*X*Y*dX*dY*Nout*Nin", .correct)
    assertGrade(problem, "B·X·Y·ΔX·ΔY·N_out·N_in", .correct)
    assertGrade(problem, #"BXY \Delta X \Delta Y N_{\text{out}} N_{\text{in}}"#, .correct)
    assertGrade(problem, "N_in N_out B Y X DY DX", .correct)
    // Right under `valid` borders, a convention the question leaves open: accepted and named.
    assertGrade(
      problem, "B*(X-dX+1)*(Y-dY+1)*dX*dY*Nout*Nin", .correct, convention: "`valid` borders")
  }

  func testWrongCounts_areIncorrectWithWhatDiffers() {
    assertGrade(
      problem, "B*X*Y*N_in*N_out", .incorrect,
      mentions: [
        "lacks the factor ΔX·ΔY", "the answer gives 72 multiplies and the verified count is 432",
        "conv2d kernel, run there with `same` borders, counts 432",
      ])
    assertGrade(
      problem, "B*X*Y*dX*dY*Nout*Nin + B*X*Y*Nout", .incorrect,
      mentions: ["threshold B[n_out] is subtracted, which costs no multiply"])
    assertGrade(problem, "X*Y*dX*dY*Nout*Nin", .incorrect, mentions: ["lacks the factor B"])
    assertGrade(problem, "2*B*X*Y*dX*dY*Nout*Nin", .incorrect, mentions: ["has an extra factor 2"])
    assertGrade(
      problem, "B*X*Y*dX*dX*Nout*Nin", .incorrect,
      mentions: ["lacks the factor ΔY", "has an extra factor ΔX"])
    assertGrade(problem, "B*X*Y*dX*dY*Nout", .incorrect, mentions: ["lacks the factor N_in"])
  }

  func testMalformedCounts_areUnreadableWithALocatedDiagnostic() {
    let g = grade(problem, "B*X*Y*Q")
    XCTAssertEqual(g.verdict, .unreadable)
    XCTAssertEqual(g.issues.first?.column, 7)
    XCTAssertEqual(
      g.issues.first?.message,
      "unknown symbol 'Q'; known: B (batch), X, Y, ΔX (dX, DX), "
        + "ΔY (dY, DY), N_out (Nout, N_o), N_in (Nin, N_i)")
    XCTAssertEqual(
      grade(problem, "B*X*(Y").issues.first?.message, "expected ')', found the end of the answer")
    XCTAssertEqual(grade(problem, "B < X").verdict, .unreadable)
  }

  /// Found by the fuzzer (Fuzz/crashes/answer/crash-e07aad6b…): a subscripted run of Δs with no
  /// letter after them (`ΔΔ_Y`) trapped on an empty list of letters; a lone Δ is now a unit that
  /// no table spells, so the answer is unreadable with the known symbols listed.
  func testDeltaWithoutALetter_isUnreadable() {
    for answer in ["B*X*Y*ΔΔ_Y", "B*X*Y*ΔΔ", "B*X*YΔ", "B*X^{ΔΔ_YD}"] {
      let g = grade(problem, answer)
      XCTAssertEqual(g.verdict, .unreadable, answer)
      XCTAssertFalse(g.issues.isEmpty, answer)
    }
    XCTAssertTrue(grade(problem, "B*X*Y*ΔΔ_Y").issues.first!.message.hasPrefix("unknown symbol 'Δ"))
    XCTAssertEqual(grade(problem, "B*X*Y*ΔX*ΔY*N_out*N_in").verdict, .correct)
  }

  func testPrintedSolution_isGradedAsPrintedAndAgrees() throws {
    let g = try printedGrade(problem)
    XCTAssertEqual(g.verdict, .correct)
    XCTAssertEqual(g.reading, "B·N_in·N_out·X·Y·ΔX·ΔY")
  }

  func testBorderAmbiguity_fromTheDocumentAndTheCounts() throws {
    let derivation = try problem.derive(ParameterValues(specs: problem.parameters))
    let errata = problem.findings(derivation, printed: nil, text: Shipped.text("1"))
    XCTAssertEqual(errata.map(\.kind), [.ambiguity])
    XCTAssertTrue(
      errata[0].evidence!.contains("same 924844032, valid 859963392"), errata[0].evidence!)
  }

  /// Every check of `psverify all` for problem 1 fails on a planted answer or a broken kernel.
  func testEveryCheck_failsOnAPlantedAnswerOrBrokenKernel() throws {
    let user = ConvMultiplies.UserShape(
      ParameterValues(
        specs: problem.parameters,
        overrides: ["B": .integer(2), "X": .integer(9), "Y": .integer(7)]))
    let derived = try ConvMultiplies.counts()
    let planted = try PolynomialParser.polynomial("B X Y ΔX N_out N_in")
    let all = ConvMultiplies.checks(
      candidate: derived.same, valid: derived.valid, user: user, shapes: 20)
    for check in all { assertStatus(runCheck(check), .pass) }
    let wrong = ConvMultiplies.checks(candidate: planted, valid: planted, user: user, shapes: 20)
    var failing = Set<String>()
    for check in wrong
    where ["instrumented-count-same", "instrumented-count-valid", "user-shape-count"].contains(
      check.id)
    {
      assertStatus(runCheck(check), .fail)
      failing.insert(check.id)
    }
    for check in all
    where [
      "instrumented-count-skip", "kernel-equals-equation",
      "skip-count-equals-output-sum",
    ].contains(check.id) {
      // The skipping kernel skips a tap or counts one twice; the GEMM does an extra multiply.
      let fault: KernelFaults.Fault =
        check.id == "instrumented-count-skip"
        ? .missingMultiply
        : check.id == "skip-count-equals-output-sum" ? .skipCountExtra : .extraMultiply
      assertStatus(runCheck(check, with: fault), .fail)
      failing.insert(check.id)
    }
    // A kernel that does an extra or a missing multiply fails the instrumented counts.
    for check in all where check.id == "instrumented-count-same" {
      assertStatus(runCheck(check, with: .extraMultiply), .fail)
      assertStatus(runCheck(check, with: .missingMultiply), .fail)
    }
    assertEveryCheckFails(all, failing: failing)
  }

  func testSkipClosedForm_handValues() {
    // Width 5, filter 3 (p = 1): outputs 0…4 see 2, 3, 3, 3, 2 taps = 13 = 3·5 − (9 − 1)/4.
    XCTAssertEqual(ConvMultiplies.skipTaps(input: 5, filter: 3), 13)
    // Width 2, filter 7 (p = 3): each output sees both pixels: 4.
    XCTAssertEqual(ConvMultiplies.skipTaps(input: 2, filter: 7), 4)
  }
}
