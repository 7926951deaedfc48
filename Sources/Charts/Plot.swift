import Foundation

/// The report's charts as self-contained SVG: axes with ticks and labels, linear or logarithmic
/// scales, lines, markers, shaded bands, reference lines, a legend below the plot area (where it
/// cannot cover data), and grouped bars. Colours are the Okabe–Ito palette, readable by
/// colour-blind readers; series of one chart also differ by marker shape (and a series may be
/// drawn dashed), so a greyscale print keeps them apart.
public struct Plot: Sendable {
  /// The shape drawn at each point of a series; `none` draws no markers.
  public enum Marker: CaseIterable, Sendable { case circle, square, triangle, diamond, none }

  /// One series of points, drawn as a line, markers, or both.
  public struct Series: Sendable {
    /// The series' name in the legend.
    public var name: String
    /// The x coordinates, paired in order with `ys`.
    public var xs: [Double]
    /// The y coordinates, paired in order with `xs`.
    public var ys: [Double]
    /// An index into the Okabe–Ito palette, taken modulo its seven colours.
    public var colour: Int
    /// Whether consecutive points are joined by a line (drawn when at least two points are shown).
    public var line = true
    /// The marker drawn at each point.
    public var marker = Marker.circle
    /// Whether the joining line is dashed.
    public var dashed = false

    /// A series through the points (xs[i], ys[i]); points not finite, or not positive on a log
    /// axis, are left out when drawn.
    public init(
      name: String, xs: [Double], ys: [Double], colour: Int, line: Bool = true,
      marker: Marker = .circle, dashed: Bool = false
    ) {
      (self.name, self.xs, self.ys, self.colour) = (name, xs, ys, colour)
      (self.line, self.marker, self.dashed) = (line, marker, dashed)
    }
  }

  /// A shaded region between `lower` and `upper` (a ±2 SE band, say).
  public struct Band: Sendable {
    /// The band's name in the legend.
    public var name: String
    /// The x coordinates, paired in order with `lower` and `upper`.
    public var xs: [Double]
    /// The band's lower edge at each x.
    public var lower: [Double]
    /// The band's upper edge at each x.
    public var upper: [Double]
    /// An index into the Okabe–Ito palette, taken modulo its seven colours; the band is filled at
    /// 18 % opacity.
    public var colour: Int

    /// A band between lower[i] and upper[i] at xs[i]; it is drawn when at least two of its points
    /// can be shown.
    public init(name: String, xs: [Double], lower: [Double], upper: [Double], colour: Int) {
      (self.name, self.xs, self.lower, self.upper, self.colour) = (name, xs, lower, upper, colour)
    }
  }

  /// A labelled reference line: vertical at x = value, or horizontal at y = value.
  public struct Reference: Sendable {
    /// Whether the line is vertical (x = value) rather than horizontal (y = value).
    public var vertical: Bool
    /// The coordinate where the line stands.
    public var value: Double
    /// The text drawn beside the line.
    public var label: String

    /// A reference line at x = value (vertical) or y = value, labelled `label`.
    public init(vertical: Bool, value: Double, label: String) {
      (self.vertical, self.value, self.label) = (vertical, value, label)
    }
  }

  /// The chart's title, drawn above the plot area.
  public var title: String
  /// The x axis's title.
  public var xLabel: String
  /// The y axis's title.
  public var yLabel: String
  /// Whether the x axis is logarithmic (base 10); then only positive x are drawn.
  public var xLog = false
  /// Whether the y axis is logarithmic (base 10); then only positive y are drawn.
  public var yLog = false
  /// The series, drawn in order above the bands and reference lines.
  public var series: [Series] = []
  /// The shaded bands, drawn first.
  public var bands: [Band] = []
  /// The labelled reference lines.
  public var references: [Reference] = []

  /// An empty chart with its title, axis titles and scales; add series, bands and references after.
  public init(
    title: String, xLabel: String, yLabel: String, xLog: Bool = false, yLog: Bool = false
  ) {
    (self.title, self.xLabel, self.yLabel) = (title, xLabel, yLabel)
    (self.xLog, self.yLog) = (xLog, yLog)
  }

  static let palette = [
    "#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#000000",
  ]

  /// The opening of a chart: the root element, a white background and the title.
  static func open(width: Double, height: Double, title: String, left: Double) -> String {
    func f(_ v: Double) -> String { String(format: "%.1f", v) }
    return """
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(f(width)) \(f(height))" \
      width="\(f(width))" height="\(f(height))" role="img" aria-label="\(escape(title))" \
      font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12">
      <rect x="0" y="0" width="\(f(width))" height="\(f(height))" fill="#ffffff"/>
      <text x="\(f(left))" y="20" font-size="14" font-weight="600">\(escape(title))</text>

      """
  }

