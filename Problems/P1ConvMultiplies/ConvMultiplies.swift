import IndexNotation
import TensorCore
import Verification

/// Problem 1: the multiplies of a 2-D convolution with thresholds, on a batch.
public enum ConvMultiplies {
  public static let problem = ConvMultipliesProblem()

  /// The convolution in the course's notation, as psverify writes it (stride 1, taps from the
  /// output position x + Δx; thresholds subtracted; no activation function).
  static let equation = "L′[b, x, y, n_out] = K[n_out, ΔX, ΔY, N_in] L[b, x + ΔX, y + ΔY, N_in] − B[n_out]"
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
  public let defaultTrials = 200
  public var printed: PrintedSolution { ConvMultiplies.Printed.solution }

  public var parameters: [ParameterSpec] {
    [
      ParameterSpec("B", "batch size of the user's shape", domain: .integer(1...4096), default: .integer(8)),
      ParameterSpec("X", "image width X (input)", domain: .integer(1...8192), default: .integer(56)),
      ParameterSpec("Y", "image height Y (input)", domain: .integer(1...8192), default: .integer(56)),
      ParameterSpec("N_in", "input channels", domain: .integer(1...4096), default: .integer(64)),
      ParameterSpec("N_out", "output channels", domain: .integer(1...4096), default: .integer(64)),
      ParameterSpec("DX", "filter width ΔX", domain: .integer(1...1024), default: .integer(3)),
      ParameterSpec("DY", "filter height ΔY", domain: .integer(1...1024), default: .integer(3)),
      ParameterSpec("padding", "border convention of the user's shape",
                    domain: .choice(Padding.allCases.map(\.rawValue)), default: .choice("same")),
      ParameterSpec("shapes", "random shapes per padding convention",
                    domain: .integer(1...100_000), default: .integer(200)),
    ]
  }

  public func validate(_ p: ParameterValues) throws {
    try ConvMultiplies.validate(ConvMultiplies.UserShape(p))
  }

  public func derive(_ parameters: ParameterValues) throws -> Derivation {
    try ConvMultiplies.derivation()
  }

  public func audit(_ derivation: Derivation, _ parameters: ParameterValues) -> Audit {
    ConvMultiplies.audit()
  }

  public func checks(_ derivation: Derivation, _ parameters: ParameterValues) -> [Check] {
    // The derivation is deterministic; recomputing it here keeps `checks` free of parsing text.
    let counts = try! ConvMultiplies.counts()
    return ConvMultiplies.checks(candidate: counts.same, counts: counts,
                                 user: ConvMultiplies.UserShape(parameters),
                                 shapes: parameters.integer("shapes"))
  }
}
