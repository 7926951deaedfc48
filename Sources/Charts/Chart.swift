/// The report's SVG charts for other modules (the served page): a line or scatter chart with
/// reference lines, drawn by the same code as the report's figures (`Plot`), so a student's
/// page and the report look alike. Every label is escaped by the plot.
public enum Chart {
  /// One series: points joined by a line, or markers alone.
  public struct Line: Sendable {
    public var name: String
    public var xs: [Double]
    public var ys: [Double]
    public var colour: Int
    public var joined: Bool
    public var dashed: Bool
    public var markers: Bool

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
    public var vertical: Bool
    public var value: Double
    public var label: String

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
