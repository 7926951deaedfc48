import Charts
import Verification

extension ResidualScaleProblem {
  /// The γ sweep (the `gamma-sweep` check on psverify's answer, measured once when the page
  /// starts).
  public var answerFigureChecks: [String] { ["gamma-sweep"] }

  /// The measured variance against γ with the student's γ marked; the base problem's sweep, so
  /// not for a variant.
  public func answerFigure(
    _ answer: TypedAnswer, derivation: Derivation, context: AnswerFigure.Context
  ) -> AnswerFigure? {
    guard !context.variant, case .scalar(let value) = answer,
      let sweep = context.measured["gamma-sweep"]?.measurement.series,
      let gammas = sweep["gamma"], let variances = sweep["variance"]
    else { return nil }
    let g = value.doubleValue
    // The sweep draws at most 10⁶ pairs per grid point, whatever the trials.
    let pairs = min(context.trials, 1_000_000)
    let svg = Chart.svg(
      id: "fig-3b", title: "The variance of γ(A + B) against γ", xLabel: "γ",
      yLabel: "Var[γ(A + B)], measured",
      lines: [
        .init(
          "measured at each γ (\(pairs) pairs a point)", xs: gammas, ys: variances, colour: 0)
      ],
      references: [
        .init(vertical: false, value: 1, label: "Var = 1"),
        .init(vertical: true, value: g, label: "your γ = \(Value.format(g))"),
      ])
    return AnswerFigure(
      svg: svg,
      caption: "Independent Monte Carlo estimates of the variance on the grid "
        + "γ = 0.40, 0.45, …, 1.20. The right γ is where the curve crosses Var = 1; "
        + "your γ is the vertical line.")
  }
}
