import Foundation

/// The skew-adjusted reference of a studentized mean: one-sided tails by the first Edgeworth term.
///
/// For T = (x̄ − μ)/(s/√M) over M independent values of skewness γ₁ (Hall 1987, "Edgeworth
/// expansion for Student's t statistic under minimal moment conditions"; Hall 1992, §2.6):
///
/// ```
/// P(T ≤ x) = Φ(x) + κ (2x² + 1) φ(x) / 6 + O(1/M),   κ = γ₁/√M,
/// so P(T ≤ −c) ≈ Φ(−c) + κ(2c² + 1)φ(c)/6  and  P(T ≥ c) ≈ Φ(−c) − κ(2c² + 1)φ(c)/6.
/// ```
/// Right-skewed values (κ > 0) make the LOW tail of T heavier: a sample without its rare large
/// values has a low mean and, with them missing, a small s too. Here the base is Student's t with
/// the test's degrees of freedom (normal for a z-test), so κ = 0 gives the symmetric Student test.
///
/// The heavy side's limit is the Cornish–Fisher quantile q + κ(2q² + 1)/6 of that expansion and
/// its reference tail F_ν(−q(c)), q(c) the inverse: a monotone transform of the base tail. The
/// root c of F_ν(−c) + κ(2c² + 1)φ(c)/6 = rate (`edgeworthLimit`) agrees to first order only and
/// lies closer in far out, where κc³ is not small (README, "The far tail").
///
/// Only the heavy side takes the correction. On the light side it is negative and, far out, larger
/// than the base tail itself (at κ = 0.065 the first-order term makes P(T ≥ c) negative from
/// c ≈ 4): the first-order expansion is no guide there, so that side keeps the base tail, which
/// the lighter true tail does not exceed to first order — a conservative choice.
extension ZTest {
  /// P(z < −c) (`below`) or P(z > c) under the test's reference, times `tests` (Bonferroni):
  /// the base one-sided tail F_ν(−c), on the heavy side (below when κ > 0) at the Cornish–Fisher
  /// inverse, F_ν(−q(c)) with q(c) + |κ|(2q(c)² + 1)/6 = c.
  ///
  /// - Complexity: O(1) (one Student tail, a continued fraction of at most 300 terms).
  public func sideTail(_ c: Double, below: Bool) -> Double {
    let heavy = skewness != 0 && (skewness > 0) == below
    let q = heavy ? ZTest.cornishFisherInverse(c, skewness: abs(skewness)) : c
    let one = ZTest.edgeworthSideTail(q, degreesOfFreedom: degreesOfFreedom, skewness: 0)
    return min(1, Double(tests) * one)
  }

  /// The heavy side's limit by the Cornish–Fisher inversion of the same expansion: the quantile
  /// of T below is −(q + κ(2q² + 1)/6) + O(1/M), q the base one-sided quantile, so c(q) =
  /// q + κ(2q² + 1)/6: a monotone transform of the base, so the tail keeps its shape far out.
  public static func cornishFisherLimit(_ q: Double, skewness kappa: Double) -> Double {
    q + kappa * (2 * q * q + 1) / 6
  }

  /// The q ≥ 0 with `cornishFisherLimit(q, κ)` = c: the positive root of
  /// (κ/3)q² + q + κ/6 − c = 0 (c itself at κ = 0).
  public static func cornishFisherInverse(_ c: Double, skewness kappa: Double) -> Double {
    guard kappa > 0 else { return c }
    let a = kappa / 3
    let disc = 1 - 4 * a * (kappa / 6 - c)
    return (-1 + disc.squareRoot()) / (2 * a)
  }

  /// F(−c) + κ(2c² + 1)φ(c)/6 for κ ≥ 0, F the base distribution (Student's t with ν degrees of
  /// freedom, or the standard normal when ν is nil); for c ≥ 1.23 it decreases in c for every
  /// κ ≥ 0 (its derivative is φ(c)(−1 + κ(3c − 2c³)/6) up to the t-versus-normal difference).
  public static func edgeworthSideTail(
    _ c: Double, degreesOfFreedom nu: Int?, skewness kappa: Double
  ) -> Double {
    let base: Double
    if let nu {
      base = StudentT.twoSidedTail(c, degreesOfFreedom: nu) / 2
    } else {
      base = twoSidedTail(c) / 2
    }
    let density = exp(-c * c / 2) / (2 * Double.pi).squareRoot()
    return base + kappa * (2 * c * c + 1) * density / 6
  }

  /// The c ≥ the base limit with `edgeworthSideTail(c, ν, κ)` = `probability` (one side), by
  /// bisection to 1e-12 relative; κ = 0 gives the base one-sided limit (Student's or normal).
  ///
  /// - Complexity: O(log(c/1e-12)) tail evaluations (about 50).
  public static func edgeworthLimit(
    sideProbability probability: Double, degreesOfFreedom nu: Int?, skewness kappa: Double
  ) -> Double {
    precondition(probability > 0 && probability < 0.1, "probability must be in (0, 0.1)")
    precondition(kappa >= 0, "skewness must be ≥ 0 (the heavy side's magnitude)")
    let tail = { edgeworthSideTail($0, degreesOfFreedom: nu, skewness: kappa) }
    // F(−c) alone reaches the probability at the base limit (≥ 1.28); the correction only
    // raises the tail, so the root lies above it, where the tail decreases.
    var lo = 1.25
    var hi = 2.0
    while tail(hi) > probability { hi *= 2 }
    for _ in 0..<200 where hi - lo > 1e-12 * hi {
      let mid = (lo + hi) / 2
      if tail(mid) > probability { lo = mid } else { hi = mid }
    }
    return hi
  }

  /// A Student t-test on a mean over M values of skewness γ₁ (κ = γ₁/√M, ν = M − 1): each side's
  /// limit puts its reference tail at half the two-sided false alarm of |z| ≤ `zLimit` — the
  /// heavy side at the Cornish–Fisher quantile of the first Edgeworth term, the light side at the
  /// Student limit — so the two sides together keep the stated rate (5.7e-7 at zLimit 5) to first
  /// order in κ.
  public static func skewAdjusted(
    estimate: Double, standardError: Double, hypothesis: Double, zLimit: Double,
    degreesOfFreedom nu: Int, skewness kappa: Double
  ) -> ZTest {
    let half = twoSidedTail(zLimit) / 2
    let light = StudentT.twoSidedLimit(falseAlarm: 2 * half, degreesOfFreedom: nu)
    let heavy = cornishFisherLimit(light, skewness: abs(kappa))
    return ZTest(
      estimate: estimate, standardError: standardError, hypothesis: hypothesis,
      limit: kappa > 0 ? light : heavy, degreesOfFreedom: nu,
      lowerLimit: kappa > 0 ? heavy : light, skewness: kappa)
  }

  /// The sample skewness g₁ = m₃ / m₂^{3/2} of `values` (central moments with divisor n); 0 for
  /// fewer than 3 values or no spread.
  ///
  /// - Complexity: O(n).
  public static func sampleSkewness(_ values: [Double]) -> Double {
    let n = Double(values.count)
    guard values.count >= 3 else { return 0 }
    let mean = values.reduce(0, +) / n
    var m2 = 0.0
    var m3 = 0.0
    for v in values {
      let d = v - mean
      m2 += d * d
      m3 += d * d * d
    }
    m2 /= n
    m3 /= n
    guard m2 > 0 else { return 0 }
    return m3 / (m2 * m2.squareRoot())
  }
}
