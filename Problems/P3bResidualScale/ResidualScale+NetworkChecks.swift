import Models
import TensorCore
import Verification

extension ResidualScale {
  /// The fast network forward pass against hand-written loops in Double on the same weights.
  static func forwardReferenceCheck(gamma: Double) -> Check {
    Check(
      id: "network-forward-reference", kind: .numeric,
      summary: "the SIMD forward pass equals hand-written loops in Double",
      params: [("N", 6), ("N_bottle", 3), ("L", 4), ("batch", 5)]
    ) { context in
      let (n, k, layers, batch) = (6, 3, 4, 5)
      let net = BottleneckResidualMLP.random(
        width: n, bottleneck: k, layers: layers, gamma: Float(gamma),
        initialization: .init(w1: 0.5, w2: 0.5, thresholds: 0.1), random: context.random.split("w"))
      var r = context.random.split("x")
      let input = Tensor<Float>.normal(shape: [batch, n], random: &r)
      let fast = net.forward(input)
      var worst = 0.0
      for b in 0..<batch {
        var x = (0..<n).map { Double(input[b, $0]) }
        for block in net.blocks {
          let hidden = (0..<k).map { j in
            max(
              0, (0..<n).reduce(0.0) { $0 + Double(block.w1[j, $1]) * x[$1] } - Double(block.b1[j]))
          }
          let hat = (0..<n).map { i in
            max(
              0,
              (0..<k).reduce(0.0) { $0 + Double(block.w2[i, $1]) * hidden[$1] }
                - Double(block.b2[i]))
          }
          x = (0..<n).map { gamma * (x[$0] + hat[$0]) }
        }
        for i in 0..<n { worst = max(worst, abs(Double(fast[b, i]) - x[i]) / (1 + abs(x[i]))) }
      }
      // Float32 unit roundoff 6e-8, at most 9 products per dot product, 3 blocks: ≲ 2e-6.
      let bound = 1e-4
      return Measurement(
        status: worst <= bound ? .pass : .fail, expected: .real(0), measured: .real(worst),
        tolerance: Tolerance(
          .absolute, bound,
          reason: "Float32 rounding over 3 blocks of ≤ 9-term dot products ≲ 2e-6"),
        detail: "largest |fast − reference| / (1 + |reference|) = \(Value.format(worst))")
    }
  }

