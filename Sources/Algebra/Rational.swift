import BigInt

/// An exact rational number p/q in lowest terms with q > 0, of any size.
///
/// Arbitrary precision (BigInt) so that exact answers stay exact whatever a reader is given
/// (`2^64`, `(1+6P)^{30}`): nothing wraps and nothing traps. Readers of untrusted text bound the
/// size of the numbers they build (`Rational.bitWidth`) so that no input can exhaust memory.
public struct Rational: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The numerator p, carrying the sign.
  public let numerator: BigInt
  /// The denominator q > 0, coprime with p.
  public let denominator: BigInt

  /// numerator/denominator in lowest terms; traps on a zero denominator.
  public init(_ numerator: Int, _ denominator: Int = 1) {
    self.init(big: BigInt(numerator), BigInt(denominator))
  }

  /// numerator/denominator in lowest terms with a positive denominator; traps on zero.
  public init(big numerator: BigInt, _ denominator: BigInt = 1) {
    precondition(!denominator.isZero, "zero denominator in \(numerator)/\(denominator)")
    let g = BigInt(numerator.magnitude.greatestCommonDivisor(with: denominator.magnitude))
    let divisor = g.isZero ? BigInt(1) : g
    let sign: BigInt = denominator.sign == .minus ? -1 : 1
    self.numerator = sign * numerator / divisor
    self.denominator = sign * denominator / divisor
  }

  private init(reduced numerator: BigInt, _ denominator: BigInt) {
    self.numerator = numerator
    self.denominator = denominator
  }

  /// Zero, 0/1.
  public static let zero = Rational(0)
  /// One, 1/1.
  public static let one = Rational(1)

  /// Whether p = 0.
  public var isZero: Bool { numerator.isZero }
  /// Whether q = 1.
  public var isInteger: Bool { denominator == 1 }
  /// Whether p/q < 0.
  public var isNegative: Bool { numerator.sign == .minus && !numerator.isZero }

  /// The value as an `Int` when it is a whole number that fits.
  public var intValue: Int? { isInteger ? Int(exactly: numerator) : nil }

  /// The number of bits of the larger of numerator and denominator: what a reader bounds.
  public var bitWidth: Int { max(numerator.magnitude.bitWidth, denominator.magnitude.bitWidth) }

  /// The nearest double (±∞ beyond its range), computed without overflowing intermediates.
  public var doubleValue: Double {
    if isZero { return 0 }
    let n = numerator.magnitude
    let d = denominator.magnitude
    // Keep 64 significant bits of each before converting, so huge values keep their ratio.
    let nShift = max(0, n.bitWidth - 64)
    let dShift = max(0, d.bitWidth - 64)
    let value = Double(n >> nShift) / Double(d >> dShift)
    let scaled = value * pow2(nShift - dShift)
    return numerator.sign == .minus ? -scaled : scaled
  }

  private func pow2(_ e: Int) -> Double {
    if e > 2000 { return .infinity }
    if e < -2000 { return 0 }
    var r = 1.0
    var k = e
    while k > 0 {
      let s = min(k, 1000)
      r *= Double(sign: .plus, exponent: s, significand: 1)
      k -= s
    }
    while k < 0 {
      let s = min(-k, 1000)
      r /= Double(sign: .plus, exponent: s, significand: 1)
      k += s
    }
    return r
  }

  /// The sum p/q + p′/q′ = (p·q′ + p′·q)/(q·q′) in lowest terms. Whole numbers (q = 1) skip the
  /// gcd, since polynomials of counts are almost all whole and the gcd of large numerators would
  /// dominate their products; equal denominators add the numerators over q.
  public static func + (l: Rational, r: Rational) -> Rational {
    if l.isInteger && r.isInteger { return Rational(reduced: l.numerator + r.numerator, 1) }
    if l.denominator == r.denominator {
      return Rational(big: l.numerator + r.numerator, l.denominator)
    }
    return Rational(
      big: l.numerator * r.denominator + r.numerator * l.denominator,
      l.denominator * r.denominator)
  }
  /// −(p/q) = (−p)/q.
  public static prefix func - (x: Rational) -> Rational {
    Rational(reduced: -x.numerator, x.denominator)
  }
  /// l − r = l + (−r).
  public static func - (l: Rational, r: Rational) -> Rational { l + (-r) }
  /// The product (p·p′)/(q·q′) in lowest terms; whole numbers skip the gcd.
  public static func * (l: Rational, r: Rational) -> Rational {
    if l.isInteger && r.isInteger { return Rational(reduced: l.numerator * r.numerator, 1) }
    return Rational(big: l.numerator * r.numerator, l.denominator * r.denominator)
  }
  /// The quotient (p·q′)/(q·p′) in lowest terms; traps when r = 0.
  public static func / (l: Rational, r: Rational) -> Rational {
    precondition(!r.isZero, "division of \(l) by zero")
    return Rational(big: l.numerator * r.denominator, l.denominator * r.numerator)
  }
  /// l = l + r.
  public static func += (l: inout Rational, r: Rational) { l = l + r }
  /// l = l · r.
  public static func *= (l: inout Rational, r: Rational) { l = l * r }

  /// p/q < p′/q′ ⇔ p·q′ < p′·q (denominators positive).
  public static func < (l: Rational, r: Rational) -> Bool {
    l.numerator * r.denominator < r.numerator * l.denominator
  }

  /// `self` raised to a non-negative integer power, by repeated squaring.
  public func power(_ exponent: Int) -> Rational {
    precondition(exponent >= 0, "negative exponent \(exponent)")
    return Rational(reduced: numerator.power(exponent), denominator.power(exponent))
  }

  /// `p` for whole numbers, else `p/q`.
  public var description: String {
    denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)"
  }
}

extension Rational: ExpressibleByIntegerLiteral {
  /// The whole number `value`, as `Rational(value)`.
  public init(integerLiteral value: Int) { self.init(value) }
}
