/// Reads a polynomial or a one-symbol inequality as the problem set prints them:
/// `BXY \Delta X \Delta Y N_{\text{out}} N_{\text{in}}`, `2NN_{\text{bottle}}(L-1)`, `N^2(L-1)`,
/// `N_{\text{bottle}} < N/2`. Juxtaposed letters are separate symbols (BXY = B·X·Y); a subscript
/// binds to the letter before it (NN_b = N·N_b); Δ binds to the letter after it.
public enum PolynomialParser {
  /// Parses a polynomial.
  public static func polynomial(_ text: String) throws(NotationError) -> Polynomial {
    var p = PolynomialReader(text)
    try p.start()
    let value = try p.expression()
    try p.end()
    return value
  }

  /// Parses `symbol relation bound` (the symbol alone on the left).
  public static func inequality(_ text: String) throws(NotationError) -> LinearInequality {
    var p = PolynomialReader(text)
    try p.start()
    let lhs = try p.expression()
    let relation = try p.relation()
    let rhs = try p.expression()
    try p.end()
    guard lhs.terms.count == 1, let (m, c) = lhs.terms.first, c == .one, m.factors.count == 1,
          m.factors[0].exponent == 1 else {
      throw p.error("expected a single symbol on the left of the inequality")
    }
    return LinearInequality(symbol: m.factors[0].symbol, relation: relation, bound: rhs)
  }
}

struct PolynomialReader {
  var parser: Parser

  init(_ text: String) { parser = Parser(text) }

  mutating func start() throws(NotationError) { try parser.tokenize() }

  func error(_ message: String) -> NotationError { parser.error(message) }

  mutating func end() throws(NotationError) {
    guard case .end = parser.current.kind else { throw parser.error("expected the end") }
  }

  mutating func relation() throws(NotationError) -> Relation {
    for (c, r) in [("<", Relation.less), (">", .greater), ("≤", .lessOrEqual), ("≥", .greaterOrEqual)]
    where parser.accept(Character(c)) {
      return r
    }
    throw parser.error("expected <, >, ≤ or ≥")
  }

  mutating func expression() throws(NotationError) -> Polynomial {
    try parser.enter()
    defer { parser.depth -= 1 }
    var sign = Rational.one
    if parser.accept("-") { sign = -1 } else { _ = parser.accept("+") }
    var total = sign * (try term())
    while true {
      if parser.accept("+") {
        total = total + (try term())
      } else if parser.accept("-") {
        total = total - (try term())
      } else {
        return total
      }
    }
  }

  mutating func term() throws(NotationError) -> Polynomial {
    var product = try power()
    while true {
      if parser.accept("·") {
        product = product * (try power())
      } else if parser.isSymbol("/") {
        parser.advance()
        guard case .number(let n) = parser.current.kind, n != 0 else {
          throw parser.error("expected a non-zero number after '/'")
        }
        parser.advance()
        product = Rational(1, n) * product
      } else if startsAtom {
        product = product * (try power())
      } else {
        return product
      }
    }
  }

  var startsAtom: Bool {
    switch parser.current.kind {
    case .letter, .number, .frac: return true
    case .symbol(let c): return c == "(" || c == "{"
    default: return false
    }
  }

  mutating func power() throws(NotationError) -> Polynomial {
    let base = try atom()
    guard parser.accept("^") else { return base }
    let braced = parser.accept("{")
    guard case .number(let n) = parser.current.kind, n <= 64 else {
      throw parser.error("expected a whole-number exponent up to 64")
    }
    parser.advance()
    if braced { try parser.expect("}") }
    return base.power(n)
  }

  mutating func atom() throws(NotationError) -> Polynomial {
    switch parser.current.kind {
    case .number(let n):
      parser.advance()
      return Polynomial(Rational(n))
    case .frac:
      parser.advance()
      try parser.expect("{")
      let numerator = try expression()
      try parser.expect("}")
      try parser.expect("{")
      let denominator = try expression()
      try parser.expect("}")
      guard let d = denominator.constantValue, !d.isZero else {
        throw parser.error("\\frac needs a constant non-zero denominator here")
      }
      return (Rational.one / d) * numerator
    case .letter(let l):
      parser.advance()
      if parser.accept("_") { return .symbol(l + "_" + (try parser.scriptText())) }
      return .symbol(l)
    case .symbol("("):
      parser.advance()
      let e = try expression()
      try parser.expect(")")
      return e
    case .symbol("{"):
      parser.advance()
      let e = try expression()
      try parser.expect("}")
      return e
    default:
      throw parser.error("expected a number, a symbol or '('")
    }
  }
}
