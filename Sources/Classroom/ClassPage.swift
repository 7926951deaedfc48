import Foundation
import ResultStore

/// The class statistics as one self-contained HTML page: a table of shares per problem, the
/// histogram of totals as inline SVG, and every answer group with its members. Everything a
/// student typed is escaped.
public struct ClassPage: Sendable {
  /// The statistics and groups the page shows.
  public let report: ClassReport

  /// The page of `report`.
  public init(_ report: ClassReport) { self.report = report }

  static let style = """
    body{font-family:system-ui,sans-serif;max-width:64rem;margin:1.5rem auto;padding:0 1rem;
    color:#222;line-height:1.4}
    table{border-collapse:collapse;margin:.5rem 0}
    td,th{border-bottom:1px solid #ddd;padding:.25rem .6rem;text-align:left;vertical-align:top}
    td.n{text-align:right;font-variant-numeric:tabular-nums}
    code{font-family:ui-monospace,monospace;background:#f4f4f4;padding:0 .2em;
    word-break:break-word}
    .correct{color:#146c2e}.incorrect{color:#a11}.unreadable,.missing{color:#8a5a00}
    details{margin:.2rem 0}summary{cursor:pointer}.members{font-size:.85em;color:#555}
    table.groups{width:100%;table-layout:fixed}
    table.groups th:nth-child(1){width:4.5rem}table.groups th:nth-child(2){width:6rem}
    table.groups th:nth-child(3){width:25%}table.groups th:nth-child(4){width:20%}
    .bar{display:inline-block;height:.8em;vertical-align:middle}
    """

  /// The colours of the verdicts' bars: correct, incorrect, unreadable, missing.
  static let colours = ["#2e8b57", "#c0392b", "#d4a017", "#bbb"]

  /// The page: a self-contained HTML document, inline CSS and SVG, no script.
  public var html: String {
    let r = report.result
    let st = report.statistics
    let run = r.run.map { " · run \($0)" } ?? ""
    let about = [
      r.source.isEmpty ? nil : HTML.escape(r.source),
      r.version.map { "psverify \(HTML.escape($0))" }, r.seed.map { "seed \($0)" },
    ]
    .compactMap { $0 }
    let summary = (["\(r.students.count) students, \(r.problems.count) problems"] + about)
      .joined(separator: " · ")
    var out = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>psverify class\(run)</title>
      <style>\(Self.style)</style></head><body>
      <h1>Class grading\(run)</h1>
      <p>\(summary).
      Mean \(Gradebook.number(st.mean)), median \(Gradebook.number(st.median)) of \
      \(Gradebook.number(st.maximum)) points.</p>
      <h2>Totals</h2>
      \(histogramSVG)
      <h2>Per problem</h2>
      <table><thead><tr><th>problem</th><th>correct</th><th>incorrect</th><th>unreadable</th>\
      <th>missing</th><th></th></tr></thead><tbody>

      """
    for c in st.problems {
      let counts = [c.correct, c.incorrect, c.unreadable, c.missing]
      let cells = counts.map { "<td class=\"n\">\($0) (\(ClassReport.percent(c.share($0))))</td>" }
      let bar = zip(counts, Self.colours).map { n, colour in
        "<span class=\"bar\" style=\"width:\(Int((c.share(n) * 200).rounded()))px;"
          + "background:\(colour)\"></span>"
      }
      out +=
        "<tr><td>\(HTML.escape(c.problem))</td>\(cells.joined())"
        + "<td>\(bar.joined())</td></tr>\n"
    }
    let legend = zip(Self.colours, ["correct", "incorrect", "unreadable", "missing"]).map {
      "<span style=\"color:\($0)\">■</span> \($1)"
    }
    out +=
      "</tbody></table>\n<p class=\"members\">Bars: \(legend.joined(separator: ", ")).</p>\n"
      + "<h2>Answer groups</h2>\n<p>Answers grouped by meaning: equal polynomials, equal regions, "
      + "equations equal on the same tensors; unreadable answers by diagnostic. The most common "
      + "wrong answers come first.</p>\n"
    for problem in r.problems { out += groupsTable(problem) }
    return out + "</body></html>\n"
  }

  /// One problem's groups: size, verdict, example spelling, reading, what the grader said, and
  /// the members behind a disclosure.
  func groupsTable(_ problem: String) -> String {
    let groups = report.groups[problem] ?? []
    let id = HTML.escape(problem)
    var out =
      "<h3 id=\"problem-\(id)\">Problem \(id) · \(groups.count) groups</h3>\n"
      + "<table class=\"groups\"><thead><tr><th>students</th><th>verdict</th><th>example</th>"
      + "<th>read as</th><th>feedback</th></tr></thead><tbody>\n"
    for g in groups {
      let verdict = HTML.escape(g.verdict)
      let example = g.example.map { "<code>\(HTML.escape($0))</code>" } ?? "—"
      let spellings = g.spellings > 1 ? "<br><small>\(g.spellings) spellings</small>" : ""
      let reading = g.reading.map { "<code>\(HTML.escape($0))</code>" } ?? ""
      out +=
        "<tr><td class=\"n\">\(g.size)</td><td class=\"\(verdict)\">\(verdict)</td>"
        + "<td>\(example)\(spellings)</td><td>\(reading)</td><td>\(HTML.escape(g.headline))"
        + "<details><summary class=\"members\">members</summary><div class=\"members\">"
        + HTML.escape(g.members.joined(separator: ", ")) + "</div></details></td></tr>\n"
    }
    return out + "</tbody></table>\n"
  }
}
