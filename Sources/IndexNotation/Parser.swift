import Algebra

/// Reads an equation of the course's index notation, in the Unicode or the LaTeX spelling.
///
/// ```
/// equation := reference '=' expression
/// expression := ['−'] term (('+' | '−') term)*
/// term := factor+                       (juxtaposition is a product)
/// factor := number | \frac{…}{…} | σ(…) | ReLU(…) | (…) | Σ_{indices} term | name [ '[' indices ']' ]
/// index := ['−'] atom+ (('+' | '−') atom+)*   (2x, s·x, ΔX, n_out)
/// ```
public struct Parser {
  let source: String
  var tokens: [Token] = []
  var index = 0
  var depth = 0
  /// The tensors read as positions (`w[b,t]` in `E[w[b,t],i]`) since the enclosing position
  /// began; `indexExpressions` moves them into the position it returns.
  var gatheredReferences: [TensorReference] = []
  /// Index names that act as coefficients (the stride s), not as index variables; once the
  /// source is read, with the letters it raises to a power inside brackets.
  var parameters: Set<String>
  /// Non-fatal findings made while reading (a probable missing comma).
  public internal(set) var diagnostics: [Diagnostic] = []
  /// The first letters of index terms read side by side, as many as the missing-comma diagnostics.
  var adjacentLeads: [AdjacentLead] = []
  /// The index letters of the equation's left side, once it is read (never a dilation).
  var leftIndices: Set<String> = []

  static let maximumDepth = 200
  /// Named functions read as `name(…)` besides σ and ReLU.
  static let functions: Set<String> = [
    "tanh", "exp", "log", "ln", "softmax", "sigmoid", "sin", "cos",
    "max", "min", "sqrt",
  ]
  /// Diagnostics kept per equation: each carries an excerpt of its line, so an unbounded number
  /// would make a long hostile line quadratic.
  public static let maximumDiagnostics = 100

  /// Typed-answer spellings (`sigma`, `dX`, `l` for ℓ) are read when `aliases` is true.
  let aliases: Bool

  /// The letters read as coefficients when no other are given: the stride `s`.
  public static let defaultParameters: Set<String> = ["s"]

  /// A parser of `source`; `parameters` are the index names read as coefficients (the stride
  /// `s`), and `aliases` admits the typed-answer spellings (`sigma`, `dX`, `l` for ℓ).
  public init(
    _ source: String, parameters: Set<String> = Parser.defaultParameters, aliases: Bool = false
  ) {
    self.source = source
    self.parameters = parameters
    self.aliases = aliases
  }

  /// Parses an equation `LHS = RHS` once, with the given coefficient letters.
  /// - Throws: `NotationError` with a syntax diagnostic at the first unreadable token.
  mutating func parseEquationOnce() throws(NotationError) -> Equation {
    try tokenize()
    let lhs = try reference()
    leftIndices = Set(lhs.indices.flatMap(\.variables).map(\.name))
    try expect("=")
    let rhs = try expression()
    guard case .end = current.kind else { throw error("expected the end of the equation") }
    return Equation(lhs: lhs, rhs: rhs, source: source)
  }

  /// The name given to the left side of an equation whose left side is an expression.
  public static let expressionSide = "∗"

  /// `w[K] w[K] = (1 − ηκ)² v[K]`: an equation whose left side is an expression of tensors (a
  /// squared norm, a product), read with an index-free left side named `expressionSide`, so
  /// that the right side is checked as a scalar's.
  public mutating func parseExpressionEquation() throws(NotationError) -> Equation {
    try tokenize()
    let start = current.position
    let left = try expression()
    guard !left.references.isEmpty else {
      throw error("expected a tensor on the left", at: tokens[0])
    }
    try expect("=")
    let rhs = try expression()
    guard case .end = current.kind else { throw error("expected the end of the equation") }
    // The left side's lowercase indices are the equation's free indices; both sides become one
    // right side, left − right, so that every reference is read and checked.
    var free: [IndexVariable] = []
    for ref in left.references {
      for v in ref.indices.flatMap(\.variables) where !v.isCapital && !free.contains(v) {
        free.append(v)
      }
    }
    // A capital the left side leaves unsummed (`W[J,I] v[I] = u[J]`: the vector over J) is an
    // axis of both sides, as a lowercase one would be.
    var unsummed: [Diagnostic] = []
    Checker.walk(left, lhsCapitals: [], source: source, thresholds: [], into: &unsummed)
    for d in unsummed where d.kind == .unsummedCapital {
      if let name = d.index, !free.contains(IndexVariable(name)) {
        free.append(IndexVariable(name))
      }
    }
    let indices = free.map {
      IndexExpression(terms: [.init(coefficient: 1, parameters: [], variable: $0)], position: start)
    }
    let name = TensorName(base: Parser.expressionSide)
    return Equation(
      lhs: TensorReference(name: name, indices: indices, position: start),
      rhs: .sum([(1, left), (-1, rhs)]), source: source)
  }

