import Algebra
import Charts
import Foundation
import IndexNotation
import Verification

extension GradientDecayProblem {
  /// The measured gradient factors per layer (`direct-path-exponents` run with the student's
  /// exponent) beside γ^(their exponent).
  public func answerFigure(
    _ answer: TypedAnswer, derivation: Derivation, context: AnswerFigure.Context
  ) -> AnswerFigure? {
    guard case .power(_, let exponent) = answer,
      let o = context.runCheck(
        "direct-path-exponents", context.substituting(answer, in: derivation)),
      let measured = o.measurement.series["measured_factor_by_layer"], !measured.isEmpty,
      let gamma = context.parameters.real("gamma")?.doubleValue
    else { return nil }
    return Self.decay(
      measured: measured, exponent: exponent, gamma: gamma, detail: o.measurement.detail)
  }

  /// The measured gradient factor per layer (a network of L layers with the branches cut) and
  /// the student's: γ^(their exponent) at every layer when the exponent names ℓ, else at the
  /// bottom (ℓ = 0), which is what the question asks for. O(L).
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
}
