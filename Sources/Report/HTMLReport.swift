import Charts
import Foundation
import ResultStore
import Verification

/// A stored run as one self-contained HTML page: MathML for answers (psverify's own expression
/// trees, stored with the run), inline SVG charts and PNG pictures, no JavaScript, no external
/// resources; it opens offline in any browser. `problems` draw their figures (`Problem.figures`).
public enum HTMLReport {
  /// The stored run `doc` as one HTML page: a header, then for grade, audit and bench runs their
  /// own tables, then one section per problem, where each of `problems` draws its own figures
  /// from the series its checks stored.
  public static func render(_ doc: RunDocument, problems: [any Problem]) -> String {
    var body = header(doc)
    let e = ReportText.html
    switch doc.kind {
    case .grade: body += submissions(doc)
    case .audit: body += audits(doc)
    case .bench: body += bench(doc)
    default: break
    }
    for p in doc.problems { body += section(p, doc, problems: problems) }
    body +=
      "<footer><p>Rendered by psverify from \(doc.name) of the results database: nothing was "
      + "recomputed. Reproduce with <code>\(e(reproduce(doc)))</code>.</p></footer>\n"
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>psverify — \(doc.name)</title>
      <style>\(css)</style>
      </head>
      <body>
      \(body)</body>
      </html>

      """
  }

  /// The command that reproduces the run (its stored command line with the seed made explicit).
  static func reproduce(_ doc: RunDocument) -> String {
    var command = doc.commandLine
    if doc.kind == .verify && !command.contains("--seed") { command += " --seed \(doc.seed)" }
    return command
  }

  static let css = """
    :root { color-scheme: light; }
    body { font: 15px/1.5 system-ui, -apple-system, 'Segoe UI', sans-serif; color: #1b1b1b;
           max-width: 1000px; margin: 2rem auto; padding: 0 1rem; background: #fff; }
    h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { border-bottom: 2px solid #ddd; padding-bottom: .2rem;
    margin-top: 2.5rem; } h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
    .meta { color: #444; } .meta dt { font-weight: 600; float: left; clear: left; width: 9rem; }
    .meta dd { margin-left: 9.5rem; }
    table { border-collapse: collapse; width: 100%; font-size: 13px; margin: .5rem 0; }
    th, td { border: 1px solid #d0d0d0; padding: .3rem .45rem; vertical-align: top; text-align: left; }
    th { background: #f3f3f3; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
    .status { font-weight: 700; padding: 0 .35rem; border-radius: 3px; white-space: nowrap; }
    .pass, .verified { background: #d9efe6; color: #00553a; } .fail, .failed { background: #fbe0d3; color: #8a2b00; }
    .verified-with-errata { background: #fdf0d0; color: #6b4a00; } .note { background: #e8eef8; color: #1d3d6b; }
    pre.printed { white-space: pre-wrap; background: #fafafa; border-left: 4px solid #bbb; padding: .6rem .8rem; }
    pre.excerpt { margin: .2rem 0; font-size: 12px; background: #f6f6f6; padding: .3rem .5rem; overflow-x: auto; }
    table.findings { table-layout: fixed; }
    mark { background: #ffe08a; padding: 0 1px; } mark sup a { color: #8a2b00; text-decoration: none; font-weight: 700; }
    .math { font-size: 1.15rem; margin: .4rem 0 .8rem; overflow-x: auto; }
    figure { margin: 1rem 0; } figure svg { max-width: 100%; height: auto; border: 1px solid #eee; }
    figcaption { font-size: 13px; color: #333; margin-top: .3rem; }
    .pictures { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-end; }
    .pictures div { text-align: center; font-size: 12px; }
    .pictures img { image-rendering: pixelated; width: 160px; height: 160px; border: 1px solid #ccc; display: block; }
    ol.errata li { margin-bottom: .6rem; } nav ul { columns: 2; } footer { margin-top: 3rem; color: #555; font-size: 13px; }
    .verdict { font-weight: 600; }
    """

  static func header(_ doc: RunDocument) -> String {
    let e = ReportText.html
    var s = "<header>\n<h1>psverify report — \(doc.name)</h1>\n"
    s +=
      "<p class=\"meta\">"
      + (doc.kind == .verify ? "TTIC 31230 (winter 2019), CNN problems · " : "")
      + e(ReportText.tally(doc)) + "</p>\n"
    s += "<dl class=\"meta\">\n"
    let rows: [(String, String?)] = [
      ("Kind", doc.kind.rawValue), ("Started", doc.startedAt), ("psverify", doc.version),
      ("Seed", String(doc.seed)),
      ("Trials", doc.trials.map(String.init) ?? "each problem's default"),
      ("Machine", doc.machine), ("Command", doc.commandLine),
      ("Exit status", doc.exitStatus.map(String.init)),
      ("Duration", doc.seconds.map { ReportText.short($0) + " s" }),
    ]
    for (k, v) in rows { if let v { s += "<dt>\(e(k))</dt><dd>\(e(v))</dd>\n" } }
    s += "</dl>\n"
    if doc.storedBeforeReports {
      s +=
        "<p class=\"note\">This run was stored by a psverify older than 0.2.0, before runs kept the "
        + "question, the derivation, the answer as MathML and the data behind plots: it renders "
        + "without those, and without figures.</p>\n"
    }
    if !doc.problems.isEmpty {
      s +=
        "<nav><ul>\n"
        + doc.problems.map {
          "<li><a href=\"#problem-\(e($0.id))\">Problem \(e($0.id)) — \(e($0.title))</a> "
            + "<span class=\"status \(e($0.status.rawValue))\">\(e($0.status.rawValue))</span></li>"
        }.joined(separator: "\n") + "\n</ul></nav>\n"
    }
    return s + "</header>\n"
  }

  static func section(
    _ p: RunDocument.Problem, _ doc: RunDocument, problems: [any Problem]
  ) -> String {
    let e = ReportText.html
    let anchor = "problem-\(p.id)"
    var s =
      "<section id=\"\(e(anchor))\">\n<h2>Problem \(e(p.id)) — \(e(p.title)) "
      + "<span class=\"status \(e(p.status.rawValue))\">\(e(p.status.rawValue))</span></h2>\n"
    if let q = p.question {
      s += "<h3>Question (in psverify's words)</h3>\n<p>\(HTMLText.prose(q))</p>\n"
    }
    if !p.derivationSteps.isEmpty {
      s +=
        "<h3>Derivation</h3>\n<ol>\n"
        + p.derivationSteps.map { "<li>\(e($0.text))</li>" }
        .joined(separator: "\n") + "\n</ol>\n"
    }
    if let error = p.derivationError {
      s += "<p class=\"fail\">The derivation failed: \(e(error))</p>\n"
    }
    if p.answerText != nil || p.answerMathML != nil {
      s += "<h3>Answer</h3>\n"
      if let math = ReportText.safeMathML(p.answerMathML) {
        s +=
          "<div class=\"math\">"
          + math.replacingOccurrences(of: "<math>", with: "<math display=\"block\">")
          + "</div>\n"
      } else if let latex = p.answerLatex {
        s += "<pre class=\"excerpt\">\(e(latex))</pre>\n"
      }
      if let text = p.answerText { s += "<p>\(e(text))</p>\n" }
    }
    let placed = ReportText.placed(p)
    if p.printedText != nil {
      s += "<h3>The printed solution, as printed</h3>\n"
      if let where_ = p.printedLocation { s += "<p class=\"meta\">\(e(where_))</p>\n" }
      s += "<pre class=\"printed\">\(ReportText.markedSolution(p, anchor: anchor))</pre>\n"
      if let grade = p.printedGrade, let verdict = grade.member("verdict")?.string {
        let feedback = (grade.member("feedback").map(ReportText.value) ?? "")
        s +=
          "<p><span class=\"status \(verdict == "correct" ? "pass" : "fail")\">printed answer: "
          + "\(e(verdict))</span> \(e(feedback))</p>\n"
      }
    }
    if !placed.isEmpty {
      s += "<h3>Errata (\(placed.count))</h3>\n<ol class=\"errata\">\n"
      for (n, erratum, line, _) in placed {
        s +=
          "<li id=\"\(anchor)-e\(n)\"><strong>\(e(erratum.kind.rawValue))</strong>: \(e(erratum.message))"
          + (line != nil ? " <a href=\"#\(anchor)-m\(n)\">(marked above)</a>" : "")
          + "<br><span class=\"meta\">\(e(erratum.location))</span>"
        if let excerpt = erratum.excerpt { s += "<pre class=\"excerpt\">\(e(excerpt))</pre>" }
        if let evidence = erratum.evidence { s += "<div>Evidence: \(e(evidence))</div>" }
        s += "</li>\n"
      }
      s += "</ol>\n"
    }
    if !p.checks.isEmpty {
      s +=
        "<h3>Checks</h3>\n<table>\n<tr><th>check</th><th>kind</th><th>status</th><th>expected</th>"
        + "<th>measured</th><th>SE</th><th>z</th><th>tolerance</th></tr>\n"
      for c in p.checks {
        let t = ReportText.tolerance(c.tolerance)
        s +=
          "<tr><td title=\"\(e(c.detail))\"><strong>\(e(c.id))</strong><br>\(e(c.summary))</td>"
          + "<td>\(e(c.kind.rawValue))</td><td><span class=\"status \(e(c.status.rawValue))\">\(e(c.status.rawValue))</span></td>"
          + "<td>\(e(ReportText.value(c.expected)))</td><td>\(e(ReportText.value(c.measured)))</td>"
          + "<td class=\"num\">\(c.standardError.map(ReportText.short) ?? "—")</td>"
          + "<td class=\"num\">\(ReportText.z(c).map { String(format: "%.2f", $0) } ?? "—")</td>"
          + "<td>" + (t.reason.hasPrefix(t.rule) ? "" : "\(e(t.rule))<br>")
          + "<span class=\"meta\">\(e(t.reason))</span></td></tr>\n"
      }
      s += "</table>\n"
      s +=
        "<details><summary>Check details</summary><ul>\n"
        + p.checks.map {
          "<li><strong>\(e($0.id))</strong>: \(e($0.detail))</li>"
        }.joined(separator: "\n") + "\n</ul></details>\n"
    }
    if !p.probes.isEmpty {
      s +=
        "<h3>Probes (measurements that decide no verdict)</h3>\n<ul>\n"
        + p.probes.map {
          "<li><strong>\(e($0.id))</strong> — \(e($0.summary)): \(e($0.detail))</li>"
        }.joined(separator: "\n") + "\n</ul>\n"
    }
    let figures = doc.storedBeforeReports ? nil : Figures.figures(for: p, in: problems)
    if let figures, !figures.isEmpty {
      s += "<h3>Figures</h3>\n"
      for f in figures { s += figure(f) }
    } else if figures != nil {
      s += "<p class=\"note\">No plot data was stored with this problem's checks.</p>\n"
    }
    if !p.notes.isEmpty {
      s +=
        "<h3>Notes</h3>\n<ul>\n" + p.notes.map { "<li>\(e($0))</li>" }.joined(separator: "\n")
        + "\n</ul>\n"
    }
    let failed = p.checks.filter { $0.status != .pass }.count
    s +=
      "<p class=\"verdict\">Verdict: <span class=\"status \(e(p.status.rawValue))\">\(e(p.status.rawValue))</span> — "
      + "\(p.checks.count - failed) of \(p.checks.count) checks passed, \(p.errata.count) errata.</p>\n"
    return s + "</section>\n"
  }

  static func figure(_ f: Figure) -> String {
    let e = ReportText.html
    var s = "<figure id=\"fig-\(e(f.id))\">\n"
    switch f.content {
    case .svg(let svg): s += svg + "\n"
    case .pictures(let pictures):
      s +=
        "<div class=\"pictures\">\n"
        + pictures.map { p in
          "<div><img alt=\"\(e(p.label))\" src=\"data:image/png;base64,\(p.png.base64EncodedString())\">"
            + "\(e(p.label))</div>"
        }.joined(separator: "\n") + "\n</div>\n"
    }
    return s
      + "<figcaption><strong>\(e(f.title)).</strong> \(e(f.caption))</figcaption>\n</figure>\n"
  }

  static func submissions(_ doc: RunDocument) -> String {
    let e = ReportText.html
    guard !doc.submissions.isEmpty else { return "" }
    var s =
      "<section id=\"grades\"><h2>Graded answers</h2>\n<table>\n<tr><th>problem</th><th>answer</th>"
      + "<th>verdict</th><th>read as</th><th>feedback</th></tr>\n"
    for sub in doc.submissions {
      s +=
        "<tr><td>\(e(sub.problem))</td><td><code>\(e(sub.answer))</code></td>"
        + "<td><span class=\"status \(sub.verdict == "correct" ? "pass" : "fail")\">\(e(sub.verdict))</span></td>"
        + "<td>\(e(sub.reading ?? "—"))</td><td>\(e(sub.feedback.joined(separator: " ")))"
        + (sub.convention.map { "<br><em>convention: \(e($0))</em>" } ?? "") + "</td></tr>\n"
    }
    return s + "</table></section>\n"
  }

  static func audits(_ doc: RunDocument) -> String {
    let e = ReportText.html
    var s = ""
    for d in doc.audits {
      s +=
        "<section><h2>Audit of \(e(d.name))</h2>\n<p class=\"meta\">SHA-256 \(e(d.sha256)) · \(d.bytes) bytes · "
        + "\(d.problems) problem(s) · \(d.findings.count) finding(s)</p>\n"
      for n in d.notes { s += "<p class=\"note\">\(e(n))</p>\n" }
      s +=
        "<table class=\"findings\">\n<colgroup><col style=\"width: 7rem\"><col style=\"width: 9rem\"><col></colgroup>\n"
        + "<tr><th>line:column</th><th>kind</th><th>finding</th></tr>\n"
      for f in d.findings {
        s +=
          "<tr><td class=\"num\">\(f.line):\(f.column)</td><td>\(e(f.kind.rawValue))</td><td>\(e(f.message))"
          + "<pre class=\"excerpt\">\(e(f.excerpt))</pre>"
          + (f.evidence.map { "<div>Evidence: \(e($0))</div>" } ?? "") + "</td></tr>\n"
      }
      s += "</table></section>\n"
    }
    return s
  }

  static func bench(_ doc: RunDocument) -> String {
    let e = ReportText.html
    guard !doc.bench.isEmpty else { return "" }
    var s =
      "<section id=\"bench\"><h2>Benchmark</h2>\n<table>\n<tr><th>measurement</th><th>tool</th>"
      + "<th>threads</th><th>median</th><th>min</th><th>max</th><th>unit</th><th>n</th></tr>\n"
    for r in doc.bench {
      s +=
        "<tr><td>\(e(r.measurement))</td><td>\(e(r.tool))</td><td class=\"num\">\(r.threads)</td>"
        + [r.median, r.min, r.max].map { "<td class=\"num\">\(ReportText.number($0))</td>" }
        .joined()
        + "<td>\(e(r.unit))</td><td class=\"num\">\(r.n)</td></tr>\n"
    }
    return s + "</table></section>\n"
  }
}