  /// Parses an expression without `=` (a product of tensors, a tensor reference, a scalar).
  public mutating func parseExpression() throws(NotationError) -> Expression {
    try tokenize()
    let e = try expression()
    guard case .end = current.kind else { throw error("expected the end of the expression") }
    return e
  }

  /// Parses a tensor name alone (`L_{\ell}`, `W_ℓ^{b,1}`), as `--shape` gives it.
  public mutating func parseTensorName() throws(NotationError) -> TensorName {
    try tokenize()
    let name = try tensorName()
    guard case .end = current.kind else { throw error("expected the end of the tensor name") }
    return name
  }

  mutating func tokenize() throws(NotationError) {
    var lexer = Lexer(source, aliases: aliases)
    do {
      tokens = try lexer.tokens()
      parameters.formUnion(poweredIndexLetters())
    } catch {
      throw NotationError(
        diagnostic: Diagnostic(
          .syntax, error.message, at: error.position,
          source: source))
    }
  }

  var current: Token { tokens[index] }
  mutating func advance() { if index < tokens.count - 1 { index += 1 } }

  func error(_ message: String, at token: Token? = nil) -> NotationError {
    let t = token ?? current
    let found: String
    switch t.kind {
    case .end: found = "the end of the input"
    case .letter(let s), .word(let s): found = "'\(s)'"
    case .number(let n): found = "'\(n)'"
    case .decimal(let r): found = "'\(r)'"
    case .symbol(let c): found = "'\(c)'"
    case .sum: found = "Σ"
    case .frac: found = "\\frac"
    case .decoration: found = "a decoration"
    }
    return NotationError(
      diagnostic: Diagnostic(
        .syntax, "\(message), found \(found)",
        at: t.position, source: source))
  }

  func isSymbol(_ c: Character) -> Bool {
    if case .symbol(c) = current.kind { return true }
    return false
  }

  mutating func accept(_ c: Character) -> Bool {
    if isSymbol(c) {
      advance()
      return true
    }
    return false
  }

  mutating func expect(_ c: Character) throws(NotationError) {
    guard accept(c) else { throw error("expected '\(c)'") }
  }

  mutating func enter() throws(NotationError) {
    depth += 1
    if depth > Parser.maximumDepth {
      throw error("nesting deeper than \(Parser.maximumDepth) levels")
    }
  }

  // MARK: Expressions

  mutating func expression() throws(NotationError) -> Expression {
    try enter()
    defer { depth -= 1 }
    var terms: [(sign: Int, term: Expression)] = []
    var sign = 1
    if accept("-") { sign = -1 } else { _ = accept("+") }
    terms.append((sign, try term()))
    while true {
      if accept("+") {
        terms.append((1, try term()))
      } else if accept("-") {
        terms.append((-1, try term()))
      } else {
        break
      }
    }
    return terms.count == 1 && terms[0].sign == 1 ? terms[0].term : .sum(terms)
  }

  /// Whether every token has been read.
  public var atEnd: Bool { current.kind == .end }

  /// Skips a power written after a factor (`h[b,t,J]^2`, `(1 − z)^{2}`): the indices of a
  /// power are those of its base, which is all the checks read.
  mutating func skipPower() {
    while isSymbol("^") {
      advance()
      if accept("{") {
        var nesting = 0
        while current.kind != .end {
          if isSymbol("{") { nesting += 1 }
          if isSymbol("}") {
            if nesting == 0 { break }
            nesting -= 1
          }
          advance()
        }
        _ = accept("}")
      } else if current.kind != .end {
        advance()
      }
    }
  }

  mutating func term() throws(NotationError) -> Expression {
    var factors: [Expression] = [try factor()]
    skipPower()
    while true {
      if accept("·") {
        factors.append(try factor())
        skipPower()
      } else if isSymbol("/") {
        let slash = current
        advance()
        guard case .number(let n) = current.kind else {
          // `/\sqrt{D}`, `/N`, `/(1 − β)`: a scalar factor, its reciprocal.
          guard startsFactor else {
            throw error("expected a number or a factor after '/'", at: slash)
          }
          // A scalar divisor multiplies nothing the counts or the index checks read.
          let divisor = try factor()
          if !divisor.references.isEmpty {
            factors.append(.function("1/", divisor, slash.position))
          }
          skipPower()
          continue
        }
        guard n != 0 else { throw error("expected a non-zero number after '/'", at: slash) }
        let p = current.position
        advance()
        // `1/4 (…)`: the quotient of two numbers is one number, not a second multiply.
        if case .number(let r, let q)? = factors.last {
          factors[factors.count - 1] = .number(r / Rational(n), q)
        } else {
          factors.append(.number(Rational(1, n), p))
        }
      } else if startsFactor {
        factors.append(try factor())
        skipPower()
      } else {
        break
      }
    }
    return factors.count == 1 ? factors[0] : .product(factors)
  }

