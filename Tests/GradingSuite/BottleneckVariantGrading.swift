import Algebra
import IndexNotation
import TensorCore
import TestSupport
import Verification
import XCTest

@testable import P3aBottleneck

/// Problem 3a's family: sub-blocks per block and parallel branches, counted in forward passes of
/// the structure's network and graded through the base grader.
final class BottleneckVariantGrading: XCTestCase {
  let family = Bottleneck.problem

  func testVariants_ofFiveSeeds_passEveryCheck_andDifferInStructure() throws {
    var differing = 0
    for seed in UInt64(1)...5 {
      let v = family.variant(seed: seed)
      if v.differsInStructure { differing += 1 }
      let parameters = ParameterValues(
        specs: v.problem.parameters,
        overrides: ["configs": .integer(8), "max_N": .integer(12)])
      let d = try v.problem.derive(parameters)
      let checks = v.problem.checks(d, parameters)
      XCTAssertEqual(checks.count, 3)
      for check in checks {
        let o = runCheck(check, seed: seed)
        XCTAssertEqual(
          o.status, .pass, "seed \(seed) (\(v.summary)) \(o.id): \(o.measurement.detail)")
      }
    }
    XCTAssertGreaterThanOrEqual(differing, 3)
    XCTAssertFalse(family.variant(seed: 0).differsInStructure)
  }

  /// By hand: a block of m sub-blocks of p branches costs m·p·2·N·N_bottle; cheaper iff
  /// 2·m·p·N_bottle < N.
  func testDerivedAnswer_equalsHandCounts() throws {
    let a = try Bottleneck.derivedAnswer(BottleneckStructure(stages: 2, paths: 3)).answer
    let point: [String: Rational] = ["N": 10, "N_bottle": 4, "L": 5]
    XCTAssertEqual(a.bottleneck.evaluate(point), Rational(4 * 2 * 3 * 2 * 10 * 4))
    XCTAssertEqual(a.plain.evaluate(point), Rational(4 * 10 * 10))
    XCTAssertEqual(a.condition[0].bound.evaluate(point), Rational(10, 12))
    XCTAssertEqual(a.condition[0].relation, .less)
  }

  func testTwoSubBlocks_gradedThroughTheBaseGrader() {
    let p = BottleneckVariantProblem(BottleneckStructure(stages: 2, paths: 1))
    assertGrade(p, "4*N*Nb*(L-1); N^2*(L-1); Nb < N/4; L >= 2", .correct)
    assertGrade(
      p, #"4 N N_{\text{bottle}} (L-1); N^2 (L-1); N_{\text{bottle}} < \frac{N}{4}; L \ge 2"#,
      .correct)
    // The base problem's answer counts one sub-block per block.
    assertGrade(
      p, "2*N*Nb*(L-1); N^2*(L-1); Nb < N/2; L >= 2", .incorrect,
      mentions: [
        "lacks the factor 2", "differs from N_bottle < N/4",
        "This variant: 2 bottleneck sub-blocks per block",
      ])
  }

  func testParallelBranches_gradedThroughTheBaseGrader() {
    let p = BottleneckVariantProblem(BottleneckStructure(stages: 1, paths: 3))
    assertGrade(p, "6*N*Nb*(L-1); N^2*(L-1); Nb < N/6; L >= 2", .correct)
    assertGrade(p, "bottleneck: 6 N N_b (L − 1); plain: N²(L − 1); 6 N_b < N; L ≥ 2", .correct)
    assertGrade(
      p, "2*N*Nb*(L-1); N^2*(L-1); Nb < N/2; L >= 2", .incorrect,
      mentions: ["3 parallel branches in each"])
  }

  /// The base problem's answer (a derivation blind to the structure) fails every variant check.
  func testStructureBlindAnswer_failsEveryVariantCheck() throws {
    let s = BottleneckStructure(stages: 2, paths: 2)
    let blind = try Bottleneck.derivedAnswer().answer
    let plainWrong = Bottleneck.Answer(
      bottleneck: blind.bottleneck,
      plain: blind.plain * Polynomial(2), condition: blind.condition)
    let all = Bottleneck.variantChecks(
      candidate: plainWrong, structure: s, configs: 6, maxWidth: 10)
    var failing = Set<String>()
    for check in all {
      let o = runCheck(check)
      XCTAssertEqual(o.status, .fail, "\(o.id): \(o.measurement.detail)")
      if o.status == .fail { failing.insert(o.id) }
    }
    assertEveryCheckFails(all, failing: failing)
    let right = try Bottleneck.derivedAnswer(s).answer
    for check in Bottleneck.variantChecks(candidate: right, structure: s, configs: 6, maxWidth: 10)
    {
      assertStatus(runCheck(check), .pass)
    }
  }
}
