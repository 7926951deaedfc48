import Foundation

/// A figure of a report: a chart (SVG) or pictures (PNG), with a caption saying what is shown.
/// Problems build their own (`Problem.figures`); the report only places them.
public struct Figure: Sendable {
  /// One picture of a row: `channels` (1 grey, 3 RGB) values per pixel in 0…1, row-major.
  public struct Picture: Sendable {
    /// The caption under the picture, also its alt text.
    public var label: String
    /// The width in pixels.
    public var width: Int
    /// The height in pixels.
    public var height: Int
    /// Values per pixel: 1 for grey, 3 for RGB.
    public var channels: Int
    /// width · height · channels values in 0…1, row-major, channels innermost.
    public var pixels: [Double]

    /// A picture from its size, channel count and pixel values, stored as given.
    public init(label: String, width: Int, height: Int, channels: Int, pixels: [Double]) {
      (self.label, self.width, self.height) = (label, width, height)
      (self.channels, self.pixels) = (channels, pixels)
    }

    /// The picture as a PNG file. O(width · height · channels).
    public var png: Data {
      PNG.encode(width: width, height: height, channels: channels, pixels: pixels)
    }
  }

  /// What a figure shows: one chart as an `<svg>` element, or a row of pictures.
  public enum Content: Sendable {
    case svg(String)
    case pictures([Picture])
  }

  /// Unique within a report: the SVG's clip-path ids and the figure files are named by it.
  public var id: String
  /// The figure's heading.
  public var title: String
  /// What the figure shows and how to read it, placed under it.
  public var caption: String
  /// The chart or the pictures.
  public var content: Content

  /// A figure from its parts, stored as given; `id` must be unique within the report.
  public init(id: String, title: String, caption: String, content: Content) {
    (self.id, self.title, self.caption, self.content) = (id, title, caption, content)
  }

  /// The plot with the line y = x across the positive data's range (dashed, black), drawn:
  /// points on it are cases where the two coordinates agree.
  public static func diagonal(_ plot: Plot, id: String, caption: String) -> Figure {
    var p = plot
    let values = p.series.flatMap { $0.xs + $0.ys }.filter { $0 > 0 && $0.isFinite }
    if let lo = values.min(), let hi = values.max() {
      p.series.append(
        .init(
          name: "counted = derived", xs: [lo, hi], ys: [lo, hi], colour: 6,
          marker: .none, dashed: true))
    }
    return Figure(id: id, title: p.title, caption: caption, content: .svg(p.svg(id: id)))
  }
}
