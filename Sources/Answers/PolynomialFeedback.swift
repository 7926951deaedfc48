import Algebra

/// What differs between a polynomial answer and the verified one, in words a student can act on.
public enum PolynomialFeedback {
  /// Reads an answer that must be one polynomial (no relation, one part).
  /// - Complexity: `AnswerParser.parse(_:)` (O(n) for n characters), then one
  ///   `AnswerReading.polynomial(_:symbols:text:)` reading, bounded as there.
  public static func read(_ text: String, symbols: SymbolTable) throws(AnswerSyntaxError)
    -> Polynomial
  {
    let parts = try AnswerParser.parse(text)
    guard parts.parts.count == 1, parts.parts[0].conjuncts.count == 1,
      parts.parts[0].conjuncts[0].relations.isEmpty
    else {
      throw AnswerSyntaxError("expected one count, not a condition or a list", offset: 0, in: text)
    }
    return try AnswerReading.polynomial(
      parts.parts[0].conjuncts[0].operands[0], symbols: symbols,
      text: text)
  }

  /// The factor f with answer·f = expected when there is one (both monomials in the symbols):
  /// the factors the answer lacks (positive powers) and those it has in excess (negative).
  public static func factor(from answer: Polynomial, to expected: Polynomial)
    -> (coefficient: Rational, missing: Monomial, extra: Monomial)?
  {
    guard let (ma, ca) = answer.sortedTerms.first, let (me, ce) = expected.sortedTerms.first,
      !ca.isZero
    else { return nil }
    var missing: [String: Int] = [:]
    var extra: [String: Int] = [:]
    for s in Set(ma.powers.keys).union(me.powers.keys) {
      let d = me.exponent(of: s) - ma.exponent(of: s)
      if d > 0 { missing[s] = d } else if d < 0 { extra[s] = -d }
    }
    let c = ce / ca
    let m = Monomial(missing)
    let x = Monomial(extra)
    // answer · c · m = expected · x, checked on every term.
    let left = answer * Polynomial(c) * Polynomial(monomial: m)
    let right = expected * Polynomial(monomial: x)
    guard left == right else { return nil }
    return (c, m, x)
  }

  /// Sentences saying how `answer` differs from `expected` (which it does), in a count of
  /// `what` ("multiplies"): a missing or extra factor when the two differ by one, and always a
  /// point where they differ with both values.
  public static func describe(
    answer: Polynomial, expected: Polynomial, what: String,
    point preferred: [String: Int]? = nil
  ) -> (sentences: [String], point: [String: Int]?) {
    var out: [String] = []
    if let f = factor(from: answer, to: expected),
      f.missing != .one || f.extra != .one || f.coefficient != .one
    {
      var pieces: [String] = []
      let coefficient = f.coefficient
      if f.missing != .one || coefficient.numerator.magnitude > 1 {
        let factorText =
          (coefficient.numerator.magnitude > 1 ? "\(coefficient.numerator.magnitude)" : "")
          + (coefficient.numerator.magnitude > 1 && f.missing != .one ? "·" : "")
          + (f.missing != .one ? Polynomial(monomial: f.missing).description : "")
        pieces.append("lacks the factor \(factorText)")
      }
      if f.extra != .one || coefficient.denominator > 1 {
        let factorText =
          (coefficient.denominator > 1 ? "\(coefficient.denominator)" : "")
          + (coefficient.denominator > 1 && f.extra != .one ? "·" : "")
          + (f.extra != .one ? Polynomial(monomial: f.extra).description : "")
        pieces.append("has an extra factor \(factorText)")
      }
      if coefficient.isNegative { pieces.append("has the wrong sign") }
      out.append("The count is off by a factor: it " + pieces.joined(separator: " and ") + ".")
    }
    let (_, found) = answer.compare(to: expected)
    let point =
      preferred.flatMap { p -> [String: Int]? in
        let r = p.mapValues { Rational($0) }
        return answer.evaluate(r) != expected.evaluate(r) ? p : nil
      } ?? found
    if let point {
      let r = point.mapValues { Rational($0) }
      let shown = point.filter { answer.symbols.union(expected.symbols).contains($0.key) }
      out.append(
        "At \(describe(shown)) the answer gives \(answer.evaluate(r).map(\.description) ?? "?") "
          + "\(what) and the verified count is \(expected.evaluate(r).map(\.description) ?? "?").")
    }
    return (out, point)
  }

  /// `B = 1, X = 2, ΔX = 3`.
  public static func describe(_ point: [String: Int]) -> String {
    point.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }.joined(separator: ", ")
  }
}

extension Polynomial {
  /// The polynomial with one term, coefficient 1.
  public init(monomial: Monomial) {
    self = Polynomial(1)
    for f in monomial.factors { self = self * Polynomial.symbol(f.symbol).power(f.exponent) }
  }
}
