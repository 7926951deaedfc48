import IndexNotation
import ProblemDocument
import Verification

/// A member of problem 4's family: the scale-shared pyramid network with its own factor between
/// scales, filter side and recurrence, its equation composed from that structure and checked
/// against the network run with it.
public struct ScalePyramidVariantProblem: VariantProblem {
  public let structure: PyramidStructure

  public init(_ structure: PyramidStructure) {
    self.structure = structure
  }

  public var id: String { ScalePyramid.problem.id }
  public var title: String { "A scale-shared image-pyramid CNN — \(structure.summary)" }
  public var question: String {
    let v = structure
    let r = v.factor
    let inputs =
      v.recurrence == .twoScales
      ? "from L_{ℓ,s} (weights W_{ℓ+1,↑}) and L_{ℓ,s+1} (weights W_{ℓ+1,←})"
      : "from L_{ℓ,s} alone (weights W_{ℓ+1,↑})"
    return "From an image pyramid I_s (\(r) × \(r) averages, side \(r)^(k−s)) build layers "
      + "L_{ℓ,s}, ℓ + s ≤ k, of side \(r)^(k−ℓ−s), with L_{0,s} = I_s. Give a linear threshold "
      + "unit for L_{ℓ+1,s} \(inputs) and thresholds B_{ℓ+1}, all shared across scales s. The "
      + "filters are \(v.filter) × \(v.filter) with offsets ΔX, ΔY ∈ 0…\(v.filter - 1), centred "
      + "on the position they read (tap 0 at ⌊(F − 1)/2⌋ = \(v.shift) before it), and zeros are "
      + "read outside a layer."
  }
  public var answerFormat: String { ScalePyramid.problem.answerFormat }
  public var defaultTrials: Int { ScalePyramid.problem.defaultTrials }

  public var parameters: [ParameterSpec] {
    [
      ParameterSpec(
        "k", "pyramid levels: images of side factor^k", domain: .integer(2...4),
        default: .integer(structure.factor == 2 ? 3 : 2))
    ]
  }

  public func derive(_ parameters: ParameterValues) throws -> Derivation {
    try ScalePyramid.derivation(structure)
  }

  public func grade(
    _ answer: String, _ derivation: Derivation, _ context: inout GradingContext
  ) -> Grade {
    ScalePyramid.grade(answer, structure: structure, &context).namingVariant(structure.summary)
  }

  public func checks(_ derivation: Derivation, _ parameters: ParameterValues) -> [Check] {
    guard case .equation(let eq) = derivation.answer else { return [] }
    return ScalePyramid.variantChecks(
      candidate: eq, structure: structure, k: parameters.integer("k"))
  }
}
