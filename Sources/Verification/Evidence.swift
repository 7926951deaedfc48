import Foundation
import TensorCore

/// How close a fast Float32 result is to a Double reference: the largest
/// |fast − reference| / (1 + |reference|) over all elements.
public enum Agreement {
  /// - Complexity: O(n) in the number of elements; a NaN on either side gives +∞.
  public static func largestRelativeDifference(_ fast: Tensor<Float>, _ reference: Tensor<Double>)
    -> Double
  {
    precondition(
      fast.shape == reference.shape, "shapes differ: \(fast.shape) vs \(reference.shape)")
    var worst = 0.0
    for i in fast.storage.indices {
      let r = reference.storage[i]
      let d = abs(Double(fast.storage[i]) - r) / (1 + abs(r))
      // A NaN on either side is the worst possible difference.
      worst = d.isNaN ? .infinity : max(worst, d)
    }
    return worst
  }
}

/// Multiplies predicted by a formula against multiplies counted where a kernel executes them,
/// over many cases: the totals and the first few cases that disagree.
public struct CountTally: Sendable {
  /// The formula's multiplies, summed over the cases (wrapping on overflow).
  public private(set) var predicted = 0
  /// The counted multiplies, summed over the cases (wrapping on overflow).
  public private(set) var counted = 0
  /// The number of cases added.
  public private(set) var cases = 0
  /// The first three cases whose counts differ, each "label: predicted p, counted c".
  public private(set) var mismatches: [String] = []
  /// Each case's derived and counted multiplies, in order: the data behind the report's
  /// counted-against-derived plot.
  public private(set) var predictedByCase: [Double] = []
  /// Each case's counted multiplies, in order.
  public private(set) var countedByCase: [Double] = []

  /// An empty tally.
  public init() {}

  /// Adds one case: the formula's multiplies `p` and those the kernel counted, `c`.
  public mutating func add(predicted p: Int, counted c: Int, _ label: @autoclosure () -> String) {
    predicted = predicted &+ p
    counted = counted &+ c
    cases += 1
    predictedByCase.append(Double(p))
    countedByCase.append(Double(c))
    if p != c && mismatches.count < 3 {
      mismatches.append("\(label()): predicted \(p), counted \(c)")
    }
  }

  /// Whether every case's counts are equal.
  public var agrees: Bool { mismatches.isEmpty }

  /// The check's measurement: exact equality case by case, totals shown.
  public func measurement(_ what: String) -> Measurement {
    Measurement(
      status: agrees ? .pass : .fail, expected: .integer(predicted), measured: .integer(counted),
      tolerance: Tolerance(
        .exact, reason: "whole multiplies, counted where the kernel executes them"),
      detail: "\(cases) \(what), totals shown"
        + (agrees
          ? "; every case agrees" : "; first mismatches: " + mismatches.joined(separator: "; ")),
      series: ["derived": predictedByCase, "counted": countedByCase])
  }
}
