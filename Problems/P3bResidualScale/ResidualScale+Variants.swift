import Algebra
import Answers
import IndexNotation
import TensorCore
import Verification

/// Problem 3b as a family: k independent branches (γ = 1/√(k + 1)), one branch correlated with
/// the stream (γ = 1/√(2 + 2ρ)), or one branch of variance v (γ = 1/√(1 + v)). Every member's γ
/// comes from `solveGamma(structure)`; nothing here knows an answer.
extension ResidualScaleProblem: ProblemFamily {
  /// Branch counts, correlations and variances a member draws from (never the base's 1, 0, 1).
  static let branchCounts = [2, 3, 4, 5, 7, 8]
  static let correlations = [
    Rational(-1, 2), Rational(-1, 4), Rational(1, 4), Rational(1, 2),
    Rational(3, 4), Rational(1, 3),
  ]
  static let variances = [
    Rational(1, 4), Rational(1, 2), Rational(2), Rational(3), Rational(4),
    Rational(9, 4),
  ]

  public func variant(seed: UInt64) -> Variant {
    guard seed != 0 else {
      return .base(
        self,
        structure: [
          ("branches", "1"), ("branch variance", "1"),
          ("correlation with the stream", "0"),
        ],
        summary: "one independent branch of unit variance")
    }
    var r = Variant.stream(problemID: id, seed: seed)
    let structure: ResidualStructure
    let summary: String
    let kind: String
    var parts: [(name: String, value: String)]
    switch r.nextInt(below: 3) {
    case 0:
      let k = Self.branchCounts[r.nextInt(below: Self.branchCounts.count)]
      structure = ResidualStructure(branches: Array(repeating: .init(), count: k))
      summary = "\(k) independent branches of unit variance"
      kind = "k-branches"
      parts = [
        ("branches", "\(k)"), ("branch variance", "1 each"),
        ("correlation with the stream", "0"),
      ]
    case 1:
      let rho = Self.correlations[r.nextInt(below: Self.correlations.count)]
      structure = ResidualStructure(branches: [.init(variance: 1, correlation: rho)])
      summary = "one branch correlated with the stream, ρ = \(rho)"
      kind = "correlated-branch"
      parts = [
        ("branches", "1"), ("branch variance", "1"), ("correlation with the stream", "\(rho)"),
      ]
    default:
      let v = Self.variances[r.nextInt(below: Self.variances.count)]
      structure = ResidualStructure(branches: [.init(variance: v)])
      summary = "one independent branch of variance \(v)"
      kind = "branch-variance"
      parts = [
        ("branches", "1"), ("branch variance", "\(v)"), ("correlation with the stream", "0"),
      ]
    }
    return Variant(
      problemID: id, seed: seed,
      problem: ResidualScaleVariantProblem(structure: structure, summary: summary),
      structure: parts, summary: summary, kind: kind,
      differsInStructure: structure != .base)
  }
}

extension ResidualScale {
  /// The derivation for a block of `structure`: the variance polynomial of the sum, the premise
  /// substituted, the quadratic solved, the positive root chosen.
  static func derivation(_ structure: ResidualStructure) throws -> Derivation {
    let (equation, roots, chosen) = try solveGamma(structure)
    let sum = structure.sumText
    let names = structure.names
    let varianceTerms = names.map { "Var \($0)" }
    var covarianceTerms: [String] = []
    for (i, x) in names.enumerated() {
      for y in names[(i + 1)...] { covarianceTerms.append("Cov(\(x), \(y))") }
    }
    let rootText = roots.map(\.description).joined(separator: " and ")
    return Derivation(
      steps: [
        DerivationStep(
          "Write A = L_ℓ[n] and \(names.dropFirst().joined(separator: ", ")) for the "
            + "branches. The premise: E A = 0, Var A = 1; \(structure.premiseText)."),
        DerivationStep(
          "Mean: E[γ(\(sum))] = γ·(sum of the means) = 0 for every γ, so the mean "
            + "condition fixes nothing."),
        DerivationStep(
          "Variance: Var(γ(\(sum))) = γ²(\(varianceTerms.joined(separator: " + "))"
            + " + 2·(\(covarianceTerms.joined(separator: " + ")))); "
            + "under the premise unit variance "
            + "needs \(equation) = 0."),
        DerivationStep("The real roots are \(rootText); both give unit variance."),
        DerivationStep(
          "γ < 0 would flip the sign of the residual stream at every layer; psverify takes the "
            + "positive root, γ = \(chosen) ≈ \(Value.format(chosen.doubleValue)).",
          latex: "\\gamma = \(chosen.latex)"),
      ],
      answer: .scalar(.exact(chosen)),
      summary: "γ = \(chosen) ≈ \(Value.format(chosen.doubleValue))",
      alternatives: roots.compactMap { root in
        guard let s = root.asSurd, s != chosen else { return nil }
        return Derivation.Alternative(negativeRootConvention(s), .scalar(.exact(s)))
      })
  }

  /// A variant's checks: γ in its variance equation, the variance of γ(A + ΣB_i) sampled with
  /// the structure's branches for each distribution, and the sweep's crossing. (The real
  /// network of the base problem has one branch, so its checks are the base problem's only.)
  public static func variantChecks(candidate: ScalarValue, structure: ResidualStructure) -> [Check]
  {
    let gamma = candidate.doubleValue
    var checks = [symbolicCheck(candidate, structure: structure)]
    for d in StandardDistribution.allCases {
      checks.append(varianceCheck(gamma: gamma, distribution: d, structure: structure))
    }
    checks.append(sweepCheck(gamma: gamma, structure: structure))
    return checks
  }
}
