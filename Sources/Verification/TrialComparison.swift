import TensorCore

/// An answer's equation evaluated beside a reference (a kernel, a model) on a grader's random
/// trials: how many trials agreed within the grader's bound, the largest difference, and the
/// first output position of the first differing trial with both values there. What problems 2
/// and 4 show a student under a wrong equation.
public struct TrialComparison: Sendable, Equatable {
  /// One output position where the two differ by more than the bound.
  public struct Difference: Sendable, Equatable {
    /// The trial, counted from 1 in the grader's order.
    public var trial: Int
    /// The trial's shapes and stride, in words.
    public var setting: String
    /// The output's index names (the answer's left-hand side) and the position, 0-based.
    public var indexNames: [String]
    /// The position in the output, one 0-based index per name of `indexNames`.
    public var position: [Int]
    /// The answer's value there.
    public var answer: Double
    /// The reference's value there.
    public var reference: Double

    /// A difference at `position` in trial `trial`.
    public init(
      trial: Int, setting: String, indexNames: [String], position: [Int],
      answer: Double, reference: Double
    ) {
      (self.trial, self.setting, self.indexNames, self.position) = (
        trial, setting, indexNames, position
      )
      (self.answer, self.reference) = (answer, reference)
    }
  }

  /// The convention the trials ran under (`valid` borders, the filter centred, …).
  public var convention: String
  /// The trials recorded, evaluated or not.
  public var trials: Int
  /// The trials on which every output was within the bound.
  public var agreed: Int
  /// The largest difference over every output of every trial (∞ when a trial could not be
  /// evaluated).
  public var largest: Double
  /// The measure of `largest` and of the bound, in words.
  public var measure: String
  /// The largest difference an output may show and still agree, in the terms of `measure`.
  public var bound: Double
  /// The first output position that differs, in the first trial that differs; nil when all agree.
  public var first: Difference?
  /// Why a trial could not be evaluated (an index outside a tensor under a rule, …).
  public var failure: String?

  /// An empty comparison under `convention`, its differences measured as `measure` says and
  /// bounded by `bound`.
  public init(convention: String, measure: String, bound: Double) {
    (self.convention, self.measure, self.bound) = (convention, measure, bound)
    (trials, agreed, largest) = (0, 0, 0)
  }

  /// Records one trial: `difference(i)` of the answer's value and the reference's at storage
  /// offset `i` (row-major in `shape`). O(outputs).
  public mutating func record(
    setting: String, indexNames: [String], answer: Tensor<Double>, reference: Tensor<Float>,
    difference: (Double, Double) -> Double
  ) {
    trials += 1
    var worst = 0.0
    var firstOffset: Int?
    for i in answer.storage.indices {
      let d = difference(answer.storage[i], Double(reference.storage[i]))
      worst = d.isNaN ? .infinity : max(worst, d)
      if firstOffset == nil && !(d <= bound) { firstOffset = i }
    }
    largest = max(largest, worst)
    guard let offset = firstOffset else {
      agreed += 1
      return
    }
    if first == nil {
      first = Difference(
        trial: trials, setting: setting, indexNames: indexNames,
        position: Self.position(offset, shape: answer.shape),
        answer: answer.storage[offset], reference: Double(reference.storage[offset]))
    }
  }

  /// Records a trial the answer could not be evaluated on.
  public mutating func fail(_ reason: String) {
    trials += 1
    largest = .infinity
    if failure == nil { failure = reason }
  }

  /// The row-major multi-index of storage offset `offset` in `shape`.
  public static func position(_ offset: Int, shape: [Int]) -> [Int] {
    var rest = offset
    var out = [Int](repeating: 0, count: shape.count)
    for k in stride(from: shape.count - 1, through: 0, by: -1) where shape[k] > 0 {
      out[k] = rest % shape[k]
      rest /= shape[k]
    }
    return out
  }
}
