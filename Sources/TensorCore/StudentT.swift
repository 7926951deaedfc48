import Foundation

/// Student's t distribution with ν degrees of freedom: the reference distribution of
/// (x̄ − μ) / (s/√n) for n independent normal replicates, ν = n − 1.
public enum StudentT {
  /// P(|T| > t) = I_{ν/(ν+t²)}(ν/2, 1/2), the regularised incomplete beta function.
  ///
  /// - Complexity: O(1) (a continued fraction of at most 300 terms).
  public static func twoSidedTail(_ t: Double, degreesOfFreedom nu: Int) -> Double {
    precondition(nu >= 1, "degrees of freedom must be at least 1, got \(nu)")
    guard t.isFinite else { return t.isNaN ? .nan : 0 }
    let v = Double(nu)
    return regularizedIncompleteBeta(v / (v + t * t), v / 2, 0.5)
  }

  /// The limit c with P(|T| > c) = `probability`, by bisection on the tail (to 1e-12 relative).
  public static func twoSidedLimit(falseAlarm probability: Double, degreesOfFreedom nu: Int)
    -> Double
  {
    precondition(probability > 0 && probability < 1, "probability must be in (0, 1)")
    var lo = 0.0
    var hi = 1.0
    while twoSidedTail(hi, degreesOfFreedom: nu) > probability { hi *= 2 }
    for _ in 0..<200 where hi - lo > 1e-12 * hi {
      let mid = (lo + hi) / 2
      if twoSidedTail(mid, degreesOfFreedom: nu) > probability { lo = mid } else { hi = mid }
    }
    return hi
  }

  /// I_x(a, b) by the continued fraction of Numerical Recipes (modified Lentz), using the
  /// symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where the fraction converges slowly.
  static func regularizedIncompleteBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
    if x <= 0 { return 0 }
    if x >= 1 { return 1 }
    let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
    if x < (a + 1) / (a + b + 2) {
      return exp(logFront) * continuedFraction(x, a, b) / a
    }
    return 1 - exp(logFront) * continuedFraction(1 - x, b, a) / b
  }

  static func continuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
    let tiny = 1e-300
    var c = 1.0
    var d = 1 - (a + b) * x / (a + 1)
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    for m in 1...300 {
      let mm = Double(m)
      let even = mm * (b - mm) * x / ((a + 2 * mm - 1) * (a + 2 * mm))
      d = 1 + even * d
      if abs(d) < tiny { d = tiny }
      c = 1 + even / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      h *= d * c
      let odd = -(a + mm) * (a + b + mm) * x / ((a + 2 * mm) * (a + 2 * mm + 1))
      d = 1 + odd * d
      if abs(d) < tiny { d = tiny }
      c = 1 + odd / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) < 1e-15 { break }
    }
    return h
  }
}
