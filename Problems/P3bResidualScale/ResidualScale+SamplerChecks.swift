import Foundation
import TensorCore
import Verification

extension ResidualScale {
  /// Upper edges of the |x| bins of the sampler check; the last bin is [3.8, ∞). An edge above
  /// the ziggurat's base boundary R = 3.654 puts the tail beyond R in a bin of its own.
  static let samplerEdges: [Double] = [0.5, 1, 1.5, 2, 2.5, 3, 3.4, 3.8]

  /// About 16 draws per trial in chunks of 2¹⁶, from 2²⁰ to 2²⁴ (the default 10⁶ trials give
  /// 244 · 2¹⁶ ≈ 1.6·10⁷ draws, ≈ 2 300 of them in the last bin; 2²⁰ give ≈ 152, still 12
  /// standard errors from a tail that is missing).
  static func samplerDraws(trials: Int) -> Int {
    let chunks = min(256, max(16, trials / 4096))
    return chunks << 16
  }

  /// The Gaussian sampler's distribution, where the variance checks draw from it: draws from
  /// `fill(_:with: .gaussian)` binned by |x| on `samplerEdges`, each bin's count against
  /// n·P(bin) from the normal CDF, P(a ≤ |X| < b) = erfc(a/√2) − erfc(b/√2), and the count of
  /// positive draws against n/2. Each of the 10 counts is Binomial(n, p); its z-test limit
  /// splits the run's false alarm of 5.7e-7 over the 10 tests (Bonferroni), |z| ≤ 5.42.
  ///
  /// - Complexity: at most 2²⁴ draws, about 40 ms.
  static func samplerCheck() -> Check {
    Check(
      id: "gaussian-sampler-tails", kind: .monteCarlo,
      summary: "the ziggurat's draws, binned by |x| up to [3.8, ∞), against the normal CDF",
      params: [
        ("draws_per_trial", .integer(16)),
        ("edges", .text(samplerEdges.map { Value.format($0) }.joined(separator: ", "))),
      ]
    ) { context in
      let draws = samplerDraws(trials: context.trials)
      var counts = [Int](repeating: 0, count: samplerEdges.count + 1)
      var positive = 0
      let chunk = 1 << 16
      var buffer = [Double](repeating: 0, count: chunk)
      for c in 0..<(draws / chunk) {
        var stream = context.random.split(c)
        buffer.withUnsafeMutableBufferPointer { stream.fill($0, with: .gaussian) }
        positive += buffer.withUnsafeBufferPointer {
          Histogram.addAbsolute($0, edges: samplerEdges, to: &counts)
        }
      }
      let n = Double(draws)
      let limit = samplerLimit
      var worst = (z: 0.0, what: "")
      var lower = 0.0
      var expected: [Double] = []
      for (bin, count) in counts.enumerated() {
        let upper = bin < samplerEdges.count ? samplerEdges[bin] : .infinity
        let root2 = 2.0.squareRoot()
        let p = erfc(lower / root2) - (upper.isFinite ? erfc(upper / root2) : 0)
        expected.append(n * p)
        let z = (Double(count) - n * p) / (n * p * (1 - p)).squareRoot()
        if abs(z) > abs(worst.z) {
          worst = (
            z,
            "|x| in [\(Value.format(lower)), \(Value.format(upper))): \(count) draws, "
              + "expected \(Value.format(n * p, digits: 6))"
          )
        }
        lower = upper
      }
      let signZ = (Double(positive) - n / 2) / (n / 4).squareRoot()
      if abs(signZ) > abs(worst.z) {
        worst = (signZ, "\(positive) positive draws, expected \(Value.format(n / 2, digits: 9))")
      }
      let test = ZTest(
        estimate: worst.z, standardError: 1, hypothesis: 0, limit: limit,
        tests: counts.count + 1)
      return Measurement(
        status: test.passes ? .pass : .fail, expected: .real(0), measured: .real(worst.z),
        standardError: 1, test: test,
        tolerance: Tolerance(
          .zScore, limit,
          reason: "|z| ≤ \(Value.format(limit, digits: 3)) on "
            + "each of 10 binomial counts: two-sided false alarm 5.7e-7 per "
            + "check (Bonferroni)"),
        detail: "\(draws) draws in \(counts.count) |x| bins and a sign count; largest "
          + "|z| = \(Value.format(abs(worst.z), digits: 3)) at \(worst.what)",
        series: ["count": counts.map(Double.init), "expected": expected])
    }
  }

  /// The per-count limit: P(|Z| > c) = 5.7e-7 / 10, by bisection on erfc.
  static let samplerLimit: Double = {
    let target = ZTest.twoSidedTail(zLimit) / 10
    var lo = 0.0
    var hi = 10.0
    for _ in 0..<100 {
      let mid = (lo + hi) / 2
      if ZTest.twoSidedTail(mid) > target { lo = mid } else { hi = mid }
    }
    return hi
  }()

  /// The moment estimators on data whose moments are known exactly, by three routes (one value
  /// at a time, a whole chunk, two halves merged). For x = 1, 2, 4, 8, 16, by hand in fractions:
  ///
  /// ```
  /// x̄ = 31/5, M2 = 744/5, M3 = 18042/25, M4 = 1287492/125, s² = M2/4 = 186/5
  /// Var(s²) = (M4/5 − s⁴·(5 − 3)/(5 − 1)) / 5 = 855042/3125
  /// ```
  static func momentsCheck() -> Check {
    Check(
      id: "moment-estimators-known", kind: .numeric,
      summary: "Moments on x = 1, 2, 4, 8, 16 gives the mean, s², M3, M4 and SE(s²) known "
        + "exactly, by each route",
      params: [("data", .text("1, 2, 4, 8, 16"))]
    ) { _ in
      let data: [Double] = [1, 2, 4, 8, 16]
      var single = Moments()
      for x in data { single.add(x) }
      var merged = Moments(data[0..<2])
      merged.merge(Moments(data[2...]))
      let known: [(String, Double)] = [
        ("mean", 31.0 / 5), ("s²", 186.0 / 5), ("M3", 18042.0 / 25), ("M4", 1287492.0 / 125),
        ("SE(s²)²", 855042.0 / 3125),
      ]
      var worst = (relative: 0.0, what: "")
      for (route, m) in [("add", single), ("chunk", Moments(data)), ("merge", merged)] {
        let got = [
          m.mean, m.variance, m.m3, m.m4,
          m.standardErrorOfVariance * m.standardErrorOfVariance,
        ]
        for ((name, value), g) in zip(known, got) {
          let relative = abs(g - value) / abs(value)
          if !(relative <= worst.relative) {
            worst = (
              relative,
              "\(name) by \(route): \(Value.format(g, digits: 12)) against "
                + Value.format(value, digits: 12)
            )
          }
        }
      }
      // Five values below 20 in Double: each route rounds a few times, ≲ 1e-15 relative.
      let bound = 1e-12
      return Measurement(
        status: worst.relative <= bound ? .pass : .fail, expected: .real(0),
        measured: .real(worst.relative),
        tolerance: Tolerance(
          .relative, bound,
          reason: "a few Double roundings on five small values: ≲ 1e-15"),
        detail: "largest relative difference \(Value.format(worst.relative)) (\(worst.what))")
    }
  }
}
