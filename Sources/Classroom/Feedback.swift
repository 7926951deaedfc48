import Foundation
import ResultStore

/// One student's feedback: each answer as typed and as read, the verdict, the points, what the
/// grader said, and psverify's answer only when revealed. In HTML (everything typed escaped)
/// and in Markdown (typed text in code spans).
public struct Feedback: Sendable {
  /// The student's graded answers, status and totals.
  public let student: StudentResult
  /// The assignment's name, in the page title.
  public let assignment: String
  /// psverify's answer per problem, shown only when given (`--reveal`).
  public let expected: [String: String]?

  /// Feedback for one student; `expected` is nil unless psverify's answers are revealed.
  public init(student: StudentResult, assignment: String, expected: [String: String]?) {
    (self.student, self.assignment, self.expected) = (student, assignment, expected)
  }

  var title: String {
    "\(assignment): \(student.name.isEmpty ? student.id : student.name)"
  }

  var summary: String {
    "\(Gradebook.number(student.total)) of \(Gradebook.number(student.maximum)) points"
  }

  /// The feedback as a self-contained HTML page (inline style, every typed text escaped).
  public var html: String {
    var out = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>\(HTML.escape(title))</title>
      <style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;\
      line-height:1.45;color:#222}code,pre{font-family:ui-monospace,monospace;background:#f4f4f4;\
      padding:0 .2em}pre{padding:.5em;white-space:pre-wrap;word-break:break-word}\
      .correct{color:#146c2e}.incorrect{color:#a11}.unreadable,.missing{color:#8a5a00}\
      section{border-top:1px solid #ddd;margin-top:1rem}</style></head><body>
      <h1>\(HTML.escape(title))</h1>
      <p>Student id <code>\(HTML.escape(student.id))</code>\
      \(student.section.isEmpty ? "" : ", section \(HTML.escape(student.section))") · \
      <strong>\(summary)</strong></p>

      """
    if let reason = student.reason {
      out += "<p class=\"\(student.status.rawValue)\">\(HTML.escape(reason))</p>\n"
    }
    for note in student.notes { out += "<p>Note: \(HTML.escape(note))</p>\n" }
    for a in student.answers {
      let verdict = HTML.escape(a.verdict)
      out +=
        "<section><h2>Problem \(HTML.escape(a.problem)) · "
        + "<span class=\"\(verdict)\">\(verdict)</span>"
        + " · \(Gradebook.number(a.points))/\(Gradebook.number(a.maxPoints))</h2>\n"
      if let typed = a.answer {
        out += "<p>You wrote:</p><pre>\(HTML.escape(typed))</pre>\n"
      }
      if let reading = a.reading { out += "<p>Read as: <code>\(HTML.escape(reading))</code></p>\n" }
      if let c = a.convention { out += "<p>Right under the convention: \(HTML.escape(c))</p>\n" }
      if !a.feedback.isEmpty {
        out += "<ul>" + a.feedback.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>\n"
      }
      for issue in a.issues { out += "<p>\(HTML.escape(issue))</p>\n" }
      if let e = expected?[a.problem] {
        out += "<p>psverify's answer: <code>\(HTML.escape(e))</code></p>\n"
      }
      out += "</section>\n"
    }
    return out + "</body></html>\n"
  }

  /// The feedback as Markdown, typed text in code spans.
  public var markdown: String {
    var out =
      "# \(title)\n\nStudent id \(code(student.id))"
      + (student.section.isEmpty ? "" : ", section \(student.section)") + " · **\(summary)**\n\n"
    if let reason = student.reason { out += "\(reason)\n\n" }
    for note in student.notes { out += "Note: \(note)\n\n" }
    for a in student.answers {
      out +=
        "## Problem \(a.problem) · \(a.verdict) · "
        + "\(Gradebook.number(a.points))/\(Gradebook.number(a.maxPoints))\n\n"
      if let typed = a.answer { out += "You wrote: \(code(typed))\n\n" }
      if let reading = a.reading { out += "Read as: \(code(reading))\n\n" }
      if let c = a.convention { out += "Right under the convention: \(c)\n\n" }
      for f in a.feedback { out += "- \(f)\n" }
      if !a.feedback.isEmpty { out += "\n" }
      for issue in a.issues { out += "\(issue)\n\n" }
      if let e = expected?[a.problem] { out += "psverify's answer: \(code(e))\n\n" }
    }
    return out
  }

  /// A Markdown code span that holds any text: fenced by one more backtick than the longest run
  /// inside it, padded when the text starts or ends with a backtick.
  func code(_ s: String) -> String {
    let flat = s.replacingOccurrences(of: "\n", with: " ")
    var longest = 0
    var run = 0
    for c in flat {
      if c == "`" {
        run += 1
        longest = max(longest, run)
      } else {
        run = 0
      }
    }
    let fence = String(repeating: "`", count: longest + 1)
    let pad = flat.hasPrefix("`") || flat.hasSuffix("`") ? " " : ""
    return fence + pad + flat + pad + fence
  }
}
