import IndexNotation
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
    public var condition: LinearInequality

    public init(bottleneck: Polynomial, plain: Polynomial, condition: LinearInequality) {
      self.bottleneck = bottleneck
      self.plain = plain
      self.condition = condition
    }
  }

  /// The plain MLP's layer, in the course's notation.
  static let plainEquation = "L_{ℓ+1}[n] = ReLU(W_ℓ[n, N] L_ℓ[N] − B_ℓ[n])"
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
  public let defaultTrials = 100
  public var printed: PrintedSolution { Bottleneck.Printed.solution }

  public var parameters: [ParameterSpec] {
    [
      ParameterSpec("N", "width N of the user's network", domain: .integer(1...4096), default: .integer(64)),
      ParameterSpec("N_bottle", "bottleneck width of the user's network", domain: .integer(1...4096),
                    default: .integer(16)),
      ParameterSpec("L", "layers of the user's network, counting the input layer",
                    domain: .integer(1...1000), default: .integer(10)),
      ParameterSpec("batch", "examples per forward pass of the user's network",
                    domain: .integer(1...65536), default: .integer(8)),
      ParameterSpec("configs", "random networks per instrumented check",
                    domain: .integer(1...100_000), default: .integer(100)),
      ParameterSpec("max_N", "largest N of the exhaustive condition check",
                    domain: .integer(1...256), default: .integer(64)),
    ]
  }

  public func validate(_ p: ParameterValues) throws {
    let n = p.integer("N"), b = p.integer("batch"), l = p.integer("L"), nb = p.integer("N_bottle")
    let floats = (2 * n * nb &+ n * n) &* l &+ 4 &* b &* n
    if floats > 1 << 31 || floats < 0 {
      throw ParameterError.tooLarge(
        "the network N=\(n), N_bottle=\(nb), L=\(l), batch=\(b) needs \(floats >> 18) MiB of "
          + "weights and activations; psverify runs networks up to 8192 MiB")
    }
  }

  public func derive(_ parameters: ParameterValues) throws -> Derivation {
    try Bottleneck.derivation()
  }

  public func audit(_ derivation: Derivation, _ parameters: ParameterValues) -> Audit {
    Bottleneck.audit()
  }

  public func checks(_ derivation: Derivation, _ p: ParameterValues) -> [Check] {
    Bottleneck.checks(
      candidate: try! Bottleneck.derivedAnswer().answer,
      user: .init(width: p.integer("N"), bottleneck: p.integer("N_bottle"), layers: p.integer("L"),
                  batch: p.integer("batch")),
      configs: p.integer("configs"), maxWidth: p.integer("max_N"))
  }
}
