import Algebra
import IndexNotation
import Verification

extension ResidualScale {
  /// Solves Var(γ(A + B₁ + … + B_k)) = 1 under the structure's premise, symbolically (the
  /// printed problem: one branch, `ResidualStructure.base`).
  static func solveGamma(_ structure: ResidualStructure = .base) throws
    -> (equation: Polynomial, roots: [QuadraticNumber], chosen: Surd)
  {
    let gamma = Polynomial.symbol("γ")
    // Var(γX) = γ² Var X and Var(ΣX_i) = Σ Var X_i + 2 Σ_{i<j} Cov(X_i, X_j).
    let names = structure.names.map { $0.replacingOccurrences(of: "_", with: "") }
    var sum = Polynomial(0)
    for (i, x) in names.enumerated() {
      sum = sum + Polynomial.symbol("Var_\(x)")
      for y in names[(i + 1)...] { sum = sum + Polynomial(2) * Polynomial.symbol("Cov_\(x)\(y)") }
    }
    let variance = gamma.power(2) * sum
    let equation = variance.substituting(structure.premise) - Polynomial(1)
    let roots = try equation.realRoots(in: "γ")
    guard let positive = roots.last(where: \.isPositive), let surd = positive.asSurd else {
      throw SolveError.noRealRoot(equation: equation.description)
    }
    return (equation, roots, surd)
  }

  static func derivation() throws -> Derivation {
    let (equation, roots, chosen) = try solveGamma()
    let rootText = roots.map(\.description).joined(separator: " and ")
    return Derivation(
      steps: [
        DerivationStep(
          "Write A = L_ℓ[n] and B = L̂_ℓ[n]. The premise: E A = E B = 0, Var A = Var B = 1, and "
            + "A, B independent, so Cov(A, B) = 0."),
        DerivationStep(
          "Mean: E[γ(A + B)] = γ(E A + E B) = 0 for every γ, so the mean condition holds for any "
            + "γ and fixes nothing.", latex: "E[\\gamma(A+B)] = \\gamma(E A + E B) = 0"),
        DerivationStep(
          "Variance: Var(γ(A + B)) = γ²(Var A + Var B + 2 Cov(A, B)); under the premise this is "
            + "2γ², so unit variance needs \(equation) = 0.",
          latex:
            "\\gamma^2(\\mathrm{Var}A + \\mathrm{Var}B + 2\\,\\mathrm{Cov}(A,B)) = 2\\gamma^2 = 1"),
        DerivationStep("The real roots are \(rootText); both give unit variance."),
        DerivationStep(
          "γ < 0 would flip the sign of the residual stream at every layer, which no residual "
            + "design intends; psverify takes the positive root, γ = \(chosen) ≈ "
            + "\(Value.format(chosen.doubleValue)).",
          latex: "\\gamma = \(chosen.latex)"),
      ],
      answer: .scalar(.exact(chosen)),
      summary: "γ = \(chosen) = √2/2 ≈ \(Value.format(chosen.doubleValue))",
      alternatives: roots.compactMap { root in
        guard let s = root.asSurd, s != chosen else { return nil }
        return Derivation.Alternative(negativeRootConvention(s), .scalar(.exact(s)))
      })
  }

  static func negativeRootConvention(_ root: Surd) -> String {
    "the negative root γ = \(root): Var γ(A + B) = 2γ² = 1 holds for it too, but γ < 0 flips the "
      + "sign of the residual stream at every block, which no residual design intends"
  }
}
