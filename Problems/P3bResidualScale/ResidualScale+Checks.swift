import Algebra
import Answers
import Foundation
import IndexNotation
import TensorCore
import Verification

extension ResidualScale {
  /// The checks of a γ under test: the derived one, or a planted or user-given one.
  public static func checks(candidate: ScalarValue, network: NetworkShape) -> [Check] {
    let gamma = candidate.doubleValue
    // No mean checks: E[γ(A + B)] = 0 for every γ, so they could not reject any answer.
    var checks = [symbolicCheck(candidate)]
    for d in StandardDistribution.allCases {
      checks.append(varianceCheck(gamma: gamma, distribution: d))
    }
    checks.append(sweepCheck(gamma: gamma))
    // The sampler and the estimators every Monte Carlo verdict above rests on.
    checks.append(samplerCheck())
    checks.append(samplerMaximumCheck())
    checks.append(momentsCheck())
    checks.append(forwardReferenceCheck(gamma: gamma))
    checks.append(networkUnitVarianceCheck(gamma: gamma, shape: network))
    return checks
  }

  /// Var[γ(A + B)] evaluated exactly from its definition at the γ under test, and γ > 0.
  ///
  /// A and B are independent, ±1 with probability ½ each (mean 0, variance 1): the four outcomes
  /// are enumerated and `E[X²] − E[X]²` with `X = γ(a + b)` is computed in exact rationals (γ² is
  /// rational for a surd γ). The equation γ was solved from is not used. A decimal γ with d
  /// decimals is judged by its rounding: the variance must cross 1 on [γ − ½·10⁻ᵈ, γ + ½·10⁻ᵈ]
  /// (the variance grows with |γ|), with at least three significant digits, as `grade` judges it.
  static func symbolicCheck(
    _ candidate: ScalarValue,
    structure: ResidualStructure = .base
  ) -> Check {
    Check(
      id: "gamma-solves-variance-equation", kind: .symbolic,
      summary: "Var[γ(\(structure.sumText))] = 1 exactly at γ (outcomes of the ±1 signs "
        + "enumerated), with γ > 0",
      params: [("gamma", .text(candidate.description))]
    ) { _ in
      switch candidate {
      case .exact(let g):
        let squared = g.coefficient * g.coefficient * Rational(g.radicand)
        let variance = exactVariance(gammaSquared: squared, structure: structure)
        // A terminating decimal that is not exactly a root (0.7071) is judged by its rounding; one
        // that is exactly a root (γ = 1/2 with three unit branches) passes exactly below.
        if variance != .one, let d = decimals(g) {
          let j = roundingJudgement(g.coefficient, decimals: d, structure: structure)
          let ok = j.crosses && j.significant >= 3 && g.isPositive
          return Measurement(
            status: ok ? .pass : .fail, expected: .text("1 within γ's rounding, γ > 0"),
            measured: .text(
              "\(Value.format(j.low.doubleValue, digits: 17))…"
                + "\(Value.format(j.high.doubleValue, digits: 17))"),
            tolerance: Tolerance(
              .absolute, j.half.doubleValue,
              reason: "γ given with \(d) decimals: its rounding (at least one ulp of a double)"),
            detail:
              "Var γ(\(structure.sumText)) over γ = \(g.coefficient.doubleValue) ± \(String(format: "%g", j.half.doubleValue)) "
              + (j.crosses ? "reaches 1" : "misses 1")
              + (j.significant >= 3
                ? ""
                : "; fewer than three "
                  + "significant digits")
              + (g.isPositive ? "" : "; γ ≤ 0 flips the residual stream"))
        }
        let ok = variance == .one && g.isPositive
        return Measurement(
          status: ok ? .pass : .fail, expected: .text("1 with γ > 0"),
          measured: .text("\(variance) with γ = \(g)"), tolerance: .exact,
          detail: "Var γ(\(structure.sumText)) = \(variance) exactly at γ = \(g)"
            + (g.isPositive ? "" : "; γ ≤ 0 flips the residual stream"))
      case .approximate(let g):
        let variance = g * g * exactVariance(gammaSquared: .one, structure: structure).doubleValue
        // One rounding in g (≤ 1.1e-16 relative) moves 2g² by ~4.4e-16 near g = 0.707.
        let ok = abs(variance - 1) <= 1e-12 && g > 0
        return Measurement(
          status: ok ? .pass : .fail, expected: .real(1), measured: .real(variance),
          tolerance: Tolerance(
            .absolute, 1e-12,
            reason:
              "γ given in floating point: rounding moves Var γ(\(structure.sumText)) by ~4e-16"),
          detail:
            "Var γ(\(structure.sumText)) = \(Value.format(variance, digits: 15)) at γ = \(Value.format(g, digits: 12))"
            + (g > 0 ? "" : "; γ ≤ 0"))
      }
    }
  }

