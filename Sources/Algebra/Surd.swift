/// An exact real number of the form c·√d with rational c and a square-free natural d.
///
/// The roots of the quadratics in the problem set (γ² · 2 = 1) and the printed answers to them
/// (`1/\sqrt{2}`, `\frac{\sqrt 2}{2}`) are all of this form, so they compare exactly, without
/// floating point.
public struct Surd: Hashable, Sendable, CustomStringConvertible {
  /// The rational coefficient c.
  public let coefficient: Rational
  /// The square-free radicand d ≥ 1 (1 for a rational number).
  public let radicand: Int

  /// Radicands are kept below 2³¹ so that square factors come out in at most 46 341 steps.
  public static let maximumRadicand = 1 << 31

  /// c·√d, normalised so that d is square-free.
  /// - Complexity: O(√d) trial divisions, at most 46 341 for d < 2³¹.
  public init(_ coefficient: Rational, radicand: Int = 1) {
    precondition(
      radicand >= 0 && radicand < Surd.maximumRadicand,
      "radicand \(radicand) outside 0..<2³¹")
    if radicand == 0 || coefficient.isZero {
      self.coefficient = .zero
      self.radicand = 1
      return
    }
    var d = radicand
    var outside = 1
    var f = 2
    while f * f <= d {
      while d % (f * f) == 0 {
        d /= f * f
        outside *= f
      }
      f += 1
    }
    self.coefficient = coefficient * Rational(outside)
    self.radicand = d
  }

  /// √q for a non-negative rational q = a/b, written (1/b)·√(a·b); nil when q < 0 or a·b is
  /// too large to factor.
  public static func squareRoot(of q: Rational) -> Surd? {
    guard q >= .zero else { return nil }
    guard let r = Int(exactly: q.numerator * q.denominator), r < maximumRadicand else { return nil }
    return Surd(Rational(big: 1, q.denominator), radicand: r)
  }

  /// c·√d in floating point.
  public var doubleValue: Double { coefficient.doubleValue * Double(radicand).squareRoot() }
  /// Whether d = 1, so the value is the rational c.
  public var isRational: Bool { radicand == 1 }
  /// Whether c > 0.
  public var isPositive: Bool { coefficient > .zero }

  /// The product, when its radicand stays below `maximumRadicand`.
  public func multiplied(by r: Surd) -> Surd? {
    let (d, overflow) = radicand.multipliedReportingOverflow(by: r.radicand)
    guard !overflow, d < Surd.maximumRadicand else { return nil }
    return Surd(coefficient * r.coefficient, radicand: d)
  }

  /// The quotient (1/(c√d) = √d/(c·d)), nil for a zero divisor or a radicand too large.
  public func divided(by r: Surd) -> Surd? {
    guard !r.coefficient.isZero else { return nil }
    let inverse = Surd(Rational.one / (r.coefficient * Rational(r.radicand)), radicand: r.radicand)
    return multiplied(by: inverse)
  }

  /// (c√d)·(c′√d′) = c·c′·√(d·d′); traps when d·d′ reaches `maximumRadicand`.
  public static func * (l: Surd, r: Surd) -> Surd {
    guard let p = l.multiplied(by: r) else {
      preconditionFailure("the radicand of \(l) · \(r) exceeds 2³¹")
    }
    return p
  }
  /// The quotient as `divided(by:)`; traps on a zero divisor or a radicand too large.
  public static func / (l: Surd, r: Surd) -> Surd {
    guard let q = l.divided(by: r) else { preconditionFailure("division of \(l) by \(r)") }
    return q
  }
  public static prefix func - (x: Surd) -> Surd { Surd(-x.coefficient, radicand: x.radicand) }

  /// The sum, when both terms share a radicand (otherwise it is not a `Surd`).
  public static func + (l: Surd, r: Surd) -> Surd? {
    if l.coefficient.isZero { return r }
    if r.coefficient.isZero { return l }
    guard l.radicand == r.radicand else { return nil }
    return Surd(l.coefficient + r.coefficient, radicand: l.radicand)
  }

  /// Plain text in the form the problem set prints: `1/√2`, `√3/2`, `2√2`, `3/4`.
  public var description: String {
    if radicand == 1 { return coefficient.description }
    let root = "√\(radicand)"
    let c = coefficient
    let sign = c.isNegative ? "−" : ""
    let p = c.numerator.magnitude
    let q = c.denominator
    // c√d prints most naturally as 1/√d when c·d = 1.
    if (c.isNegative ? -c : c) * Rational(radicand) == .one { return "\(sign)1/\(root)" }
    let head = p == 1 ? root : "\(p)\(root)"
    return q == 1 ? sign + head : "\(sign)\(head)/\(q)"
  }

  /// LaTeX: `\frac{1}{\sqrt{2}}`, `\frac{\sqrt{3}}{2}`.
  public var latex: String {
    let c = coefficient
    if radicand == 1 {
      return c.isInteger
        ? "\(c.numerator)"
        : "\(c.isNegative ? "-" : "")\\frac{\(c.numerator.magnitude)}{\(c.denominator)}"
    }
    let sign = c.isNegative ? "-" : ""
    let p = c.numerator.magnitude
    let q = c.denominator
    let root = "\\sqrt{\(radicand)}"
    if (c.isNegative ? -c : c) * Rational(radicand) == .one { return "\(sign)\\frac{1}{\(root)}" }
    let head = p == 1 ? root : "\(p)\(root)"
    return q == 1 ? sign + head : "\(sign)\\frac{\(head)}{\(q)}"
  }

  /// Presentation MathML for the number.
  public var mathML: String {
    let c = coefficient
    let sign = c.isNegative ? "<mo>−</mo>" : ""
    let p = c.numerator.magnitude
    let q = c.denominator
    if radicand == 1 {
      return sign + (q == 1 ? "<mn>\(p)</mn>" : "<mfrac><mn>\(p)</mn><mn>\(q)</mn></mfrac>")
    }
    let root = "<msqrt><mn>\(radicand)</mn></msqrt>"
    if (c.isNegative ? -c : c) * Rational(radicand) == .one {
      return sign + "<mfrac><mn>1</mn>\(root)</mfrac>"
    }
    let head = p == 1 ? root : "<mrow><mn>\(p)</mn>\(root)</mrow>"
    return sign + (q == 1 ? head : "<mfrac>\(head)<mn>\(q)</mn></mfrac>")
  }
}
