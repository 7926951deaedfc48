import IndexNotation
import ProblemDocument
import TensorCore
import Verification

/// Problem 3b: the constant γ in L_{ℓ+1} = γ(L_ℓ + L̂_ℓ) that keeps zero mean and unit variance.
public enum ResidualScale {
  /// The problem, ready for the runner.
  public static let problem = ResidualScaleProblem()
}

public struct ResidualScaleProblem: Problem {
  public init() {}

  public let id = "3b"
  public let title = "Residual scale γ that keeps unit variance"
  public let question = """
    The residual update becomes L_{ℓ+1}[n] = γ(L_ℓ[n] + L̂_ℓ[n]). If L_ℓ[n] and L̂_ℓ[n] each have \
    zero mean and unit variance and are independent, which γ gives L_{ℓ+1}[n] zero mean and unit \
    variance?
    """
  public let answerFormat = "a number such as 1/sqrt(2), \\frac{\\sqrt{2}}{2} or 0.7071"
  public let defaultTrials = 1_000_000
  /// 10⁴ pairs: the variance estimates' skewness is then ≤ 0.03, so |z| ≤ 5 keeps its stated
  /// false alarm within a small factor (measured by `Scripts/calibrate.sh`); fewer pairs leave
  /// the sample variance too far from normal, and one pair has no variance at all.
  public let minimumTrials = 10_000

  public var parameters: [ParameterSpec] {
    [
      ParameterSpec(
        "gamma", "an answer to test in place of the derived γ",
        domain: .real(-10...10), default: nil),
      ParameterSpec(
        "N", "width N of the residual stream in the network check",
        domain: .integer(2...2048), default: .integer(256)),
      ParameterSpec(
        "N_bottle", "bottleneck width in the network check",
        domain: .integer(1...2048), default: .integer(64)),
      ParameterSpec(
        "L", "layers in the network check, counting the input layer",
        domain: .integer(2...256), default: .integer(24)),
      ParameterSpec(
        "batch", "inputs per network in the network check",
        domain: .integer(4...8192), default: .integer(512)),
      // At least 8: the t limit for a false alarm of 5.7e-7 is 17.1 at 7 degrees of freedom
      // and grows fast below (1 000 at 2), leaving the check no power.
      ParameterSpec(
        "replicates", "independent networks (weights and inputs) in the network check",
        domain: .integer(8...256), default: .integer(16)),
    ]
  }

  /// Refuses a network shape whose peak memory (`ResidualScale.estimatedBytes`) exceeds what
  /// psverify may allocate here, before anything is allocated.
  public func validate(_ parameters: ParameterValues) throws {
    let shape = ResidualScale.networkShape(parameters)
    if shape.batch < ResidualScale.minimumBatch
      || shape.replicates * shape.width < ResidualScale.minimumPooledUnits
    {
      throw ParameterError.tooSmall(
        "the network check with batch \(shape.batch), N = \(shape.width) and "
          + "\(shape.replicates) replicates is too small for its t-test to keep its stated false "
          + "alarm: it needs batch ≥ \(ResidualScale.minimumBatch) and replicates × N ≥ "
          + "\(ResidualScale.minimumPooledUnits) (e.g. --param batch=16 --param N=16)")
    }
    let bytes = ResidualScale.estimatedBytes(shape)
    let budget = ResourceLimits.memoryBudget()
    if bytes > budget.bytes {
      throw ParameterError.tooLarge(
        "the network check with N = \(shape.width), N_bottle = \(shape.bottleneck), "
          + "L = \(shape.layers) and batch \(shape.batch) needs \(bytes >> 20) MiB at its peak; "
          + "\(budget.reason): use a smaller N, N_bottle, L or batch")
    }
  }

  public func derive(_ parameters: ParameterValues) throws -> Derivation {
    try ResidualScale.derivation()
  }

  public func printedAnswer(_ solution: [ReadFragment]) -> (text: String, fragment: MathFragment)? {
    for r in solution {
      if case .formula(let symbols, _) = r.content, symbols.isEmpty {
        return (r.fragment.text, r.fragment)
      }
    }
    return nil
  }