  var startsFactor: Bool {
    switch current.kind {
    case .letter, .number, .decimal, .sum, .frac, .decoration, .word: return true
    case .symbol(let c): return c == "(" || c == "{"
    case .end: return false
    }
  }

  mutating func factor() throws(NotationError) -> Expression {
    try enter()
    defer { depth -= 1 }
    let start = current
    switch current.kind {
    case .number(let n):
      advance()
      return .number(Rational(n), start.position)
    case .decimal(let r):
      advance()
      return .number(r, start.position)
    case .frac:
      advance()
      let numerator = try group()
      let denominator = try group()
      if let p = Parser.constant(numerator), let q = Parser.constant(denominator) {
        guard !q.isZero else { throw error("\\frac with a zero denominator", at: start) }
        return .number(p / q, start.position)
      }
      // \frac{1}{T}, \frac{∂ℒ}{∂W[i,j]}: the numerator times the reciprocal of the denominator.
      let reciprocal = Expression.function("1/", denominator, start.position)
      if let p = Parser.constant(numerator), p == .one { return reciprocal }
      return .product([numerator, reciprocal])
    case .sum:
      advance()
      var variables: [IndexVariable] = []
      if accept("_") {
        if accept("{") || accept("(") {
          repeat { variables.append(try indexVariable()) } while accept(",")
          if !accept("}") { try expect(")") }
        } else {
          variables.append(try indexVariable())
        }
      }
      guard !variables.isEmpty else { throw error("expected Σ_{indices}", at: start) }
      return .explicitSum(variables, try term(), start.position)
    case .word(let w) where Parser.functions.contains(w):
      advance()
      // `\mathrm{softmax}_{t′}`, `\max_{Δx,Δy}`: the script names what it runs over; a max or
      // min reduces over it, so its letters are bound there as a sum's are, braced or not
      // (`\max_t H[b,t,j]`).
      var bound: [IndexVariable] = []
      if accept("_") {
        if w == "max" || w == "min", accept("{") {
          repeat { bound.append(try indexVariable()) } while accept(",")
          try expect("}")
        } else if w == "max" || w == "min", case .letter = current.kind {
          bound.append(try indexVariable())
        } else {
          _ = try scriptText()
        }
      }
      let argument = isSymbol("(") || isSymbol("{") ? try group() : try factor()
      let applied = Expression.function(w == "sigmoid" ? "σ" : w, argument, start.position)
      return bound.isEmpty ? applied : .explicitSum(bound, applied, start.position)
    case .word("ReLU"), .letter("σ"):
      advance()
      let name = start.kind == .letter("σ") ? "σ" : "ReLU"
      guard isSymbol("(") || isSymbol("{") else { throw error("expected '(' after \(name)") }
      return .function(name, try group(), start.position)
    case .symbol("("), .symbol("{"):
      return try group()
    case .word(let w) where w.count >= 2 && w.first?.isLetter == true:
      // `\mathrm{SiLU}(…)`: a function the document names is applied as σ is; a word alone is not.
      advance()
      guard isSymbol("(") else { throw error("expected a tensor, a number, σ, ReLU, Σ or '('") }
      return .function(w, try group(), start.position)
    case .letter, .decoration:
      let name = try tensorName()
      if isSymbol("[") {
        return .tensor(try referenceIndices(name, start.position))
      }
      // A Greek letter with a subscript and no index list (`β_t`, `\bar{α}_{t-1}`) is a
      // coefficient of the step or layer it names, read as a scalar; a Latin one is a tensor
      // missing its indices.
      if let sub = name.subscriptText, name.superscriptText == nil,
        let first = name.base.unicodeScalars.first, (0x3B1...0x3C9).contains(first.value)
      {
        return .scalar(name.base + "_" + sub, start.position)
      }
      guard name.subscriptText == nil, name.superscriptText == nil else {
        throw error("expected '[' after the tensor \(name)")
      }
      return .scalar(name.base, start.position)
    default:
      throw error("expected a tensor, a number, σ, ReLU, Σ or '('")
    }
  }

  /// `( expression )` or `{ expression }`.
  mutating func group() throws(NotationError) -> Expression {
    if accept("(") {
      let e = try expression()
      try expect(")")
      return e
    }
    if accept("{") {
      let e = try expression()
      try expect("}")
      return e
    }
    throw error("expected '(' or '{'")
  }

  static func constant(_ e: Expression) -> Rational? {
    switch e {
    case .number(let r, _): return r
    case .product(let fs):
      var r = Rational.one
      for f in fs {
        guard let c = constant(f) else { return nil }
        r *= c
      }
      return r
    case .sum(let terms):
      var r = Rational.zero
      for t in terms {
        guard let c = constant(t.term) else { return nil }
        r += Rational(t.sign) * c
      }
      return r
    default: return nil
    }
  }
}
