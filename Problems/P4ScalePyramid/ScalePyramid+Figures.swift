import Charts
import Verification

extension ScalePyramidProblem {
  /// The image pyramid and feature maps as pictures, and the equivariance gaps per layer beside
  /// the control's, from `scale-equivariance`'s and `equivariance-control`'s series.
  public func figures(_ stored: FigureData) -> [Figure]? {
    guard let s = stored.check("scale-equivariance")?.series else { return [] }
    var out: [Figure] = []
    var pictures: [Figure.Picture] = []
    for level in 0..<16 {
      guard let p = s["pyramid_\(level)"] else { continue }
      let side = Int((Double(p.count) / 3).squareRoot().rounded())
      guard side * side * 3 == p.count else { continue }
      pictures.append(
        .init(
          label: "I_\(level) (\(side)×\(side))", width: side, height: side,
          channels: 3, pixels: p))
    }
    for l in 1..<4 {
      for scale in 0..<3 {
        guard let p = s["feature_\(l)_\(scale)"] else { continue }
        let side = Int(Double(p.count).squareRoot().rounded())
        guard side * side == p.count else { continue }
        let lo = p.min() ?? 0
        let hi = p.max() ?? 1
        let scaled = p.map { hi > lo ? ($0 - lo) / (hi - lo) : 0.5 }
        pictures.append(
          .init(
            label: "L_{\(l),\(scale)} channel 0 (\(side)×\(side))", width: side,
            height: side, channels: 1, pixels: scaled))
      }
    }
    if !pictures.isEmpty {
      out.append(
        Figure(
          id: "p4-pyramid", title: "Problem 4: the image pyramid and feature maps",
          caption: "The first input image at every scale of the pyramid (each level "
            + "the 2×2 average of the one before), and channel 0 of a few layers "
            + "L_{ℓ,s}; each feature map is shown scaled to its own range.",
          content: .pictures(pictures)))
    }
    if let gaps = s["gap"], let levels = s["gap_level"], let scales = s["gap_scale"] {
      let control = stored.check("equivariance-control")?.series["gap"]
      var groups: [(name: String, values: [Double], colour: Int)] = [
        ("shared weights (the network of problem 4)", gaps, 0)
      ]
      if let control, control.count == gaps.count {
        groups.append(("control: weights depend on s", control, 1))
      }
      let chart = BarChart(
        title: "Problem 4: L′_{ℓ,s} on I_1 against L_{ℓ,s+1} on I",
        yLabel: "largest |difference|",
        categories: zip(levels, scales).map { "\(Int($0.0)),\(Int($0.1))" }, groups: groups,
        xLabel: "ℓ, s + 1 of the layer compared (ℓ = 0: the pyramid itself)")
      out.append(
        Figure(
          id: "p4-equivariance", title: chart.title,
          caption:
            "For each layer compared, the largest difference between the network run on the "
            + "downsampled image and the original run one scale over. Shared weights give exactly 0 "
            + "(bit for bit); the control, whose weights depend on the scale, does not.",
          content: .svg(chart.svg())))
    }
    return out
  }
}
