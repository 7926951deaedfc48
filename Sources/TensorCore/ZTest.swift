import Foundation

/// A two-sided z-test of an estimate against a hypothesised value.
public struct ZTest: Sendable, Equatable {
  public let estimate: Double
  public let standardError: Double
  public let hypothesis: Double
  /// The limit on |z|.
  public let limit: Double

  public init(estimate: Double, standardError: Double, hypothesis: Double, limit: Double) {
    self.estimate = estimate
    self.standardError = standardError
    self.hypothesis = hypothesis
    self.limit = limit
  }

  /// z = (estimate − hypothesis) / standard error. An exact estimate with zero error has z = 0
  /// when it equals the hypothesis and ±∞ otherwise.
  public var z: Double {
    let d = estimate - hypothesis
    if standardError > 0 { return d / standardError }
    return d == 0 ? 0 : (d > 0 ? .infinity : -.infinity)
  }

  /// Whether |z| stays within the limit (a NaN estimate never passes).
  public var passes: Bool { abs(z) <= limit }

  /// P(|Z| > limit) for a standard normal Z: the false-alarm probability of one test.
  public var falseAlarmProbability: Double { ZTest.twoSidedTail(limit) }

  /// P(|Z| > z) = erfc(z / √2).
  public static func twoSidedTail(_ z: Double) -> Double { erfc(abs(z) / 2.0.squareRoot()) }
}
