import Foundation
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

  /// The sweep's result: per grid point the variance with its error, the crossing and its test.
  public struct Sweep: Sendable {
    public let gammas: [Double]
    public let variances: [Double]
    public let errors: [Double]
    /// γ̂ = ĉ^(−1/2) where the fitted curve v = ĉ·γ² crosses 1, and its standard error.
    public let crossing: Double
    public let crossingError: Double
    /// Grid points whose variance differs from 1 significantly on the side opposite to what
    /// `candidate` predicts (below 1 above the candidate, or above 1 below it).
    public let contradictions: [Double]
    /// The test of the candidate: the Wilson–Hilferty z of the χ² statistic (`sweep`).
    public let crossingTest: ZTest
  }

  /// Estimates Var(γ(A + B)) on the grid with independent Gaussian pairs for each point and
  /// locates where it crosses 1 by fitting v = c·γ² (c = Var(A + B), or Var of the structure's
  /// sum). Every point's vₖ/γₖ² estimates the same c from the same number of pairs n, so the
  /// points weigh equally: ĉ = (1/K) Σ vₖ/γₖ² (the pooled variance of A + B), γ̂ = ĉ^(−1/2).
  ///
  /// The candidate γ₀ is tested through ĉ, not γ̂. If γ₀ solves the equation, c = 1/γ₀², and with
  /// Gaussian draws (every summand is a linear combination of independent normals) each
  /// (n − 1)·vₖ/(γₖ² c) is exactly χ² with n − 1 degrees of freedom, the K points independent:
  ///
  /// ```
  /// T = (n − 1) γ₀² Σₖ vₖ/γₖ² ~ χ²_ν,  ν = K(n − 1)
  /// z = ((T/ν)^(1/3) − (1 − 2/(9ν))) / √(2/(9ν))        (Wilson–Hilferty)
  /// SE(γ̂) = γ₀/√(2ν)  (delta method at the hypothesis, reported only)
  /// ```
  /// The cube root of a χ² is normal to O(ν⁻¹) (at ν = 17·9 999 the one-sided tail at z = 5 is
  /// within 0.01 % of Φ(−5), by SciPy's χ² tail). The former test, (γ̂ − γ₀)/SE(γ̂) with
  /// inverse-variance weights 1/SEₖ² estimated from each point's own draws, was biased: a low vₖ
  /// comes with a low SEₖ and so a high weight, which pulls ĉ down and γ̂ up (all exceedances
  /// high in calibration). z > 0 here means ĉ too large, i.e. γ̂ below γ₀.
  ///
  /// - Complexity: O(K·n) draws, K = 17 grid points.
  public static func sweep(
    candidate: Double, pairsPerPoint: Int, stream: RandomStream,
    structure: ResidualStructure = .base
  ) -> Sweep {
    var variances: [Double] = []
    var errors: [Double] = []
    var contradictions: [Double] = []
    var scaled = 0.0
    for (k, g) in sweepGrid.enumerated() {
      let m = sampleMoments(
        gamma: g, distribution: .gaussian, pairs: pairsPerPoint,
        stream: stream.split(k), structure: structure)
      let test = varianceTest(m)
      variances.append(m.variance)
      errors.append(m.standardErrorOfVariance)
      scaled += m.variance / (g * g)
      if !test.passes && ((g < abs(candidate)) != (test.z < 0)) { contradictions.append(g) }
    }
    let c = scaled / Double(sweepGrid.count)
    let g0 = abs(candidate)
    let nu = Double(sweepGrid.count * (pairsPerPoint - 1))
    return Sweep(
      gammas: sweepGrid, variances: variances, errors: errors, crossing: 1 / c.squareRoot(),
      crossingError: g0 / (2 * nu).squareRoot(), contradictions: contradictions,
      crossingTest: wilsonHilferty(ratio: c * g0 * g0, degreesOfFreedom: nu))
  }

  /// The z-test of a χ²_ν/ν ratio r against 1 by its cube root (Wilson–Hilferty): r^(1/3) is
  /// normal with mean 1 − 2/(9ν) and variance 2/(9ν) to O(ν⁻¹). NaN or negative r fails.
  public static func wilsonHilferty(ratio r: Double, degreesOfFreedom nu: Double) -> ZTest {
    let v = 2 / (9 * nu)
    return ZTest(
      estimate: r >= 0 ? Foundation.cbrt(r) : .nan, standardError: v.squareRoot(),
      hypothesis: 1 - v, limit: zLimit)
  }
}
