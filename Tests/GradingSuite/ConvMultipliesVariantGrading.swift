import Algebra
import IndexNotation
import TensorCore
import TestSupport
import Verification
import XCTest

@testable import P1ConvMultiplies

/// Problem 1's family: strides, groups and borders, each count derived from the variant's own
/// equation and counted in the kernel; graded through the base grader.
final class ConvMultipliesVariantGrading: XCTestCase {
  let family = ConvMultiplies.problem

  func testVariants_ofSixSeeds_passEveryCheck_andDifferInStructure() throws {
    var differing = 0
    var kinds = Set<String>()
    for seed in UInt64(1)...6 {
      let v = family.variant(seed: seed)
      if v.differsInStructure { differing += 1 }
      kinds.insert(v.kind)
      let parameters = ParameterValues(
        specs: v.problem.parameters, overrides: ["shapes": .integer(15)])
      let d = try v.problem.derive(parameters)
      let checks = v.problem.checks(d, parameters)
      XCTAssertEqual(checks.count, 2)
      for check in checks {
        let o = runCheck(check, seed: seed)
        XCTAssertEqual(
          o.status, .pass, "seed \(seed) (\(v.summary)) \(o.id): \(o.measurement.detail)")
      }
    }
    XCTAssertGreaterThanOrEqual(differing, 3)
    XCTAssertGreaterThanOrEqual(kinds.count, 2, "\(kinds)")
    XCTAssertFalse(family.variant(seed: 0).differsInStructure)
  }

  /// Counts worked by hand at a point: outputs × taps × (N_in/G) × N_out.
  func testDerivedCounts_equalHandCountsAtAPoint() throws {
    let point: [String: Rational] = [
      "B": 2, "X": 7, "Y": 10, "ΔX": 1, "ΔY": 4, "N_out": 4, "N_in": 6,
    ]
    // stride 2, 2 groups, same: ⌈7/2⌉ is not used (X must be even); take X = 8: 4·5 outputs.
    var p = point
    p["X"] = 8
    let sameCount = try ConvMultiplies.count(ConvStructure(stride: 2, groups: 2, padding: .same))
      .count
    XCTAssertEqual(sameCount.evaluate(p), Rational(2 * 4 * 5 * 1 * 4 * 4 * 3))
    // stride 3, 1 group, valid: (7 − 1)/3 + 1 = 3 by (10 − 4)/3 + 1 = 3 outputs.
    let validCount = try ConvMultiplies.count(ConvStructure(stride: 3, groups: 1, padding: .valid))
      .count
    XCTAssertEqual(validCount.evaluate(point), Rational(2 * 3 * 3 * 1 * 4 * 4 * 6))
  }

  func testStrideAndGroups_gradedThroughTheBaseGrader() {
    let p = ConvMultipliesVariantProblem(ConvStructure(stride: 2, groups: 2, padding: .same))
    assertGrade(
      p, "B*X*Y*dX*dY*Nout*Nin/8", .correct, mentions: ["stride 2, 2 groups, `same` borders"])
    assertGrade(p, "B·(X/2)·(Y/2)·ΔX·ΔY·N_out·(N_in/2)", .correct)
    assertGrade(
      p, "B*X*Y*dX*dY*Nout*Nin", .incorrect,
      mentions: ["has an extra factor 8", "This variant: stride 2, 2 groups"])
    // A wrong count is shown where the grouped, strided kernel runs.
    assertGrade(p, "B*X*Y*dX*dY*Nout*Nin/4", .incorrect, mentions: ["counts 864 multiplies"])
  }

  /// The count written as a product of the sizes (by hand, in `countText`) is the polynomial the
  /// notation engine derived, for every structure of the family.
  func testCountAsWritten_isTheDerivedCount_forEveryStructure() {
    for stride in 1...3 {
      for groups in [1, 2, 4] {
        for padding in [Padding.same, .valid] {
          let p = ConvMultipliesVariantProblem(
            ConvStructure(stride: stride, groups: groups, padding: padding))
          assertGrade(p, p.structure.countText, .correct)
        }
      }
    }
  }

  func testValidBorders_gradedThroughTheBaseGrader() {
    let p = ConvMultipliesVariantProblem(ConvStructure(stride: 3, groups: 1, padding: .valid))
    assertGrade(p, "B*((X-dX)/3+1)*((Y-dY)/3+1)*dX*dY*Nout*Nin", .correct)
    assertGrade(
      p,
      #"B\left(\frac{X-\Delta X}{3}+1\right)\left(\frac{Y-\Delta Y}{3}+1\right)"#
        + #"\Delta X\,\Delta Y\,N_{out}N_{in}"#,
      .correct)
    assertGrade(p, "B*X*Y*dX*dY*Nout*Nin", .incorrect, mentions: ["`valid` borders"])
  }

  /// The base problem's count (a derivation that ignores stride and groups) fails the count
  /// check; a GEMM doing an extra multiply fails both checks.
  func testEveryVariantCheck_failsOnAStructureBlindCountOrABrokenKernel() throws {
    let s = ConvStructure(stride: 2, groups: 2, padding: .valid)
    let derived = try ConvMultiplies.count(s).count
    let blind = try ConvMultiplies.counts().valid
    let all = ConvMultiplies.variantChecks(candidate: derived, structure: s, shapes: 12)
    for check in all { assertStatus(runCheck(check), .pass) }
    var failing = Set<String>()
    for check in ConvMultiplies.variantChecks(candidate: blind, structure: s, shapes: 12)
    where check.id.hasPrefix("instrumented-count") {
      assertStatus(runCheck(check), .fail)
      failing.insert(check.id)
    }
    for check in all {
      assertStatus(runCheck(check, with: .extraMultiply), .fail)
      failing.insert(check.id)
    }
    assertEveryCheckFails(all, failing: failing)
  }
}
