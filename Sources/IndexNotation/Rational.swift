/// An exact rational number p/q in lowest terms with q > 0.
///
/// Arithmetic traps on 64-bit overflow instead of rounding: every count and coefficient in the
/// problem set fits easily, and a silent wrap would turn an exact verdict into a wrong one.
public struct Rational: Hashable, Sendable, Comparable, CustomStringConvertible {
  public let numerator: Int
  public let denominator: Int

  public init(_ numerator: Int, _ denominator: Int = 1) {
    precondition(denominator != 0, "zero denominator in \(numerator)/\(denominator)")
    let g = Rational.gcd(numerator, denominator)
    let sign = denominator < 0 ? -1 : 1
    self.numerator = sign * numerator / g
    self.denominator = sign * denominator / g
  }

  public static let zero = Rational(0)
  public static let one = Rational(1)

  public var isZero: Bool { numerator == 0 }
  public var isInteger: Bool { denominator == 1 }
  public var doubleValue: Double { Double(numerator) / Double(denominator) }

  public static func gcd(_ a: Int, _ b: Int) -> Int {
    var a = a.magnitude, b = b.magnitude
    while b != 0 { (a, b) = (b, a % b) }
    return a == 0 ? 1 : Int(a)
  }

  public static func + (l: Rational, r: Rational) -> Rational {
    let g = gcd(l.denominator, r.denominator)
    let ld = l.denominator / g, rd = r.denominator / g
    return Rational(checked(l.numerator, rd, "*") + checked(r.numerator, ld, "*"),
                    checked(l.denominator, rd, "*"))
  }
  public static prefix func - (x: Rational) -> Rational { Rational(-x.numerator, x.denominator) }
  public static func - (l: Rational, r: Rational) -> Rational { l + (-r) }
  public static func * (l: Rational, r: Rational) -> Rational {
    let g1 = gcd(l.numerator, r.denominator), g2 = gcd(r.numerator, l.denominator)
    return Rational(checked(l.numerator / g1, r.numerator / g2, "*"),
                    checked(l.denominator / g2, r.denominator / g1, "*"))
  }
  public static func / (l: Rational, r: Rational) -> Rational {
    precondition(!r.isZero, "division of \(l) by zero")
    return l * Rational(r.denominator, r.numerator)
  }
  public static func += (l: inout Rational, r: Rational) { l = l + r }
  public static func *= (l: inout Rational, r: Rational) { l = l * r }

  public static func < (l: Rational, r: Rational) -> Bool {
    checked(l.numerator, r.denominator, "*") < checked(r.numerator, l.denominator, "*")
  }

  /// `self` raised to a non-negative integer power.
  public func power(_ exponent: Int) -> Rational {
    precondition(exponent >= 0, "negative exponent \(exponent)")
    var result = Rational.one
    for _ in 0..<exponent { result *= self }
    return result
  }

  public var description: String {
    denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)"
  }

  private static func checked(_ a: Int, _ b: Int, _ op: String) -> Int {
    let (value, overflow) = a.multipliedReportingOverflow(by: b)
    precondition(!overflow, "rational arithmetic overflows 64 bits: \(a) \(op) \(b)")
    return value
  }
}

extension Rational: ExpressibleByIntegerLiteral {
  public init(integerLiteral value: Int) { self.init(value) }
}
