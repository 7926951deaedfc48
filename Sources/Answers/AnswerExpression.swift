import Algebra
import BigInt
import Foundation

/// An answer as read, before it is given a meaning: a syntax tree over numbers, identifiers,
/// + − · / ^, √, fractions and relations. `AnswerReading` turns it into a polynomial, a condition,
/// an exact scalar or a power.
public indirect enum AnswerExpression: Sendable, Equatable {
  /// A number as typed, exact (a decimal is the fraction it spells), with its decimals when it
  /// has a point.
  case number(Rational, decimals: Int?, offset: Int)
  /// A letter run with its subscript, as typed: resolved to symbols later.
  case identifier(String, subscript: String?, offset: Int)
  /// −e.
  case negate(AnswerExpression)
  /// l + r.
  case add(AnswerExpression, AnswerExpression)
  /// l − r.
  case subtract(AnswerExpression, AnswerExpression)
  /// l·r, written `*`, `·`, `\cdot`, `\times` or by juxtaposition.
  case multiply(AnswerExpression, AnswerExpression)
  /// l / r or `\frac{l}{r}`; the offset is the operator's.
  case divide(AnswerExpression, AnswerExpression, offset: Int)
  /// l ^ r; the offset is the operator's.
  case power(AnswerExpression, AnswerExpression, offset: Int)
  /// √e, `sqrt(e)` or `\sqrt{e}`.
  case squareRoot(AnswerExpression, offset: Int)

  /// The offset of the expression's first character in the answer.
  public var offset: Int {
    switch self {
    case .number(_, _, let o), .identifier(_, _, let o): o
    case .negate(let e): e.offset
    case .add(let l, _), .subtract(let l, _), .multiply(let l, _): l.offset
    case .divide(let l, _, _), .power(let l, _, _): l.offset
    case .squareRoot(_, let o): o
    }
  }
}

/// A chain of relations `a < b ≤ c`, or one expression when there is no relation.
public struct AnswerRelationChain: Sendable, Equatable {
  /// The expressions between the relations: one more than `relations`.
  public var operands: [AnswerExpression]
  /// The relations in reading order; empty for a bare expression.
  public var relations: [Relation]
}

/// What an answer text reads as: one or more parts separated by `;` (or `,` between relations),
/// each a chain of relations or a bare expression, optionally named (`plain: N^2(L-1)`).
public struct AnswerParts: Sendable, Equatable {
  /// One `;`-separated part of an answer.
  public struct Part: Sendable, Equatable {
    /// The label before a colon, when the part has one (`bottleneck`, `condition`).
    public var label: String?
    /// Conjuncts: `a < b and c ≥ d` has two.
    public var conjuncts: [AnswerRelationChain]
    /// The part's text as typed and its offset, for messages.
    public var text: String
    /// The 0-based character offset of `text` in the whole answer.
    public var offset: Int
  }

  /// The parts in reading order.
  public var parts: [Part]
}

/// Limits that keep any answer cheap to read: nesting, and the size of what it builds.
public enum AnswerLimits {
  /// The deepest nesting of parentheses and operators a parser accepts.
  public static let maximumDepth = 200
  /// The most operations (`+ − · /` between operands) an answer may hold: each nests the tree
  /// one level, which every reader walks.
  public static let maximumOperations = 1_000
  /// The longest answer read, in characters.
  public static let maximumLength = 20_000
}

/// Reads answers: `AnswerParser.parse("2*N*Nb*(L-1); N^2 (L-1); Nb < N/2")`.
public struct AnswerParser {
  var tokens: [AnswerToken] = []
  var index = 0
  var depth = 0
  var operations = 0
  let text: String
  let chars: [Character]

  /// A parser of `text`; `parse(_:)` and `expression(_:)` run it.
  public init(_ text: String) {
    self.text = text
    chars = Array(text)
  }

  /// Reads `text` as `;`-separated parts.
  /// - Throws: `AnswerSyntaxError` at the first token that does not fit.
  /// - Complexity: O(n) for n ≤ `AnswerLimits.maximumLength` characters: one pass of the
  ///   lexer, then a predictive parse that never backtracks.
  public static func parse(_ text: String) throws(AnswerSyntaxError) -> AnswerParts {
    var p = AnswerParser(text)
    return try p.parts()
  }

  /// Reads `text` as one expression (no relation, no parts).
  /// - Complexity: O(n) for n characters, as `parse(_:)`.
  public static func expression(_ text: String) throws(AnswerSyntaxError) -> AnswerExpression {
    var p = AnswerParser(text)
    try p.start()
    let e = try p.expression()
    try p.expectEnd()
    return e
  }

  mutating func start() throws(AnswerSyntaxError) {
    guard text.count <= AnswerLimits.maximumLength else {
      throw AnswerSyntaxError(
        "the answer has \(text.count) characters; psverify reads answers of up to "
          + "\(AnswerLimits.maximumLength)", offset: 0, in: "")
    }
    var lexer = AnswerLexer(text)
    tokens = try lexer.tokens()
  }

