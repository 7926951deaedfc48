import Foundation

/// A figure of a report: a chart (SVG) or pictures (PNG), with a caption saying what is shown.
/// Problems build their own (`Problem.figures`); the report only places them.
public struct Figure: Sendable {
  /// One picture of a row: `channels` (1 grey, 3 RGB) values per pixel in 0…1, row-major.
  public struct Picture: Sendable {
    public var label: String
    public var width: Int
    public var height: Int
    public var channels: Int
    public var pixels: [Double]

    public init(label: String, width: Int, height: Int, channels: Int, pixels: [Double]) {
      (self.label, self.width, self.height) = (label, width, height)
      (self.channels, self.pixels) = (channels, pixels)
    }

    /// The picture as a PNG file. O(width · height · channels).
    public var png: Data {
      PNG.encode(width: width, height: height, channels: channels, pixels: pixels)
    }
  }

  public enum Content: Sendable {
    case svg(String)
    case pictures([Picture])
  }

  /// Unique within a report: the SVG's clip-path ids and the figure files are named by it.
  public var id: String
  public var title: String
  public var caption: String
  public var content: Content

  public init(id: String, title: String, caption: String, content: Content) {
    (self.id, self.title, self.caption, self.content) = (id, title, caption, content)
  }

  /// The plot with the line y = x across the positive data's range (dashed, black), drawn:
  /// points on it are cases where the two coordinates agree.
  public static func diagonal(_ plot: Plot, id: String, caption: String) -> Figure {
    var p = plot
    let values = p.series.flatMap { $0.xs + $0.ys }.filter { $0 > 0 && $0.isFinite }
    if let lo = values.min(), let hi = values.max() {
      p.series.append(.init(name: "counted = derived", xs: [lo, hi], ys: [lo, hi], colour: 6,
                            marker: .none, dashed: true))
    }
    return Figure(id: id, title: p.title, caption: caption, content: .svg(p.svg(id: id)))
  }
}
