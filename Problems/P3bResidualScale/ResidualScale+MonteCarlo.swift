import TensorCore
import Verification

extension ResidualScale {
  /// |z| ≤ 5: a two-sided false alarm of 5.7e-7 per test, so the 3 distribution tests of a run
  /// raise a false alarm about once in 580 000 runs, while a wrong γ (1/2, 1, 1/√3) is rejected at
  /// z in the hundreds at the default 10⁶ trials.
  public static let zLimit = 5.0

  /// Moments of S = γ(A + B) over `pairs` independent pairs (A, B) from `distribution` (or of
  /// S = γ(A + B₁ + … + B_k) for a variant's `structure`, every draw from `distribution`).
  public static func sampleMoments(
    gamma: Double, distribution: StandardDistribution, pairs: Int,
    stream: RandomStream,
    structure: ResidualStructure = .base
  ) -> Moments {
    runningMoments(
      gamma: gamma, distribution: distribution, pairs: pairs, stream: stream,
      structure: structure
    ).total
  }

  /// `sampleMoments` with the running estimate after 1024, 2048, … pairs (the same draws).
  ///
  /// S/γ = a·A + Σ z_i·Z_i (`ResidualStructure.samplerCoefficients`): A and each Z_i are drawn
  /// independently; a branch correlated with A is built from A itself, not from its moments.
  public static func runningMoments(
    gamma: Double, distribution: StandardDistribution, pairs: Int,
    stream: RandomStream, structure: ResidualStructure = .base
  )
    -> (total: Moments, prefixes: [Moments])
  {
    let (a, z) = structure.samplerCoefficients
    return ChunkedSampling.running(count: pairs, chunkSize: 1 << 15, stream: stream) {
      random, out, b in
      random.fill(out, with: distribution)
      random.fill(b, with: distribution)
      if z.count == 1 {
        for i in out.indices { out[i] = gamma * (a * out[i] + z[0] * b[i]) }
        return
      }
      for i in out.indices { out[i] = a * out[i] + z[0] * b[i] }
      for zk in z.dropFirst() {
        random.fill(b, with: distribution)
        for i in out.indices { out[i] += zk * b[i] }
      }
      for i in out.indices { out[i] *= gamma }
    }
  }

  /// The z-test of Var S = 1.
  public static func varianceTest(_ m: Moments) -> ZTest {
    ZTest(
      estimate: m.variance, standardError: m.standardErrorOfVariance, hypothesis: 1,
      limit: zLimit)
  }

  /// The γ grid of the sweep: 0.40, 0.45, …, 1.20, independent of any answer under test.
  static let sweepGrid: [Double] = (8...24).map { Double($0) * 0.05 }

  /// The sweep's result: per grid point the variance with its error, the fitted crossing.
  public struct Sweep: Sendable {
    public let gammas: [Double]
    public let variances: [Double]
    public let errors: [Double]
    /// γ̂ where the fitted curve v = c·γ² crosses 1, and its standard error.
    public let crossing: Double
    public let crossingError: Double
    /// Grid points whose variance differs from 1 significantly on the side opposite to what
    /// `candidate` predicts (below 1 above the candidate, or above 1 below it).
    public let contradictions: [Double]
    public let crossingTest: ZTest
  }

  /// Estimates Var(γ(A + B)) on the grid with independent Gaussian pairs for each point and
  /// locates where it crosses 1 by a weighted least-squares fit of v = c·γ² (c = Var(A + B)):
  ///
  /// ```
  /// ĉ = Σ wₖ vₖ γₖ² / Σ wₖ γₖ⁴,  wₖ = 1/SEₖ²,  SE(ĉ) = (Σ wₖ γₖ⁴)^(−1/2)
  /// γ̂ = ĉ^(−1/2),  SE(γ̂) = ½ ĉ^(−3/2) SE(ĉ)
  /// ```
  public static func sweep(
    candidate: Double, pairsPerPoint: Int, stream: RandomStream,
    structure: ResidualStructure = .base
  ) -> Sweep {
    var variances: [Double] = []
    var errors: [Double] = []
    var contradictions: [Double] = []
    var numerator = 0.0
    var denominator = 0.0
    for (k, g) in sweepGrid.enumerated() {
      let m = sampleMoments(
        gamma: g, distribution: .gaussian, pairs: pairsPerPoint,
        stream: stream.split(k), structure: structure)
      let test = varianceTest(m)
      variances.append(m.variance)
      errors.append(m.standardErrorOfVariance)
      let w = 1 / (test.standardError * test.standardError)
      numerator += w * m.variance * g * g
      denominator += w * g * g * g * g
      if !test.passes && ((g < abs(candidate)) != (test.z < 0)) { contradictions.append(g) }
    }
    let c = numerator / denominator
    let cError = 1 / denominator.squareRoot()
    let crossing = 1 / c.squareRoot()
    let crossingError = 0.5 * cError / (c * c.squareRoot())
    return Sweep(
      gammas: sweepGrid, variances: variances, errors: errors, crossing: crossing,
      crossingError: crossingError, contradictions: contradictions,
      crossingTest: ZTest(
        estimate: crossing, standardError: crossingError,
        hypothesis: abs(candidate), limit: zLimit))
  }
}
