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
  /// Index names that act as coefficients (the stride s), not as index variables.
  let parameters: Set<String>
  /// Non-fatal findings made while reading (a probable missing comma).
  public private(set) var diagnostics: [Diagnostic] = []

  static let maximumDepth = 200
  /// Named functions read as `name(…)` besides σ and ReLU.
  static let functions: Set<String> = ["tanh", "exp", "log", "ln", "softmax", "sigmoid", "sin", "cos",
                                       "max", "min"]
  /// Diagnostics kept per equation: each carries an excerpt of its line, so an unbounded number
  /// would make a long hostile line quadratic.
  public static let maximumDiagnostics = 100

  /// Typed-answer spellings (`sigma`, `dX`, `l` for ℓ) are read when `aliases` is true.
  let aliases: Bool

  public init(_ source: String, parameters: Set<String> = ["s"], aliases: Bool = false) {
    self.source = source
    self.parameters = parameters
    self.aliases = aliases
  }

  /// Parses an equation `LHS = RHS`.
  /// - Throws: `NotationError` with a syntax diagnostic at the first unreadable token.
  public mutating func parseEquation() throws(NotationError) -> Equation {
    try tokenize()
    let lhs = try reference()
    try expect("=")
    let rhs = try expression()
    guard case .end = current.kind else { throw error("expected the end of the equation") }
    return Equation(lhs: lhs, rhs: rhs, source: source)
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
    } catch {
      throw NotationError(diagnostic: Diagnostic(.syntax, error.message, at: error.position,
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
    return NotationError(diagnostic: Diagnostic(.syntax, "\(message), found \(found)",
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

  mutating func term() throws(NotationError) -> Expression {
    var factors: [Expression] = [try factor()]
    while true {
      if accept("·") {
        factors.append(try factor())
      } else if isSymbol("/") {
        let slash = current
        advance()
        guard case .number(let n) = current.kind, n != 0 else {
          throw error("expected a non-zero number after '/'", at: slash)
        }
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
      guard isSymbol("(") || isSymbol("{") else { throw error("expected '(' after \(w)") }
      return .function(w == "sigmoid" ? "σ" : w, try group(), start.position)
    case .word("ReLU"), .letter("σ"):
      advance()
      let name = start.kind == .letter("σ") ? "σ" : "ReLU"
      guard isSymbol("(") || isSymbol("{") else { throw error("expected '(' after \(name)") }
      return .function(name, try group(), start.position)
    case .symbol("("), .symbol("{"):
      return try group()
    case .letter, .decoration:
      let name = try tensorName()
      if isSymbol("[") {
        return .tensor(try referenceIndices(name, start.position))
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

  // MARK: Names and references

  mutating func tensorName() throws(NotationError) -> TensorName {
    var decoration: Character?
    if case .decoration(let d) = current.kind {
      decoration = d
      advance()
      let braced = accept("{")
      guard case .letter = current.kind else { throw error("expected a letter to decorate") }
      var name = try tensorName()
      if braced { try expect("}") }
      name = TensorName(base: name.base, subscript: name.subscriptText, superscript: name.superscriptText)
      return try scripts(on: name.base + String(decoration!), sub: name.subscriptText,
                         sup: name.superscriptText)
    }
    guard case .letter(let base) = current.kind else { throw error("expected a name") }
    advance()
    var b = base
    while accept("′") { b += "′" }
    return try scripts(on: b, sub: nil, sup: nil)
  }

  mutating func scripts(on base: String, sub: String?, sup: String?) throws(NotationError)
    -> TensorName
  {
    var sub = sub, sup = sup
    while true {
      if isSymbol("_") && sub == nil {
        advance()
        sub = try scriptText()
      } else if isSymbol("^") && sup == nil {
        advance()
        sup = try scriptText()
      } else {
        return TensorName(base: base, subscript: sub, superscript: sup)
      }
    }
  }

  /// The text of a sub- or superscript: `{ℓ+1}`, `{\ell,s+1}`, `ℓ`, `{b,1}`.
  mutating func scriptText() throws(NotationError) -> String {
    if accept("{") {
      var text = ""
      var nesting = 0
      while true {
        switch current.kind {
        case .end: throw error("expected '}' to close the script")
        case .symbol("}") where nesting == 0:
          advance()
          return text
        case .symbol(let c):
          if c == "{" { nesting += 1 }
          if c == "}" { nesting -= 1 }
          text.append(c)
        case .letter(let s), .word(let s): text += s
        case .number(let n): text += String(n)
        case .decimal(let r): text += r.description
        case .decoration(let d): text.append(d)
        case .sum: text += "Σ"
        case .frac: throw error("unexpected \\frac in a script")
        }
        advance()
      }
    }
    switch current.kind {
    case .letter(let s), .word(let s):
      // Unbraced: a run of adjacent letters (N_in, n_out).
      var text = s
      var end = current.position.offset + s.count
      advance()
      while case .letter(let t) = current.kind, current.position.offset == end, t.count == 1,
            t.first!.isASCII {
        text += t
        end += 1
        advance()
      }
      return text
    case .number(let n):
      advance()
      return String(n)
    default:
      throw error("expected a subscript or superscript")
    }
  }

  mutating func reference() throws(NotationError) -> TensorReference {
    let start = current.position
    let name = try tensorName()
    return try referenceIndices(name, start)
  }

  mutating func referenceIndices(_ name: TensorName, _ start: SourcePosition) throws(NotationError)
    -> TensorReference
  {
    try expect("[")
    var indices: [IndexExpression] = []
    repeat { indices += try indexExpressions() } while accept(",")
    try expect("]")
    // A transpose `^{⊤}` after the indices changes nothing in index notation.
    if isSymbol("^") {
      let caret = index
      advance()
      let braced = accept("{")
      let transposed = accept("⊤") || current.kind == .letter("T")
      if current.kind == .letter("T") { advance() }
      if transposed {
        if braced { try expect("}") }
      } else {
        index = caret
      }
    }
    return TensorReference(name: name, indices: indices, position: start)
  }

  mutating func indexVariable() throws(NotationError) -> IndexVariable {
    guard case .letter(let l) = current.kind else { throw error("expected an index") }
    advance()
    if isSymbol("_") {
      advance()
      return IndexVariable(l + "_" + (try scriptText()))
    }
    return IndexVariable(l)
  }

  /// One index position; two or more when adjacent terms were probably meant to be separated by
  /// a comma (reported as a diagnostic, and read as separate indices so checking can go on).
  mutating func indexExpressions() throws(NotationError) -> [IndexExpression] {
    let start = current.position
    var terms: [IndexExpression.Term] = []
    var sign = 1
    if accept("-") { sign = -1 } else { _ = accept("+") }
    var split: [IndexExpression] = []
    var lastStart = start
    while true {
      var coefficient = sign
      var parameters: [String] = []
      var variables: [(IndexVariable, SourcePosition)] = []
      var sawAtom = false
      while true {
        if case .number(let n) = current.kind {
          let (product, overflow) = coefficient.multipliedReportingOverflow(by: n)
          guard !overflow else { throw error("the index coefficient \(coefficient)·\(n) is too large") }
          coefficient = product
          advance()
        } else if case .letter = current.kind {
          let p = current.position
          let v = try indexVariable()
          if parameters.count < 4 && self.parameters.contains(v.name) && variables.isEmpty
            && (startsIndexAtom && !isSymbol("]") && !isSymbol(",") || !startsIndexAtom) {
            // `sx`, `s·t`: a coefficient; `− p` alone: a constant term.
            parameters.append(v.name)
          } else {
            variables.append((v, p))
          }
        } else if accept("·") {
          continue
        } else {
          break
        }
        sawAtom = true
      }
      guard sawAtom else { throw error("expected an index") }
      if variables.count > 1 && diagnostics.count < Parser.maximumDiagnostics {
        let names = variables.prefix(4).map(\.0.name) + (variables.count > 4 ? ["…"] : [])
        diagnostics.append(Diagnostic(
          .missingComma,
          "index terms \(names.joined(separator: " and ")) stand side by side; a comma is probably "
            + "missing between them", at: variables[1].1, source: source))
        // Recover: the leading term keeps its coefficient, each later variable is its own index.
        terms.append(.init(coefficient: coefficient, parameters: parameters, variable: variables[0].0))
        split.append(IndexExpression(terms: terms, position: start))
        for (v, p) in variables.dropFirst().dropLast() {
          split.append(IndexExpression(terms: [.init(coefficient: 1, parameters: [], variable: v)],
                                       position: p))
        }
        terms = [.init(coefficient: 1, parameters: [], variable: variables.last!.0)]
        lastStart = variables.last!.1
      } else {
        terms.append(.init(coefficient: coefficient, parameters: parameters,
                           variable: variables.first?.0))
      }
      if accept("+") {
        sign = 1
      } else if accept("-") {
        sign = -1
      } else {
        break
      }
    }
    return split + [IndexExpression(terms: terms, position: lastStart)]
  }

  var startsIndexAtom: Bool {
    switch current.kind {
    case .letter, .number: return true
    case .symbol("·"): return true
    default: return false
    }
  }
}
