import Answers
import IndexNotation
import TensorCore
import TestSupport
import Verification
import XCTest

@testable import P3cGradientDecay

/// Problem 3c graded both ways: the factor as a power of γ, its exponent compared exactly.
final class GradientDecayGrading: XCTestCase {
  let problem = GradientDecay.problem
  let setup = GradientDecay.Setup(
    layers: 6, gamma: 0.5.squareRoot(), width: 8, bottleneck: 3, seeds: 2)

  func testRightFactors_inPlainUnicodeAndLaTeX_areCorrect() {
    assertGrade(problem, "gamma^(L-1)", .correct)
    assertGrade(problem, "γ^(L−1)", .correct)
    assertGrade(problem, #"\gamma^{L-1}"#, .correct)
    assertGrade(problem, #"\gamma^{L-1-\ell}"#, .correct, mentions: ["at the bottom, ℓ = 0"])
    assertGrade(problem, "L - 1", .correct, mentions: ["Read as the exponent of γ."])
    // L counting the blocks instead of the layers: the evident other convention, named.
    assertGrade(problem, "gamma^L", .correct, convention: "L counting the residual blocks")
  }

  func testWrongFactors_areIncorrectAndSayWhereTheyHold() {
    assertGrade(
      problem, "gamma^(L-2)", .incorrect,
      mentions: [
        "γ^(L − 2) is the factor at L_1 (ℓ = 1), one layer above the bottom",
        "Backprop on a 5-layer stack measures the exponents L_0: 4, L_1: 3",
      ])
    assertGrade(
      problem, "gamma^(L-3)", .incorrect, mentions: ["is the factor at L_2 (ℓ = 2), 2 layers above"]
    )
    assertGrade(problem, "gamma", .incorrect, mentions: ["must depend on the depth L"])
    assertGrade(
      problem, "gamma^(L+1)", .incorrect,
      mentions: ["No layer of the stack has the factor γ^(L + 1)"])
    assertGrade(
      problem, "gamma^(2*L)", .incorrect, mentions: ["No layer of the stack has the factor"])
    assertGrade(
      problem, "gamma^(L-l)", .incorrect, mentions: ["The factor at layer ℓ is γ^(L − ℓ − 1)"])
  }

  func testMalformedFactors_areUnreadableWithALocatedDiagnostic() {
    let g = grade(problem, "gamma^(L-1")
    XCTAssertEqual(g.verdict, .unreadable)
    XCTAssertEqual(g.issues.first?.column, 11)
    XCTAssertEqual(
      grade(problem, "sigma^(L-1)").issues.first?.message, "expected γ as the base of the power")
  }

  func testPrintedSolution_isTheSecondLayersFactor() throws {
    let g = try printedGrade(problem)
    XCTAssertEqual(g.verdict, .incorrect)
    XCTAssertEqual(g.reading, "γ^(L − 2)")
    XCTAssertTrue(g.feedback[0].hasPrefix("γ^(L − 2) is the factor at L_1"), g.feedback[0])
  }

  func testExponent_solvedFromTheRecurrence() throws {
    let (perLayer, parameters) = try GradientDecay.solveExponent()
    // Hand derivation: L − 1 − ℓ blocks lie above L_ℓ; block ℓ's output enters one block up.
    XCTAssertEqual(perLayer, try PolynomialParser.polynomial("L - 1 - ℓ"))
    XCTAssertEqual(parameters, perLayer)
  }

  /// Every check of `psverify all` for 3c fails on a planted exponent or a broken backward pass.
  func testEveryCheck_failsOnAPlantedExponentOrBrokenBackprop() throws {
    let right = try PolynomialParser.polynomial("L - 1")
    let perLayer = try PolynomialParser.polynomial("L - 1 - ℓ")
    let all = GradientDecay.checks(candidateBottom: right, perLayer: perLayer, setup: setup)
    for check in all { assertStatus(runCheck(check), .pass) }
    var failing = Set<String>()
    let planted = GradientDecay.checks(
      candidateBottom: try PolynomialParser.polynomial("L - 2"),
      perLayer: try PolynomialParser.polynomial("L - ℓ"), setup: setup,
      backwardGamma: 1)
    for check in planted {
      assertStatus(runCheck(check), .fail)
      failing.insert(check.id)
    }
    assertEveryCheckFails(all, failing: failing)
  }
}
