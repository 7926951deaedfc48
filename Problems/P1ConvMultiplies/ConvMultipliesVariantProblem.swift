import IndexNotation
import ProblemDocument
import Verification

/// A member of problem 1's family: the multiplies of a convolution with its own stride, groups
/// and border convention, derived from its equation and counted in the kernel.
public struct ConvMultipliesVariantProblem: VariantProblem {
  public let structure: ConvStructure

  public init(_ structure: ConvStructure) {
    self.structure = structure
  }

  public var id: String { ConvMultiplies.problem.id }
  public var title: String { "Multiplies of a 2-D convolution — \(structure.summary)" }
  public var question: String {
    let s = structure
    var text =
      "A kernel K[n_out, Δx, Δy, n_in] with thresholds B[n_out] is convolved with a batch "
      + "L[b, x, y, n_in], where B, X, Y, N_out, N_in, ΔX, ΔY count the values of b, x, y, n_out, "
      + "n_in, Δx, Δy. The convolution moves by a stride of \(s.stride) along x and along y"
    if s.groups > 1 {
      text +=
        "; its channels are split into \(s.groups) groups, each output channel reading only "
        + "the N_in/\(s.groups) input channels of its group (N_in and N_out are multiples of "
        + "\(s.groups))"
    }
    text +=
      s.padding == .valid
      ? "; only windows that lie inside the image are computed (`valid` borders)"
      : "; the output keeps one position per stride step, with zeros outside the image "
        + "multiplied like any value (`same` borders)"
    if !s.assumption.isEmpty { text += ", and \(s.assumption)" }
    return text + ". How many floating-point multiplies does the convolution take, with no "
      + "activation function?"
  }
  public var answerFormat: String { ConvMultiplies.problem.answerFormat }
  public var defaultTrials: Int { ConvMultiplies.problem.defaultTrials }

  public var parameters: [ParameterSpec] {
    [
      ParameterSpec(
        "shapes", "random shapes in the count check",
        domain: .integer(1...100_000), default: .integer(100))
    ]
  }

  public func derive(_ parameters: ParameterValues) throws -> Derivation {
    try ConvMultiplies.derivation(structure)
  }

  /// The base problem's grader with this structure, and a sentence naming it.
  public func grade(
    _ answer: String, _ derivation: Derivation,
    _ context: inout GradingContext
  ) -> Grade {
    ConvMultiplies.grade(answer, derivation, structure: structure)
      .namingVariant(structure.summary)
  }

  public func checks(_ derivation: Derivation, _ parameters: ParameterValues) -> [Check] {
    guard case .polynomial(let count) = derivation.answer else { return [] }
    return ConvMultiplies.variantChecks(
      candidate: count, structure: structure,
      shapes: parameters.integer("shapes"))
  }
}
