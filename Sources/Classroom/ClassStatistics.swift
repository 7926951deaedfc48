import Foundation
import ResultStore

/// The class at a glance: per problem how many answers were correct, incorrect, unreadable or
/// missing, and the distribution of totals.
public struct ClassStatistics: Sendable {
  public struct ProblemCounts: Sendable, Equatable {
    public var problem: String
    public var correct = 0, incorrect = 0, unreadable = 0, missing = 0
    public var total: Int { correct + incorrect + unreadable + missing }
    /// A share of the answers, 0 when there are none.
    public func share(_ n: Int) -> Double { total == 0 ? 0 : Double(n) / Double(total) }
  }

  /// One histogram bin: totals in [lower, upper), the last bin closed.
  public struct Bin: Sendable, Equatable {
    public var lower: Double
    public var upper: Double
    public var count: Int
  }

  public var problems: [ProblemCounts]
  public var totals: [Double]
  public var maximum: Double
  public var bins: [Bin]

  public init(_ result: ClassResult) {
    problems = result.problems.enumerated().map { index, id in
      var c = ProblemCounts(problem: id)
      for s in result.students where index < s.answers.count {
        switch s.answers[index].verdict {
        case "correct": c.correct += 1
        case "incorrect": c.incorrect += 1
        case "unreadable": c.unreadable += 1
        default: c.missing += 1
        }
      }
      return c
    }
    totals = result.students.map(\.total)
    maximum = result.students.map(\.maximum).max() ?? 0
    bins = Self.histogram(totals, maximum: maximum)
  }

  /// Totals counted in bins: for a whole maximum of at most 20 points one bin per whole point,
  /// [k, k + 1) for k = 0…maximum (a rubric mostly gives whole points; partial credit falls in
  /// the bin of its whole part); otherwise 20 bins of equal width from 0 to the maximum, the
  /// maximum itself in the last.
  public static func histogram(_ totals: [Double], maximum: Double) -> [Bin] {
    guard maximum > 0 else { return [Bin(lower: 0, upper: 1, count: totals.count)] }
    let whole = maximum <= 20 && maximum == maximum.rounded()
    let count = whole ? Int(maximum) + 1 : 20
    let width = whole ? 1 : maximum / 20
    var bins = (0..<count).map {
      Bin(lower: Double($0) * width, upper: Double($0 + 1) * width, count: 0)
    }
    for t in totals {
      let i = min(count - 1, max(0, Int((t / width).rounded(.down))))
      bins[i].count += 1
    }
    return bins
  }

  /// Mean and median of the totals (0 for an empty class).
  public var mean: Double { totals.isEmpty ? 0 : totals.reduce(0, +) / Double(totals.count) }
  public var median: Double {
    let s = totals.sorted()
    guard !s.isEmpty else { return 0 }
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
  }
}
