import TensorCore

/// The relation of a solved inequality.
public enum Relation: String, Sendable, CaseIterable {
  case less = "<"
  case greater = ">"
  case lessOrEqual = "≤"
  case greaterOrEqual = "≥"

  /// Whether `l relation r` holds.
  public func holds(_ l: Rational, _ r: Rational) -> Bool {
    #if PSVERIFY_FAULTS
      // A planted bug for the tests (PSVERIFY_FAULTS builds only): < and > hold on equality.
      if KernelFaults.isSet(.strictRelationNonStrict) && l == r { return true }
    #endif
    return switch self {
    case .less: l < r
    case .greater: l > r
    case .lessOrEqual: l <= r
    case .greaterOrEqual: l >= r
    }
  }
}

/// `symbol relation bound`, e.g. N_bottle < N/2.
public struct LinearInequality: Sendable, Equatable, CustomStringConvertible {
  /// The symbol solved for, e.g. `N_bottle`.
  public let symbol: String
  /// How the symbol compares with the bound.
  public let relation: Relation
  /// The bound, a polynomial in the other symbols, e.g. N/2.
  public let bound: Polynomial
  /// The positive factors divided out on the way, e.g. N·(L − 1).
  public let dividedFactor: Polynomial

  /// `symbol relation bound`, with the positive factors divided out to reach it.
  public init(
    symbol: String, relation: Relation, bound: Polynomial,
    dividedFactor: Polynomial = Polynomial(1)
  ) {
    self.symbol = symbol
    self.relation = relation
    self.bound = bound
    self.dividedFactor = dividedFactor
  }

  /// `symbol relation bound` in plain text.
  public var description: String { "\(symbol) \(relation.rawValue) \(bound)" }

  /// Whether the inequality holds at a point (every symbol of the bound given).
  public func holds(_ point: [String: Rational]) -> Bool? {
    guard let v = point[symbol], let b = bound.evaluate(point) else { return nil }
    return relation.holds(v, b)
  }
}

/// Why an inequality cannot be solved for one symbol.
public enum InequalityError: Error, Equatable, CustomStringConvertible {
  case notLinear(symbol: String, degree: Int)
  case indefiniteSign(factor: String)
  case boundNotPolynomial(numerator: String, denominator: String)

  /// A sentence naming the degree, the factor of unknown sign, or the bound.
  public var description: String {
    switch self {
    case .notLinear(let symbol, let degree):
      "after dividing out positive factors the inequality has degree \(degree) in \(symbol); expected 1"
    case .indefiniteSign(let factor):
      "the sign of \(factor) is not fixed by the positivity assumptions"
    case .boundNotPolynomial(let n, let d):
      "the solved bound (\(n))/(\(d)) is not a polynomial"
    }
  }
}

extension Polynomial {
  /// The monomial that divides every term (each symbol to its smallest exponent).
  public var commonMonomialFactor: Monomial {
    guard let first = terms.keys.first else { return .one }
    var powers = first.powers
    for m in terms.keys {
      for (s, e) in powers { powers[s] = min(e, m.exponent(of: s)) }
    }
    return Monomial(powers)
  }

  /// Divides every term by a monomial that divides them all.
  public func dividing(by m: Monomial) -> Polynomial {
    guard let q = exactlyDividing(by: m) else {
      preconditionFailure("\(m) does not divide \(self)")
    }
    return q
  }

  /// The quotient by a monomial, nil when the monomial does not divide every term.
  public func exactlyDividing(by m: Monomial) -> Polynomial? {
    var t: [Monomial: Rational] = [:]
    for (mono, c) in terms {
      var p = mono.powers
      for f in m.factors {
        guard p[f.symbol, default: 0] >= f.exponent else { return nil }
        p[f.symbol]! -= f.exponent
      }
      t[Monomial(p), default: .zero] += c
    }
    return Polynomial(terms: t)
  }

  /// Solves `self > 0` for `symbol`, given that every symbol in `positive` is > 0.
  ///
  /// Divides out the common monomial factor (positive, its symbols being positive), then needs
  /// a·symbol + c > 0 with a of fixed sign: a constant, or a signed monomial in positive symbols.
  /// - Complexity: O(t·f) for t terms of at most f factors: the common factor, the division
  ///   and the split by powers of `symbol` each take one pass over the terms.
  public func solvePositive(in symbol: String, positive: Set<String>) throws -> LinearInequality {
    let m = commonMonomialFactor
    for f in m.factors where !positive.contains(f.symbol) {
      throw InequalityError.indefiniteSign(factor: f.symbol)
    }
    let reduced = dividing(by: Monomial(m.powers.filter { $0.key != symbol }))
    let degree = reduced.degree(in: symbol)
    guard degree == 1 else { throw InequalityError.notLinear(symbol: symbol, degree: degree) }
    let k = reduced.coefficients(in: symbol)
    let a = k[1] ?? Polynomial()
    let c = k[0] ?? Polynomial()
    guard a.terms.count == 1, let (mono, coefficient) = a.terms.first,
      mono.factors.allSatisfy({ positive.contains($0.symbol) })
    else {
      throw InequalityError.indefiniteSign(factor: a.description)
    }
    // a·v + c > 0  ⟺  v > −c/a when a > 0, v < −c/a when a < 0.
    guard let quotient = c.exactlyDividing(by: mono) else {
      throw InequalityError.boundNotPolynomial(
        numerator: (-c).description, denominator: a.description)
    }
    let bound = (Rational(-1) / coefficient) * quotient
    let factor = Polynomial(terms: [Monomial(m.powers.filter { $0.key != symbol }): .one])
    return LinearInequality(
      symbol: symbol, relation: coefficient > .zero ? .greater : .less,
      bound: bound, dividedFactor: factor)
  }
}
