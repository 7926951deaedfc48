import TensorCore
import Verification
import XCTest

@testable import P3bResidualScale

/// `gamma-sweep` tests the candidate through the pooled χ² statistic of the sweep's variances: the
/// answer passes, a nearby wrong γ fails, and the statistic is centred with unit spread.
final class GammaSweepTests: XCTestCase {
  func sweep(_ gamma: Double, pairs: Int, seed: UInt64) -> ResidualScale.Sweep {
    ResidualScale.sweep(
      candidate: gamma, pairsPerPoint: pairs, stream: RandomStream(seed: seed).split("sweep"))
  }

  func testWilsonHilferty_matchesTheChiSquareQuantilesAtZ5() {
    // SciPy: chi2.isf(norm.sf(5), ν)/ν and chi2.ppf(norm.sf(5), ν)/ν for ν = 17 · 9 999.
    let nu = 17.0 * 9_999
    let high = ResidualScale.wilsonHilferty(ratio: 1.017_244_943_680_993_4, degreesOfFreedom: nu)
    let low = ResidualScale.wilsonHilferty(ratio: 0.982_943_309_743_280_3, degreesOfFreedom: nu)
    XCTAssertEqual(high.z, 5, accuracy: 1e-3)
    XCTAssertEqual(low.z, -5, accuracy: 1e-3)
    XCTAssertFalse(ResidualScale.wilsonHilferty(ratio: .nan, degreesOfFreedom: nu).passes)
  }

  func testTheAnswer_passesAtTheSmallestSize() {
    let s = sweep(0.5.squareRoot(), pairs: 10_000, seed: 3)
    XCTAssertTrue(s.crossingTest.passes, "z = \(s.crossingTest.z)")
    XCTAssertTrue(s.contradictions.isEmpty)
    XCTAssertEqual(s.crossing, 0.5.squareRoot(), accuracy: 5 * s.crossingError)
  }

  func testWrongGammas_nearTheAnswer_areRejected() {
    // c·γ₀² = 2·0.49 = 0.98 and 2·0.72² = 1.0368: z ≈ −18 and +61 expected at 10⁵ pairs a point.
    for seed: UInt64 in [1, 2] {
      let low = sweep(0.70, pairs: 100_000, seed: seed)
      XCTAssertFalse(low.crossingTest.passes, "γ = 0.70: z = \(low.crossingTest.z)")
      XCTAssertLessThan(low.crossingTest.z, -10)
      let high = sweep(0.72, pairs: 100_000, seed: seed)
      XCTAssertFalse(high.crossingTest.passes, "γ = 0.72: z = \(high.crossingTest.z)")
      XCTAssertGreaterThan(high.crossingTest.z, 10)
    }
  }

  func testStatistic_isCentredWithUnitSpread_overSeeds() {
    // 300 seeds at 10⁴ pairs: the mean z has standard error 0.058, its sample SD ≈ 0.041.
    let zs = (1...300).map { seed in
      sweep(0.5.squareRoot(), pairs: 10_000, seed: UInt64(seed)).crossingTest.z
    }
    let mean = zs.reduce(0, +) / Double(zs.count)
    let squares = zs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +)
    let sd = (squares / Double(zs.count - 1)).squareRoot()
    XCTAssertEqual(mean, 0, accuracy: 0.25, "a shifted statistic")
    XCTAssertEqual(sd, 1, accuracy: 0.2, "a mis-scaled statistic")
  }
}
