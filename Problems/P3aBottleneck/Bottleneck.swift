import Algebra
import Answers
import IndexNotation
import ProblemDocument
import TensorCore
import Verification

/// Problem 3a: the multiplies of the bottleneck residual MLP and of the plain MLP, and when the
/// bottleneck is cheaper.
public enum Bottleneck {
  public static let problem = BottleneckProblem()

  /// An answer to 3a: two counts per example and the condition.
  public struct Answer: Sendable {
    public var bottleneck: Polynomial
    public var plain: Polynomial
    public var condition: [LinearInequality]

    public init(bottleneck: Polynomial, plain: Polynomial, condition: [LinearInequality]) {
      self.bottleneck = bottleneck
      self.plain = plain
      self.condition = condition
    }

    public var typed: TypedAnswer {
      .parts([
        .init("bottleneck", .polynomial(bottleneck)), .init("plain", .polynomial(plain)),
        .init("condition", .condition(condition)),
      ])
    }

    /// The answer in a derivation's typed form, if it has that form.
    public init?(_ typed: TypedAnswer) {
      guard case .parts(let parts) = typed, parts.count == 3,
        case .polynomial(let b) = parts[0].answer, case .polynomial(let p) = parts[1].answer,
        case .condition(let c) = parts[2].answer
      else { return nil }
      self.init(bottleneck: b, plain: p, condition: c)
    }
  }

  /// One block of the bottleneck residual MLP, in the course's notation (psverify's own writing
  /// of problem 3's network), and the plain MLP's layer.
  static let blockEquations = [
    "L̃_ℓ[n_bottle] = ReLU(W_ℓ^{b,1}[n_bottle, N_in] L_ℓ[N_in] − B_ℓ^{b,1}[n_bottle])",
    "L̂_ℓ[n] = ReLU(W_ℓ^{b,2}[n, N_bottle] L̃_ℓ[N_bottle] − B_ℓ^{b,2}[n])",
    "L_{ℓ+1}[n] = L_ℓ[n] + L̂_ℓ[n]",
  ]
  static let plainEquation = "L_{ℓ+1}[n] = ReLU(W_ℓ[n, N] L_ℓ[N] − B_ℓ[n])"

  /// The names an answer may use.
  public static let symbols = SymbolTable([
    .init("N", aliases: ["n"]),
    .init("N_bottle", aliases: ["Nb", "N_b", "Nbottle", "N_bot", "Nbot", "Nk", "K"]),
    .init("L"),
    .init("B", aliases: ["batch"]),
  ])
}

public struct BottleneckProblem: Problem {
  public init() {}

  public let id = "3a"
  public let title = "Multiplies of the bottleneck residual MLP, and when it wins"
  public let question = """
    For the bottleneck residual MLP of problem 3 with N_in = N_out = N, how many multiplies does a \
    network of L layers (counting the input layer) take, and when is that fewer than a standard \
    MLP with one N × N matrix between layers?
    """
  public let answerFormat =
    "the two counts and the condition separated by ';', e.g. "
    + "2*N*Nb*(L-1); N^2*(L-1); Nb < N/2"
  public let defaultTrials = 100

  public var parameters: [ParameterSpec] {
    [
      ParameterSpec(
        "N", "width N of the user's network", domain: .integer(1...4096), default: .integer(64)),
      ParameterSpec(
        "N_bottle", "bottleneck width of the user's network", domain: .integer(1...4096),
        default: .integer(16)),
      ParameterSpec(
        "L", "layers of the user's network, counting the input layer",
        domain: .integer(1...1000), default: .integer(10)),
      ParameterSpec(
        "batch", "examples per forward pass of the user's network",
        domain: .integer(1...65536), default: .integer(8)),
      ParameterSpec(
        "configs", "random networks per instrumented check",
        domain: .integer(1...100_000), default: .integer(100)),
      ParameterSpec(
        "max_N", "largest N of the exhaustive condition check",
        domain: .integer(1...256), default: .integer(64)),
    ]
  }

  /// Refuses a user network whose peak memory exceeds what psverify may allocate here. Every
  /// allocation of the user-network check is counted:
  ///
  /// ```
  /// weights      (L − 1)·(2·N·N_bottle + N²) Floats, each also packed: 8 B per weight
  /// draws        8·max(N², N·N_bottle): the Doubles filling the largest weight tensor
  /// activations  batch·N·(12 for the input and its draws + 4·6 for the layers, row shares and
  ///              their stacking) + batch·N_bottle·8
  /// ```
  /// plus 64 MiB for the process.
  public func validate(_ p: ParameterValues) throws {
    let n = p.integer("N")
    let b = p.integer("batch")
    let l = p.integer("L")
    let nb = p.integer("N_bottle")
    let weights = ResourceLimits.saturatingProduct([
      ResourceLimits.saturatingSum([
        ResourceLimits.saturatingProduct([2, n, nb]),
        ResourceLimits.saturatingProduct([n, n]),
      ]), max(0, l - 1), 8,
    ])
    let bytes = ResourceLimits.saturatingSum([
      weights, ResourceLimits.saturatingProduct([8, n, max(n, nb)]),
      ResourceLimits.saturatingProduct([b, n, 36]), ResourceLimits.saturatingProduct([b, nb, 8]),
      64 << 20,
    ])
    let budget = ResourceLimits.memoryBudget()
    if bytes > budget.bytes {
      throw ParameterError.tooLarge(
        "the network N=\(n), N_bottle=\(nb), L=\(l), batch=\(b) needs \(bytes >> 20) MiB at its "
          + "peak; \(budget.reason): use a smaller N, N_bottle, L or batch")
    }
  }

  public func derive(_ parameters: ParameterValues) throws -> Derivation {
    try Bottleneck.derivation()
  }

  public func printedAnswer(_ solution: [ReadFragment]) -> (text: String, fragment: MathFragment)? {
    Bottleneck.printedAnswer(solution)
  }

  public func grade(_ answer: String, _ derivation: Derivation, _ context: inout GradingContext)
    -> Grade
  {
    Bottleneck.grade(answer, derivation)
  }

  public func checks(_ derivation: Derivation, _ p: ParameterValues) -> [Check] {
    guard let answer = Bottleneck.Answer(derivation.answer) else { return [] }
    return Bottleneck.checks(
      candidate: answer,
      user: .init(
        width: p.integer("N"), bottleneck: p.integer("N_bottle"), layers: p.integer("L"),
        batch: p.integer("batch")),
      configs: p.integer("configs"), maxWidth: p.integer("max_N"))
  }

  public func findings(_ derivation: Derivation, printed: Grade?, text: ProblemText) -> [Erratum] {
    Bottleneck.layerCountFinding(printed, text)
  }
}
