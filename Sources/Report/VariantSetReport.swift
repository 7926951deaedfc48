import Foundation
import Verification

/// One student's problem set: each problem's variant statement, no answers, as Markdown or a
/// self-contained HTML page; and the instructor's key (structures, seeds, derived answers) as
/// JSON. Nothing in them depends on the time or the machine, so regenerating gives the same bytes.
public enum VariantSetReport {
  /// Whom a set is for: the roster's id (which names the set's files) and name.
  public struct Student: Sendable, Equatable {
    /// The roster id; it names the student's files.
    public let id: String
    /// The student's name from the roster, nil when the roster gives none.
    public let name: String?
    /// A student with roster id `id` and optional `name`.
    public init(id: String, name: String?) {
      self.id = id
      self.name = name
    }
  }

  /// One problem of a student's set: the variant drawn and the report of running it.
  public struct Item: Sendable {
    /// The variant the student is given.
    public let variant: Variant
    /// The report of running the variant; its question is the statement, its derivation the key's
    /// answer.
    public let report: ProblemReport
    /// An item pairing `variant` with its `report`.
    public init(variant: Variant, report: ProblemReport) {
      self.variant = variant
      self.report = report
    }
  }

  static func heading(_ assignment: String, _ student: Student) -> String {
    "\(assignment) — \(student.name.map { "\($0) (\(student.id))" } ?? student.id)"
  }

  /// The student's set as Markdown: a heading with assignment and student, then per problem its
  /// statement and the answer format; no answers.
  public static func markdown(assignment: String, student: Student, items: [Item]) -> String {
    var out = "# \(heading(assignment, student))\n\n"
    for item in items {
      out +=
        "## Problem \(item.variant.problemID)\n\n\(item.report.question)\n\n"
        + "*Answer format:* \(item.variant.problem.answerFormat)\n\n"
    }
    return out
  }

  /// The student's set as a self-contained HTML page, the same content as `markdown`.
  public static func html(assignment: String, student: Student, items: [Item]) -> String {
    let e = ReportText.html
    var body = "<h1>\(e(heading(assignment, student)))</h1>\n"
    for item in items {
      body +=
        "<h2>Problem \(e(item.variant.problemID))</h2>\n<p>\(e(item.report.question))</p>\n"
        + "<p><em>Answer format:</em> \(e(item.variant.problem.answerFormat))</p>\n"
    }
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(e(heading(assignment, student)))</title>
      <style>\(HTMLReport.css)</style>
      </head>
      <body>
      \(body)</body>
      </html>

      """
  }

  /// The key as a page: per student and problem, the structure and the derived answer as MathML.
  public static func keyHTML(assignment: String, sets: [(Student, [Item])]) -> String {
    let e = ReportText.html
    var body =
      "<h1>\(e(assignment)) — key</h1>\n<table><tr><th>student</th><th>problem</th>"
      + "<th>variant</th><th>structure</th><th>answer</th></tr>\n"
    for (student, items) in sets {
      for item in items {
        let answer =
          item.report.derivation.map {
            ReportText.safeMathML($0.answer.mathML) ?? "<code>\(e($0.answer.text))</code>"
          } ?? "—"
        body +=
          "<tr><td>\(e(student.id))</td><td>\(e(item.variant.problemID))</td>"
          + "<td>\(item.variant.seed)</td><td>\(e(item.variant.summary))</td><td>\(answer)</td></tr>\n"
      }
    }
    body += "</table>\n"
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(e(assignment)) — key</title>
      <style>\(HTMLReport.css)</style>
      </head>
      <body>
      \(body)</body>
      </html>

      """
  }

  /// The key: per student, per problem, the variant's seed, structure and derived answer.
  public static func key(assignment: String, sets: [(Student, [Item])]) -> JSONValue {
    .object([
      ("assignment", .string(assignment)),
      (
        "students",
        .array(
          sets.map { student, items in
            .object([
              ("id", .string(student.id)), ("name", student.name.map { .string($0) } ?? .null),
              (
                "problems",
                .array(
                  items.map { item in
                    .object([
                      ("problem", .string(item.variant.problemID)),
                      ("seed", .integer(Int(item.variant.seed))),
                      ("summary", .string(item.variant.summary)),
                      ("differs_in_structure", .bool(item.variant.differsInStructure)),
                      ("answer", item.report.derivation?.answer.json ?? .null),
                    ])
                  })
              ),
            ])
          })
      ),
    ])
  }
}