  static func colour(_ i: Int) -> String {
    palette[((i % palette.count) + palette.count) % palette.count]
  }

  static func escape(_ s: String) -> String { HTMLText.escape(s) }

  /// Numbers on an axis: 10⁶-style powers on log axes, short decimals otherwise.
  static func tickLabel(_ v: Double, log: Bool) -> String {
    if log {
      let e = Int(log10(v).rounded())
      if abs(log10(v) - Double(e)) < 1e-9 {
        if (-2...2).contains(e) { return format(v) }
        return "10" + String(String(e).map { superscript[$0] ?? $0 })
      }
      return format(v)
    }
    return format(v)
  }

  static let superscript: [Character: Character] = [
    "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸",
    "9": "⁹", "-": "⁻",
  ]

  /// A number as charts print it: short decimals, 10⁶-style powers outside [10⁻³, 10⁵).
  public static func format(_ v: Double) -> String {
    if v == 0 { return "0" }
    let a = abs(v)
    if a >= 1e5 || a < 1e-3 {
      let e = Int(floor(log10(a)))
      let m = v / pow(10, Double(e))
      let mantissa = String(format: "%.3g", m)
      return (mantissa == "1" ? "" : mantissa + "×") + "10"
        + String(String(e).map { superscript[$0] ?? $0 })
    }
    if v == v.rounded() { return String(Int(v)) }
    var s = String(format: "%.4g", v)
    if s.contains("e") { s = String(format: "%.4f", v) }
    return s
  }

  /// "Nice" linear ticks (steps of 1, 2 or 5 × 10^k) covering [lo, hi].
  static func linearTicks(_ lo: Double, _ hi: Double, count: Int = 6) -> [Double] {
    guard hi > lo else { return [lo] }
    let raw = (hi - lo) / Double(count)
    let p = pow(10, floor(log10(raw)))
    let step = [1.0, 2, 5, 10].map { $0 * p }.first { $0 >= raw } ?? 10 * p
    var ticks: [Double] = []
    var k = ceil(lo / step - 1e-9)
    while k * step <= hi + step * 1e-9 {
      // k·step rounded to the step's decimals, so 3 × 0.2 prints as 0.6.
      let digits = max(0, -Int(floor(log10(step))))
      let scale = pow(10, Double(digits))
      ticks.append(((k * step) * scale).rounded() / scale)
      k += 1
    }
    return ticks
  }

