import IndexNotation
import ProblemDocument
import Verification

/// A member of problem 3b's family: the residual scale γ for a block of its own structure
/// (several branches, a branch correlated with the stream, a branch of another variance),
/// derived by `solveGamma(structure)` and checked by the same Monte Carlo as the base problem.
public struct ResidualScaleVariantProblem: VariantProblem {
  public let structure: ResidualStructure
  /// The structure in one phrase ("3 independent branches").
  public let structureSummary: String

  public init(structure: ResidualStructure, summary: String) {
    self.structure = structure
    self.structureSummary = summary
  }

  public var id: String { ResidualScale.problem.id }
  public var title: String { "Residual scale γ that keeps unit variance — \(structureSummary)" }
  public var question: String {
    let stream = "L_ℓ[n]"
    let branches =
      structure.branches.count == 1
      ? ["L̂_ℓ[n]"]
      : (1...structure.branches.count).map { "L̂⁽\(superscript($0))⁾_ℓ[n]" }
    let names = structure.names.dropFirst().joined(separator: ", ")
    return
      "The residual update becomes L_{ℓ+1}[n] = "
      + "γ(\(([stream] + branches).joined(separator: " + "))). "
      + "Write A = \(stream) and \(names) for the "
      + (structure.branches.count == 1 ? "branch " : "branches ")
      + "in that order: A has zero mean and unit variance, \(structure.premiseText). Which γ "
      + "gives L_{ℓ+1}[n] zero mean and unit variance?"
  }
  public var answerFormat: String { ResidualScale.problem.answerFormat }
  public var defaultTrials: Int { ResidualScale.problem.defaultTrials }

  public var parameters: [ParameterSpec] {
    [
      ParameterSpec(
        "gamma", "an answer to test in place of the derived γ",
        domain: .real(-10...10), default: nil)
    ]
  }

  public func derive(_ parameters: ParameterValues) throws -> Derivation {
    try ResidualScale.derivation(structure)
  }

  /// The base problem's grader with this structure's variance, and a sentence naming the
  /// structure.
  public func grade(
    _ answer: String, _ derivation: Derivation,
    _ context: inout GradingContext
  ) -> Grade {
    var grade = ResidualScale.grade(answer, derivation, &context, structure: structure)
    if grade.verdict != .unreadable {
      grade.feedback.append(
        "This variant: L_{ℓ+1} = γ(\(structure.sumText)) with A of variance 1, "
          + "\(structure.premiseText).")
    }
    return grade
  }

  public func checks(_ derivation: Derivation, _ parameters: ParameterValues) -> [Check] {
    guard case .scalar(let derived) = derivation.answer else { return [] }
    return ResidualScale.variantChecks(
      candidate: parameters.real("gamma") ?? derived,
      structure: structure)
  }

  func superscript(_ n: Int) -> String {
    let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
    return String(String(n).map { digits[Int(String($0))!] })
  }
}
