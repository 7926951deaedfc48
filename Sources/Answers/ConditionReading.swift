import Algebra

/// Reads a condition as people write it (`Nb < N/2`, `2*N_b < N`, `N > 2 N_bottle`,
/// `N_b/N < 1/2`, `L >= 2`) and solves each comparison for one of the given symbols, under the
/// assumption that every symbol is positive, so that equivalent forms compare equal.
public enum ConditionReading {
  /// Solves `lhs R rhs` for `symbol`: the symbol alone on the left, the bound a polynomial.
  /// - Throws: `InequalityError` when the comparison is not linear in the symbol or the sign of
  ///   its coefficient is not fixed by positivity.
  /// - Complexity: O(t·f) for a difference of t terms of at most f factors, as
  ///   `Polynomial.solvePositive(in:positive:)`.
  public static func solve(_ c: AnswerReading.Comparison, for symbol: String, positive: Set<String>)
    throws -> LinearInequality
  {
    // lhs < rhs ⟺ rhs − lhs > 0; lhs > rhs ⟺ lhs − rhs > 0 (strictness kept aside).
    let greater = c.relation == .greater || c.relation == .greaterOrEqual
    let strict = c.relation == .less || c.relation == .greater
    let difference = greater ? c.lhs - c.rhs : c.rhs - c.lhs
    let solved = try difference.solvePositive(in: symbol, positive: positive)
    let relation: Relation =
      switch (solved.relation, strict) {
      case (.greater, true): .greater
      case (.greater, false): .greaterOrEqual
      case (_, true): .less
      case (_, false): .lessOrEqual
      }
    return LinearInequality(
      symbol: symbol, relation: relation, bound: solved.bound,
      dividedFactor: solved.dividedFactor)
  }

  /// The most comparisons one part may hold (chains and conjuncts together): a condition of the
  /// course's questions has two or three, and every comparison costs a region evaluation per
  /// point when it is graded.
  public static let maximumComparisons = 64

  /// Every comparison of a part (a chain `a < b ≤ c` gives two), with divisions by a positive
  /// monomial multiplied out (`N_b/N < 1/2` → `N_b < N/2`).
  /// - Throws: `AnswerSyntaxError` at the first operand past `maximumComparisons`.
  /// - Complexity: O(k) polynomial products for a chain of k comparisons (prefix and suffix
  ///   products of the denominators).
  public static func comparisons(_ part: AnswerParts.Part, symbols: SymbolTable, text: String)
    throws(AnswerSyntaxError) -> [AnswerReading.Comparison]
  {
    var out: [AnswerReading.Comparison] = []
    var total = 0
    for chain in part.conjuncts {
      if total + chain.relations.count > maximumComparisons {
        let k = maximumComparisons - total + 1
        let offset = k < chain.operands.count ? chain.operands[k].offset : part.offset
        throw AnswerSyntaxError(
          "a condition of \(total + chain.relations.count) comparisons; psverify reads up to "
            + "\(maximumComparisons) in one part", offset: offset, in: text)
      }
      total += chain.relations.count
      // Operand k is x_k / d_k; multiplying every operand by the positive Π d_j keeps each
      // relation: operand k becomes x_k · Π_{j≠k} d_j = x_k · (Π_{j<k} d_j) · (Π_{j>k} d_j).
      var numerators: [Polynomial] = []
      var denominators: [Polynomial] = []
      for e in chain.operands {
        let (x, d) = clearDenominator(e)
        numerators.append(try AnswerReading.polynomial(x, symbols: symbols, text: text))
        var denominator = Polynomial(1)
        if let d { denominator = try AnswerReading.polynomial(d, symbols: symbols, text: text) }
        denominators.append(denominator)
      }
      let one = Polynomial(1)
      var before = [one]
      var after = [one]
      for d in denominators.dropLast() { before.append(d == one ? before.last! : before.last! * d) }
      for d in denominators.dropFirst().reversed() {
        after.append(d == one ? after.last! : after.last! * d)
      }
      after.reverse()
      let sides = numerators.indices.map { k in
        let other = before[k] == one ? after[k] : after[k] == one ? before[k] : before[k] * after[k]
        return other == one ? numerators[k] : numerators[k] * other
      }
      for (k, relation) in chain.relations.enumerated() {
        out.append(AnswerReading.Comparison(lhs: sides[k], relation: relation, rhs: sides[k + 1]))
      }
    }
    return out
  }

  /// `x / d` with `d` a product of symbols (no numbers): (x, d); anything else: (e, nil).
  static func clearDenominator(_ e: AnswerExpression) -> (AnswerExpression, AnswerExpression?) {
    if case .divide(let x, let d, _) = e, isSymbolProduct(d) { return (x, d) }
    return (e, nil)
  }

  static func isSymbolProduct(_ e: AnswerExpression) -> Bool {
    switch e {
    case .identifier: true
    case .multiply(let a, let b): isSymbolProduct(a) && isSymbolProduct(b)
    default: false
    }
  }
}