  /// Decades inside [lo, hi] (with 2 and 5 between when there are fewer than three decades).
  static func logTicks(_ lo: Double, _ hi: Double) -> [Double] {
    let a = Int(floor(log10(lo)))
    let b = Int(ceil(log10(hi)))
    var ticks: [Double] = []
    let fine = hi / lo < 1000
    for e in a...b {
      for m in fine ? [1.0, 2, 5] : [1.0] {
        let v = m * pow(10, Double(e))
        if v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9) { ticks.append(v) }
      }
    }
    return ticks
  }

  /// The range of the data on one axis, padded, positive on a log axis.
  static func range(_ values: [Double], log: Bool) -> (Double, Double) {
    let v = values.filter { $0.isFinite && (!log || $0 > 0) }
    guard var lo = v.min(), var hi = v.max() else { return log ? (1, 10) : (0, 1) }
    if log {
      if hi / lo < 10 {
        let mid = (log10(lo) + log10(hi)) / 2
        (lo, hi) = (pow(10, mid - 0.5), pow(10, mid + 0.5))
      }
      return (
        pow(10, log10(lo) - 0.05 * log10(hi / lo)), pow(10, log10(hi) + 0.05 * log10(hi / lo))
      )
    }
    if hi == lo { (lo, hi) = (lo - max(1, abs(lo)) * 0.1, hi + max(1, abs(hi)) * 0.1) }
    let pad = (hi - lo) * 0.06
    return (lo - pad, hi + pad)
  }

  /// The chart as a self-contained `<svg>` element: axes with ticks, bands, reference lines,
  /// series and the legend. O(points) in the series and bands.
  /// - Parameter id: unique within the page (the plot area's clip path is named after it).
  public func svg(id: String, width: Double = 640, height: Double = 400) -> String {
    let left = 78.0
    let right = 20.0
    let top = 34.0
    // Two legend columns when every label fits in half the width (≈ 6.6 px a character at 12 px).
    let names = series.map(\.name) + bands.map(\.name)
    let columns =
      names.allSatisfy({ Double($0.count) * 6.6 + 44 < (width - left - right) / 2 }) ? 2 : 1
    let legendRows = (names.count + columns - 1) / columns
    let bottom = 52.0 + Double(legendRows) * 18
    let plotW = width - left - right
    let plotH = height - top - bottom
    let xs = series.flatMap(\.xs) + bands.flatMap(\.xs) + references.filter(\.vertical).map(\.value)
    let ys =
      series.flatMap(\.ys) + bands.flatMap { $0.lower + $0.upper }
      + references.filter { !$0.vertical }.map(\.value)
    let (x0, x1) = Self.range(xs, log: xLog)
    let (y0, y1) = Self.range(ys, log: yLog)
    func px(_ x: Double) -> Double {
      left + plotW
        * (xLog ? (log10(x) - log10(x0)) / (log10(x1) - log10(x0)) : (x - x0) / (x1 - x0))
    }
    func py(_ y: Double) -> Double {
      top + plotH
        * (1 - (yLog ? (log10(y) - log10(y0)) / (log10(y1) - log10(y0)) : (y - y0) / (y1 - y0)))
    }
    func ok(_ x: Double, _ y: Double) -> Bool {
      x.isFinite && y.isFinite && (!xLog || x > 0) && (!yLog || y > 0)
    }
    func f(_ v: Double) -> String { String(format: "%.1f", v) }
    var out = Plot.open(width: width, height: height, title: title, left: left)
    // Grid and ticks.
    let xTicks = xLog ? Self.logTicks(x0, x1) : Self.linearTicks(x0, x1)
    let yTicks = yLog ? Self.logTicks(y0, y1) : Self.linearTicks(y0, y1)
    for t in xTicks {
      let x = px(t)
      out +=
        "<line x1=\"\(f(x))\" y1=\"\(f(top))\" x2=\"\(f(x))\" y2=\"\(f(top + plotH))\" stroke=\"#e5e5e5\"/>\n"
      out +=
        "<line x1=\"\(f(x))\" y1=\"\(f(top + plotH))\" x2=\"\(f(x))\" y2=\"\(f(top + plotH + 5))\" stroke=\"#333\"/>\n"
      out +=
        "<text x=\"\(f(x))\" y=\"\(f(top + plotH + 18))\" text-anchor=\"middle\">\(Self.escape(Self.tickLabel(t, log: xLog)))</text>\n"
    }
    for t in yTicks {
      let y = py(t)
      out +=
        "<line x1=\"\(f(left))\" y1=\"\(f(y))\" x2=\"\(f(left + plotW))\" y2=\"\(f(y))\" stroke=\"#e5e5e5\"/>\n"
      out +=
        "<line x1=\"\(f(left - 5))\" y1=\"\(f(y))\" x2=\"\(f(left))\" y2=\"\(f(y))\" stroke=\"#333\"/>\n"
      out +=
        "<text x=\"\(f(left - 8))\" y=\"\(f(y + 4))\" text-anchor=\"end\">\(Self.escape(Self.tickLabel(t, log: yLog)))</text>\n"
    }
    out +=
      "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotW))\" height=\"\(f(plotH))\" fill=\"none\" stroke=\"#333\"/>\n"
    out +=
      "<text x=\"\(f(left + plotW / 2))\" y=\"\(f(top + plotH + 36))\" text-anchor=\"middle\">\(Self.escape(xLabel))</text>\n"
    out +=
      "<text transform=\"translate(18 \(f(top + plotH / 2))) rotate(-90)\" text-anchor=\"middle\">\(Self.escape(yLabel))</text>\n"
    out +=
      "<clipPath id=\"clip-\(id)\"><rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotW))\" height=\"\(f(plotH))\"/></clipPath>\n"
    out += "<g clip-path=\"url(#clip-\(id))\">\n"
    for band in bands {
      let points = zip(band.xs, zip(band.lower, band.upper)).filter {
        ok($0.0, $0.1.0) && ok($0.0, $0.1.1)
      }
      guard points.count > 1 else { continue }
      let upper = points.map { "\(f(px($0.0))),\(f(py($0.1.1)))" }
      let lower = points.reversed().map { "\(f(px($0.0))),\(f(py($0.1.0)))" }
      out +=
        "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(Self.colour(band.colour))\" fill-opacity=\"0.18\" stroke=\"none\"/>\n"
    }
    for r in references {
      if r.vertical {
        let x = px(r.value)
        out +=
          "<line x1=\"\(f(x))\" y1=\"\(f(top))\" x2=\"\(f(x))\" y2=\"\(f(top + plotH))\" stroke=\"#555\" stroke-dasharray=\"4 4\"/>\n"
        out +=
          "<text x=\"\(f(x + 4))\" y=\"\(f(top + 14))\" fill=\"#333\">\(Self.escape(r.label))</text>\n"
      } else {
        let y = py(r.value)
        out +=
          "<line x1=\"\(f(left))\" y1=\"\(f(y))\" x2=\"\(f(left + plotW))\" y2=\"\(f(y))\" stroke=\"#555\" stroke-dasharray=\"4 4\"/>\n"
        out +=
          "<text x=\"\(f(left + plotW - 4))\" y=\"\(f(y - 5))\" text-anchor=\"end\" fill=\"#333\">\(Self.escape(r.label))</text>\n"
      }
    }
    for s in series {
      let points = zip(s.xs, s.ys).filter { ok($0.0, $0.1) }
      let colour = Self.colour(s.colour)
      if s.line && points.count > 1 {
        let path = points.map { "\(f(px($0.0))),\(f(py($0.1)))" }.joined(separator: " ")
        out +=
          "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\""
          + (s.dashed ? " stroke-dasharray=\"6 3\"" : "") + "/>\n"
      }
      for (x, y) in points { out += Self.marker(s.marker, px(x), py(y), colour) }
    }
    out += "</g>\n"
    // Legend, below the axis title.
    var entries: [(String, String, Marker, Bool, Bool)] = series.map {
      ($0.name, Self.colour($0.colour), $0.marker, $0.line, $0.dashed)
    }
    entries += bands.map { ($0.name, Self.colour($0.colour), .none, false, false) }
    for (i, e) in entries.enumerated() {
      let col = Double(i % columns)
      let row = Double(i / columns)
      let x = left + col * plotW / 2
      let y = top + plotH + 56 + row * 18
      if e.3 {
        out +=
          "<line x1=\"\(f(x))\" y1=\"\(f(y - 4))\" x2=\"\(f(x + 28))\" y2=\"\(f(y - 4))\" stroke=\"\(e.1)\" stroke-width=\"2\""
          + (e.4 ? " stroke-dasharray=\"6 3\"" : "") + "/>\n"
      } else if e.2 == .none {
        out +=
          "<rect x=\"\(f(x))\" y=\"\(f(y - 10))\" width=\"28\" height=\"12\" fill=\"\(e.1)\" fill-opacity=\"0.25\"/>\n"
      }
      out += Self.marker(e.2, x + 14, y - 4, e.1)
      out += "<text x=\"\(f(x + 36))\" y=\"\(f(y))\">\(Self.escape(e.0))</text>\n"
    }
    return out + "</svg>"
  }

  static func marker(_ m: Marker, _ x: Double, _ y: Double, _ colour: String) -> String {
    func f(_ v: Double) -> String { String(format: "%.1f", v) }
    switch m {
    case .none: return ""
    case .circle:
      return
        "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"3.5\" fill=\"\(colour)\" stroke=\"#fff\" stroke-width=\"0.8\"/>\n"
    case .square:
      return
        "<rect x=\"\(f(x - 3.5))\" y=\"\(f(y - 3.5))\" width=\"7\" height=\"7\" fill=\"\(colour)\" stroke=\"#fff\" stroke-width=\"0.8\"/>\n"
    case .triangle:
      return
        "<polygon points=\"\(f(x)),\(f(y - 4.5)) \(f(x - 4)),\(f(y + 3)) \(f(x + 4)),\(f(y + 3))\" fill=\"\(colour)\" stroke=\"#fff\" stroke-width=\"0.8\"/>\n"
    case .diamond:
      return
        "<polygon points=\"\(f(x)),\(f(y - 4.5)) \(f(x + 4.5)),\(f(y)) \(f(x)),\(f(y + 4.5)) \(f(x - 4.5)),\(f(y))\" fill=\"\(colour)\" stroke=\"#fff\" stroke-width=\"0.8\"/>\n"
    }
  }
}

