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
  /// The limit on |z| (on |t| for a t-test).
  public let limit: Double
  /// nil for a z-test (normal reference); ν for Student's t with ν degrees of freedom.
  public let degreesOfFreedom: Int?
  /// How many statistics of this reference the test takes the largest |·| of (the estimate is
  /// that largest one): the false alarm is then at most `tests` × the tail (Bonferroni).
  public let tests: Int

  /// A test of `estimate` ± `standardError` against `hypothesis`, passing when |z| ≤ `limit`; a
  /// z-test unless `degreesOfFreedom` is given; `tests` statistics share the Bonferroni bound.
  public init(
    estimate: Double, standardError: Double, hypothesis: Double, limit: Double,
    degreesOfFreedom: Int? = nil, tests: Int = 1
  ) {
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

  /// Whether |z| stays within the limit (a NaN estimate never passes).
  public var passes: Bool { abs(z) <= limit }

  /// P(|Z| > limit) for a standard normal Z (P(|T| > limit) for Student's T): the false-alarm
  /// probability of one test.
  public var falseAlarmProbability: Double { tail(limit) }

  /// P(|statistic| > c) under the hypothesis, from the test's reference distribution (a
  /// Bonferroni bound, `tests` × one tail, when the statistic is the largest of several).
  public func tail(_ c: Double) -> Double {
    let one: Double
    if let nu = degreesOfFreedom {
      one = StudentT.twoSidedTail(c, degreesOfFreedom: nu)
    } else {
      one = ZTest.twoSidedTail(c)
    }
    return min(1, Double(tests) * one)
  }

  /// P(|Z| > z) = erfc(z / √2).
  public static func twoSidedTail(_ z: Double) -> Double { erfc(abs(z) / 2.0.squareRoot()) }
}