  var current: AnswerToken { tokens[index] }
  mutating func advance() { if index < tokens.count - 1 { index += 1 } }

  func error(_ message: String, at token: AnswerToken? = nil) -> AnswerSyntaxError {
    let t = token ?? current
    return AnswerSyntaxError("\(message), found \(describe(t))", offset: t.offset, in: text)
  }

  func describe(_ t: AnswerToken) -> String {
    switch t.kind {
    case .end: "the end of the answer"
    case .identifier(let s, let sub): "'\(s)\(sub.map { "_" + $0 } ?? "")'"
    case .number(let s, _): "'\(s)'"
    case .symbol(let c): "'\(c)'"
    case .relation(let r): "'\(r.rawValue)'"
    case .frac: "\\frac"
    case .sqrt: "√"
    case .and: "'and'"
    }
  }

  func isSymbol(_ c: Character) -> Bool {
    if case .symbol(c) = current.kind { return true }
    return false
  }

  mutating func accept(_ c: Character) -> Bool {
    guard isSymbol(c) else { return false }
    advance()
    return true
  }

  mutating func expect(_ c: Character) throws(AnswerSyntaxError) {
    guard accept(c) else { throw error("expected '\(c)'") }
  }

  mutating func expectEnd() throws(AnswerSyntaxError) {
    guard case .end = current.kind else { throw error("expected the end of the answer") }
  }

  /// Counts one operation; more than `AnswerLimits.maximumOperations` is an error.
  mutating func operation() throws(AnswerSyntaxError) {
    operations += 1
    guard operations <= AnswerLimits.maximumOperations else {
      throw error(
        "more than \(AnswerLimits.maximumOperations) operations; psverify reads answers of up "
          + "to \(AnswerLimits.maximumOperations)")
    }
  }

  mutating func enter() throws(AnswerSyntaxError) {
    depth += 1
    guard depth <= AnswerLimits.maximumDepth else {
      throw error("nesting deeper than \(AnswerLimits.maximumDepth) levels")
    }
  }

  // MARK: Parts and relations

  mutating func parts() throws(AnswerSyntaxError) -> AnswerParts {
    try start()
    var parts: [AnswerParts.Part] = []
    repeat {
      if case .end = current.kind { break }
      parts.append(try part())
    } while accept(";")
    try expectEnd()
    guard !parts.isEmpty else { throw error("expected an answer") }
    return AnswerParts(parts: parts)
  }

  mutating func part() throws(AnswerSyntaxError) -> AnswerParts.Part {
    let startOffset = current.offset
    var label: String?
    // `name:` before a part labels it (`plain: N^2(L-1)`).
    if case .identifier(let name, let sub) = current.kind, index + 1 < tokens.count,
      case .symbol(":") = tokens[index + 1].kind
    {
      label = name + (sub.map { "_" + $0 } ?? "")
      advance()
      advance()
    }
    let bodyOffset = current.offset
    var conjuncts = [try chain()]
    while true {
      if case .and = current.kind {
        advance()
        conjuncts.append(try chain())
      } else if isSymbol(","), conjuncts.last!.relations.isEmpty == false {
        advance()
        conjuncts.append(try chain())
      } else {
        break
      }
    }
    let endOffset = current.offset
    let lower = min(bodyOffset, chars.count)
    let upper = min(max(endOffset, bodyOffset), chars.count)
    let body = String(chars[lower..<upper]).trimmingCharacters(in: .whitespaces)
    return AnswerParts.Part(label: label, conjuncts: conjuncts, text: body, offset: startOffset)
  }

  mutating func chain() throws(AnswerSyntaxError) -> AnswerRelationChain {
    var operands = [try expression()]
    var relations: [Relation] = []
    while case .relation(let r) = current.kind {
      advance()
      relations.append(r)
      operands.append(try expression())
    }
    if accept("=") {
      // `γ = 1/√2`, `count = 2N…`: the value is what follows the last '='.
      operands = [try expression()]
      relations = []
      while case .relation(let r) = current.kind {
        advance()
        relations.append(r)
        operands.append(try expression())
      }
    }
    return AnswerRelationChain(operands: operands, relations: relations)
  }

  // MARK: Expressions

  mutating func expression() throws(AnswerSyntaxError) -> AnswerExpression {
    try enter()
    defer { depth -= 1 }
    var value: AnswerExpression
    if accept("-") {
      value = .negate(try term())
    } else {
      _ = accept("+")
      value = try term()
    }
    while true {
      if accept("+") {
        try operation()
        value = .add(value, try term())
      } else if accept("-") {
        try operation()
        value = .subtract(value, try term())
      } else {
        return value
      }
    }
  }

