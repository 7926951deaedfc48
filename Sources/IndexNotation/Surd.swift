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

  /// c·√d, normalised so that d is square-free.
  public init(_ coefficient: Rational, radicand: Int = 1) {
    precondition(radicand >= 0, "negative radicand \(radicand)")
    if radicand == 0 || coefficient.isZero {
      self.coefficient = .zero
      self.radicand = 1
      return
    }
    var d = radicand, outside = 1, f = 2
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

  /// √q for a non-negative rational q = a/b, written (1/b)·√(a·b).
  public static func squareRoot(of q: Rational) -> Surd? {
    guard q >= .zero else { return nil }
    return Surd(Rational(1, q.denominator), radicand: q.numerator * q.denominator)
  }

  public var doubleValue: Double { coefficient.doubleValue * Double(radicand).squareRoot() }
  public var isRational: Bool { radicand == 1 }
  public var isPositive: Bool { coefficient > .zero }

  public static func * (l: Surd, r: Surd) -> Surd {
    // √a·√b = √(ab); the initialiser pulls square factors back out.
    Surd(l.coefficient * r.coefficient, radicand: l.radicand * r.radicand)
  }
  public static func / (l: Surd, r: Surd) -> Surd {
    // 1/(c√d) = √d / (c·d)
    precondition(!r.coefficient.isZero, "division of \(l) by zero")
    let inverse = Surd(Rational.one / (r.coefficient * Rational(r.radicand)), radicand: r.radicand)
    return l * inverse
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
    let sign = c.numerator < 0 ? "−" : ""
    let p = abs(c.numerator), q = c.denominator
    // c√d with c = 1/(d·k)·... prints most naturally as 1/√d when c·d = 1.
    if Rational(p, q) * Rational(radicand) == .one { return "\(sign)1/\(root)" }
    let head = p == 1 ? root : "\(p)\(root)"
    return q == 1 ? sign + head : "\(sign)\(head)/\(q)"
  }

  /// LaTeX: `\frac{1}{\sqrt{2}}`, `\frac{\sqrt{3}}{2}`.
  public var latex: String {
    if radicand == 1 {
      let c = coefficient
      return c.isInteger ? "\(c.numerator)" : "\\frac{\(c.numerator)}{\(c.denominator)}"
    }
    let c = coefficient
    let sign = c.numerator < 0 ? "-" : ""
    let p = abs(c.numerator), q = c.denominator
    let root = "\\sqrt{\(radicand)}"
    if Rational(p, q) * Rational(radicand) == .one { return "\(sign)\\frac{1}{\(root)}" }
    let head = p == 1 ? root : "\(p)\(root)"
    return q == 1 ? sign + head : "\(sign)\\frac{\(head)}{\(q)}"
  }
}