/// Grouped bars on a linear axis from 0, each bar labelled with its value (so that a zero reads
/// as a measured zero, not as a missing bar).
public struct BarChart: Sendable {
  /// The chart's title, drawn above the plot area.
  public var title: String
  /// The y axis's title.
  public var yLabel: String
  /// The categories along the x axis, one slot each, in order.
  public var categories: [String]
  /// (name, values per category, colour index).
  public var groups: [(name: String, values: [Double], colour: Int)]

  /// The x axis's title, empty by default.
  public var xLabel = ""

  /// A bar chart from its parts, stored as given.
  public init(
    title: String, yLabel: String, categories: [String],
    groups: [(name: String, values: [Double], colour: Int)], xLabel: String = ""
  ) {
    (self.title, self.yLabel, self.categories, self.groups, self.xLabel) =
      (title, yLabel, categories, groups, xLabel)
  }

  /// The chart as a self-contained `<svg>` element, at least `requested` wide (widened to 44 points
  /// per category) and `height` high; a non-finite value is drawn as a bar of 0.
  /// - Complexity: O(categories · groups).
  public func svg(width requested: Double = 640, height: Double = 360) -> String {
    let width = max(requested, 78 + 20 + 44 * Double(categories.count))
    let left = 78.0
    let right = 20.0
    let top = 34.0
    let columns =
      groups.allSatisfy({ Double($0.name.count) * 6.6 + 30 < (width - left - right) / 2 }) ? 2 : 1
    let bottom = 62.0 + 18 * Double((groups.count + columns - 1) / columns)
    let plotW = width - left - right
    let plotH = height - top - bottom
    let maximum = max(groups.flatMap(\.values).filter(\.isFinite).max() ?? 1, 1e-12)
    let ticks = Plot.linearTicks(0, maximum * 1.15)
    let yMax = max(ticks.last ?? maximum, maximum * 1.15)
    func f(_ v: Double) -> String { String(format: "%.1f", v) }
    func py(_ y: Double) -> Double { top + plotH * (1 - y / yMax) }
    var out = Plot.open(width: width, height: height, title: title, left: left)
    for t in ticks {
      out +=
        "<line x1=\"\(f(left))\" y1=\"\(f(py(t)))\" x2=\"\(f(left + plotW))\" y2=\"\(f(py(t)))\" stroke=\"#e5e5e5\"/>\n"
      out +=
        "<text x=\"\(f(left - 8))\" y=\"\(f(py(t) + 4))\" text-anchor=\"end\">\(Plot.escape(Plot.format(t)))</text>\n"
    }
    let slot = plotW / Double(max(1, categories.count))
    let barW = min(28, slot * 0.8 / Double(max(1, groups.count)))
    for (c, label) in categories.enumerated() {
      let x0 = left + slot * Double(c) + (slot - barW * Double(groups.count)) / 2
      for (g, group) in groups.enumerated() where c < group.values.count {
        let v = group.values[c].isFinite ? group.values[c] : 0
        let x = x0 + barW * Double(g)
        out +=
          "<rect x=\"\(f(x))\" y=\"\(f(py(v)))\" width=\"\(f(barW - 2))\" height=\"\(f(max(0, py(0) - py(v))))\" fill=\"\(Plot.colour(group.colour))\""
          + (g % 2 == 1 ? " fill-opacity=\"0.55\" stroke=\"\(Plot.colour(group.colour))\"" : "")
          + "/>\n"
        out +=
          "<text x=\"\(f(x + barW / 2 - 1))\" y=\"\(f(py(v) - 4))\" text-anchor=\"middle\" font-size=\"10\">\(Plot.escape(Plot.format(v)))</text>\n"
      }
      out +=
        "<text x=\"\(f(left + slot * (Double(c) + 0.5)))\" y=\"\(f(top + plotH + 18))\" text-anchor=\"middle\">\(Plot.escape(label))</text>\n"
    }
    out +=
      "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotW))\" height=\"\(f(plotH))\" fill=\"none\" stroke=\"#333\"/>\n"
    out +=
      "<text transform=\"translate(18 \(f(top + plotH / 2))) rotate(-90)\" text-anchor=\"middle\">\(Plot.escape(yLabel))</text>\n"
    out +=
      "<text x=\"\(f(left + plotW / 2))\" y=\"\(f(top + plotH + 36))\" text-anchor=\"middle\">\(Plot.escape(xLabel))</text>\n"
    for (g, group) in groups.enumerated() {
      let x = left + Double(g % columns) * plotW / 2
      let y = top + plotH + 60 + 18 * Double(g / columns)
      out +=
        "<rect x=\"\(f(x))\" y=\"\(f(y - 10))\" width=\"14\" height=\"12\" fill=\"\(Plot.colour(group.colour))\""
        + (g % 2 == 1 ? " fill-opacity=\"0.55\"" : "") + "/>\n"
      out += "<text x=\"\(f(x + 20))\" y=\"\(f(y))\">\(Plot.escape(group.name))</text>\n"
    }
    return out + "</svg>"
  }
}