  mutating func term() throws(AnswerSyntaxError) -> AnswerExpression {
    var value = try power()
    while true {
      if accept("·") {
        try operation()
        value = .multiply(value, try power())
      } else if isSymbol("/") {
        let slash = current
        advance()
        try operation()
        value = .divide(value, try power(), offset: slash.offset)
      } else if startsAtom {
        try operation()
        value = .multiply(value, try power())
      } else {
        return value
      }
    }
  }

  var startsAtom: Bool {
    switch current.kind {
    case .identifier, .number, .frac, .sqrt: return true
    case .symbol(let c): return c == "(" || c == "{" || c == "["
    default: return false
    }
  }

  mutating func power() throws(AnswerSyntaxError) -> AnswerExpression {
    try enter()
    defer { depth -= 1 }
    let bracketed = isSymbol("(") || isSymbol("{") || isSymbol("[")
    let atom = try atom()
    guard isSymbol("^") else { return atom }
    // `(XY)^2` raises the whole bracketed run; a run written bare (`BT^2`) is read with the power
    // on its last letter. The brackets are kept as a product with 1 so the reading sees no run.
    let base: AnswerExpression =
      if bracketed, case .identifier = atom {
        .multiply(.number(.one, decimals: nil, offset: atom.offset), atom)
      } else {
        atom
      }
    let caret = current
    advance()
    let exponent: AnswerExpression
    if accept("-") {
      exponent = .negate(try exponentAtom())
    } else {
      exponent = try exponentAtom()
    }
    return .power(base, exponent, offset: caret.offset)
  }

  /// What `^` takes: a braced or parenthesised expression, a number, or a single identifier
  /// (`N^2`, `γ^{L-1}`, `gamma^(L-1)`).
  mutating func exponentAtom() throws(AnswerSyntaxError) -> AnswerExpression {
    switch current.kind {
    case .number(let digits, let decimals):
      let t = current
      advance()
      return try numberExpression(digits, decimals, t)
    case .identifier(let name, let sub):
      let t = current
      advance()
      return .identifier(name, subscript: sub, offset: t.offset)
    case .symbol("{"), .symbol("("):
      return try atom()
    default:
      throw error("expected an exponent")
    }
  }

  mutating func atom() throws(AnswerSyntaxError) -> AnswerExpression {
    let t = current
    switch t.kind {
    case .number(let digits, let decimals):
      advance()
      return try numberExpression(digits, decimals, t)
    case .identifier(let name, let sub):
      advance()
      return .identifier(name, subscript: sub, offset: t.offset)
    case .frac:
      advance()
      let numerator = try group()
      let denominator = try group()
      return .divide(numerator, denominator, offset: t.offset)
    case .sqrt:
      advance()
      return .squareRoot(try atom(), offset: t.offset)
    case .symbol("("), .symbol("{"), .symbol("["):
      return try group()
    default:
      throw error("expected a number, a symbol or '('")
    }
  }

  mutating func group() throws(AnswerSyntaxError) -> AnswerExpression {
    try enter()
    defer { depth -= 1 }
    for (open, close) in [("(", ")"), ("{", "}"), ("[", "]")] as [(Character, Character)]
    where accept(open) {
      let e = try expression()
      // `{…)` and `(…}` come from \left( … \right) written as braces; accept any closer.
      if !accept(close) && !accept(")") && !accept("}") { try expect(close) }
      return e
    }
    // A bare atom (`\sqrt 2`, `\frac 12` written without braces).
    switch current.kind {
    case .number(let digits, let decimals) where decimals == nil && digits.count > 1:
      // `\frac12` reads as 1 over 2: split the first digit off.
      let t = current
      let first = String(digits.prefix(1))
      let rest = String(digits.dropFirst())
      tokens[index] = AnswerToken(kind: .number(rest, decimals: nil), offset: t.offset + 1)
      return .number(Rational(Int(first)!), decimals: nil, offset: t.offset)
    default:
      return try atom()
    }
  }

  func numberExpression(_ digits: String, _ decimals: Int?, _ t: AnswerToken)
    throws(AnswerSyntaxError)
    -> AnswerExpression
  {
    guard digits.count <= 400 else {
      throw AnswerSyntaxError(
        "the number starting \(digits.prefix(12))… has \(digits.count) digits; "
          + "psverify reads numbers of up to 400 digits", offset: t.offset, in: text)
    }
    let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
    let whole = parts[0].isEmpty ? "0" : String(parts[0])
    let fraction = parts.count > 1 ? String(parts[1]) : ""
    guard let n = BigIntParsing.integer(whole + fraction) else {
      throw AnswerSyntaxError("cannot read the number \(digits)", offset: t.offset, in: text)
    }
    let scale = BigIntParsing.powerOfTen(fraction.count)
    return .number(Rational(big: n, scale), decimals: decimals, offset: t.offset)
  }
}

/// Whole numbers of any size from their decimal digits.
enum BigIntParsing {
  static func integer(_ digits: String) -> BigInt? { BigInt(digits, radix: 10) }
  static func powerOfTen(_ n: Int) -> BigInt { BigInt(10).power(n) }
}
