import Charts
import Verification

extension ResidualScaleProblem {
  /// The variance estimate with its ±2 SE band as the sample grows (`variance-monte-carlo-*`),
  /// the variance against γ (`gamma-sweep`), and the variance through real networks, premise
  /// imposed (`network-unit-variance`) and as defined (probe `network-relu-branch-mean`).
  public func figures(_ stored: FigureData) -> [Figure]? {
    var out: [Figure] = []
    var convergence = Plot(
      title: "Problem 3b: Var[γ(A + B)] as the sample grows",
      xLabel: "pairs (A, B) drawn", yLabel: "variance estimate", xLog: true)
    for (i, d) in ["gaussian", "uniform", "rademacher"].enumerated() {
      guard let s = stored.check("variance-monte-carlo-\(d)")?.series, let n = s["pairs"],
        let v = s["estimate"], let se = s["standard_error"], !n.isEmpty
      else { continue }
      convergence.series.append(
        .init(
          name: "\(d) A, B", xs: n, ys: v, colour: i,
          marker: Plot.Marker.allCases[i]))
      convergence.bands.append(
        .init(
          name: "±2 SE (\(d))", xs: n,
          lower: zip(v, se).map { $0 - 2 * $1 },
          upper: zip(v, se).map { $0 + 2 * $1 }, colour: i))
    }
    if !convergence.series.isEmpty {
      convergence.references = [.init(vertical: false, value: 1, label: "Var = 1")]
      out.append(
        Figure(
          id: "p3b-convergence", title: convergence.title,
          caption:
            "The running estimate of Var[γ(A + B)] at the γ under test after 1024, 2048, … pairs, "
            + "with its ±2 standard-error band (from the fourth moment). The bands narrow as 1/√n "
            + "around 1.",
          content: .svg(convergence.svg(id: "p3b-convergence"))))
    }
    if let c = stored.check("gamma-sweep"), let g = c.series["gamma"],
      let v = c.series["variance"], let se = c.series["variance_se"]
    {
      var sweep = Plot(
        title: "Problem 3b: the variance against γ", xLabel: "γ",
        yLabel: "Var[γ(A + B)] (Gaussian A, B)")
      sweep.series = [
        .init(
          name: "estimate at each γ", xs: g, ys: v, colour: 0, line: true,
          marker: .circle)
      ]
      sweep.bands = [
        .init(
          name: "±2 SE", xs: g, lower: zip(v, se).map { $0 - 2 * $1 },
          upper: zip(v, se).map { $0 + 2 * $1 }, colour: 0)
      ]
      var refs = [Plot.Reference(vertical: false, value: 1, label: "Var = 1")]
      if let gamma = c.params.member("gamma")?.number {
        refs.append(
          .init(
            vertical: true, value: abs(gamma),
            label: "γ under test = \(Plot.format(abs(gamma)))"))
      }
      sweep.references = refs
      out.append(
        Figure(
          id: "p3b-sweep", title: sweep.title,
          caption:
            "Independent estimates of the variance on the grid γ = 0.40, 0.45, …, 1.20; the curve "
            + "crosses 1 where the dashed lines meet, at the γ under test (\(c.detail)).",
          content: .svg(sweep.svg(id: "p3b-sweep"))))
    }
    let premise = stored.check("network-unit-variance")?.series["variance_L_by_layer"]
    let asDefined = stored.probe("network-relu-branch-mean")?.series
    if premise != nil || asDefined != nil {
      var depth = Plot(
        title: "Problem 3b: variance of L_ℓ through the network", xLabel: "layer ℓ",
        yLabel: "mean per-unit variance of L_ℓ (log scale)", yLog: true)
      if let premise {
        depth.series.append(
          .init(
            name: "branch standardised (the premise imposed)",
            xs: premise.indices.map(Double.init), ys: premise, colour: 0))
      }
      if let v = asDefined?["variance_L_by_layer"] {
        depth.series.append(
          .init(
            name: "network as defined (ReLU branch)",
            xs: v.indices.map(Double.init), ys: v, colour: 1,
            marker: .square, dashed: true))
      }
      depth.references = [.init(vertical: false, value: 1, label: "Var = 1")]
      out.append(
        Figure(
          id: "p3b-depth", title: depth.title,
          caption:
            "Real residual networks with γ under test, averaged over replicates: with the branch "
            + "standardised per unit (the premise) and with the ReLU branch as the problem defines "
            + "it.",
          content: .svg(depth.svg(id: "p3b-depth"))))
    }
    return out
  }
}
