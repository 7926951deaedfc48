import Foundation

/// A two-sided test of an estimate against a hypothesised value: a z-test when the standard
/// error is known well (many draws), a Student t-test when it is itself estimated from a few
/// replicates (`degreesOfFreedom` = replicates − 1), so that the stated false-alarm rate is true.
public struct ZTest: Sendable, Equatable {
  /// The estimate tested.
  public let estimate: Double
  /// The estimate's standard error (0 for an exact value).
  public let standardError: Double
  /// The value the estimate is tested against.
  public let hypothesis: Double
  /// The limit on z above (on |z|, or |t| for a t-test, when the test is symmetric).
  public let limit: Double
  /// The limit on −z: z below −`lowerLimit` fails (equal to `limit` unless skew-adjusted).
  public let lowerLimit: Double
  /// κ, the skewness of the estimate's sampling distribution (of a mean of M values of
  /// skewness γ₁, κ = γ₁/√M); 0 for a symmetric reference. See `ZTest+Skew.swift`.
  public let skewness: Double
  /// nil for a z-test (normal reference); ν for Student's t with ν degrees of freedom.
  public let degreesOfFreedom: Int?
  /// How many statistics of this reference the test takes the largest |·| of (the estimate is
  /// that largest one): the false alarm is then at most `tests` × the tail (Bonferroni).
  public let tests: Int

  /// A test of `estimate` ± `standardError` against `hypothesis`, passing when
  /// −`lowerLimit` ≤ z ≤ `limit` (`lowerLimit` defaults to `limit`); a z-test unless
  /// `degreesOfFreedom` is given; `tests` statistics share the Bonferroni bound.
  public init(
    estimate: Double, standardError: Double, hypothesis: Double, limit: Double,
    degreesOfFreedom: Int? = nil, tests: Int = 1, lowerLimit: Double? = nil,
    skewness: Double = 0
  ) {
    self.lowerLimit = lowerLimit ?? limit
    self.skewness = skewness
    self.estimate = estimate
    self.standardError = standardError
    self.hypothesis = hypothesis
    self.limit = limit
    self.degreesOfFreedom = degreesOfFreedom
    self.tests = tests
  }

  /// A Student t-test whose limit gives the same two-sided false alarm as |z| ≤ `zLimit` does
  /// for a normal statistic: for ν = 15 and z = 5 (5.7e-7) the limit on |t| is 8.27.
  public static func student(
    estimate: Double, standardError: Double, hypothesis: Double,
    zLimit: Double, degreesOfFreedom nu: Int
  ) -> ZTest {
    ZTest(
      estimate: estimate, standardError: standardError, hypothesis: hypothesis,
      limit: StudentT.twoSidedLimit(falseAlarm: twoSidedTail(zLimit), degreesOfFreedom: nu),
      degreesOfFreedom: nu)
  }

  /// "z" or "t", as the statistic is named in reports.
  public var statisticName: String { degreesOfFreedom == nil ? "z" : "t" }

  /// z = (estimate − hypothesis) / standard error. An exact estimate with zero error has z = 0
  /// when it equals the hypothesis and ±∞ otherwise.
  public var z: Double {
    let d = estimate - hypothesis
    if standardError > 0 { return d / standardError }
    return d == 0 ? 0 : (d > 0 ? .infinity : -.infinity)
  }

  /// Whether −`lowerLimit` ≤ z ≤ `limit` (a NaN estimate never passes).
  public var passes: Bool { z >= -lowerLimit && z <= limit }

  /// P(z < −lowerLimit) + P(z > limit) under the reference: the false-alarm probability of one
  /// test (P(|Z| > limit) for a symmetric z-test, P(|T| > limit) for Student's T).
  public var falseAlarmProbability: Double {
    min(1, sideTail(lowerLimit, below: true) + sideTail(limit, below: false))
  }

  /// P(|statistic| > c) under the hypothesis, from the test's reference distribution (a
  /// Bonferroni bound, `tests` × one tail, when the statistic is the largest of several): the
  /// sum of the two sides' `sideTail(c, below:)`.
  public func tail(_ c: Double) -> Double {
    min(1, sideTail(c, below: true) + sideTail(c, below: false))
  }

  /// P(|Z| > z) = erfc(z / √2).
  public static func twoSidedTail(_ z: Double) -> Double { erfc(abs(z) / 2.0.squareRoot()) }
}
