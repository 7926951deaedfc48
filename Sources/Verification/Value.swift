import Foundation

/// A value a check expects or measures. Integers stay exact integers all the way to JSON and
/// SQLite; reals are IEEE doubles; text carries symbolic answers (a polynomial, an equation).
public enum Value: Sendable, Equatable, CustomStringConvertible {
  case integer(Int)
  case real(Double)
  case text(String)
  case bool(Bool)
  case list([Value])

  /// The value as a double, when it is a number.
  public var doubleValue: Double? {
    switch self {
    case .integer(let i): Double(i)
    case .real(let d): d
    default: nil
    }
  }

  /// The value for reports: integers as written, reals by `format(_:)`, lists in brackets.
  public var description: String {
    switch self {
    case .integer(let i): String(i)
    case .real(let d): Value.format(d)
    case .text(let s): s
    case .bool(let b): b ? "true" : "false"
    case .list(let values): "[" + values.map(\.description).joined(separator: ", ") + "]"
    }
  }

  /// Six significant digits, switching to scientific notation outside [1e-4, 1e7).
  public static func format(_ d: Double, digits: Int = 6) -> String {
    if d.isNaN { return "nan" }
    if d.isInfinite { return d < 0 ? "−∞" : "∞" }
    if d == 0 { return "0" }
    let magnitude = abs(d)
    if magnitude >= 1e-4 && magnitude < 1e7 {
      var s = String(format: "%.\(digits)g", d)
      if s.contains("e") { s = String(format: "%.\(digits)f", d) }
      return s
    }
    return String(format: "%.\(digits - 1)e", d)
  }
}

extension Value: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral
{
  /// The integer literal as `.integer`.
  public init(integerLiteral value: Int) { self = .integer(value) }
  /// The float literal as `.real`.
  public init(floatLiteral value: Double) { self = .real(value) }
  /// The string literal as `.text`.
  public init(stringLiteral value: String) { self = .text(value) }
}
