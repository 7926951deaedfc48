import Charts
import Verification

extension GradientDecayProblem {
  /// The gradient factor per layer on a log scale: derived γ^(L−1−ℓ) and measured with the
  /// branches cut (`direct-path-exponents`), and with live branches (`live-branches`).
  public func figures(_ stored: FigureData) -> [Figure]? {
    var plot = Plot(
      title: "Problem 3c: gradient factor at each layer", xLabel: "layer ℓ",
      yLabel: "‖∂loss/∂L_ℓ‖ relative to the top (log scale)", yLog: true)
    let exponents = stored.check("direct-path-exponents")?.series ?? [:]
    let live = stored.check("live-branches")?.series ?? [:]
    if let d = exponents["derived_factor_by_layer"] {
      plot.series.append(
        .init(
          name: "derived γ^(L−1−ℓ)", xs: d.indices.map(Double.init), ys: d,
          colour: 0, marker: .none))
    }
    if let m = exponents["measured_factor_by_layer"] {
      plot.series.append(
        .init(
          name: "measured, branches cut (direct path)",
          xs: m.indices.map(Double.init), ys: m, colour: 0, line: false,
          marker: .diamond))
    }
    if let t = live["gradient_norm_ratio_gamma_test"] {
      plot.series.append(
        .init(
          name: "live branches, γ under test (total)",
          xs: t.indices.map(Double.init), ys: t, colour: 1, marker: .square,
          dashed: true))
    }
    if let one = live["gradient_norm_ratio_gamma_1"] {
      plot.series.append(
        .init(
          name: "live branches, γ = 1 (total)",
          xs: one.indices.map(Double.init), ys: one, colour: 2,
          marker: .triangle, dashed: true))
    }
    if let one = live["direct_path_gamma_1"] {
      plot.series.append(
        .init(
          name: "direct path, γ = 1", xs: one.indices.map(Double.init),
          ys: one, colour: 6, marker: .none, dashed: true))
    }
    guard !plot.series.isEmpty else { return [] }
    return [
      Figure(
        id: "p3c-decay", title: plot.title,
        caption:
          "The gradient that reaches layer ℓ relative to the top layer's. With the branches cut only "
          + "the direct path remains and the measured factors lie on the derived line γ^(L−1−ℓ); "
          + "with live branches the total is shown for the γ under test and for γ = 1.",
        content: .svg(plot.svg(id: "p3c-decay")))
    ]
  }
}
