import Algebra
import IndexNotation
import TensorCore
import TestSupport
import Verification
import XCTest

@testable import P3cGradientDecay

/// Problem 3c's family: γ on every m-th block and the factor at another layer, measured by
/// backprop through a stack with each block's own γ, graded through the base grader.
final class GradientDecayVariantGrading: XCTestCase {
  let family = GradientDecay.problem

  func testVariants_ofEightSeeds_passEveryCheck_andHalfDifferInStructure() throws {
    var differing = 0
    for seed in UInt64(1)...8 {
      let v = family.variant(seed: seed)
      if v.differsInStructure { differing += 1 }
      let parameters = ParameterValues(specs: v.problem.parameters, overrides: ["L": .integer(9)])
      let d = try v.problem.derive(parameters)
      let checks = v.problem.checks(d, parameters)
      XCTAssertEqual(checks.count, 3)
      for check in checks {
        let o = runCheck(check, seed: seed)
        XCTAssertEqual(
          o.status, .pass, "seed \(seed) (\(v.summary)) \(o.id): \(o.measurement.detail)")
      }
    }
    XCTAssertGreaterThanOrEqual(differing, 4)
  }

  /// By hand: with γ on every m-th block, (L − 1 − k)/m scaled blocks lie above L_k.
  func testDerivedExponents_equalHandCounts() throws {
    for (m, k, layers, expected) in [(2, 0, 9, 4), (3, 6, 13, 2), (1, 2, 10, 7), (4, 4, 13, 2)] {
      let d = try GradientDecay.derivation(DecayStructure(every: m, layer: k))
      guard case .power(_, let e) = d.answer else { return XCTFail("not a power") }
      XCTAssertEqual(e.evaluate(["L": Rational(layers)]), Rational(expected), "m \(m) k \(k)")
    }
  }

  func testEverySecondBlock_gradedThroughTheBaseGrader() {
    let p = GradientDecayVariantProblem(DecayStructure(every: 2, layer: 0))
    assertGrade(
      p, "gamma^((L-1)/2)", .correct, mentions: ["scaled blocks lie between L_0 and the top"])
    assertGrade(p, #"\gamma^{\frac{L-1}{2}}"#, .correct)
    // The base problem's answer counts every block.
    assertGrade(
      p, "gamma^(L-1)", .incorrect,
      mentions: ["the answer gives 8 at the bottom", "This variant: γ on every 2nd block"])
  }

  func testAnotherLayer_gradedThroughTheBaseGrader() {
    let p = GradientDecayVariantProblem(DecayStructure(every: 1, layer: 2))
    assertGrade(p, "gamma^(L-3)", .correct)
    assertGrade(p, "γ^(L − 3)", .correct)
    assertGrade(
      p, "gamma^(L-1)", .incorrect, mentions: ["L_2 gets γ^(L − 3)", "the factor at L_2"])
  }

  /// A derivation blind to the structure (the base problem's γ^(L − 1 − ℓ)) fails every variant
  /// check; a backward pass that scales every block fails the finite differences.
  func testStructureBlindExponent_failsEveryVariantCheck() throws {
    let s = DecayStructure(every: 3, layer: 3)
    let setup = GradientDecay.Setup(
      layers: 10, gamma: 0.5.squareRoot(), width: 6, bottleneck: 3, seeds: 1)
    let (blindPerLayer, _) = try GradientDecay.solveExponent()
    let blindAsked = blindPerLayer.substituting(["ℓ": Polynomial(3)])
    let all = GradientDecay.variantChecks(
      candidate: blindAsked, perLayer: blindPerLayer, structure: s,
      setup: setup)
    var failing = Set<String>()
    for check in all where check.id != "backprop-finite-difference" {
      assertStatus(runCheck(check), .fail)
      failing.insert(check.id)
    }
    // A backward pass that multiplies every block by γ, though only every 3rd is scaled.
    let planted = GradientDecay.finiteDifferenceCheck(
      setup, backwardGamma: setup.gamma,
      blockGammas: s.blockGammas(layers: 4, gamma: setup.gamma))
    assertStatus(runCheck(planted), .fail)
    failing.insert(planted.id)
    assertEveryCheckFails(all, failing: failing)
    let (right, _) = try GradientDecay.solveExponent(every: 3)
    for check in GradientDecay.variantChecks(
      candidate: right.substituting(["ℓ": Polynomial(3)]),
      perLayer: right, structure: s, setup: setup)
    {
      assertStatus(runCheck(check), .pass)
    }
  }
}
