import Foundation
import TensorCore
import Verification

extension ResidualScale {
  /// Draws of the maximum check: 2²⁰, in chunks of 2¹⁶.
  static let maximumDraws = 1 << 20

  /// The Gaussian sampler's far tail seen through its largest draw, a statistic whose
  /// distribution is known exactly: for n independent N(0, 1) draws and M = max |xᵢ|,
  ///
  /// ```
  /// F(m) = P(M ≤ m) = (1 − erfc(m/√2))ⁿ,   z = Φ⁻¹(F(M)) ~ N(0, 1)
  /// ```
  /// (F is continuous, so F(M) is uniform). |z| ≤ 5 gives the run's false alarm of 5.7e-7. At
  /// n = 2²⁰ the median of M is 4.9 and a sampler with no tail beyond the ziggurat's R = 3.654
  /// has F(M) ≤ F(R) = exp(n·ln(1 − 2.58e-4)) ≈ e⁻²⁷⁰, so z ≈ −23: far past the limit.
  /// Independent of `gaussian-sampler-tails` (its own draws, and a statistic of the tail beyond
  /// that check's last edge 3.8, which the bins lump together).
  ///
  /// - Complexity: 2²⁰ draws, a few ms.
  static func samplerMaximumCheck() -> Check {
    Check(
      id: "gaussian-sampler-maximum", kind: .monteCarlo,
      summary: "the largest |x| of 2²⁰ ziggurat draws against its exact distribution "
        + "(1 − erfc(m/√2))ⁿ",
      params: [("draws", .integer(maximumDraws))]
    ) { context in
      let chunk = 1 << 16
      var buffer = [Double](repeating: 0, count: chunk)
      var largest = 0.0
      for c in 0..<(maximumDraws / chunk) {
        var stream = context.random.split(c)
        buffer.withUnsafeMutableBufferPointer { stream.fill($0, with: .gaussian) }
        largest = buffer.reduce(largest) { max($0, abs($1)) }
      }
      let z = maximumZ(largest, draws: maximumDraws)
      let test = ZTest(estimate: z, standardError: 1, hypothesis: 0, limit: zLimit)
      return Measurement(
        status: test.passes ? .pass : .fail, expected: .real(0), measured: .real(z),
        standardError: 1, test: test, tolerance: zTolerance(test),
        detail: "largest |x| of \(maximumDraws) draws = \(Value.format(largest, digits: 5)) "
          + "(median expected \(Value.format(maximumMedian(draws: maximumDraws), digits: 4))), "
          + "z = Φ⁻¹(F(max)) = \(Value.format(z, digits: 3))")
    }
  }

  /// Φ⁻¹((1 − erfc(m/√2))ⁿ), computed in logarithms (F(m) is far below the smallest double for a
  /// sampler with a missing tail), by bisection on erfc; clamped to ±38.
  static func maximumZ(_ m: Double, draws n: Int) -> Double {
    let logF = Double(n) * log1p(-erfc(m / 2.0.squareRoot()))
    // Lower tail: Φ(z) = erfc(−z/√2)/2 = F; upper: erfc(z/√2)/2 = 1 − F.
    let lower = logF < log(0.5)
    let target = lower ? logF : log(-expm1(logF))
    var lo = 0.0
    var hi = 38.0
    for _ in 0..<200 {
      let mid = (lo + hi) / 2
      if log(erfc(mid / 2.0.squareRoot()) / 2) > target { lo = mid } else { hi = mid }
    }
    return lower ? -lo : lo
  }

  /// The m with F(m) = ½: erfc(m/√2) = 1 − 2^(−1/n).
  static func maximumMedian(draws n: Int) -> Double {
    let q = -expm1(-log(2) / Double(n))
    var lo = 0.0
    var hi = 38.0
    for _ in 0..<200 {
      let mid = (lo + hi) / 2
      if erfc(mid / 2.0.squareRoot()) > q { lo = mid } else { hi = mid }
    }
    return lo
  }
}
