import Foundation
import ResultStore

/// The class statistics as one self-contained HTML page: a table of shares per problem, the
/// histogram of totals as inline SVG, and every answer group with its members.
public struct ClassPage: Sendable {
  public let report: ClassReport

  public init(_ report: ClassReport) { self.report = report }

  public var html: String {
    let r = report.result, st = report.statistics
    var out = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>psverify class\(r.run.map { " run \($0)" } ?? "")</title>
      <style>body{font-family:system-ui,sans-serif;max-width:64rem;margin:1.5rem auto;padding:0 1rem;\
      color:#222;line-height:1.4}table{border-collapse:collapse;margin:.5rem 0}\
      td,th{border-bottom:1px solid #ddd;padding:.25rem .6rem;text-align:left;vertical-align:top}\
      td.n{text-align:right;font-variant-numeric:tabular-nums}code{font-family:ui-monospace,monospace;\
      background:#f4f4f4;padding:0 .2em;word-break:break-word}.correct{color:#146c2e}.incorrect{color:#a11}\
      .unreadable,.missing{color:#8a5a00}details{margin:.2rem 0}summary{cursor:pointer}\
      .members{font-size:.85em;color:#555}.bar{display:inline-block;height:.8em;vertical-align:middle}\
      </style></head><body>
      <h1>Class grading\(r.run.map { " · run \($0)" } ?? "")</h1>
      <p>\(r.students.count) students, \(r.problems.count) problems\
      \(r.source.isEmpty ? "" : " · \(HTML.escape(r.source))")\
      \(r.version.map { " · psverify \(HTML.escape($0))" } ?? "")\(r.seed.map { " · seed \($0)" } ?? "").
      Mean \(Gradebook.number(st.mean)), median \(Gradebook.number(st.median)) of \
      \(Gradebook.number(st.maximum)) points.</p>
      <h2>Totals</h2>
      \(histogramSVG)
      <h2>Per problem</h2>
      <table><thead><tr><th>problem</th><th>correct</th><th>incorrect</th><th>unreadable</th>\
      <th>missing</th><th></th></tr></thead><tbody>

      """
    for c in st.problems {
      let cells = [c.correct, c.incorrect, c.unreadable, c.missing].map {
        "<td class=\"n\">\($0) (\(ClassReport.percent(c.share($0))))</td>"
      }.joined()
      let bar = zip([c.correct, c.incorrect, c.unreadable, c.missing], ["#2e8b57", "#c0392b", "#d4a017", "#bbb"])
        .map { n, colour in
          "<span class=\"bar\" style=\"width:\(Int((c.share(n) * 200).rounded()))px;background:\(colour)\"></span>"
        }.joined()
      out += "<tr><td>\(HTML.escape(c.problem))</td>\(cells)<td>\(bar)</td></tr>\n"
    }
    out += "</tbody></table>\n<p class=\"members\">Bars: <span style=\"color:#2e8b57\">■</span> correct, "
      + "<span style=\"color:#c0392b\">■</span> incorrect, <span style=\"color:#d4a017\">■</span> unreadable, "
      + "<span style=\"color:#bbb\">■</span> missing.</p>\n<h2>Answer groups</h2>\n<p>Answers grouped by meaning: equal "
      + "polynomials, equal regions, equations equal on the same tensors; unreadable answers by "
      + "diagnostic. The most common wrong answers come first.</p>\n"
    for problem in r.problems {
      let groups = report.groups[problem] ?? []
      out += "<h3>Problem \(HTML.escape(problem)) · \(groups.count) groups</h3>\n<table><thead><tr>"
        + "<th>students</th><th>verdict</th><th>example</th><th>read as</th><th>feedback</th></tr></thead><tbody>\n"
      for g in groups {
        out += "<tr><td class=\"n\">\(g.size)</td><td class=\"\(HTML.escape(g.verdict))\">\(HTML.escape(g.verdict))</td>"
          + "<td>\(g.example.map { "<code>\(HTML.escape($0))</code>" } ?? "—")"
          + (g.spellings > 1 ? "<br><small>\(g.spellings) spellings</small>" : "") + "</td>"
          + "<td>\(g.reading.map { "<code>\(HTML.escape($0))</code>" } ?? "")</td>"
          + "<td>\(HTML.escape(g.headline))"
          + "<details><summary class=\"members\">members</summary><div class=\"members\">"
          + HTML.escape(g.members.joined(separator: ", ")) + "</div></details></td></tr>\n"
      }
      out += "</tbody></table>\n"
    }
    return out + "</body></html>\n"
  }

  /// Bars of the totals' histogram: x the total (points), y the number of students.
  var histogramSVG: String {
    let bins = report.statistics.bins
    let width = 640.0, height = 300.0, left = 48.0, bottom = 40.0, top = 16.0, right = 16.0
    let plotW = width - left - right, plotH = height - top - bottom
    let highest = max(1, bins.map(\.count).max() ?? 1)
    let step = max(1, Int((Double(highest) / 5).rounded(.up)))
    let yMax = step * ((highest + step - 1) / step)
    let barW = plotW / Double(max(1, bins.count))
    func f(_ v: Double) -> String { String(format: "%.1f", v) }
    var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" "
      + "viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"histogram of totals\" "
      + "font-family=\"system-ui,sans-serif\" font-size=\"11\">\n"
    svg += "<line x1=\"\(f(left))\" y1=\"\(f(top + plotH))\" x2=\"\(f(left + plotW))\" y2=\"\(f(top + plotH))\" stroke=\"#333\"/>\n"
    svg += "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(top + plotH))\" stroke=\"#333\"/>\n"
    for tick in stride(from: 0, through: yMax, by: step) {
      let y = top + plotH * (1 - Double(tick) / Double(yMax))
      svg += "<line x1=\"\(f(left - 4))\" y1=\"\(f(y))\" x2=\"\(f(left + plotW))\" y2=\"\(f(y))\" stroke=\"#eee\"/>"
        + "<text x=\"\(f(left - 6))\" y=\"\(f(y + 4))\" text-anchor=\"end\">\(tick)</text>\n"
    }
    // Whole-point bars are labelled at their centre with their value; finer bins at their edges.
    let whole = bins.first.map { $0.upper - $0.lower == 1 } ?? true
    for (i, b) in bins.enumerated() {
      let h = plotH * Double(b.count) / Double(yMax)
      let x = left + Double(i) * barW
      svg += "<rect x=\"\(f(x + 1))\" y=\"\(f(top + plotH - h))\" width=\"\(f(max(1, barW - 2)))\" "
        + "height=\"\(f(h))\" fill=\"#4a7ab5\"><title>\(Gradebook.number(b.lower))–"
        + "\(Gradebook.number(b.upper)) points: \(b.count) students</title></rect>\n"
      svg += "<text x=\"\(f(whole ? x + barW / 2 : x))\" y=\"\(f(top + plotH + 14))\" "
        + "text-anchor=\"middle\">\(Gradebook.number(b.lower))</text>\n"
    }
    if !whole, let last = bins.last {
      svg += "<text x=\"\(f(left + plotW))\" y=\"\(f(top + plotH + 14))\" text-anchor=\"middle\">"
        + "\(Gradebook.number(last.upper))</text>\n"
    }
    svg += "<text x=\"\(f(left + plotW / 2))\" y=\"\(f(height - 6))\" text-anchor=\"middle\">"
      + (whole ? "total points (partial credit counts in the bar of its whole part)"
         : "total points (the last bin includes the maximum)") + "</text>\n"
    svg += "<text transform=\"translate(12,\(f(top + plotH / 2))) rotate(-90)\" text-anchor=\"middle\">students</text>\n"
    return svg + "</svg>"
  }
}
