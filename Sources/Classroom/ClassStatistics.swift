import Foundation
import ResultStore

/// The class at a glance: per problem how many answers were correct, incorrect, unreadable or
/// missing, and the distribution of totals.
public struct ClassStatistics: Sendable {
  /// How one problem's answers came out across the class.
  public struct ProblemCounts: Sendable, Equatable {
    /// The problem's id, e.g. `3b`.
    public var problem: String
    /// Students whose answer was graded correct, incorrect or unreadable, or who gave none (any
    /// other stored verdict counts as missing).
    public var correct = 0, incorrect = 0, unreadable = 0, missing = 0
    /// The number of students counted: the four counts summed.
    public var total: Int { correct + incorrect + unreadable + missing }
    /// A share of the answers, 0 when there are none.
    public func share(_ n: Int) -> Double { total == 0 ? 0 : Double(n) / Double(total) }
  }

  /// One histogram bin: totals in [lower, upper), the last bin closed.
  public struct Bin: Sendable, Equatable {
    /// The bin's lower edge, in points (included).
    public var lower: Double
    /// The bin's upper edge, in points (excluded, except in the last bin).
    public var upper: Double
    /// The number of totals in the bin.
    public var count: Int
  }

  /// The counts per problem, in the result's problem order.
  public var problems: [ProblemCounts]
  /// Each student's total points, in the result's student order.
  public var totals: [Double]
  /// The largest maximum among the students: the top of the histogram's range, in points.
  public var maximum: Double
  /// The histogram of the totals (see `histogram(_:maximum:)`).
  public var bins: [Bin]

  /// Counts the verdicts per problem and bins the students' totals.
  /// - Complexity: O(S·P) for S students and P problems, plus O(S + B) to bin into B bins.
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
  /// - Complexity: O(T + B) for T totals and B bins.
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
  /// The median of the totals: the middle one, or the mean of the two middle ones for an even
  /// count; 0 for an empty class.
  /// - Complexity: O(S log S) for S students (a sort).
  public var median: Double {
    let s = totals.sorted()
    guard !s.isEmpty else { return 0 }
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
  }
}
