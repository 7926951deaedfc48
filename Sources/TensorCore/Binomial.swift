/// Exact confidence bounds for a binomial proportion, for reporting observed failure rates.
public enum Binomial {
  /// P(X ≤ k) for X ~ Binomial(n, p) = I_{1−p}(n − k, k + 1).
  public static func cdf(_ k: Int, n: Int, p: Double) -> Double {
    if k < 0 { return 0 }
    if k >= n { return 1 }
    return StudentT.regularizedIncompleteBeta(1 - p, Double(n - k), Double(k + 1))
  }

  /// The Clopper–Pearson interval for k successes in n trials at `confidence` (two-sided):
  /// the p with P(X ≥ k) = α/2 below and P(X ≤ k) = α/2 above, found by bisection.
  /// For k = 0 the upper end is 1 − (α/2)^(1/n) ≈ 3.7/n at 95 % (the "rule of three" is 3/n
  /// one-sided).
  public static func clopperPearson(_ k: Int, n: Int, confidence: Double = 0.95)
    -> (lower: Double, upper: Double)
  {
    precondition(n > 0 && k >= 0 && k <= n, "k = \(k), n = \(n)")
    let alpha = (1 - confidence) / 2
    func solve(_ above: (Double) -> Bool) -> Double {
      var lo = 0.0
      var hi = 1.0
      for _ in 0..<200 {
        let mid = (lo + hi) / 2
        if above(mid) { hi = mid } else { lo = mid }
      }
      return (lo + hi) / 2
    }
    let lower = k == 0 ? 0 : solve { p in 1 - cdf(k - 1, n: n, p: p) >= alpha }
    let upper = k == n ? 1 : solve { p in cdf(k, n: n, p: p) <= alpha }
    return (lower, upper)
  }
}
