import IndexNotation
import ProblemDocument
import Verification

/// A member of problem 3a's family: a bottleneck network with several sub-blocks per block
/// and/or several parallel branches, against the plain MLP.
public struct BottleneckVariantProblem: VariantProblem {
  public let structure: BottleneckStructure

  public init(_ structure: BottleneckStructure) {
    self.structure = structure
  }

  public var id: String { Bottleneck.problem.id }
  public var title: String { "Multiplies of a bottleneck residual MLP — \(structure.summary)" }
  public var question: String {
    let s = structure
    return "A residual MLP of width N has L layers (counting the input layer). Each of its L − 1 "
      + "blocks applies "
      + (s.stages == 1
        ? "one bottleneck sub-block" : "\(s.stages) bottleneck sub-blocks in sequence")
      + "; "
      + "a sub-block computes \(s.paths == 1 ? "a branch" : "\(s.paths) parallel branches") "
      + "L̃ = ReLU(W¹L − B¹) (N → N_bottle) and L̂ = ReLU(W²L̃ − B²) (N_bottle → N) from the "
      + "stream L and adds \(s.paths == 1 ? "L̂" : "every branch's L̂") to it. How many multiplies "
      + "does the network take per example, and when is that fewer than a standard MLP with one "
      + "N × N matrix per block?"
  }
  public var answerFormat: String { Bottleneck.problem.answerFormat }
  public var defaultTrials: Int { Bottleneck.problem.defaultTrials }

  public var parameters: [ParameterSpec] {
    [
      ParameterSpec(
        "configs", "random networks per instrumented check",
        domain: .integer(1...100_000), default: .integer(40)),
      ParameterSpec(
        "max_N", "largest N of the exhaustive condition check",
        domain: .integer(1...128), default: .integer(24)),
    ]
  }

  public func derive(_ parameters: ParameterValues) throws -> Derivation {
    try Bottleneck.derivation(structure)
  }

  /// The base problem's grader with this structure's networks, and a sentence naming it.
  public func grade(
    _ answer: String, _ derivation: Derivation,
    _ context: inout GradingContext
  ) -> Grade {
    Bottleneck.grade(answer, derivation, structure: structure).namingVariant(structure.summary)
  }

  public func checks(_ derivation: Derivation, _ p: ParameterValues) -> [Check] {
    guard let answer = Bottleneck.Answer(derivation.answer) else { return [] }
    return Bottleneck.variantChecks(
      candidate: answer, structure: structure,
      configs: p.integer("configs"), maxWidth: p.integer("max_N"))
  }
}
