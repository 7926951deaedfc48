import Charts
import Foundation
import Verification

/// One variant as handed out: its statement in psverify's words, the derived answer, and the
/// result of running its checks — as Markdown (LaTeX math), JSON, or a self-contained HTML page
/// (MathML from psverify's own expression trees, no scripts, no external resources).
public enum VariantReport {
  /// Whether every check passed and the derivation succeeded.
  public static func verified(_ report: ProblemReport) -> Bool { report.refusalReasons.isEmpty }

  /// The variant as Markdown: its structure, the statement, the numbered derivation with LaTeX, the
  /// answer, a table of checks, and the verdict.
  public static func markdown(_ v: Variant, _ r: ProblemReport) -> String {
    var out = "# Problem \(v.problemID), variant \(v.seed)\n\n"
    out +=
      "*Structure:* " + v.structure.map { "\($0.name) \($0.value)" }.joined(separator: ", ")
      + (v.differsInStructure ? "" : " (the base problem)") + "\n\n"
    out += "## Statement\n\n\(r.question)\n\n"
    if let d = r.derivation {
      out += "## Derivation\n\n"
      for (i, s) in d.steps.enumerated() {
        out += "\(i + 1). \(s.text)" + (s.latex.map { " $\($0)$" } ?? "") + "\n"
      }
      out += "\n**Answer:** $\(d.answer.latex)$ (\(d.summary))\n\n"
    }
    out += "## Checks\n\n| | check | kind | expected | measured | tolerance | detail |\n"
    out += "|---|---|---|---|---|---|---|\n"
    for o in r.outcomes {
      let m = o.measurement
      out +=
        "| \(o.status == .pass ? "✓" : "✗") | `\(o.id)` | \(o.kind.rawValue) | "
        + "\(MarkdownReport.cell(m.expected.description)) | "
        + "\(MarkdownReport.cell(m.measured.description)) | "
        + "\(MarkdownReport.cell(m.tolerance.reason)) | \(MarkdownReport.cell(m.detail)) |\n"
    }
    out += "\n**Verdict:** " + (verified(r) ? "verified" : "NOT verified") + "\n"
    return out
  }

  /// The variant as a JSON object: problem, seed, kind, structure, statement, derivation steps,
  /// answer, checks, and `status` ("verified" or "failed").
  public static func json(_ v: Variant, _ r: ProblemReport) -> JSONValue {
    .object([
      ("problem", .string(v.problemID)), ("seed", .integer(Int(v.seed))), ("kind", .string(v.kind)),
      ("summary", .string(v.summary)), ("differs_in_structure", .bool(v.differsInStructure)),
      ("structure", .object(v.structure.map { ($0.name, .string($0.value)) })),
      ("statement", .string(r.question)),
      ("derivation", .array((r.derivation?.steps ?? []).map { .string($0.text) })),
      ("answer", r.derivation?.answer.json ?? .null),
      ("checks", .array(r.outcomes.map(\.json))),
      ("status", .string(verified(r) ? "verified" : "failed")),
    ])
  }

  /// The variant as a self-contained HTML page: structure, statement, derivation, answer as MathML,
  /// checks and verdict.
  public static func html(_ v: Variant, _ r: ProblemReport) -> String {
    let e = ReportText.html
    var body = "<h1>Problem \(e(v.problemID)), variant \(v.seed)</h1>\n"
    body +=
      "<p class=\"meta\">" + e(v.structure.map { "\($0.name) \($0.value)" }.joined(separator: ", "))
      + (v.differsInStructure ? "" : " (the base problem)") + "</p>\n"
    body += "<h2>Statement</h2>\n<p>\(HTMLText.prose(r.question))</p>\n"
    if let d = r.derivation {
      body += "<h2>Derivation</h2>\n<ol>\n"
      for s in d.steps { body += "<li>\(e(s.text))</li>\n" }
      body +=
        "</ol>\n<div class=\"math\">"
        + (ReportText.safeMathML(d.answer.mathML) ?? "<code>\(e(d.answer.text))</code>")
        + "</div>\n<p>\(e(d.summary))</p>\n"
    }
    body +=
      "<h2>Checks</h2>\n<table><tr><th></th><th>check</th><th>kind</th><th>expected</th>"
      + "<th>measured</th><th>tolerance</th><th>detail</th></tr>\n"
    for o in r.outcomes {
      let m = o.measurement
      body +=
        "<tr><td><span class=\"status \(o.status.rawValue)\">\(o.status.rawValue)</span></td>"
        + "<td><code>\(e(o.id))</code></td><td>\(o.kind.rawValue)</td>"
        + "<td>\(e(m.expected.description))</td><td>\(e(m.measured.description))</td>"
        + "<td>\(e(m.tolerance.reason))</td><td>\(e(m.detail))</td></tr>\n"
    }
    let status = verified(r) ? "verified" : "failed"
    body +=
      "</table>\n<p class=\"verdict\">Verdict: <span class=\"status \(status)\">\(status)"
      + "</span></p>\n"
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>psverify — problem \(e(v.problemID)), variant \(v.seed)</title>
      <style>\(HTMLReport.css)</style>
      </head>
      <body>
      \(body)</body>
      </html>

      """
  }
}
