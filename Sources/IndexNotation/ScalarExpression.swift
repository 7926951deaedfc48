import Foundation

/// A real constant read from text: a printed answer such as `$1/\sqrt{2}$`, or a value a user
/// passes with `--param gamma=1/sqrt(2)`.
///
/// Accepted: decimal numbers, `+ − * / ^`, `\cdot`, `\times`, juxtaposition, parentheses and
/// braces, `\left( \right)`, `\frac{a}{b}`, `\sqrt{x}`, `\sqrt x`, `√x`, `sqrt(x)`, and `$` math
/// delimiters. The value is exact (`Surd`) whenever the arithmetic allows.
public enum ScalarValue: Sendable, Equatable, CustomStringConvertible {
  case exact(Surd)
  case approximate(Double)

  public var doubleValue: Double {
    switch self {
    case .exact(let s): s.doubleValue
    case .approximate(let d): d
    }
  }

  public var description: String {
    switch self {
    case .exact(let s): s.description
    case .approximate(let d): "\(d)"
    }
  }
}

/// A syntax error in a scalar expression, with its 1-based column.
public struct ScalarSyntaxError: Error, Equatable, CustomStringConvertible {
  public let message: String
  public let column: Int
  public var description: String { "\(message) at column \(column)" }
}

public enum ScalarExpression {
  /// Parses and evaluates `text`.
  /// - Throws: `ScalarSyntaxError` naming the column of the first problem.
  public static func evaluate(_ text: String) throws -> ScalarValue {
    var parser = ScalarParser(Array(text))
    return try parser.parseAll()
  }
}

struct ScalarParser {
  let chars: [Character]
  var position = 0
  var depth = 0

  init(_ chars: [Character]) { self.chars = chars }

  mutating func parseAll() throws -> ScalarValue {
    skipSpace()
    if peek("$") { position += 1 }
    let value = try expression()
    skipSpace()
    if peek("$") { position += 1 }
    skipSpace()
    guard position == chars.count else { throw error("unexpected '\(chars[position])'") }
    return value
  }

  func error(_ message: String) -> ScalarSyntaxError {
    ScalarSyntaxError(message: message, column: position + 1)
  }

  mutating func skipSpace() {
    while position < chars.count, chars[position].isWhitespace || chars[position] == "~" {
      position += 1
    }
  }

  func peek(_ s: String) -> Bool {
    let target = Array(s)
    guard position + target.count <= chars.count else { return false }
    return Array(chars[position..<position + target.count]) == target
  }

  mutating func accept(_ s: String) -> Bool {
    skipSpace()
    if peek(s) {
      position += s.count
      return true
    }
    return false
  }

  mutating func expect(_ s: String) throws {
    guard accept(s) else {
      throw error(position < chars.count ? "expected '\(s)', found '\(chars[position])'"
                  : "expected '\(s)' at the end of the input")
    }
  }

  mutating func expression() throws -> ScalarValue {
    depth += 1
    defer { depth -= 1 }
    guard depth < 200 else { throw error("expression nested more than 200 deep") }
    var value = try term()
    while true {
      if accept("+") {
        value = add(value, try term())
      } else if accept("-") || accept("−") {
        value = add(value, negate(try term()))
      } else {
        return value
      }
    }
  }

  mutating func term() throws -> ScalarValue {
    var value = try power()
    while true {
      if accept("*") || accept("\\cdot") || accept("\\times") || accept("·") {
        value = multiply(value, try power())
      } else if accept("/") {
        let divisor = try power()
        guard divisor.doubleValue != 0 else { throw error("division by zero") }
        value = divide(value, divisor)
      } else if startsPrimary() {
        value = multiply(value, try power())  // juxtaposition
      } else {
        return value
      }
    }
  }

  mutating func power() throws -> ScalarValue {
    if accept("-") || accept("−") { return negate(try power()) }
    let base = try primary()
    guard accept("^") else { return base }
    let exponent = try primary()
    if case .exact(let e) = exponent, e.isRational, e.coefficient.isInteger,
       abs(e.coefficient.numerator) <= 64, !(base.doubleValue == 0 && e.doubleValue < 0) {
      var result = ScalarValue.exact(Surd(.one))
      for _ in 0..<abs(e.coefficient.numerator) { result = multiply(result, base) }
      return e.coefficient.numerator < 0 ? divide(.exact(Surd(.one)), result) : result
    }
    // Half-integer powers of a non-negative rational: b^(p/2) = (√b)^p, still exact.
    if case .exact(let e) = exponent, e.isRational, e.coefficient.denominator == 2,
       abs(e.coefficient.numerator) <= 64, case .exact(let b) = base, b.isRational, small(b),
       b.coefficient > .zero, let root = Surd.squareRoot(of: b.coefficient) {
      var result = ScalarValue.exact(Surd(.one))
      for _ in 0..<abs(e.coefficient.numerator) { result = multiply(result, .exact(root)) }
      return e.coefficient.numerator < 0 ? divide(.exact(Surd(.one)), result) : result
    }
    return .approximate(pow(base.doubleValue, exponent.doubleValue))
  }

