/// A real quadratic irrational r + s with r rational and s a surd: the form of every root of a
/// quadratic with rational coefficients.
public struct QuadraticNumber: Hashable, Sendable, CustomStringConvertible {
  /// The rational part r.
  public let rational: Rational
  /// The surd part s = c·√d; zero when the number is rational.
  public let surd: Surd

  /// r + s; a rational surd (d = 1) is folded into the rational part.
  public init(rational: Rational = .zero, surd: Surd = Surd(.zero)) {
    if surd.isRational {
      self.rational = rational + surd.coefficient
      self.surd = Surd(.zero)
    } else {
      self.rational = rational
      self.surd = surd
    }
  }

  /// r + c·√d in floating point.
  public var doubleValue: Double { rational.doubleValue + surd.doubleValue }
  /// Whether r + s > 0, decided in floating point.
  public var isPositive: Bool { doubleValue > 0 }

  /// The number as a single surd, when its rational part is zero or its surd part is.
  public var asSurd: Surd? {
    if surd.coefficient.isZero { return Surd(rational) }
    return rational.isZero ? surd : nil
  }

  /// `r + s` in plain text (`1/2 − √5/2`); just r or s when the other is zero.
  public var description: String {
    if surd.coefficient.isZero { return rational.description }
    if rational.isZero { return surd.description }
    let s = surd.coefficient < .zero ? " − \((-surd).description)" : " + \(surd.description)"
    return rational.description + s
  }

  /// The number in LaTeX, as `Surd.latex` writes each part.
  public var latex: String {
    if surd.coefficient.isZero { return Surd(rational).latex }
    if rational.isZero { return surd.latex }
    let s = surd.coefficient < .zero ? " - \((-surd).latex)" : " + \(surd.latex)"
    return Surd(rational).latex + s
  }
}

/// A failure to solve an equation in the form asked.
public enum SolveError: Error, Equatable, CustomStringConvertible {
  case notUnivariate(symbol: String, others: [String])
  case notQuadratic(symbol: String, degree: Int)
  case noRealRoot(equation: String)

  /// A sentence naming the other symbols, the degree found, or the equation without a root.
  public var description: String {
    switch self {
    case .notUnivariate(let symbol, let others):
      "the equation involves \(others.joined(separator: ", ")) besides \(symbol)"
    case .notQuadratic(let symbol, let degree):
      "the equation has degree \(degree) in \(symbol); expected 1 or 2"
    case .noRealRoot(let equation): "\(equation) = 0 has no real root"
    }
  }
}

extension Polynomial {
  /// The real roots of `self = 0` in `symbol`, ascending, for a polynomial of degree 1 or 2 in
  /// that symbol alone: `(−b ± √(b² − 4ac)) / 2a`, exactly.
  /// - Complexity: O(t·f) to split t terms of at most f factors by powers of `symbol`, then a
  ///   constant number of rational operations and one square root (`Surd.squareRoot(of:)`,
  ///   O(√(p·q)) trial divisions for the discriminant p/q, at most 46 341).
  public func realRoots(in symbol: String) throws -> [QuadraticNumber] {
    let others = symbols.subtracting([symbol])
    guard others.isEmpty else {
      throw SolveError.notUnivariate(symbol: symbol, others: others.sorted())
    }
    let k = coefficients(in: symbol).mapValues { $0.constantValue ?? .zero }
    let a = k[2] ?? .zero
    let b = k[1] ?? .zero
    let c = k[0] ?? .zero
    let degree = degree(in: symbol)
    switch degree {
    case 1:
      return [QuadraticNumber(rational: -c / b)]
    case 2:
      let discriminant = b * b - Rational(4) * a * c
      guard let root = Surd.squareRoot(of: discriminant) else {
        throw SolveError.noRealRoot(equation: description)
      }
      let twoA = Rational(2) * a
      let centre = -b / twoA
      let offset = root / Surd(twoA)
      let roots = [
        QuadraticNumber(rational: centre, surd: -offset),
        QuadraticNumber(rational: centre, surd: offset),
      ]
      let distinct = Array(Set(roots)).sorted { $0.doubleValue < $1.doubleValue }
      return distinct
    default:
      throw SolveError.notQuadratic(symbol: symbol, degree: degree)
    }
  }
}
