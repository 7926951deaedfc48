import Algebra
import IndexNotation
import Verification

extension GradientDecay {
  /// The exponent e(ℓ) of γ in ∂loss/∂L_ℓ along the direct path, solved from the recurrence the
  /// stack defines: one block between L_ℓ and L_{ℓ+1} multiplies by γ, so e(ℓ) = e(ℓ + 1) + 1;
  /// the top layer L_{L−1} (L layers counting the input layer L_0) gets e = 0. With the ansatz
  /// e(ℓ) = a + b·ℓ the recurrence fixes b and the top fixes a. A variant that scales only every
  /// m-th block has e(ℓ) = e(ℓ + m) + 1 between the layers ℓ = 0, m, 2m, … (`every`).
  static func solveExponent(every m: Int = 1) throws
    -> (perLayer: Polynomial, parameters: Polynomial)
  {
    let a = Polynomial.symbol("a")
    let b = Polynomial.symbol("b")
    let l = Polynomial.symbol("ℓ")
    let layers = Polynomial.symbol("L")
    let e = a + b * l
    // e(ℓ) − e(ℓ + 1) − 1 = 0 for every ℓ: its constant part fixes b (its ℓ part vanishes).
    let step = e - e.substituting(["ℓ": l + Polynomial(Rational(m))]) - Polynomial(1)
    guard step.degree(in: "ℓ") == 0, let bValue = try step.realRoots(in: "b").first?.asSurd,
      bValue.isRational
    else {
      throw SolveError.notQuadratic(symbol: "b", degree: step.degree(in: "b"))
    }
    let withB = e.substituting(["b": Polynomial(bValue.coefficient)])
    // The top layer's index: L layers 0 … L − 1.
    let top = layers - Polynomial(1)
    let boundary = withB.substituting(["ℓ": top])  // = a − (L − 1), must be 0
    let coefficients = boundary.coefficients(in: "a")
    guard let c1 = coefficients[1]?.constantValue, !c1.isZero else {
      throw SolveError.notQuadratic(symbol: "a", degree: boundary.degree(in: "a"))
    }
    let aValue = (Rational(-1) / c1) * (coefficients[0] ?? Polynomial())
    let perLayer = withB.substituting(["a": aValue])
    // Block ℓ's parameters act through L̂_ℓ, which enters L_{ℓ+1} multiplied by γ.
    let parameters = Polynomial(1) + perLayer.substituting(["ℓ": l + Polynomial(1)])
    return (perLayer, parameters)
  }

  static func derivation() throws -> Derivation {
    let (exponent, parameters) = try solveExponent()
    let bottom = exponent.substituting(["ℓ": Polynomial(0)])
    let second = exponent.substituting(["ℓ": Polynomial(1)])
    return Derivation(
      steps: [
        DerivationStep(
          "Every block maps L_ℓ to L_{ℓ+1} = γ(L_ℓ + L̂_ℓ), so its Jacobian is γ(I + ∂L̂_ℓ/∂L_ℓ): "
            + "the identity (direct) path through one block carries a factor γ."),
        DerivationStep(
          "So the exponent e(ℓ) of γ at L_ℓ satisfies e(ℓ) = e(ℓ + 1) + 1, and the top layer L_{L−1} "
            + "(L layers, counting the input layer L_0) has e = 0. Solving with e(ℓ) = a + b·ℓ gives "
            + "e(ℓ) = \(exponent)."),
        DerivationStep(
          "Block ℓ's parameters act through L̂_ℓ, which enters L_{ℓ+1} multiplied by γ: their exponent "
            + "is 1 + e(ℓ + 1) = \(parameters)."),
        DerivationStep(
          "At the bottom, ℓ = 0: the input layer L_0 and the first block's parameters both get "
            + "γ^(\(bottom)). The factor γ^(\(second)) belongs to L_1 and to the second block."),
      ],
      answer: .power(base: "γ", exponent: bottom),
      summary:
        "γ^(\(exponent)) at layer ℓ and for block ℓ's parameters; γ^(\(bottom)) at the bottom",
      alternatives: [
        Derivation.Alternative(
          "per layer: the factor at L_ℓ", .power(base: "γ", exponent: exponent)),
        Derivation.Alternative(
          blocksConvention,
          .power(base: "γ", exponent: bottom.substituting(["L": .symbol("L") + Polynomial(1)]))),
      ])
  }

  static let blocksConvention =
    "L counting the residual blocks (problem 3a counts the input layer "
    + "among the L layers, so there the bottom gets γ^(L − 1))"
}
