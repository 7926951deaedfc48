import Foundation
import ResultStore

/// The class's points as CSV for a spreadsheet or a learning-management system.
public enum Gradebook {
  /// One row per student: id, name, section, email, status, points per problem, total, maximum.
  public static func csv(_ result: ClassResult) -> String {
    let header =
      ["id", "name", "section", "email", "status"] + result.problems
      + ["total", "maximum"]
    let rows = result.students.map { s in
      [s.id, s.name, s.section, s.email, s.status.rawValue] + s.answers.map { number($0.points) }
        + [number(s.total), number(s.maximum)]
    }
    return CSVTable.write([header] + rows)
  }

  /// Canvas's gradebook import layout: `Student, ID, SIS User ID, SIS Login ID, Section`, then
  /// the assignment's column (`CNN problems (12345)` when the rubric gives Canvas's id), a
  /// "Points Possible" row under the header, then one row per student. The student id goes in
  /// SIS User ID (Canvas matches rows on it), the roster email in SIS Login ID; Canvas's own
  /// numeric ID is left empty, which its import accepts when an SIS id is given.
  public static func canvas(_ result: ClassResult, rubric: Rubric) -> String {
    let header = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", rubric.columnTitle]
    let possible = [
      "    Points Possible", "", "", "", "",
      number(result.students.first?.maximum ?? 0),
    ]
    let rows = result.students.map { s in
      [s.name.isEmpty ? s.id : s.name, "", s.id, s.email, s.section, number(s.total)]
    }
    return CSVTable.write([header, possible] + rows)
  }

  /// Points as the shortest exact decimal: 2, 1.5, 0.667 (3 decimals at most).
  public static func number(_ v: Double) -> String {
    if let whole = Int(exactly: v) { return String(whole) }
    guard v.isFinite, abs(v) < 1e15 else { return String(format: "%g", v) }
    var s = String(format: "%.3f", v)
    while s.hasSuffix("0") { s.removeLast() }
    return s
  }
}
