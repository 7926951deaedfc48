import Charts
import Verification

extension BottleneckProblem {
  /// Counted against derived multiplies for both networks (the `instrumented-count-*` checks'
  /// `derived` and `counted` series), and the two networks' counts against the bottleneck width
  /// crossing at N/2 (`condition-exhaustive`'s series).
  public func figures(_ stored: FigureData) -> [Figure]? {
    var out: [Figure] = []
    var plot = Plot(
      title: "Problem 3a: counted against derived multiplies",
      xLabel: "derived multiplies", yLabel: "multiplies counted in forward passes",
      xLog: true, yLog: true)
    for (i, which) in ["bottleneck", "plain"].enumerated() {
      guard let s = stored.check("instrumented-count-\(which)")?.series, let d = s["derived"],
        let c = s["counted"], !d.isEmpty
      else { continue }
      let network = which == "plain" ? "plain MLP" : "bottleneck residual MLP"
      plot.series.append(
        .init(
          name: "\(network) (\(d.count) random networks)", xs: d, ys: c,
          colour: i, line: false, marker: Plot.Marker.allCases[i]))
    }
    if !plot.series.isEmpty {
      out.append(
        Figure.diagonal(
          plot, id: "p3a-counts",
          caption:
            "Random networks (width, bottleneck, depth, batch) run forward with a multiply counter; "
            + "x is batch × the derived polynomial, y the multiplies counted. On the dashed "
            + "diagonal the two agree."))
    }
    if let s = stored.check("condition-exhaustive")?.series, let nb = s["n_bottle"],
      let b = s["bottleneck_counted"], let p = s["plain_counted"], let n = s["N"]?.first,
      let layers = s["L"]?.first
    {
      var crossing = Plot(
        title: "Problem 3a: the two networks' multiplies at N = \(Int(n)), L = \(Int(layers))",
        xLabel: "bottleneck width N_bottle", yLabel: "multiplies per input (counted)")
      crossing.series = [
        .init(name: "bottleneck residual MLP", xs: nb, ys: b, colour: 0, marker: .circle),
        .init(
          name: "plain MLP (N × N weights)", xs: nb, ys: p, colour: 1, marker: .none,
          dashed: true),
      ]
      crossing.references = [.init(vertical: true, value: n / 2, label: "N_bottle = N/2 (derived)")]
      out.append(
        Figure(
          id: "p3a-crossing", title: crossing.title,
          caption:
            "Multiplies counted in one forward pass of each network, for every bottleneck width from 1 "
            + "to N. The bottleneck network is cheaper exactly to the left of the derived boundary "
            + "N_bottle = N/2, where the two counts meet.",
          content: .svg(crossing.svg(id: "p3a-crossing"))))
    }
    return out
  }
}

extension BottleneckProblem {
  /// The bottleneck multiplies the student's formula predicts against those counted in random
  /// networks (`instrumented-count-bottleneck` run with their formula).
  public func answerFigure(
    _ answer: TypedAnswer, derivation: Derivation, context: AnswerFigure.Context
  ) -> AnswerFigure? {
    let theirs = context.substituting(answer, in: derivation)
    guard let o = context.runCheck("instrumented-count-bottleneck", theirs) else { return nil }
    return AnswerFigure.counts(
      o, id: "fig-3a", title: "Your bottleneck count against the counted multiplies",
      what: "random bottleneck residual networks run forward with a multiply counter")
  }
}