  /// E[X²] − E[X]² for X = γ(A + B_1 + … + B_k), given γ², from the structure's definition: each
  /// summand is a sign s_i = ±1 scaled by √Var, A and an independent branch are fair signs, and a
  /// branch with correlation ρ to A agrees with A's sign with probability (1 + ρ)/2. The 2^(k+1)
  /// sign outcomes are enumerated in exact rationals, so E[s_i s_j] is summed, not assumed; a cross
  /// term with a nonzero E[s_i s_j] has unit variances on both sides (the structure's rule), so
  /// √(v_i v_j) = 1. The variance equation γ was solved from is not used.
  static func exactVariance(
    gammaSquared g2: Rational,
    structure: ResidualStructure = .base
  ) -> Rational {
    let variances = [Rational.one] + structure.branches.map(\.variance)
    let correlations = [Rational.zero] + structure.branches.map(\.correlation)
    let n = variances.count
    var pairMoment = [[Rational]](repeating: [Rational](repeating: .zero, count: n), count: n)
    var meanSign = [Rational](repeating: .zero, count: n)
    for outcome in 0..<(1 << n) {
      let sign = (0..<n).map { (outcome >> $0) & 1 == 1 ? 1 : -1 }
      var p = Rational(1, 2)  // A's sign
      for i in 1..<n {
        p =
          p
          * (correlations[i].isZero
            ? Rational(1, 2)
            : (sign[i] == sign[0]
              ? (Rational.one + correlations[i]) / Rational(2)
              : (Rational.one - correlations[i]) / Rational(2)))
      }
      for i in 0..<n {
        meanSign[i] += p * Rational(sign[i])
        for j in 0..<n { pairMoment[i][j] += p * Rational(sign[i] * sign[j]) }
      }
    }
    var meanSquare = Rational.zero
    for i in 0..<n {
      for j in 0..<n {
        guard !pairMoment[i][j].isZero else { continue }
        precondition(
          i == j || (variances[i] == .one && variances[j] == .one),
          "correlated summands have unit variance: \(variances[i]), \(variances[j])")
        meanSquare += pairMoment[i][j] * (i == j ? variances[i] : .one)
      }
    }
    precondition(meanSign.allSatisfy(\.isZero), "the signs are fair: \(meanSign)")
    return g2 * meanSquare
  }

  /// A decimal x with d decimals against the exact variance: whether Var γ(A + B + …) reaches 1 for
  /// some |γ| within x's rounding h = max(½·10⁻ᵈ, |x|·2⁻⁵²) (a decimal of 16 or more digits is a
  /// double's printout, whose rounding is one ulp), and x's significant digits. The variance
  /// grows with |γ|, so it reaches 1 exactly when Var(|x| − h) ≤ 1 ≤ Var(|x| + h).
  static func roundingJudgement(
    _ x: Rational, decimals d: Int,
    structure: ResidualStructure = .base
  )
    -> (crosses: Bool, significant: Int, half: Rational, low: Rational, high: Rational)
  {
    let size = x.isNegative ? -x : x
    let half = Swift.max(Rational(1, 2) / Rational(10).power(d), size / Rational(1 << 52))
    let low =
      size > half
      ? exactVariance(gammaSquared: (size - half) * (size - half), structure: structure) : .zero
    let high = exactVariance(gammaSquared: (size + half) * (size + half), structure: structure)
    let significant = size.isZero ? 0 : d + Int(floor(log10(size.doubleValue))) + 1
    return (low <= .one && high >= .one, significant, half, low, high)
  }

  /// The decimals of a rational whose denominator divides a power of ten (0.7071 → 4), nil for
  /// other numbers (1/3, 1/√2): how a `--param` decimal states its rounding.
  static func decimals(_ g: Surd) -> Int? {
    guard g.radicand == 1, !g.coefficient.isInteger else { return nil }
    var d = 0
    var scaled = g.coefficient
    while !scaled.isInteger && d < 40 {
      scaled = scaled * Rational(10)
      d += 1
    }
    return scaled.isInteger ? d : nil
  }

  static func varianceCheck(
    gamma: Double, distribution d: StandardDistribution,
    structure: ResidualStructure = .base
  ) -> Check {
    momentCheck(
      id: "variance-monte-carlo", statement: "Var[γ(\(structure.sumText))] = 1",
      gamma: gamma, d, test: varianceTest, what: "variance",
      note: " (SE from the 4th moment)", structure: structure)
  }

