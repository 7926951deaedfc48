import TensorCore
import Verification
import XCTest

@testable import P3bResidualScale

/// The skew-adjusted `network-unit-variance` check at its smallest accepted size (N = 16,
/// N_bottle = 1, L = 2, batch 16, 8 replicates): it passes the right γ, takes a low limit beyond
/// Student's, and still fails a wrong γ on either side and a planted bias of the variance
/// estimator.
final class NetworkUnitVarianceSkewTests: XCTestCase {
  let shape = ResidualScale.NetworkShape(
    width: 16, bottleneck: 1, layers: 2, batch: 16, replicates: 8)

  func outcome(gamma: Double, seed: UInt64) -> Verification.Measurement {
    let check = ResidualScale.networkUnitVarianceCheck(gamma: gamma, shape: shape)
    let stream = RandomStream(seed: seed).split("3b").split(check.id)
    let parameters = ParameterValues(
      specs: ResidualScale.problem.parameters,
      overrides: [
        "N": .integer(16), "N_bottle": .integer(1), "L": .integer(2), "batch": .integer(16),
        "replicates": .integer(8),
      ])
    return Runner(seed: seed).run(check, stream: stream, trials: 10_000, parameters: parameters)
      .measurement
  }

  func testRightGamma_passes_withTheLowLimitBeyondStudents() throws {
    for seed: UInt64 in 1...3 {
      let m = outcome(gamma: 0.5.squareRoot(), seed: seed)
      XCTAssertEqual(m.status, .pass, "seed \(seed): \(m.detail)")
      let test = try XCTUnwrap(m.test)
      let nu = try XCTUnwrap(test.degreesOfFreedom)
      let student = ZTest.student(
        estimate: 0, standardError: 1, hypothesis: 0, zLimit: 5, degreesOfFreedom: nu)
      // κ ≥ √(8/15)/√(M) > 0 at batch 16: the low side is the heavy one.
      let floor = (8.0 / 15).squareRoot() / Double(nu + 1).squareRoot()
      XCTAssertGreaterThanOrEqual(test.skewness, floor * (1 - 1e-12))
      XCTAssertEqual(test.limit, student.limit, accuracy: 1e-9)
      XCTAssertGreaterThan(test.lowerLimit, student.limit + 0.05)
      XCTAssertEqual(test.falseAlarmProbability, 5.733e-7, accuracy: 1e-10)
    }
  }

  /// γ = 0.6 gives Var L₁ = 2γ² = 0.72 (low, the heavy side), γ = 0.9 gives 1.62: with about 95
  /// live pooled values of spread ≈ 0.35, both are ≈ 8 standard errors off or more. (Seed 3 draws
  /// low — Var L₁ = 0.86 ± 0.03 at the right γ — so a wrong γ of 0.8, 1.28 on average, gives only
  /// 1.10 ± 0.04 there and passes: power against 0.8 at this smallest size is not certain.)
  func testWrongGamma_failsOnEitherSide() {
    for seed: UInt64 in 1...3 {
      let low = outcome(gamma: 0.6, seed: seed)
      XCTAssertEqual(low.status, .fail, "seed \(seed): \(low.detail)")
      XCTAssertLessThan(low.test?.z ?? 0, 0)
      let high = outcome(gamma: 0.9, seed: seed)
      XCTAssertEqual(high.status, .fail, "seed \(seed): \(high.detail)")
      XCTAssertGreaterThan(high.test?.z ?? 0, 0)
    }
  }

  /// The planted bias (n + 10)/n of the variance estimator, at batch 16 a factor 1.625.
  func testPlantedVarianceBias_fails() {
    KernelFaults.set(.varianceBias)
    defer { KernelFaults.set(nil) }
    for seed: UInt64 in 1...3 {
      let m = outcome(gamma: 0.5.squareRoot(), seed: seed)
      XCTAssertEqual(m.status, .fail, "seed \(seed): \(m.detail)")
    }
  }

  /// The χ² figure √(8/(batch − 1)) is the floor; a sample more skewed than it raises it.
  func testPooledSkewness_isAtLeastTheChiSquareFigure() {
    XCTAssertEqual(
      ResidualScale.pooledSkewness([1, 1, 1, 1], batch: 16), (8.0 / 15).squareRoot(),
      accuracy: 1e-12)
    XCTAssertEqual(
      ResidualScale.pooledSkewness([0, 0, 0, 0, 0, 0, 0, 0, 0, 9], batch: 16),
      ZTest.sampleSkewness([0, 0, 0, 0, 0, 0, 0, 0, 0, 9]), accuracy: 1e-12)
    // Bernoulli(0.1) scaled: skewness 0.8/√0.09 = 2.667.
    XCTAssertEqual(
      ZTest.sampleSkewness([0, 0, 0, 0, 0, 0, 0, 0, 0, 9]), 0.8 / 0.3, accuracy: 1e-12)
  }
}