  public func grade(_ answer: String, _ derivation: Derivation, _ context: inout GradingContext)
    -> Grade
  {
    ResidualScale.grade(answer, derivation, &context)
  }

  public func checks(_ derivation: Derivation, _ parameters: ParameterValues) -> [Check] {
    guard case .scalar(let derived) = derivation.answer else { return [] }
    return ResidualScale.checks(
      candidate: parameters.real("gamma") ?? derived,
      network: ResidualScale.networkShape(parameters))
  }

  public func probes(_ derivation: Derivation, _ parameters: ParameterValues) -> [Probe] {
    guard case .scalar(let derived) = derivation.answer else { return [] }
    let gamma = (parameters.real("gamma") ?? derived).doubleValue
    return [
      ResidualScale.branchMeanProbe(gamma: gamma, shape: ResidualScale.networkShape(parameters))
    ]
  }

  public func findings(_ derivation: Derivation, printed: Grade?, text: ProblemText) -> [Erratum] {
    ResidualScale.signFinding(derivation, printed, text)
  }
}

extension ResidualScale {
  /// The smallest batch of the network check: each pooled value s²(L₁[n]) is a variance over the
  /// batch, skewed like χ²(batch − 1)/(batch − 1) (skewness √(8/(batch − 1)), 2.8 at batch 4),
  /// and a t-test on skewed values has a heavy tail on one side (calibration at batch 4, N = 2:
  /// 0.007 beyond the 10⁻³ limit, every exceedance low).
  public static let minimumBatch = 16
  /// The fewest pooled units (replicates × N, dead units aside) of the network check: a t-test
  /// over 16 values (N = 2, 8 replicates) has no margin for values that are not normal.
  public static let minimumPooledUnits = 128

  /// The network measurements that run side by side: the check `network-unit-variance` and the
  /// probe `network-relu-branch-mean` (a problem's checks and probes run concurrently).
  public static let concurrentNetworkMeasurements = 2

  /// The peak bytes of the network checks, every allocation counted. Each of the M =
  /// `concurrentNetworkMeasurements` measurements runs its replicates over the W =
  /// `Parallel.workerCount` workers, so up to min(W, replicates) networks of each are alive at
  /// once, M · min(W, replicates) in all. One network holds
  ///
  /// ```
  /// weights     (L − 1) blocks · 2·N·N_bottle Float, each also packed (16 B per weight pair)
  ///             + 8·N·N_bottle for the Double draws filling one weight tensor
  /// activations batch·N · (12 for the input and its draws + 4 · 4 for the layer, L̂, the
  ///             standardised L̂ and the residual sum) + batch·N_bottle · 4 for the hidden layer
  /// ```
  /// and the estimate is M · min(W, replicates) networks plus 64 MiB for the process and the
  /// Monte Carlo chunks.
  public static func estimatedBytes(_ s: NetworkShape) -> Int {
    estimatedBytes(s, workers: Parallel.workerCount)
  }

  /// `estimatedBytes` with W workers.
  public static func estimatedBytes(_ s: NetworkShape, workers: Int) -> Int {
    let weights = ResourceLimits.saturatingProduct(
      [max(0, s.layers - 1), s.width, s.bottleneck, 16])
    let draws = ResourceLimits.saturatingProduct([s.width, s.bottleneck, 8])
    let activations = ResourceLimits.saturatingSum([
      ResourceLimits.saturatingProduct([s.batch, s.width, 12 + 16]),
      ResourceLimits.saturatingProduct([s.batch, s.bottleneck, 4]),
    ])
    let network = ResourceLimits.saturatingSum([weights, draws, activations])
    let alive = concurrentNetworkMeasurements * max(1, min(workers, s.replicates))
    return ResourceLimits.saturatingSum([
      ResourceLimits.saturatingProduct([network, alive]), 64 << 20,
    ])
  }

  static func networkShape(_ p: ParameterValues) -> NetworkShape {
    NetworkShape(
      width: p.integer("N"), bottleneck: p.integer("N_bottle"), layers: p.integer("L"),
      batch: p.integer("batch"), replicates: p.integer("replicates"))
  }
}
