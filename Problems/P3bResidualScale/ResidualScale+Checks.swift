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
    checks.append(momentsCheck())
    checks.append(forwardReferenceCheck(gamma: gamma))
    checks.append(networkUnitVarianceCheck(gamma: gamma, shape: network))
    return checks
  }

  /// γ substituted into the variance equation 2γ² − 1 = 0, exactly when γ is exact, and γ > 0.
  static func symbolicCheck(_ candidate: ScalarValue) -> Check {
    Check(id: "gamma-solves-variance-equation", kind: .symbolic,
          summary: "γ substituted into 2γ² − 1 = 0, with the sign condition γ > 0",
          params: [("gamma", .text(candidate.description))]) { _ in
      let (equation, _, _) = try solveGamma()  // the equation, to substitute γ into
      switch candidate {
      case .exact(let g):
        // γ² is rational for a surd γ, so a·γ² + b·γ + c is a rational plus a surd: exact.
        let k = equation.coefficients(in: "γ").mapValues { $0.constantValue ?? .zero }
        let square = g * g
        let residual = QuadraticNumber(
          rational: (k[2] ?? .zero) * square.coefficient * Rational(square.radicand)
            + (k[0] ?? .zero),
          surd: Surd(k[1] ?? .zero) * g)
        let zero = residual.rational.isZero && residual.surd.coefficient.isZero
        let ok = zero && g.isPositive
        return Measurement(
          status: ok ? .pass : .fail, expected: .text("0 with γ > 0"),
          measured: .text("\(residual) with γ = \(g)"), tolerance: .exact,
          detail: zero
            ? (g.isPositive ? "\(equation) = 0 exactly at γ = \(g), and γ > 0"
               : "\(equation) = 0 at γ = \(g), but γ ≤ 0 flips the residual stream")
            : "\(equation) = \(residual) at γ = \(g), not 0")
      case .approximate(let g):
        let value = equation.coefficients(in: "γ").reduce(0.0) { sum, term in
          sum + (term.value.constantValue?.doubleValue ?? .nan) * pow(g, Double(term.key))
        }
        // One rounding in g (≤ 1.1e-16 relative) moves 2g² − 1 by at most ~4.4e-16 near g = 0.707.
        let ok = abs(value) <= 1e-12 && g > 0
        return Measurement(
          status: ok ? .pass : .fail, expected: .real(0), measured: .real(value),
          tolerance: Tolerance(.absolute, 1e-12,
                               reason: "γ given in floating point: rounding moves 2γ² − 1 by ~4e-16"),
          detail: "2·\(Value.format(g, digits: 12))² − 1 = \(Value.format(value))"
            + (g > 0 ? "" : "; γ ≤ 0"))
      }
    }
  }

  static func varianceCheck(gamma: Double, distribution d: StandardDistribution) -> Check {
    momentCheck(id: "variance-monte-carlo", statement: "Var[γ(A + B)] = 1", gamma: gamma, d,
                test: varianceTest, what: "variance", note: " (SE from the 4th moment)")
  }

  /// A z-test of one moment of S = γ(A + B) over `trials` independent pairs.
  static func momentCheck(id: String, statement: String, gamma: Double, _ d: StandardDistribution,
                          test: @escaping @Sendable (Moments) -> ZTest, what: String,
                          note: String) -> Check {
    Check(id: "\(id)-\(d.rawValue)", kind: .monteCarlo,
          summary: "\(statement) for independent \(d.rawValue) A, B with mean 0, variance 1",
          params: [("gamma", .real(gamma)), ("distribution", .text(d.rawValue))]) { context in
      let (m, prefixes) = runningMoments(gamma: gamma, distribution: d, pairs: context.trials,
                                         stream: context.random)
      let t = test(m)
      // The estimate as the sample grows, for the report's convergence plot.
      let running = prefixes.map(test)
      return Measurement(
        status: t.passes ? .pass : .fail, expected: .real(t.hypothesis), measured: .real(t.estimate),
        standardError: t.standardError, test: t, tolerance: zTolerance(t),
        detail: "n = \(m.count) pairs, \(what) \(Value.format(t.estimate)) ± "
          + "\(Value.format(t.standardError))\(note), z = \(Value.format(t.z, digits: 3))",
        series: ["pairs": prefixes.map { Double($0.count) }, "estimate": running.map(\.estimate),
                 "standard_error": running.map(\.standardError)])
    }
  }

  static func sweepCheck(gamma: Double) -> Check {
    Check(id: "gamma-sweep", kind: .monteCarlo,
          summary: "Var[γ(A + B)] on γ = 0.40…1.20 crosses 1 only at the answer",
          params: [("gamma", .real(gamma)), ("grid", .text("0.40:0.05:1.20"))]) { context in
      // Each grid point is a full estimate; capped so that the sweep costs at most 17·10⁶ pairs.
      let pairs = min(context.trials, 1_000_000)
      let s = sweep(candidate: gamma, pairsPerPoint: pairs, stream: context.random)
      let ok = s.crossingTest.passes && s.contradictions.isEmpty
      var detail = "fitted crossing γ̂ = \(Value.format(s.crossing)) ± "
        + "\(Value.format(s.crossingError)) (z = \(Value.format(s.crossingTest.z, digits: 3)) "
        + "against \(Value.format(abs(gamma)))), \(pairs) pairs per point"
      if !s.contradictions.isEmpty {
        detail += "; variance significantly on the wrong side of 1 at γ = "
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
    return Tolerance(.zScore, test.limit,
                     reason: "|\(test.statisticName)| ≤ \(Value.format(test.limit, digits: 4))"
                       + "\(reference): two-sided false alarm "
                       + "\(Value.format(test.falseAlarmProbability, digits: 2)) per check")
  }
}
