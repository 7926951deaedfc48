import Algebra
import Answers
import IndexNotation
import ProblemDocument
import TensorCore
import Verification

/// Problem 3c: how γ < 1 shrinks the gradient along a residual stack's direct path.
public enum GradientDecay {
  public static let problem = GradientDecayProblem()

  /// The names an exponent may use.
  public static let symbols = SymbolTable([
    .init("L"), .init("ℓ", aliases: ["l", "ell", "i"]),
  ])

  /// The spellings of the base γ.
  static let bases: Set<String> = ["γ", "gamma", "g"]
}

public struct GradientDecayProblem: Problem {
  public init() {}

  public let id = "3c"
  public let title = "Gradient decay through γ-scaled residual stacks"
  public let question = """
    With L_{ℓ+1} = γ(L_ℓ + L̂_ℓ) and γ < 1, by what factor does γ shrink the gradient that reaches \
    the bottom of a stack of L layers (counting the input layer) along the direct residual path?
    """
  public let answerFormat = "a power of γ such as gamma^(L-1) or \\gamma^{L-1-\\ell}"
  public let defaultTrials = 8

  public var parameters: [ParameterSpec] {
    [
      ParameterSpec(
        "L", "layers of the stack, counting the input layer", domain: .integer(2...200),
        default: .integer(12)),
      ParameterSpec(
        "gamma", "the residual scale γ (not 1: the exponent is read off as log base γ)",
        domain: .real(0.05...0.99), default: .real(.approximate(0.5.squareRoot()))),
      ParameterSpec("N", "width N", domain: .integer(2...512), default: .integer(32)),
      ParameterSpec(
        "N_bottle", "bottleneck width", domain: .integer(1...512), default: .integer(8)),
      ParameterSpec(
        "seeds", "random networks for the live-branch measurement",
        domain: .integer(1...200), default: .integer(8)),
    ]
  }

  /// Refuses a stack whose peak memory exceeds what psverify may allocate here, counted
  /// generously: per block the two weight matrices in Float and Double with their gradients and
  /// draws (32 B per weight pair entry) and up to three N × N Double Jacobians (24 B per entry),
  /// plus 64 MiB for the process.
  public func validate(_ p: ParameterValues) throws {
    let n = p.integer("N")
    let nb = p.integer("N_bottle")
    let l = p.integer("L")
    let perBlock = ResourceLimits.saturatingSum([
      ResourceLimits.saturatingProduct([2, n, nb, 32]),
      ResourceLimits.saturatingProduct([n, n, 24]),
    ])
    let bytes = ResourceLimits.saturatingSum([
      ResourceLimits.saturatingProduct([perBlock, max(0, l - 1)]), 64 << 20,
    ])
    let budget = ResourceLimits.memoryBudget()
    if bytes > budget.bytes {
      throw ParameterError.tooLarge(
        "the stack N=\(n), N_bottle=\(nb), L=\(l) needs up to \(bytes >> 20) MiB; "
          + "\(budget.reason): use a smaller N, N_bottle or L")
    }
  }

  public func derive(_ parameters: ParameterValues) throws -> Derivation {
    try GradientDecay.derivation()
  }

  public func printedAnswer(_ solution: [ReadFragment]) -> (text: String, fragment: MathFragment)? {
    for r in solution {
      if case .formula(let symbols, _) = r.content, symbols.contains("γ"), symbols.contains("L") {
        return (r.fragment.text, r.fragment)
      }
    }
    return nil
  }

  public func grade(_ answer: String, _ derivation: Derivation, _ context: inout GradingContext)
    -> Grade
  {
    GradientDecay.grade(answer, derivation)
  }

  public func checks(_ derivation: Derivation, _ p: ParameterValues) -> [Check] {
    guard case .power(_, let bottom) = derivation.answer,
      let perLayer = GradientDecay.perLayer(derivation)
    else { return [] }
    return GradientDecay.checks(
      candidateBottom: bottom, perLayer: perLayer,
      setup: .init(
        layers: p.integer("L"), gamma: p.real("gamma")!.doubleValue,
        width: p.integer("N"), bottleneck: p.integer("N_bottle"),
        seeds: p.integer("seeds")))
  }
}

extension GradientDecay {
  public struct Setup: Sendable {
    public var layers: Int
    public var gamma: Double
    public var width: Int
    public var bottleneck: Int
    public var seeds: Int

    public init(layers: Int, gamma: Double, width: Int, bottleneck: Int, seeds: Int) {
      (self.layers, self.gamma, self.width, self.bottleneck, self.seeds) =
        (layers, gamma, width, bottleneck, seeds)
    }
  }

  /// The per-layer exponent L − 1 − ℓ a derivation carries as its general form.
  static func perLayer(_ derivation: Derivation) -> Polynomial? {
    if case .power(_, let e)? = derivation.alternative("per layer") { return e }
    return nil
  }
}
