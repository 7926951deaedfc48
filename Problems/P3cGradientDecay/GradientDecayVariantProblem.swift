import IndexNotation
import ProblemDocument
import Verification

/// A member of problem 3c's family: γ on every m-th block only, and/or the factor asked at a
/// layer L_k above the bottom.
public struct GradientDecayVariantProblem: VariantProblem {
  public let structure: DecayStructure

  public init(_ structure: DecayStructure) {
    self.structure = structure
  }

  public var id: String { GradientDecay.problem.id }
  public var title: String { "Gradient decay through a residual stack — \(structure.summary)" }
  public var question: String {
    let s = structure
    let scaled =
      s.every == 1
      ? "Every block is scaled, L_{ℓ+1} = γ(L_ℓ + L̂_ℓ), with γ < 1."
      : "Only every \(s.ordinal(s.every)) block is scaled: L_{ℓ+1} = γ(L_ℓ + L̂_ℓ) for ℓ = "
        + "\(s.every - 1), \(2 * s.every - 1), \(3 * s.every - 1), …, with γ < 1, and every other "
        + "block adds plainly, L_{ℓ+1} = L_ℓ + L̂_ℓ; L − 1 is a multiple of \(s.every)."
    return "A residual stack has L layers L_0 … L_{L−1} (counting the input layer) and L − 1 "
      + "blocks. \(scaled) By what factor does γ shrink the gradient that reaches "
      + (s.layer == 0 ? "the bottom L_0" : "layer L_\(s.layer)")
      + " along the direct residual path?"
  }
  public var answerFormat: String { GradientDecay.problem.answerFormat }
  public var defaultTrials: Int { GradientDecay.problem.defaultTrials }

  public var parameters: [ParameterSpec] {
    [
      ParameterSpec(
        "L", "layers of the largest stack measured, counting the input layer",
        domain: .integer(2...200), default: .integer(13)),
      ParameterSpec(
        "gamma", "the residual scale γ of the scaled blocks",
        domain: .real(0.05...0.99), default: .real(.approximate(0.5.squareRoot()))),
    ]
  }

  public func derive(_ parameters: ParameterValues) throws -> Derivation {
    try GradientDecay.derivation(structure)
  }

  /// The base problem's grader with this structure, and a sentence naming it.
  public func grade(
    _ answer: String, _ derivation: Derivation,
    _ context: inout GradingContext
  ) -> Grade {
    GradientDecay.grade(answer, derivation, structure: structure).namingVariant(structure.summary)
  }

  public func checks(_ derivation: Derivation, _ p: ParameterValues) -> [Check] {
    guard case .power(_, let asked) = derivation.answer,
      let perLayer = GradientDecay.perLayer(derivation)
    else { return [] }
    return GradientDecay.variantChecks(
      candidate: asked, perLayer: perLayer, structure: structure,
      setup: .init(
        layers: p.integer("L"), gamma: p.real("gamma")!.doubleValue, width: 6,
        bottleneck: 3, seeds: 1))
  }
}
