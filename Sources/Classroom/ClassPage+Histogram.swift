import Foundation

extension ClassPage {
  /// Bars of the totals' histogram as SVG: x the total in points, y the number of students;
  /// y ticks at a fifth of the tallest bar, rounded up to whole students.
  var histogramSVG: String {
    let bins = report.statistics.bins
    let width = 640.0
    let height = 300.0
    let left = 48.0
    let bottom = 40.0
    let top = 16.0
    let right = 16.0
    let plotW = width - left - right
    let plotH = height - top - bottom
    let highest = max(1, bins.map(\.count).max() ?? 1)
    let step = max(1, Int((Double(highest) / 5).rounded(.up)))
    let yMax = step * ((highest + step - 1) / step)
    let barW = plotW / Double(max(1, bins.count))
    let base = top + plotH
    func f(_ v: Double) -> String { String(format: "%.1f", v) }
    func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ stroke: String) -> String {
      "<line x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\" stroke=\"\(stroke)\"/>"
    }
    func text(_ x: Double, _ y: Double, _ anchor: String, _ s: String) -> String {
      "<text x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"\(anchor)\">\(s)</text>\n"
    }
    var svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" "
      + "height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" "
      + "aria-label=\"histogram of totals\" font-family=\"system-ui,sans-serif\" "
      + "font-size=\"11\">\n"
    svg += line(left, base, left + plotW, base, "#333") + line(left, top, left, base, "#333") + "\n"
    for tick in stride(from: 0, through: yMax, by: step) {
      let y = top + plotH * (1 - Double(tick) / Double(yMax))
      svg += line(left - 4, y, left + plotW, y, "#eee") + text(left - 6, y + 4, "end", "\(tick)")
    }
    // Whole-point bars are labelled at their centre with their value; finer bins at their edges.
    let whole = bins.first.map { $0.upper - $0.lower == 1 } ?? true
    for (i, b) in bins.enumerated() {
      let h = plotH * Double(b.count) / Double(yMax)
      let x = left + Double(i) * barW
      svg +=
        "<rect x=\"\(f(x + 1))\" y=\"\(f(base - h))\" width=\"\(f(max(1, barW - 2)))\" "
        + "height=\"\(f(h))\" fill=\"#4a7ab5\"><title>\(Gradebook.number(b.lower))–"
        + "\(Gradebook.number(b.upper)) points: \(b.count) students</title></rect>\n"
      svg += text(whole ? x + barW / 2 : x, base + 14, "middle", Gradebook.number(b.lower))
    }
    if !whole, let last = bins.last {
      svg += text(left + plotW, base + 14, "middle", Gradebook.number(last.upper))
    }
    svg += text(
      left + plotW / 2, height - 6, "middle",
      whole
        ? "total points (partial credit counts in the bar of its whole part)"
        : "total points (the last bin includes the maximum)")
    svg +=
      "<text transform=\"translate(12,\(f(top + plotH / 2))) rotate(-90)\" "
      + "text-anchor=\"middle\">students</text>\n"
    return svg + "</svg>"
  }
}