  mutating func startsPrimary() -> Bool {
    skipSpace()
    guard position < chars.count else { return false }
    let c = chars[position]
    return c.isNumber || c == "(" || c == "{" || c == "√" || peek("\\sqrt") || peek("\\frac")
      || peek("sqrt") || peek("\\left")
  }

  mutating func primary() throws -> ScalarValue {
    skipSpace()
    if accept("\\left(") || accept("(") {
      let v = try expression()
      if !accept("\\right)") { try expect(")") }
      return v
    }
    if accept("{") {
      let v = try expression()
      try expect("}")
      return v
    }
    if accept("\\frac") {
      try expect("{"); let n = try expression(); try expect("}")
      try expect("{"); let d = try expression(); try expect("}")
      guard d.doubleValue != 0 else { throw error("division by zero") }
      return divide(n, d)
    }
    if accept("\\sqrt") || accept("√") || accept("sqrt") {
      let radicand = try primary()
      guard radicand.doubleValue >= 0 else { throw error("square root of a negative number") }
      if case .exact(let s) = radicand, s.isRational, small(s),
         let root = Surd.squareRoot(of: s.coefficient) {
        return .exact(root)
      }
      return .approximate(radicand.doubleValue.squareRoot())
    }
    return try number()
  }

  mutating func number() throws -> ScalarValue {
    skipSpace()
    let start = position
    while position < chars.count, chars[position].isASCII, chars[position].isNumber {
      position += 1
    }
    var fraction = ""
    if position < chars.count, chars[position] == "." {
      position += 1
      while position < chars.count, chars[position].isASCII, chars[position].isNumber {
        fraction.append(chars[position])
        position += 1
      }
    }
    let whole = String(chars[start..<position]).split(separator: ".").first.map(String.init) ?? ""
    guard position > start, !(whole.isEmpty && fraction.isEmpty) else {
      position = start
      throw error(position < chars.count ? "expected a number, found '\(chars[position])'"
                  : "expected a number at the end of the input")
    }
    guard whole.count + fraction.count <= 6, let w = Int(whole.isEmpty ? "0" : whole),
          let f = Int(fraction.isEmpty ? "0" : fraction) else {
      return .approximate(Double(String(chars[start..<position])) ?? .nan)
    }
    var scale = 1
    for _ in 0..<fraction.count { scale *= 10 }
    return .exact(Surd(Rational(w * scale + f, scale)))
  }

  /// Exact arithmetic only on operands below 2²⁰ in every part, so that no intermediate product
  /// can overflow 64 bits; larger values continue in floating point.
  func small(_ s: Surd) -> Bool {
    let limit = 1 << 20
    return abs(s.coefficient.numerator) < limit && s.coefficient.denominator < limit
      && s.radicand < limit
  }

  func add(_ a: ScalarValue, _ b: ScalarValue) -> ScalarValue {
    if case .exact(let x) = a, case .exact(let y) = b, small(x), small(y), let s = x + y {
      return .exact(s)
    }
    return .approximate(a.doubleValue + b.doubleValue)
  }
  func negate(_ a: ScalarValue) -> ScalarValue {
    if case .exact(let x) = a { return .exact(-x) }
    return .approximate(-a.doubleValue)
  }
  func multiply(_ a: ScalarValue, _ b: ScalarValue) -> ScalarValue {
    if case .exact(let x) = a, case .exact(let y) = b, small(x), small(y) { return .exact(x * y) }
    return .approximate(a.doubleValue * b.doubleValue)
  }
  func divide(_ a: ScalarValue, _ b: ScalarValue) -> ScalarValue {
    if case .exact(let x) = a, case .exact(let y) = b, small(x), small(y) { return .exact(x / y) }
    return .approximate(a.doubleValue / b.doubleValue)
  }
}
