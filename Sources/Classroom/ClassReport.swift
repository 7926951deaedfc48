import Foundation
import ResultStore
import Verification

/// The class statistics and answer groups, as text for the terminal and as JSON.
public struct ClassReport: Sendable {
  /// The graded class.
  public let result: ClassResult
  /// Counts per problem and the histogram of totals.
  public let statistics: ClassStatistics
  /// The answer groups per problem id, ordered as `AnswerGroup.groups(_:)` orders them.
  public let groups: [String: [AnswerGroup]]
  /// Groups listed per problem in text (all of them in JSON and HTML).
  public var shownGroups = 8

  /// The report of `result`: its statistics and answer groups.
  /// - Complexity: O(n log n) in the number of answers (grouping sorts them).
  public init(_ result: ClassResult) {
    self.result = result
    statistics = ClassStatistics(result)
    groups = AnswerGroup.groups(result)
  }

  static func percent(_ x: Double) -> String { String(format: "%.0f%%", 100 * x) }

  /// The terminal report: the class line (mean, median, maximum), the sheets' statuses, per
  /// problem the verdicts' shares and the first `shownGroups` groups, then a bar histogram.
  public var text: String {
    let stats = statistics
    var out =
      "class" + (result.run.map { " run \($0)" } ?? "")
      + ": \(result.students.count) students, "
      + "\(result.problems.count) problems" + (result.source.isEmpty ? "" : " (\(result.source))")
      + "; mean \(Gradebook.number(stats.mean)), median \(Gradebook.number(stats.median)) "
      + "of \(Gradebook.number(stats.maximum)) points\n"
    let statuses = StudentResult.Status.allCases.map { st in
      "\(result.students.filter { $0.status == st }.count) \(st.rawValue)"
    }
    out += "sheets: " + statuses.joined(separator: ", ") + "\n"
    for c in statistics.problems {
      out +=
        "\nproblem \(c.problem): \(Self.percent(c.share(c.correct))) correct, "
        + "\(Self.percent(c.share(c.incorrect))) incorrect, "
        + "\(Self.percent(c.share(c.unreadable))) unreadable, "
        + "\(Self.percent(c.share(c.missing))) missing\n"
      let list = groups[c.problem] ?? []
      for g in list.prefix(shownGroups) {
        let verdict = g.verdict.padding(toLength: 10, withPad: " ", startingAt: 0)
        out +=
          "  \(String(g.size).leftPad(4)) \(verdict)"
          + " \(g.example.map { "e.g. \($0.prefix(70))" } ?? "(no answer)")"
          + (g.spellings > 1 ? " [\(g.spellings) spellings]" : "") + "\n"
        if g.verdict != "correct", !g.headline.isEmpty {
          out += "       \(g.headline.prefix(150))\n"
        }
      }
      if list.count > shownGroups { out += "  … \(list.count - shownGroups) more groups\n" }
    }
    out += "\ntotals (whole points; partial credit counts under its whole part):\n"
    let widest = statistics.bins.map(\.count).max() ?? 0
    for b in statistics.bins {
      let width = widest == 0 ? 0 : (b.count * 40 + widest - 1) / widest
      let bar = String(repeating: "█", count: width)
      let label =
        b.upper - b.lower == 1
        ? Gradebook.number(b.lower)
        : "\(Gradebook.number(b.lower))–\(Gradebook.number(b.upper))"
      out += "  \(label.leftPad(9)) \(String(b.count).leftPad(4)) \(bar)\n"
    }
    return out
  }

  /// The report as JSON: the run, seed, version, source, rubric, mean, median, maximum, per
  /// problem the counts and every group, and the histogram.
  public var json: JSONValue {
    .object([
      ("run", result.run.map { .integer(Int($0)) } ?? .null),
      ("seed", result.seed.map { .integer(Int(truncatingIfNeeded: $0)) } ?? .null),
      ("version", result.version.map { .string($0) } ?? .null),
      ("source", .string(result.source)),
      ("students", .integer(result.students.count)),
      ("distinct_answers", .integer(result.distinctAnswers)),
      ("rubric", result.rubric),
      ("mean", .number(statistics.mean)), ("median", .number(statistics.median)),
      ("maximum", .number(statistics.maximum)),
      (
        "problems",
        .array(
          statistics.problems.map { c in
            .object([
              ("id", .string(c.problem)), ("correct", .integer(c.correct)),
              ("incorrect", .integer(c.incorrect)),
              ("unreadable", .integer(c.unreadable)), ("missing", .integer(c.missing)),
              ("groups", .array((groups[c.problem] ?? []).map(Self.json))),
            ])
          })
      ),
      (
        "histogram",
        .array(
          statistics.bins.map { b in
            .object([
              ("lower", .number(b.lower)), ("upper", .number(b.upper)),
              ("count", .integer(b.count)),
            ])
          })
      ),
    ])
  }

  static func json(_ g: AnswerGroup) -> JSONValue {
    .object([
      ("size", .integer(g.size)), ("verdict", .string(g.verdict)),
      ("reading", g.reading.map { .string($0) } ?? .null),
      ("example", g.example.map { .string($0) } ?? .null), ("spellings", .integer(g.spellings)),
      ("feedback", .array(g.feedback.map { .string($0) })),
      ("issue", g.issue.map { .string($0) } ?? .null),
      ("members", .array(g.members.map { .string($0) })),
    ])
  }

  /// Every student's row as JSON, for `grade --dir … --format json`.
  public static func students(_ result: ClassResult) -> JSONValue {
    .array(
      result.students.map { s in
        .object([
          ("id", .string(s.id)), ("name", .string(s.name)), ("section", .string(s.section)),
          ("status", .string(s.status.rawValue)), ("reason", s.reason.map { .string($0) } ?? .null),
          ("notes", .array(s.notes.map { .string($0) })),
          ("total", .number(s.total)), ("maximum", .number(s.maximum)),
          (
            "answers",
            .array(
              s.answers.map { a in
                .object([
                  ("problem", .string(a.problem)),
                  ("answer", a.answer.map { .string($0) } ?? .null),
                  ("verdict", .string(a.verdict)),
                  ("reading", a.reading.map { .string($0) } ?? .null),
                  ("points", .number(a.points)), ("max_points", .number(a.maxPoints)),
                  ("feedback", .array(a.feedback.map { .string($0) })),
                  ("convention", a.convention.map { .string($0) } ?? .null),
                ])
              })
          ),
        ])
      })
  }
}

extension String {
  func leftPad(_ n: Int) -> String {
    count >= n ? self : String(repeating: " ", count: n - count) + self
  }
}
