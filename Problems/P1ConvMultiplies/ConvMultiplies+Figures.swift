import Charts
import Verification

extension ConvMultipliesProblem {
  /// Counted against derived multiplies, one point per random shape and border convention, on
  /// log axes with the diagonal: from the `derived` and `counted` series of the
  /// `instrumented-count-*` checks.
  public func figures(_ stored: FigureData) -> [Figure]? {
    var plot = Plot(
      title: "Problem 1: multiplies counted in the kernel against the closed form",
      xLabel: "derived multiplies", yLabel: "multiplies counted where they run",
      xLog: true, yLog: true)
    var shown = 0
    var zeros = 0
    for (i, padding) in ["same", "valid", "skip"].enumerated() {
      guard let s = stored.check("instrumented-count-\(padding)")?.series,
        let d = s["derived"], let c = s["counted"], !d.isEmpty
      else { continue }
      zeros += zip(d, c).filter { $0.0 <= 0 || $0.1 <= 0 }.count
      shown += d.count
      plot.series.append(
        .init(
          name: "\(padding) borders (\(d.count) random shapes)", xs: d, ys: c,
          colour: i, line: false, marker: Plot.Marker.allCases[i]))
    }
    guard shown > 0 else { return [] }
    return [
      Figure.diagonal(
        plot, id: "p1-counts",
        caption:
          "Each point is one random shape (batch, image, channels, filter) run through the conv2d "
          + "kernel; its x is the count the closed form gives, its y the multiplies the kernel "
          + "counted as it executed them. On the dashed diagonal the two agree."
          + (zeros > 0
            ? " \(zeros) shapes with no output under valid borders (0 multiplies) "
              + "cannot appear on log axes." : ""))
    ]
  }
}

extension ConvMultipliesProblem {
  /// The multiplies the student's formula predicts against those the kernel counted, on the
  /// problem's own random shapes (`instrumented-count-same` run with their formula).
  public func answerFigure(
    _ answer: TypedAnswer, derivation: Derivation, context: AnswerFigure.Context
  ) -> AnswerFigure? {
    let theirs = context.substituting(answer, in: derivation)
    guard let o = context.runCheck("instrumented-count-same", theirs) else { return nil }
    return AnswerFigure.counts(
      o, id: "fig-1", title: "Your count against the multiplies the kernel counted",
      what: "random shapes (batch, image, channels, filter) run through the conv2d "
        + "kernel with same-size borders")
  }
}