  /// A z-test of one moment of S = γ(A + B) over `trials` independent pairs.
  static func momentCheck(
    id: String, statement: String, gamma: Double, _ d: StandardDistribution,
    test: @escaping @Sendable (Moments) -> ZTest, what: String,
    note: String, structure: ResidualStructure = .base
  ) -> Check {
    let premise =
      structure == .base
      ? "independent \(d.rawValue) A, B with mean 0, variance 1"
      : "\(d.rawValue) draws, A of mean 0 and variance 1, \(structure.premiseText)"
    return Check(
      id: "\(id)-\(d.rawValue)", kind: .monteCarlo,
      summary: "\(statement) for \(premise)",
      params: [("gamma", .real(gamma)), ("distribution", .text(d.rawValue))]
    ) { context in
      let (m, prefixes) = runningMoments(
        gamma: gamma, distribution: d, pairs: context.trials,
        stream: context.random, structure: structure)
      let t = test(m)
      // The estimate as the sample grows, for the report's convergence plot.
      let running = prefixes.map(test)
      return Measurement(
        status: t.passes ? .pass : .fail, expected: .real(t.hypothesis),
        measured: .real(t.estimate),
        standardError: t.standardError, test: t, tolerance: zTolerance(t),
        detail: "n = \(m.count) pairs, \(what) \(Value.format(t.estimate)) ± "
          + "\(Value.format(t.standardError))\(note), z = \(Value.format(t.z, digits: 3))",
        series: [
          "pairs": prefixes.map { Double($0.count) }, "estimate": running.map(\.estimate),
          "standard_error": running.map(\.standardError),
        ])
    }
  }

  static func sweepCheck(gamma: Double, structure: ResidualStructure = .base) -> Check {
    Check(
      id: "gamma-sweep", kind: .monteCarlo,
      summary: "Var[γ(\(structure.sumText))] on γ = 0.40…1.20 crosses 1 only at the answer",
      params: [("gamma", .real(gamma)), ("grid", .text("0.40:0.05:1.20"))]
    ) { context in
      // Each grid point is a full estimate; capped so that the sweep costs at most 17·10⁶ pairs.
      let pairs = min(context.trials, 1_000_000)
      let s = sweep(
        candidate: gamma, pairsPerPoint: pairs, stream: context.random,
        structure: structure)
      let ok = s.crossingTest.passes && s.contradictions.isEmpty
      var detail =
        "fitted crossing γ̂ = \(Value.format(s.crossing)) ± "
        + "\(Value.format(s.crossingError)) against \(Value.format(abs(gamma))); "
        + "z = \(Value.format(s.crossingTest.z, digits: 3)) for the pooled "
        + "Var(\(structure.sumText))·γ² "
        + "(χ² with \(sweepGrid.count * (pairs - 1)) degrees of freedom, Wilson–Hilferty), "
        + "\(pairs) pairs per point"
      if !s.contradictions.isEmpty {
        detail +=
          "; variance significantly on the wrong side of 1 at γ = "
          + s.contradictions.map { Value.format($0, digits: 3) }.joined(separator: ", ")
      }
      return Measurement(
        status: ok ? .pass : .fail, expected: .real(abs(gamma)), measured: .real(s.crossing),
        standardError: s.crossingError, test: s.crossingTest, tolerance: zTolerance(s.crossingTest),
        detail: detail,
        series: ["gamma": s.gammas, "variance": s.variances, "variance_se": s.errors])
    }
  }

  static func zTolerance(_ test: ZTest) -> Tolerance {
    let reference = test.degreesOfFreedom.map { " (Student's t, \($0) degrees of freedom)" } ?? ""
    return Tolerance(
      .zScore, test.limit,
      reason: limitText(test)
        + "\(reference): two-sided false alarm "
        + "\(Value.format(test.falseAlarmProbability, digits: 2)) per check")
  }

  /// "|t| ≤ c", or "−c₁ ≤ t ≤ c₂ (skew-adjusted, κ = …)" for an asymmetric test.
  static func limitText(_ test: ZTest) -> String {
    let name = test.statisticName
    if test.lowerLimit == test.limit {
      return "|\(name)| ≤ \(Value.format(test.limit, digits: 4))"
    }
    return "−\(Value.format(test.lowerLimit, digits: 4)) ≤ \(name) ≤ "
      + "\(Value.format(test.limit, digits: 4)) (skew-adjusted, κ = "
      + "\(Value.format(test.skewness, digits: 3)))"
  }
}
