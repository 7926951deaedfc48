import Foundation
import ResultStore
import Verification

/// A figure of a report: a chart (SVG) or pictures (PNG), with a caption saying what is shown.
struct Figure {
  struct Picture {
    var label: String
    var width: Int
    var height: Int
    /// 1 (grey) or 3 (RGB) values per pixel in 0…1, row-major.
    var channels: Int
    var pixels: [Double]

    var png: Data { PNG.encode(width: width, height: height, channels: channels, pixels: pixels) }
  }

  enum Content {
    case svg(String)
    case pictures([Picture])
  }

  var id: String
  var title: String
  var caption: String
  var content: Content
}

/// The figures of a stored problem, drawn from the `series` its checks and probes stored. Each
/// figure appears only when its data is there; a run stored before psverify kept plot data has
/// none, and the report says so.
enum Figures {
  static func figures(for problem: RunDocument.Problem) -> [Figure] {
    let id = problem.id
    func check(_ name: String) -> RunDocument.Check? { problem.checks.first { $0.id == name } }
    var out: [Figure] = []
    switch id {
    case "1":
      var plot = Plot(title: "Problem 1: multiplies counted in the kernel against the closed form",
                      xLabel: "derived multiplies", yLabel: "multiplies counted where they run",
                      xLog: true, yLog: true)
      var shown = 0, zeros = 0
      for (i, padding) in ["same", "valid", "skip"].enumerated() {
        guard let s = check("instrumented-count-\(padding)")?.series,
              let d = s["derived"], let c = s["counted"], !d.isEmpty else { continue }
        zeros += zip(d, c).filter { $0.0 <= 0 || $0.1 <= 0 }.count
        shown += d.count
        plot.series.append(.init(name: "\(padding) borders (\(d.count) random shapes)", xs: d, ys: c,
                                 colour: i, line: false, marker: Plot.Marker.allCases[i]))
      }
      if shown > 0 {
        out.append(diagonal(plot, id: "p1-counts", caption:
          "Each point is one random shape (batch, image, channels, filter) run through the conv2d "
            + "kernel; its x is the count the closed form gives, its y the multiplies the kernel "
            + "counted as it executed them. On the dashed diagonal the two agree."
            + (zeros > 0 ? " \(zeros) shapes with no output under valid borders (0 multiplies) "
                 + "cannot appear on log axes." : "")))
      }
    case "3a":
      var plot = Plot(title: "Problem 3a: counted against derived multiplies", xLabel: "derived multiplies",
                      yLabel: "multiplies counted in forward passes", xLog: true, yLog: true)
      for (i, which) in ["bottleneck", "plain"].enumerated() {
        guard let s = check("instrumented-count-\(which)")?.series, let d = s["derived"],
              let c = s["counted"], !d.isEmpty else { continue }
        plot.series.append(.init(name: "\(which == "plain" ? "plain MLP" : "bottleneck residual MLP") "
                                   + "(\(d.count) random networks)", xs: d, ys: c, colour: i,
                                 line: false, marker: Plot.Marker.allCases[i]))
      }
      if !plot.series.isEmpty {
        out.append(diagonal(plot, id: "p3a-counts", caption:
          "Random networks (width, bottleneck, depth, batch) run forward with a multiply counter; "
            + "x is batch × the derived polynomial, y the multiplies counted. On the dashed "
            + "diagonal the two agree."))
      }
      if let s = check("condition-exhaustive")?.series, let nb = s["n_bottle"],
         let b = s["bottleneck_counted"], let p = s["plain_counted"], let n = s["N"]?.first,
         let layers = s["L"]?.first {
        var crossing = Plot(title: "Problem 3a: the two networks' multiplies at N = \(Int(n)), L = \(Int(layers))",
                            xLabel: "bottleneck width N_bottle", yLabel: "multiplies per input (counted)")
        crossing.series = [
          .init(name: "bottleneck residual MLP", xs: nb, ys: b, colour: 0, marker: .circle),
          .init(name: "plain MLP (N × N weights)", xs: nb, ys: p, colour: 1, marker: .none, dashed: true),
        ]
        crossing.references = [.init(vertical: true, value: n / 2, label: "N_bottle = N/2 (derived)")]
        out.append(Figure(id: "p3a-crossing", title: crossing.title, caption:
          "Multiplies counted in one forward pass of each network, for every bottleneck width from 1 "
            + "to N. The bottleneck network is cheaper exactly to the left of the derived boundary "
            + "N_bottle = N/2, where the two counts meet.", content: .svg(crossing.svg(id: "p3a-crossing"))))
      }
    case "3b":
      var convergence = Plot(title: "Problem 3b: Var[γ(A + B)] as the sample grows",
                             xLabel: "pairs (A, B) drawn", yLabel: "variance estimate", xLog: true)
      for (i, d) in ["gaussian", "uniform", "rademacher"].enumerated() {
        guard let s = check("variance-monte-carlo-\(d)")?.series, let n = s["pairs"],
              let v = s["estimate"], let se = s["standard_error"], !n.isEmpty else { continue }
        convergence.series.append(.init(name: "\(d) A, B", xs: n, ys: v, colour: i,
                                        marker: Plot.Marker.allCases[i]))
        convergence.bands.append(.init(name: "±2 SE (\(d))", xs: n, lower: zip(v, se).map { $0 - 2 * $1 },
                                       upper: zip(v, se).map { $0 + 2 * $1 }, colour: i))
      }
      if !convergence.series.isEmpty {
        convergence.references = [.init(vertical: false, value: 1, label: "Var = 1")]
        out.append(Figure(id: "p3b-convergence", title: convergence.title, caption:
          "The running estimate of Var[γ(A + B)] at the γ under test after 1024, 2048, … pairs, with "
            + "its ±2 standard-error band (from the fourth moment). The bands narrow as 1/√n around 1.",
          content: .svg(convergence.svg(id: "p3b-convergence"))))
      }
      if let c = check("gamma-sweep"), let g = c.series["gamma"], let v = c.series["variance"],
         let se = c.series["variance_se"] {
        var sweep = Plot(title: "Problem 3b: the variance against γ", xLabel: "γ",
                         yLabel: "Var[γ(A + B)] (Gaussian A, B)")
        sweep.series = [.init(name: "estimate at each γ", xs: g, ys: v, colour: 0, line: true, marker: .circle)]
        sweep.bands = [.init(name: "±2 SE", xs: g, lower: zip(v, se).map { $0 - 2 * $1 },
                             upper: zip(v, se).map { $0 + 2 * $1 }, colour: 0)]
        var refs = [Plot.Reference(vertical: false, value: 1, label: "Var = 1")]
        if let gamma = c.params.member("gamma")?.number {
          refs.append(.init(vertical: true, value: abs(gamma), label: "γ under test = \(Plot.format(abs(gamma)))"))
        }
        sweep.references = refs
        out.append(Figure(id: "p3b-sweep", title: sweep.title, caption:
          "Independent estimates of the variance on the grid γ = 0.40, 0.45, …, 1.20; the curve "
            + "crosses 1 where the dashed lines meet, at the γ under test (\(c.detail)).",
          content: .svg(sweep.svg(id: "p3b-sweep"))))
      }
      let premise = check("network-unit-variance")?.series["variance_L_by_layer"]
      let asDefined = problem.probes.first { $0.id == "network-relu-branch-mean" }?.series
      if premise != nil || asDefined != nil {
        var depth = Plot(title: "Problem 3b: variance of L_ℓ through the network", xLabel: "layer ℓ",
                         yLabel: "mean per-unit variance of L_ℓ (log scale)", yLog: true)
        if let premise {
          depth.series.append(.init(name: "branch standardised (the premise imposed)",
                                    xs: premise.indices.map(Double.init), ys: premise, colour: 0))
        }
        if let v = asDefined?["variance_L_by_layer"] {
          depth.series.append(.init(name: "network as defined (ReLU branch)", xs: v.indices.map(Double.init),
                                    ys: v, colour: 1, marker: .square, dashed: true))
        }
        depth.references = [.init(vertical: false, value: 1, label: "Var = 1")]
        out.append(Figure(id: "p3b-depth", title: depth.title, caption:
          "Real residual networks with γ under test, averaged over replicates: with the branch "
            + "standardised per unit (the premise) and with the ReLU branch as the problem defines it.",
          content: .svg(depth.svg(id: "p3b-depth"))))
      }
    case "3c":
      var plot = Plot(title: "Problem 3c: gradient factor at each layer", xLabel: "layer ℓ",
                      yLabel: "‖∂loss/∂L_ℓ‖ relative to the top (log scale)", yLog: true)
      let exponents = check("direct-path-exponents")?.series ?? [:]
      let live = check("live-branches")?.series ?? [:]
      if let d = exponents["derived_factor_by_layer"] {
        plot.series.append(.init(name: "derived γ^(L−1−ℓ)", xs: d.indices.map(Double.init), ys: d,
                                 colour: 0, marker: .none))
      }
      if let m = exponents["measured_factor_by_layer"] {
        plot.series.append(.init(name: "measured, branches cut (direct path)", xs: m.indices.map(Double.init),
                                 ys: m, colour: 0, line: false, marker: .diamond))
      }
      if let t = live["gradient_norm_ratio_gamma_test"] {
        plot.series.append(.init(name: "live branches, γ under test (total)", xs: t.indices.map(Double.init),
                                 ys: t, colour: 1, marker: .square, dashed: true))
      }
      if let one = live["gradient_norm_ratio_gamma_1"] {
        plot.series.append(.init(name: "live branches, γ = 1 (total)", xs: one.indices.map(Double.init),
                                 ys: one, colour: 2, marker: .triangle, dashed: true))
      }
      if let one = live["direct_path_gamma_1"] {
        plot.series.append(.init(name: "direct path, γ = 1", xs: one.indices.map(Double.init), ys: one,
                                 colour: 6, marker: .none, dashed: true))
      }
      if !plot.series.isEmpty {
        out.append(Figure(id: "p3c-decay", title: plot.title, caption:
          "The gradient that reaches layer ℓ relative to the top layer's. With the branches cut only "
            + "the direct path remains and the measured factors lie on the derived line γ^(L−1−ℓ); "
            + "with live branches the total is shown for the γ under test and for γ = 1.",
          content: .svg(plot.svg(id: "p3c-decay"))))
      }
    case "4":
      if let s = check("scale-equivariance")?.series {
        var pictures: [Figure.Picture] = []
        for level in 0..<16 {
          guard let p = s["pyramid_\(level)"] else { continue }
          let side = Int((Double(p.count) / 3).squareRoot().rounded())
          guard side * side * 3 == p.count else { continue }
          pictures.append(.init(label: "I_\(level) (\(side)×\(side))", width: side, height: side,
                                channels: 3, pixels: p))
        }
        for l in 1..<4 {
          for scale in 0..<3 {
            guard let p = s["feature_\(l)_\(scale)"] else { continue }
            let side = Int(Double(p.count).squareRoot().rounded())
            guard side * side == p.count else { continue }
            let lo = p.min() ?? 0, hi = p.max() ?? 1
            let scaled = p.map { hi > lo ? ($0 - lo) / (hi - lo) : 0.5 }
            pictures.append(.init(label: "L_{\(l),\(scale)} channel 0 (\(side)×\(side))", width: side,
                                  height: side, channels: 1, pixels: scaled))
          }
        }
        if !pictures.isEmpty {
          out.append(Figure(id: "p4-pyramid", title: "Problem 4: the image pyramid and feature maps",
                            caption: "The first input image at every scale of the pyramid (each level "
                              + "the 2×2 average of the one before), and channel 0 of a few layers "
                              + "L_{ℓ,s}; each feature map is shown scaled to its own range.",
                            content: .pictures(pictures)))
        }
        if let gaps = s["gap"], let levels = s["gap_level"], let scales = s["gap_scale"] {
          let control = check("equivariance-control")?.series["gap"]
          var groups: [(name: String, values: [Double], colour: Int)] = [
            ("shared weights (the network of problem 4)", gaps, 0)]
          if let control, control.count == gaps.count {
            groups.append(("control: weights depend on s", control, 1))
          }
          let chart = BarChart(
            title: "Problem 4: L′_{ℓ,s} on I_1 against L_{ℓ,s+1} on I",
            yLabel: "largest |difference|",
            categories: zip(levels, scales).map { "\(Int($0.0)),\(Int($0.1))" }, groups: groups,
            xLabel: "ℓ, s + 1 of the layer compared (ℓ = 0: the pyramid itself)")
          out.append(Figure(id: "p4-equivariance", title: chart.title, caption:
            "For each layer compared, the largest difference between the network run on the "
              + "downsampled image and the original run one scale over. Shared weights give exactly 0 "
              + "(bit for bit); the control, whose weights depend on the scale, does not.",
            content: .svg(chart.svg())))
        }
      }
    default:
      break
    }
    return out
  }

  /// The plot with the line y = x across the data's range.
  static func diagonal(_ plot: Plot, id: String, caption: String) -> Figure {
    var p = plot
    let values = p.series.flatMap { $0.xs + $0.ys }.filter { $0 > 0 && $0.isFinite }
    if let lo = values.min(), let hi = values.max() {
      p.series.append(.init(name: "counted = derived", xs: [lo, hi], ys: [lo, hi], colour: 6,
                            marker: .none, dashed: true))
    }
    return Figure(id: id, title: p.title, caption: caption, content: .svg(p.svg(id: id)))
  }
}
