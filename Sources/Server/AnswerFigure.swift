import Foundation
import IndexNotation
import P2VideoConv
import P4ScalePyramid
import Report
import TensorCore
import Verification

/// The problem's figure with the student's answer placed on it, where an answer of the right
/// kind fits:
/// - 1 and 3a: the multiplies the student's formula predicts against those the kernel counted,
///   on the problem's own random shapes (its instrumented check, run with their formula);
/// - 3b: the measured variance against γ (the problem's sweep, run once at start) with their γ
///   marked;
/// - 3c: the measured gradient factors per layer beside γ^(their exponent);
/// - 2 and 4: the grader's random trials of their equation against the kernel (psverify's
///   pyramid level), as numbers: the first output that differs, or how many trials agreed
///   (`TrialFigure`).
struct AnswerFigure: Sendable, Equatable {
  /// Markup this module built: an SVG chart, or for 2 and 4 a table.
  var svg: String
  var caption: String

  /// The figure for a graded answer, or nil when none fits (an unreadable answer, an answer of
  /// another kind, an equation whose tensors the grader could not place). For a `variant` only
  /// the figures drawn from the variant's own checks (1, 3a, 3c): 3b's sweep and 2 and 4's
  /// trials are the base problem's.
  static func make(
    _ problem: any Problem, grade: Grade, derivation: Derivation?,
    evidence: Evidence, runner: Runner, text: String = "", variant: Bool = false
  ) -> AnswerFigure? {
    guard let answer = grade.answer, let derivation else { return nil }
    if variant && !["1", "3a", "3c"].contains(problem.id) { return nil }
    if case .equation = answer {
      let stream = runner.gradingStream(problem.id)
      switch problem.id {
      case "2":
        return TrialFigure.make(
          VideoConv.comparisons(text, random: stream), reference: "the conv3d kernel")
      case "4":
        return TrialFigure.make(
          ScalePyramid.comparisons(text, random: stream), reference: "psverify's pyramid level")
      default: break
      }
    }
    let parameters = ParameterValues(specs: problem.parameters)
    /// The problem's own check `id`, run with the student's answer in place of psverify's.
    func check(_ id: String) -> CheckOutcome? {
      let substituted = Derivation(
        steps: derivation.steps, answer: answer, summary: derivation.summary,
        alternatives: derivation.alternatives)
      guard let c = problem.checks(substituted, parameters).first(where: { $0.id == id }) else {
        return nil
      }
      return runner.run(
        c, stream: RandomStream(seed: runner.seed).split(problem.id).split(id),
        trials: runner.trials ?? problem.defaultTrials, parameters: parameters)
    }
    switch problem.id {
    case "1":
      guard let o = check("instrumented-count-same") else { return nil }
      return counts(
        o, id: "fig-1", title: "Your count against the multiplies the kernel counted",
        what: "random shapes (batch, image, channels, filter) run through the conv2d "
          + "kernel with same-size borders")
    case "3a":
      guard let o = check("instrumented-count-bottleneck") else { return nil }
      return counts(
        o, id: "fig-3a", title: "Your bottleneck count against the counted multiplies",
        what: "random bottleneck residual networks run forward with a multiply counter")
    case "3b":
      guard case .scalar(let value) = answer, let sweep = evidence.gammaSweep else { return nil }
      let g = value.doubleValue
      let svg = Chart.svg(
        id: "fig-3b", title: "The variance of γ(A + B) against γ", xLabel: "γ",
        yLabel: "Var[γ(A + B)], measured",
        lines: [
          .init(
            "measured at each γ (\(sweep.pairs) pairs a point)", xs: sweep.gammas,
            ys: sweep.variances, colour: 0)
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
    case "3c":
      guard case .power(_, let exponent) = answer, let o = check("direct-path-exponents"),
        let measured = o.measurement.series["measured_factor_by_layer"], !measured.isEmpty,
        let gamma = parameters.real("gamma")?.doubleValue
      else { return nil }
      return decay(
        measured: measured, exponent: exponent, gamma: gamma, detail: o.measurement.detail)
    default:
      return nil
    }
  }

  /// The measured gradient factor per layer (a network of L layers with the branches cut) and
  /// the student's: γ^(their exponent) at every layer when the exponent names ℓ, else at the
  /// bottom (ℓ = 0), which is what the question asks for.
  static func decay(
    measured: [Double], exponent: Polynomial, gamma: Double, detail: String
  )
    -> AnswerFigure?
  {
    let layers = measured.count
    let perLayer = exponent.symbols.contains("ℓ")
    let at = perLayer ? Array(0..<layers) : [0]
    let values = at.map { l in
      exponent.evaluate(["L": Rational(layers), "ℓ": Rational(l)]).map {
        pow(gamma, $0.doubleValue)
      }
    }
    guard values.allSatisfy({ $0 != nil && $0!.isFinite && $0! > 0 }) else { return nil }
    let svg = Chart.svg(
      id: "fig-3c",
      title: "Gradient factor at each layer (L = \(layers), γ = \(Value.format(gamma)))",
      xLabel: "layer ℓ", yLabel: "gradient factor (log scale)", yLog: true,
      lines: [
        .init(
          "measured (direct path)", xs: measured.indices.map(Double.init), ys: measured,
          colour: 0),
        .init(
          perLayer ? "γ^(your exponent) at each layer" : "γ^(your exponent), at the bottom ℓ = 0",
          xs: at.map(Double.init), ys: values.map { $0! }, colour: 1, joined: perLayer,
          dashed: true),
      ])
    return AnswerFigure(
      svg: svg,
      caption: "The factor by which the gradient reaching layer ℓ is scaled, measured in a "
        + "real \(layers)-layer network with the branches cut, beside γ raised to your exponent"
        + (perLayer
          ? " at each layer."
          : " at the bottom layer, where the "
            + "question asks for it.") + " " + detail)
  }

  /// Predicted (the student's formula) against counted multiplies, with the diagonal.
  static func counts(_ o: CheckOutcome, id: String, title: String, what: String) -> AnswerFigure? {
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

/// What the figures need that does not depend on the answer, measured once when the server
/// starts.
struct Evidence: Sendable {
  struct Sweep: Sendable {
    var gammas: [Double]
    var variances: [Double]
    var pairs: Int
  }

  var gammaSweep: Sweep?

  /// Runs 3b's γ sweep (the problem's own check) with `trials` pairs per grid point.
  static func measure(_ problems: [any Problem], runner: Runner) -> Evidence {
    var e = Evidence()
    if let p = problems.first(where: { $0.id == "3b" }) {
      let parameters = ParameterValues(specs: p.parameters)
      if let derivation = try? p.derive(parameters),
        let c = p.checks(derivation, parameters).first(where: { $0.id == "gamma-sweep" })
      {
        let trials = runner.trials ?? p.defaultTrials
        let o = runner.run(
          c, stream: RandomStream(seed: runner.seed).split(p.id).split(c.id),
          trials: trials, parameters: parameters)
        if let g = o.measurement.series["gamma"], let v = o.measurement.series["variance"] {
          e.gammaSweep = Sweep(gammas: g, variances: v, pairs: min(trials, 1_000_000))
        }
      }
    }
    return e
  }
}
