/// The report's SVG charts for other modules (the served page): a line or scatter chart with
/// reference lines, drawn by the same code as the report's figures (`Plot`), so a student's
/// page and the report look alike. Every label is escaped by the plot.
public enum Chart {
  /// One series: points joined by a line, or markers alone.
  public struct Line: Sendable {
    /// The series' name in the legend.
    public var name: String
    /// The x coordinates, paired in order with `ys`.
    public var xs: [Double]
    /// The y coordinates, paired in order with `xs`.
    public var ys: [Double]
    /// An index into the Okabe–Ito palette, taken modulo its seven colours.
    public var colour: Int
    /// Whether consecutive points are joined by a line.
    public var joined: Bool
    /// Whether the joining line is dashed.
    public var dashed: Bool
    /// Whether points get markers; the i-th line's marker shape is the i-th of circle, square,
    /// triangle, diamond, cyclically.
    public var markers: Bool

    /// A series named `name` through the points (xs[i], ys[i]), joined and marked by default.
    public init(
      _ name: String, xs: [Double], ys: [Double], colour: Int, joined: Bool = true,
      dashed: Bool = false, markers: Bool = true
    ) {
      (self.name, self.xs, self.ys, self.colour, self.joined, self.dashed, self.markers) =
        (name, xs, ys, colour, joined, dashed, markers)
    }
  }

  /// A labelled line at x = value (vertical) or y = value.
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

  /// The chart as a self-contained `<svg>` element; `id` keeps its clip path apart from other
  /// charts on the page.
  public static func svg(
    id: String, title: String, xLabel: String, yLabel: String,
    xLog: Bool = false, yLog: Bool = false, lines: [Line],
    references: [Reference] = []
  ) -> String {
    var plot = Plot(title: title, xLabel: xLabel, yLabel: yLabel, xLog: xLog, yLog: yLog)
    let markers = Plot.Marker.allCases.filter { $0 != .none }
    plot.series = lines.enumerated().map { i, l in
      Plot.Series(
        name: l.name, xs: l.xs, ys: l.ys, colour: l.colour, line: l.joined,
        marker: l.markers ? markers[i % markers.count] : .none, dashed: l.dashed)
    }
    plot.references = references.map {
      Plot.Reference(vertical: $0.vertical, value: $0.value, label: $0.label)
    }
    return plot.svg(id: id)
  }
}
