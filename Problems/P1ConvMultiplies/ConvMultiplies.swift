import Answers
import IndexNotation
import ProblemDocument
import TensorCore
import Verification

/// Problem 1: the multiplies of a 2-D convolution with thresholds, on a batch.
public enum ConvMultiplies {
  public static let problem = ConvMultipliesProblem()

  /// The convolution in the course's notation, as psverify writes it (stride 1, taps from the
  /// output position x + Δx; thresholds subtracted; no activation function).
  static let equation =
    "L′[b, x, y, n_out] = K[n_out, ΔX, ΔY, N_in] L[b, x + ΔX, y + ΔY, N_in] − B[n_out]"

  /// The names an answer may use, with the spellings people type.
  public static let symbols = SymbolTable([
    .init("B", aliases: ["batch"]), .init("X"), .init("Y"),
    .init("ΔX", aliases: ["dX", "DX", "dx", "Δx", "deltaX", "DeltaX"]),
    .init("ΔY", aliases: ["dY", "DY", "dy", "Δy", "deltaY", "DeltaY"]),
    .init("N_out", aliases: ["Nout", "N_o", "Cout", "C_out", "n_out"]),
    .init("N_in", aliases: ["Nin", "N_i", "Cin", "C_in", "n_in"]),
  ])
}

public struct ConvMultipliesProblem: Problem {
  public init() {}

  public let id = "1"
  public let title = "Multiplies of a 2-D convolution with thresholds"
  public let question = """
    A kernel K[n_out, Δx, Δy, n_in] with thresholds B[n_out] is convolved with a batch L[b, x, y, \
    n_in], where B, X, Y, N_out, N_in, ΔX, ΔY count the values of b, x, y, n_out, n_in, Δx, Δy. \
    How many floating-point multiplies does the convolution take, with no activation function?
    """
  public let answerFormat = "a count over B, X, Y, ΔX, ΔY, N_out, N_in, e.g. B*X*Y*dX*dY*Nout*Nin"
  public let defaultTrials = 200

  public var parameters: [ParameterSpec] {
    [
      ParameterSpec(
        "B", "batch size of the user's shape", domain: .integer(1...4096), default: .integer(8)),
      ParameterSpec(
        "X", "image width X (input)", domain: .integer(1...8192), default: .integer(56)),
      ParameterSpec(
        "Y", "image height Y (input)", domain: .integer(1...8192), default: .integer(56)),
      ParameterSpec("N_in", "input channels", domain: .integer(1...4096), default: .integer(64)),
      ParameterSpec("N_out", "output channels", domain: .integer(1...4096), default: .integer(64)),
      ParameterSpec("DX", "filter width ΔX", domain: .integer(1...1024), default: .integer(3)),
      ParameterSpec("DY", "filter height ΔY", domain: .integer(1...1024), default: .integer(3)),
      ParameterSpec(
        "padding", "border convention of the user's shape",
        domain: .choice(Padding.allCases.map(\.rawValue)), default: .choice("same")),
      ParameterSpec(
        "shapes", "random shapes per padding convention",
        domain: .integer(1...100_000), default: .integer(200)),
    ]
  }

  public func validate(_ p: ParameterValues) throws {
    try ConvMultiplies.validate(ConvMultiplies.UserShape(p))
  }

  public func derive(_ parameters: ParameterValues) throws -> Derivation {
    try ConvMultiplies.derivation()
  }

  public func printedAnswer(_ solution: [ReadFragment]) -> (text: String, fragment: MathFragment)? {
    ConvMultiplies.firstCount(solution)
  }

  public func grade(_ answer: String, _ derivation: Derivation, _ context: inout GradingContext)
    -> Grade
  {
    ConvMultiplies.grade(answer, derivation)
  }

  public func checks(_ derivation: Derivation, _ parameters: ParameterValues) -> [Check] {
    guard case .polynomial(let candidate) = derivation.answer,
      case .polynomial(let valid)? = derivation.alternative("`valid`")
    else { return [] }
    return ConvMultiplies.checks(
      candidate: candidate, valid: valid,
      user: ConvMultiplies.UserShape(parameters),
      shapes: parameters.integer("shapes"))
  }

  public func findings(_ derivation: Derivation, printed: Grade?, text: ProblemText) -> [Erratum] {
    ConvMultiplies.borderAmbiguity(derivation, text)
  }
}

extension ConvMultiplies {
  /// The first count (a non-constant formula) among a solution's fragments.
  static func firstCount(_ fragments: [ReadFragment]) -> (text: String, fragment: MathFragment)? {
    for r in fragments {
      if case .formula(_, let p?) = r.content, p.constantValue == nil {
        return (r.fragment.text, r.fragment)
      }
    }
    return nil
  }
}
