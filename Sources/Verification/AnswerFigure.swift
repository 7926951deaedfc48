import Charts
import TensorCore

/// A problem's figure with a graded answer placed on it, for the served page: markup (an SVG
/// chart, or a table of trials) and its caption. Problems build theirs
/// (`Problem.answerFigure`); the page only places it.
public struct AnswerFigure: Sendable, Equatable {
  /// Markup built by psverify, every label escaped: an SVG chart or an HTML table.
  public var svg: String
  public var caption: String

  public init(svg: String, caption: String) {
    (self.svg, self.caption) = (svg, caption)
  }

  /// What a problem's answer figure may use besides the answer: the page's runner, its own
  /// checks run with another answer, and checks measured once when the page started.
  public struct Context {
    /// The answer as typed: an equation's figure quotes its own index letters.
    public var text: String
    /// The answer is to a variant: figures drawn from the base problem's fixed evidence (a
    /// sweep measured at start, the base equation's trials) do not apply.
    public var variant: Bool
    /// The problem's parameters (its defaults, as the page grades).
    public var parameters: ParameterValues
    /// Monte Carlo trials of the page's runner for this problem.
    public var trials: Int
    /// The grader's random stream for this problem (`Runner.gradingStream`).
    public var gradingStream: RandomStream
    /// The problem's own check `id` run with `derivation` in place of psverify's; nil when the
    /// problem has no such check.
    public var runCheck: (_ id: String, _ derivation: Derivation) -> CheckOutcome?
    /// The outcomes of the problem's `answerFigureChecks` on psverify's own answer, measured
    /// when the page started, by check id.
    public var measured: [String: CheckOutcome]

    public init(
      text: String, variant: Bool, parameters: ParameterValues, trials: Int,
      gradingStream: RandomStream,
      runCheck: @escaping (_ id: String, _ derivation: Derivation) -> CheckOutcome?,
      measured: [String: CheckOutcome]
    ) {
      (self.text, self.variant, self.parameters, self.trials) = (text, variant, parameters, trials)
      (self.gradingStream, self.runCheck, self.measured) = (gradingStream, runCheck, measured)
    }

    /// `derivation` with its answer replaced by `answer` (steps and conventions kept): the
    /// derivation a check runs with to test another answer.
    public func substituting(_ answer: TypedAnswer, in derivation: Derivation) -> Derivation {
      Derivation(
        steps: derivation.steps, answer: answer, summary: derivation.summary,
        alternatives: derivation.alternatives)
    }
  }

  /// Predicted (the student's formula) against counted multiplies, with the diagonal, from an
  /// instrumented check's `derived` and `counted` series; nil when it stored none or no case
  /// has both counts positive (log axes). O(cases).
  public static func counts(_ o: CheckOutcome, id: String, title: String, what: String)
    -> AnswerFigure?
  {
    guard let predicted = o.measurement.series["derived"],
      let counted = o.measurement.series["counted"],
      !predicted.isEmpty
    else { return nil }
    let pairs = zip(predicted, counted).filter { $0.0 > 0 && $0.1 > 0 }
    guard let lo = pairs.map({ min($0.0, $0.1) }).min(),
      let hi = pairs.map({ max($0.0, $0.1) }).max()
    else {
      return nil
    }
    let agree = zip(predicted, counted).filter { $0.0 == $0.1 }.count
    let svg = Chart.svg(
      id: id, title: title, xLabel: "multiplies your formula predicts",
      yLabel: "multiplies counted where they run", xLog: true, yLog: true,
      lines: [
        .init("one random case", xs: pairs.map(\.0), ys: pairs.map(\.1), colour: 0, joined: false),
        .init(
          "counted = predicted", xs: [lo, hi], ys: [lo, hi], colour: 6, dashed: true,
          markers: false),
      ])
    return AnswerFigure(
      svg: svg,
      caption: "Each point is one of \(predicted.count) \(what). On the "
        + "dashed diagonal your formula and the count agree: \(agree) of \(predicted.count) do"
        + (predicted.count - pairs.count > 0
          ? " (\(predicted.count - pairs.count) with a count ≤ 0 cannot appear on log axes)." : ".")
    )
  }
}