  /// The premise imposed on a real network: L̂ standardised per unit to mean 0, variance 1. At the
  /// first block L₀ is an input independent of the weights, so the premise holds and
  /// Var L₁ = γ²(1 + 1) must be 1. Deeper, L_ℓ is built from earlier branches and independence
  /// can fail; what happens there is measured and reported.
  ///
  /// The statistic pools every live unit n of every network r: with L̂ standardised,
  ///
  /// ```
  /// v_rn = s²(L₁[n]) = γ²(s²(L₀[n]) + 1 + 2 ĉ_n),   ĉ_n = sample Cov(L₀[n], L̂[n])
  /// ```
  /// Flipping the signs of L₀[n] and of the column W¹[·, n] together leaves the hidden layer,
  /// L̂, which units are live, and every s²(L₀[m]) unchanged, and the law of the network too; it
  /// flips ĉ_n alone. So given everything flip-invariant, the ĉ_n carry independent fair signs:
  /// E ĉ_n = 0 (hence E v_rn = 2γ², which is 1 iff γ² = ½), and the v_rn are uncorrelated across
  /// units and networks (the s²(L₀[n]) are of independent input columns, networks independent).
  /// Their mean then has the standard error of M uncorrelated values, estimated from all
  /// M = Σ live units (≈ 16 · 256 by default), with M − 1 degrees of freedom. The former
  /// statistic, one mean per network over 16 networks, left 15 degrees of freedom to a t-test
  /// whose extreme tail is not Student's when the 16 values are not normal (16 values of one sign
  /// and similar size give |t| > 8.27 with probability up to 2⁻¹⁵ = 3·10⁻⁵); calibration saw
  /// 3·10⁻³ at a stated 10⁻³.
  static func networkUnitVarianceCheck(gamma: Double, shape: NetworkShape) -> Check {
    Check(
      id: "network-unit-variance", kind: .monteCarlo,
      summary: "Var L₁ = 1 in a ReLU network whose branch is standardised to the premise",
      params: networkParams(gamma, shape)
    ) { context in
      let runs = measureNetworks(
        shape: shape, gamma: gamma, premiseImposed: true,
        stream: context.random)
      // Units whose branch was dead on the whole batch cannot meet the premise: left out.
      let pooled = runs.flatMap(\.0.unitVariancesL1Live)
      let first = summary(pooled)
      let dead = runs.reduce(0) { $0 + $1.0.deadFirstBranchUnits }
      let top = summary(runs.map(\.1))
      let topCov = summary(runs.map { $0.0.covariance.last ?? .nan })
      let skew = pooledSkewness(pooled, batch: shape.batch)
      let test = ZTest.skewAdjusted(
        estimate: first.mean, standardError: first.error, hypothesis: 1,
        zLimit: zLimit, degreesOfFreedom: max(1, pooled.count - 1),
        skewness: skew / Double(max(1, pooled.count)).squareRoot())
      let depth =
        (0..<(shape.layers - 1)).map { l in
          summary(runs.map { $0.0.varianceL[l] }).mean
        } + [top.mean]
      var errata: [Erratum] = []
      var notes: [String] = []
      let topTest = replicateTest(top, hypothesis: 1, shape)
      let figures =
        "Var L_\(shape.layers - 1) = \(Value.format(top.mean, digits: 4)) ± "
        + "\(Value.format(top.error, digits: 2)) (t = \(Value.format(topTest.z, digits: 3))); "
        + "mean per-unit Cov(L_ℓ, L̂_ℓ) in the last block = \(Value.format(topCov.mean, digits: 3)) ± "
        + "\(Value.format(topCov.error, digits: 2))"
      if !topTest.passes {
        errata.append(
          Erratum(
            .assumption,
            "independence of L_ℓ and L̂_ℓ fails with depth: even with L̂ standardised to zero mean "
              + "and unit variance, γ = \(Value.format(gamma, digits: 4)) does not keep unit variance "
              + "through \(shape.layers - 1) blocks",
            location: "problem 3b, statement",
            evidence: figures + "; " + depthErratumRateText))
      } else {
        notes.append(
          "With the premise imposed, the variance of the top layer is consistent with 1 "
            + "(|t| ≤ \(Value.format(topTest.limit, digits: 3))): \(figures).")
      }
      return Measurement(
        status: test.passes ? .pass : .fail, expected: .real(1), measured: .real(first.mean),
        standardError: first.error, test: test, tolerance: zTolerance(test),
        detail: "\(shape.replicates) networks, Var L₁ = \(Value.format(first.mean)) ± "
          + "\(Value.format(first.error)) (SE over \(pooled.count) live units), "
          + "t = \(Value.format(test.z, digits: 3)) with \(pooled.count - 1) degrees of freedom"
          + " and skewness \(Value.format(skew, digits: 3)) per value"
          + (dead > 0 ? " (\(dead) unit(s) with a dead first branch left out)" : "")
          + "; \(figures)",
        errata: errata, notes: notes, series: ["variance_L_by_layer": depth])
    }
  }

  /// The depth erratum's false-finding rate, as measured, not as its t limit suggests.
  ///
  /// The erratum tests Var L_top = 1 by a t over the per-network means (one value per replicate:
  /// units of one network are not independent deeper than L₁). Student's tail holds only for
  /// normal values, and with R replicates no test free of that assumption can go below 2^(1−R)
  /// (a sign test's most extreme outcome). At L = 2, where the erratum's hypothesis holds
  /// exactly, on the smallest network the check accepts (N = 16, N_bottle = 1, batch 16) it was
  /// raised in 56 of 300 000 seeds with 8 replicates and 5 of 10 000 with 16 (README,
  /// "The far tail"): a rate of a few 10⁻⁴ against the 5.7·10⁻⁷ of the limit. So the finding
  /// states 10⁻³, a bound those counts and a fresh run keep; at the defaults it is raised at t ≈ 26.
  static let depthErratumRate = 1e-3

  static let depthErratumRateText =
    "a finding at a false-finding rate below \(Value.format(depthErratumRate, digits: 2)) "
    + "(measured on networks where independence holds; the t limit's own 5.7e-7 assumes normal "
    + "per-network values)"

  /// γ₁ for the skew-adjusted t-test of `network-unit-variance`: the larger of the pooled values'
  /// sample skewness and √(8/(batch − 1)), the skewness of a normal unit's sample variance over the
  /// batch (a scaled χ²_{batch−1}), which is the s²(L₀[n]) part of each v_rn. The ĉ_n part adds
  /// symmetric spread (its sign is fair) and a small positive cross term, so the χ² figure is a
  /// little above the value's own skewness (about 2.2/√batch by the leading moments); taking the
  /// larger keeps κ from being understated, and the sample value from the same data — which is low
  /// exactly when the large values that make t low are missing — can only raise it.
  static func pooledSkewness(_ pooled: [Double], batch: Int) -> Double {
    max(ZTest.sampleSkewness(pooled), (8 / Double(max(1, batch - 1))).squareRoot())
  }

