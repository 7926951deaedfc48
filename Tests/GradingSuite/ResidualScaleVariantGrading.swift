import Algebra
import IndexNotation
import TensorCore
import TestSupport
import Verification
import XCTest

@testable import P3bResidualScale

/// Problem 3b's family: every variant derived and verified, graded through the base grader, and
/// its checks shown failing on a structure-blind γ.
final class ResidualScaleVariantGrading: XCTestCase {
  let family = ResidualScale.problem

  func variant(_ branches: [ResidualStructure.Branch], _ summary: String)
    -> ResidualScaleVariantProblem
  {
    ResidualScaleVariantProblem(structure: ResidualStructure(branches: branches), summary: summary)
  }

  func outcomes(_ checks: [Check], seed: UInt64 = 3, trials: Int = 20_000) -> [CheckOutcome] {
    let runner = Runner(seed: seed, trials: trials)
    let root = RandomStream(seed: seed).split("3b")
    return checks.map {
      runner.run(
        $0, stream: root.split($0.id), trials: trials, parameters: ParameterValues(specs: []))
    }
  }

  func testSeedZero_isTheBaseProblem() {
    let v = family.variant(seed: 0)
    XCTAssertFalse(v.differsInStructure)
    XCTAssertEqual(v.problem.question, family.question)
  }

  func testVariants_ofEightSeeds_passEveryCheck_andDifferInStructure() throws {
    var differing = 0
    var kinds = Set<String>()
    for seed in UInt64(1)...8 {
      let v = family.variant(seed: seed)
      if v.differsInStructure { differing += 1 }
      kinds.insert(v.kind)
      let d = try v.problem.derive(ParameterValues(specs: v.problem.parameters))
      let checks = v.problem.checks(d, ParameterValues(specs: v.problem.parameters))
      XCTAssertEqual(checks.count, 5, "seed \(seed)")
      for o in outcomes(checks, seed: seed) {
        XCTAssertEqual(
          o.status, .pass, "seed \(seed) (\(v.summary)) \(o.id): \(o.measurement.detail)")
      }
      // The same seed gives the same member.
      XCTAssertEqual(family.variant(seed: seed).summary, v.summary)
    }
    XCTAssertGreaterThanOrEqual(differing, 4)
    XCTAssertGreaterThanOrEqual(kinds.count, 2, "\(kinds)")
  }

  /// γ = 1/√(Var of the sum), worked by hand: k branches 1/√(k + 1); ρ: 1/√(2 + 2ρ); v: 1/√(1 + v).
  func testDerivedGamma_equalsHandDerivedValues() throws {
    let cases: [([ResidualStructure.Branch], Double)] = [
      (Array(repeating: .init(), count: 3), 0.5),
      (Array(repeating: .init(), count: 8), 1.0 / 3),
      ([.init(variance: 1, correlation: Rational(1, 4))], 0.6324555320336759),  // √(2/5)
      ([.init(variance: 1, correlation: Rational(-1, 2))], 1.0),
      ([.init(variance: Rational(1, 4))], 0.8944271909999159),  // 2/√5
      ([.init(variance: 3)], 0.5),
    ]
    for (branches, expected) in cases {
      let d = try ResidualScale.derivation(ResidualStructure(branches: branches))
      guard case .scalar(.exact(let g)) = d.answer else { return XCTFail("not exact") }
      XCTAssertEqual(g.doubleValue, expected, accuracy: 1e-15, "\(branches)")
    }
  }

  func testThreeBranches_gradedThroughTheBaseGrader() {
    let p = variant(Array(repeating: .init(), count: 3), "3 independent branches")
    assertGrade(
      p, "1/2", .correct,
      mentions: [
        "4γ² − 1 = 0 exactly at γ = 1/2",
        "γ(A + B_1 + B_2 + B_3)",
      ])
    assertGrade(p, #"\frac{1}{2}"#, .correct)
    assertGrade(p, "0.500", .correct)
    // The base problem's answer is wrong here, and the feedback names the structure.
    assertGrade(
      p, "1/sqrt(2)", .incorrect,
      mentions: [
        "Var γ(A + B_1 + B_2 + B_3) = 4γ² = 2, not 1", "γ is too large",
        "B_1, B_2, B_3 each of mean 0 and variance 1",
      ])
    assertGrade(p, "-1/2", .correct, convention: "the negative root")
  }

  func testCorrelatedBranch_gradedThroughTheBaseGrader() {
    let p = variant([.init(variance: 1, correlation: Rational(1, 4))], "ρ = 1/4")
    assertGrade(p, "sqrt(2/5)", .correct)
    assertGrade(p, #"\frac{\sqrt{10}}{5}"#, .correct)
    assertGrade(p, "0.6325", .correct)
    assertGrade(
      p, "1/sqrt(2)", .incorrect,
      mentions: ["(5/2)γ² = 1.25, not 1", "correlated with A with coefficient ρ = 1/4"])
  }

  func testBranchVariance_gradedThroughTheBaseGrader() {
    let p = variant([.init(variance: Rational(1, 4))], "variance 1/4")
    assertGrade(p, "2/sqrt(5)", .correct)
    assertGrade(p, "2*sqrt(5)/5", .correct)
    assertGrade(
      p, "1/sqrt(2)", .incorrect, mentions: ["= 0.625, not 1", "γ is too small", "variance 1/4"])
    XCTAssertEqual(grade(p, "1/sqrt(").verdict, .unreadable)
  }

  /// A derivation that ignores the structure (the base problem's γ = 1/√2) fails every check of
  /// each family; the derived γ passes them with the same draws.
  func testStructureBlindGamma_failsEveryVariantCheck() throws {
    let base = try XCTUnwrap(Surd.squareRoot(of: Rational(1, 2)))
    let structures = [
      ResidualStructure(branches: Array(repeating: .init(), count: 3)),
      ResidualStructure(branches: [.init(variance: 1, correlation: Rational(1, 2))]),
      ResidualStructure(branches: [.init(variance: 4)]),
    ]
    for s in structures {
      let all = ResidualScale.variantChecks(candidate: .exact(base), structure: s)
      var failing = Set<String>()
      for o in outcomes(all) {
        XCTAssertEqual(o.status, .fail, "\(s) \(o.id): \(o.measurement.detail)")
        if o.status == .fail { failing.insert(o.id) }
      }
      assertEveryCheckFails(all, failing: failing)
    }
  }
}
