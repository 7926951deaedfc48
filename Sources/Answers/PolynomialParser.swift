import Algebra

/// Reads a polynomial or a one-symbol inequality as the problem set prints them:
/// `BXY \Delta X \Delta Y N_{\text{out}} N_{\text{in}}`, `2NN_{\text{bottle}}(L-1)`, `N^2(L-1)`,
/// `N_{\text{bottle}} < N/2`. Juxtaposed letters are separate symbols (BXY = B·X·Y); a subscript
/// binds to the letter before it (NN_b = N·N_b); Δ binds to the letter after it.
///
/// With a closed `SymbolTable` the same reader takes answers as people type them (`Nb`, `dX`).
public enum PolynomialParser {
  /// Parses a polynomial.
  /// - Complexity: `AnswerParser.expression(_:)` (O(n) for n characters), then one
  ///   `AnswerReading.polynomial(_:symbols:text:)` reading, bounded as there.
  public static func polynomial(_ text: String, symbols: SymbolTable = .open)
    throws(AnswerSyntaxError) -> Polynomial
  {
    try AnswerReading.polynomial(try AnswerParser.expression(text), symbols: symbols, text: text)
  }

  /// Parses `symbol relation bound` (the symbol alone on the left).
  /// - Complexity: as `polynomial(_:symbols:)`, for each side.
  public static func inequality(_ text: String, symbols: SymbolTable = .open)
    throws(AnswerSyntaxError) -> LinearInequality
  {
    let parts = try AnswerParser.parse(text)
    guard parts.parts.count == 1, parts.parts[0].conjuncts.count == 1,
      parts.parts[0].conjuncts[0].relations.count == 1
    else {
      throw AnswerSyntaxError("expected one inequality such as N_bottle < N/2", offset: 0, in: text)
    }
    let chain = parts.parts[0].conjuncts[0]
    let c = try AnswerReading.comparisons(chain, symbols: symbols, text: text)[0]
    guard c.lhs.terms.count == 1, let (m, k) = c.lhs.terms.first, k == .one, m.factors.count == 1,
      m.factors[0].exponent == 1
    else {
      throw AnswerSyntaxError(
        "expected a single symbol on the left of the inequality",
        offset: chain.operands[0].offset, in: text)
    }
    return LinearInequality(symbol: m.factors[0].symbol, relation: c.relation, bound: c.rhs)
  }
}