  /// The network as defined, with a plain ReLU branch: L̂ = ReLU(…) ≥ 0, so its mean can hardly be
  /// zero. A probe, not a check: it measures the premise, whatever γ is under test, and reports
  /// an erratum only when a z-test rejects a zero mean (and another when the layers drift).
  static func branchMeanProbe(gamma: Double, shape: NetworkShape) -> Probe {
    Probe(
      id: "network-relu-branch-mean",
      summary: "the premise E L̂ = 0 measured in the network as defined (L̂ is a ReLU output)",
      params: networkParams(gamma, shape)
    ) { context in
      let runs = measureNetworks(
        shape: shape, gamma: gamma, premiseImposed: false,
        stream: context.random)
      let meanHat = summary(runs.map { $0.0.meanHat[0] })
      let varHat = summary(runs.map { $0.0.varianceHat[0] })
      let minimum = runs.map { $0.0.minimumHat.min() ?? .nan }.min() ?? .nan
      let topMean = summary(runs.map { $0.0.meanL.last ?? .nan })
      let top = summary(runs.map(\.1))
      let corr = summary(
        runs.map { $0.0.correlation.reduce(0, +) / Double($0.0.correlation.count) })
      let test = replicateTest(meanHat, hypothesis: 0, shape)
      let evidence =
        "E L̂₀ = \(Value.format(meanHat.mean, digits: 4)) ± "
        + "\(Value.format(meanHat.error, digits: 2)) (t = \(Value.format(test.z, digits: 3))), "
        + "Var L̂₀ = \(Value.format(varHat.mean, digits: 4)), smallest L̂ seen = \(Value.format(minimum))"
      let topMeanTest = replicateTest(topMean, hypothesis: 0, shape)
      let topVarianceTest = replicateTest(top, hypothesis: 1, shape)
      var errata: [Erratum] = []
      var notes: [String] = []
      if !test.passes {
        errata.append(
          Erratum(
            .assumption,
            "L̂_ℓ[n] = ReLU(…) ≥ 0, so it cannot have zero mean: the premise is impossible for the "
              + "network of problem 3", location: "problem 3b, statement", evidence: evidence,
            source: "network-relu-branch-mean"))
      } else {
        notes.append("In the network as defined the branch mean is consistent with 0: \(evidence).")
      }
      if !topMeanTest.passes || !topVarianceTest.passes {
        errata.append(
          Erratum(
            .assumption,
            "in the network as defined, γ = \(Value.format(gamma, digits: 4)) does not keep zero mean and "
              + "unit variance: the positive branch means accumulate, mean of L_\(shape.layers - 2) = "
              + "\(Value.format(topMean.mean, digits: 4)) ± \(Value.format(topMean.error, digits: 2)) and "
              + "Var L_\(shape.layers - 1) = \(Value.format(top.mean, digits: 4)) ± "
              + "\(Value.format(top.error, digits: 2)) after \(shape.layers - 1) blocks",
            location: "problem 3b, solution",
            evidence: "t = \(Value.format(topMeanTest.z, digits: 3)) for the mean and "
              + "t = \(Value.format(topVarianceTest.z, digits: 3))"
              + " for the variance of the top layer; "
              + "average per-unit corr(L_ℓ, L̂_ℓ) over layers = "
              + "\(Value.format(corr.mean, digits: 3)) ± \(Value.format(corr.error, digits: 2))",
            source: "network-relu-branch-mean"))
      }
      return ProbeResult(
        detail: evidence, errata: errata, notes: notes,
        series: [
          "mean_L_by_layer": (0..<(shape.layers - 1)).map { l in
            summary(runs.map { $0.0.meanL[l] }).mean
          },
          "variance_L_by_layer": (0..<(shape.layers - 1)).map { l in
            summary(runs.map { $0.0.varianceL[l] }).mean
          },
        ])
    }
  }

  /// A t-test on a mean over the shape's independent replicate networks: the standard error is
  /// estimated from `replicates` values, so the reference is Student's t with replicates − 1
  /// degrees of freedom, at the limit whose false alarm equals |z| ≤ 5's (5.7e-7).
  static func replicateTest(
    _ s: (mean: Double, error: Double), hypothesis: Double,
    _ shape: NetworkShape
  ) -> ZTest {
    ZTest.student(
      estimate: s.mean, standardError: s.error, hypothesis: hypothesis, zLimit: zLimit,
      degreesOfFreedom: shape.replicates - 1)
  }

  static func networkParams(_ gamma: Double, _ s: NetworkShape) -> [(String, Value)] {
    [
      ("gamma", .real(gamma)), ("N", .integer(s.width)), ("N_bottle", .integer(s.bottleneck)),
      ("L", .integer(s.layers)), ("batch", .integer(s.batch)),
      ("replicates", .integer(s.replicates)),
    ]
  }
}
