import Answers
import IndexNotation
import TensorCore
import TestSupport
import Verification
import XCTest

@testable import P3aBottleneck

/// Problem 3a graded both ways: two counts and a condition, each compared exactly.
final class BottleneckGrading: XCTestCase {
  let problem = Bottleneck.problem

  func testRightAnswers_inPlainUnicodeAndLaTeX_areCorrect() {
    assertGrade(problem, "2*N*Nb*(L-1); N^2*(L-1); Nb < N/2", .correct)
    assertGrade(problem, "2·N·N_bottle·(L − 1); N²·(L − 1); N_bottle < N/2", .correct)
    assertGrade(problem, #"2NN_{\text{bottle}}(L-1); N^2(L-1); N_{\text{bottle}} < N/2"#, .correct)
    // Labels in any order; the condition solved from another side; the L ≥ 2 condition given.
    assertGrade(
      problem, "condition: 2 Nb < N; plain: N^2 (L-1); bottleneck: 2 N Nb (L - 1)", .correct)
    assertGrade(problem, "2*N*Nb*(L-1); N^2*(L-1); N > 2*Nb and L >= 2", .correct)
    assertGrade(problem, "2*N*Nb*(L-1); N^2*(L-1); Nb/N < 1/2", .correct)
  }

  func testWrongAnswers_areIncorrectWithWhatDiffers() {
    assertGrade(
      problem, "N*Nb*(L-1); N^2*(L-1); Nb < N/2", .incorrect,
      mentions: [
        "The bottleneck network's count is off by a factor: it lacks the factor 2",
        "Real forward passes there count",
      ])
    // One count with L counting blocks, the other with L counting layers: no one reading of L.
    assertGrade(
      problem, "2*N*Nb*L; N^2*(L-1); Nb < N/2", .incorrect,
      mentions: ["counts L blocks; L counts the input layer too, so there are L − 1 blocks"])
    assertGrade(
      problem, "2*N*Nb*(L-1); N^2*(L-1); Nb <= N/2", .incorrect,
      mentions: [
        "at N = 2, N_bottle = 1, L = 2 forward passes count 4 multiplies for the bottleneck "
          + "network and 4 for the plain one"
      ])
    assertGrade(
      problem, "2*N*Nb*(L-1); N^2*(L-1); Nb < N/3", .incorrect,
      mentions: ["The condition N_bottle < N/3 differs from N_bottle < N/2"])
    assertGrade(
      problem, "2*N*Nb*(L-1); N^2*(L-1)", .incorrect,
      mentions: ["Missing: the condition on N_bottle"])
    assertGrade(
      problem, "2*N*Nb*(L-1); N*(L-1); Nb < N/2", .incorrect,
      mentions: ["The plain MLP's count is off by a factor: it lacks the factor N"])
    assertGrade(
      problem, "2*N*Nb*(L-1); N^2*(L-1); Nb < N/2 and L >= 3", .incorrect,
      mentions: [
        "at N = 3, N_bottle = 1, L = 2 forward passes count 6 multiplies for the bottleneck "
          + "network and 9 for the plain one, so the bottleneck is cheaper, but the "
          + "condition says the bottleneck is not cheaper"
      ])
  }

  /// A condition is the region of positive whole numbers where it holds: conjunctions, chains,
  /// either side, whole-number equivalents are one answer; an empty region is wrong, with a point.
  func testConditions_gradedAsRegionsOverThePositiveIntegers() {
    let counts = "2*N*Nb*(L-1); N^2*(L-1); "
    for condition in [
      "0 < Nb < N/2", "Nb < N/2 and Nb > 0", "2Nb <= N - 1", "Nb < N/2; L >= 3/2",
      "2N*Nb(L-1) < N^2(L-1)", "N/2 > Nb", "Nb <= (N-1)/2 and L > 1",
    ] {
      assertGrade(problem, counts + condition, .correct)
    }
    // The empty region: the last comparison alone would be right.
    assertGrade(
      problem, counts + "Nb > N/2 and Nb < N/2", .incorrect,
      mentions: [
        "at N = 3, N_bottle = 1, L = 2 forward passes count 6 multiplies for the bottleneck "
          + "network and 9 for the plain one, so the bottleneck is cheaper, but the "
          + "condition says the bottleneck is not cheaper"
      ])
    // Equivalent over the reals but not the same region: N_b ≤ N/2 takes in N = 2·N_b.
    assertGrade(problem, counts + "2Nb <= N", .incorrect, mentions: ["N = 2, N_bottle = 1, L = 2"])
    // A condition that nothing solves for N_bottle is still a region.
    assertGrade(problem, counts + "Nb*Nb < N*Nb/2", .correct)
    assertGrade(problem, counts + "Nb*Nb < N", .incorrect, mentions: ["N = 2, N_bottle = 1, L = 2"])
  }

  /// L as 3c reads it (the blocks) is accepted here too, and named.
  func testLayersCountingBlocks_acceptedAndNamedAsIn3c() {
    assertGrade(
      problem, "2*N*Nb*L; N^2*L; Nb < N/2", .correct, convention: "L counting the residual blocks")
  }

  /// A chain of 10⁴ comparisons is refused with a located error, quickly; one of a few hundred
  /// too, at the first comparison past the limit.
  func testLongChains_refusedWithALocatedError() {
    let long = grade(
      problem,
      "2*N*Nb*(L-1); N^2*(L-1); " + Array(repeating: "N", count: 10_001).joined(separator: "<"))
    XCTAssertEqual(long.verdict, .unreadable)
    XCTAssertEqual(long.issues.first?.column, 1)
    let chain = Array(repeating: "Nb", count: 200).joined(separator: "<")
    let g = grade(problem, chain)
    XCTAssertEqual(g.verdict, .unreadable)
    XCTAssertEqual(
      g.issues.first?.message, "a condition of 199 comparisons; psverify reads up to 64 in one part"
    )
    XCTAssertEqual(g.issues.first?.column, 65 * 3 + 1)
  }

  func testMalformedAnswers_areUnreadableWithALocatedDiagnostic() {
    let g = grade(problem, "2*N*Nb*(L-1; N^2*(L-1); Nb < N/2")
    XCTAssertEqual(g.verdict, .unreadable)
    XCTAssertEqual(g.issues.first?.column, 12)
    XCTAssertTrue(grade(problem, "2*N*Q").issues.first!.message.hasPrefix("unknown symbol 'Q'"))
  }

  func testPrintedSolution_agreesAndItsMissingLayerConditionIsFound() throws {
    let g = try printedGrade(problem)
    XCTAssertEqual(g.verdict, .correct)
    XCTAssertEqual(g.reading, "bottleneck 2·N·N_bottle·(L − 1); plain N²·(L − 1); N_bottle < N/2")
    let derivation = try problem.derive(ParameterValues(specs: problem.parameters))
    let errata = problem.findings(derivation, printed: g, text: Shipped.text("3a"))
    XCTAssertEqual(errata.map(\.kind), [.assumption])
    XCTAssertTrue(errata[0].message.hasPrefix("the condition N_bottle < N/2 needs L ≥ 2"))
    // A printed answer that states L ≥ 2 gets no such finding.
    let stated = grade(problem, "2*N*Nb*(L-1); N^2*(L-1); Nb < N/2 and L >= 2")
    XCTAssertEqual(problem.findings(derivation, printed: stated, text: Shipped.text("3a")).count, 0)
  }

  func testDerivedAnswer_matchesHandDerivation() throws {
    let derived = try Bottleneck.derivedAnswer().answer
    XCTAssertEqual(derived.bottleneck, try PolynomialParser.polynomial("2 N N_bottle (L - 1)"))
    XCTAssertEqual(derived.plain, try PolynomialParser.polynomial("N^2 (L - 1)"))
    XCTAssertEqual(derived.condition.map(\.description), ["N_bottle < N/2", "L ≥ 2"])
  }

  /// Every check of `psverify all` for problem 3a fails on a planted answer.
  func testEveryCheck_failsOnAPlantedAnswer() throws {
    let user = Bottleneck.Configuration(width: 12, bottleneck: 5, layers: 4, batch: 3)
    let derived = try Bottleneck.derivedAnswer().answer
    let all = Bottleneck.checks(candidate: derived, user: user, configs: 20, maxWidth: 12)
    for check in all { assertStatus(runCheck(check), .pass) }
    var wrong = derived
    wrong.bottleneck = try PolynomialParser.polynomial("N N_bottle (L - 1)")
    wrong.plain = try PolynomialParser.polynomial("N^2 L")
    wrong.condition = [try PolynomialParser.inequality("N_bottle ≤ N/2")]
    var failing = Set<String>()
    for check in Bottleneck.checks(candidate: wrong, user: user, configs: 20, maxWidth: 12)
    where check.id != "network-forward-reference" {
      assertStatus(runCheck(check), .fail)
      failing.insert(check.id)
    }
    // The forward passes' values: a dense layer that adds its threshold.
    for check in all where check.id == "network-forward-reference" {
      assertStatus(runCheck(check, with: .denseThresholdSign), .fail)
      failing.insert(check.id)
    }
    assertEveryCheckFails(all, failing: failing)
  }
}
