import BigInt
import Foundation
import TensorCore

/// A product of symbols raised to positive integer powers, e.g. N²·L.
public struct Monomial: Hashable, Sendable, Comparable {
  /// (symbol, exponent) pairs sorted by symbol, exponents ≥ 1.
  public let factors: [Factor]

  /// One symbol raised to its exponent.
  public struct Factor: Hashable, Sendable {
    /// The symbol's name, e.g. `N_in`.
    public let symbol: String
    /// The power, ≥ 1 in a monomial.
    public let exponent: Int
  }

  /// The monomial Π symbol^exponent; zero exponents are dropped.
  public init(_ powers: [String: Int]) {
    factors = powers.filter { $0.value != 0 }.sorted { $0.key < $1.key }
      .map { Factor(symbol: $0.key, exponent: $0.value) }
  }

  /// The empty product, 1.
  public static let one = Monomial([:])

  /// The total degree: the sum of the exponents.
  public var degree: Int { factors.reduce(0) { $0 + $1.exponent } }
  /// The exponent of each symbol, by name.
  public var powers: [String: Int] {
    Dictionary(uniqueKeysWithValues: factors.map { ($0.symbol, $0.exponent) })
  }
  /// The exponent of `symbol`, 0 when it does not occur.
  public func exponent(of symbol: String) -> Int {
    factors.first { $0.symbol == symbol }?.exponent ?? 0
  }

  init(sortedFactors: [Factor]) { factors = sortedFactors }

  /// The product: a merge of the two sorted factor lists (no dictionaries, no sorting).
  /// - Complexity: O(a + b) for monomials of a and b factors.
  public static func * (l: Monomial, r: Monomial) -> Monomial {
    if l.factors.isEmpty { return r }
    if r.factors.isEmpty { return l }
    var out: [Factor] = []
    out.reserveCapacity(l.factors.count + r.factors.count)
    var i = 0
    var j = 0
    while i < l.factors.count || j < r.factors.count {
      if j == r.factors.count || (i < l.factors.count && l.factors[i].symbol < r.factors[j].symbol)
      {
        out.append(l.factors[i])
        i += 1
      } else if i == l.factors.count || r.factors[j].symbol < l.factors[i].symbol {
        out.append(r.factors[j])
        j += 1
      } else {
        let e = l.factors[i].exponent + r.factors[j].exponent
        if e != 0 { out.append(Factor(symbol: l.factors[i].symbol, exponent: e)) }
        i += 1
        j += 1
      }
    }
    return Monomial(sortedFactors: out)
  }

  /// Graded lexicographic order: higher degree first, then by symbols.
  public static func < (l: Monomial, r: Monomial) -> Bool {
    if l.degree != r.degree { return l.degree > r.degree }
    for (a, b) in zip(l.factors, r.factors) {
      if a.symbol != b.symbol { return a.symbol < b.symbol }
      if a.exponent != b.exponent { return a.exponent > b.exponent }
    }
    return l.factors.count < r.factors.count
  }
}

/// A multivariate polynomial with exact rational coefficients over named symbols.
///
/// The representation is canonical (a map from monomial to non-zero coefficient), so two
/// polynomials are equal exactly when `==` says so.
public struct Polynomial: Hashable, Sendable {
  /// The non-zero coefficient of each monomial.
  public private(set) var terms: [Monomial: Rational]

  /// The constant polynomial `constant` (no terms when it is zero).
  public init(_ constant: Rational = .zero) {
    terms = constant.isZero ? [:] : [.one: constant]
  }

  /// The polynomial `symbol`, of degree 1.
  public init(symbol: String) { terms = [Monomial([symbol: 1]): .one] }

  /// The polynomial Σ c·m over `terms`, zero coefficients dropped.
  package init(terms: [Monomial: Rational]) { self.terms = terms.filter { !$0.value.isZero } }

  /// The polynomial `name`, of degree 1.
  public static func symbol(_ name: String) -> Polynomial { Polynomial(symbol: name) }

  /// Whether every coefficient is zero.
  public var isZero: Bool { terms.isEmpty }
  /// The symbols that occur with a non-zero coefficient.
  public var symbols: Set<String> { Set(terms.keys.flatMap { $0.factors.map(\.symbol) }) }

  /// The constant value, when the polynomial has no symbols.
  public var constantValue: Rational? {
    if terms.isEmpty { return .zero }
    return terms.count == 1 ? terms[.one] : nil
  }

  /// The sum, coefficient by coefficient; cancelled terms are dropped.
  /// - Complexity: O(t + u) coefficient additions for t and u terms.
  public static func + (l: Polynomial, r: Polynomial) -> Polynomial {
    var t = l.terms
    for (m, c) in r.terms { t[m, default: .zero] += c }
    return Polynomial(terms: t)
  }
  /// −p, each coefficient negated.
  public static prefix func - (p: Polynomial) -> Polynomial {
    Polynomial(terms: p.terms.mapValues { -$0 })
  }
  /// l − r = l + (−r).
  public static func - (l: Polynomial, r: Polynomial) -> Polynomial { l + (-r) }
  /// The product Σᵢⱼ (cᵢ·c′ⱼ)(mᵢ·m′ⱼ), like monomials collected.
  /// - Complexity: O(t·u) monomial and coefficient products for t and u terms.
  public static func * (l: Polynomial, r: Polynomial) -> Polynomial {
    var t: [Monomial: Rational] = [:]
    for (ma, ca) in l.terms {
      for (mb, cb) in r.terms { t[ma * mb, default: .zero] += ca * cb }
    }
    return Polynomial(terms: t)
  }
  /// The polynomial scaled by a rational constant.
  public static func * (l: Rational, r: Polynomial) -> Polynomial { Polynomial(l) * r }

  /// selfⁿ by n − 1 successive products (self⁰ = 1); traps when n < 0.
  public func power(_ n: Int) -> Polynomial {
    precondition(n >= 0, "negative exponent \(n)")
    var result = Polynomial(.one)
    for _ in 0..<n { result = result * self }
    return result
  }

  /// Replaces symbols by polynomials.
  /// Each symbol of `values` is replaced by its polynomial; the others stay.
  public func substituting(_ values: [String: Polynomial]) -> Polynomial {
    var sum: [Monomial: Rational] = [:]  // filled in place, as in `coefficients(in:)`
    for (m, c) in terms {
      var term = Polynomial(c)
      for f in m.factors {
        term = term * (values[f.symbol] ?? .symbol(f.symbol)).power(f.exponent)
      }
      for (tm, tc) in term.terms { sum[tm, default: .zero] += tc }
    }
    return Polynomial(terms: sum)
  }

  /// The value at a point; nil when a symbol has no value.
  /// Σ c·Π v^e over the terms, exactly.
  /// - Complexity: O(t·f) rational powers for t terms of at most f factors.
  public func evaluate(_ point: [String: Rational]) -> Rational? {
    var sum = Rational.zero
    for (m, c) in terms {
      var term = c
      for f in m.factors {
        guard let v = point[f.symbol] else { return nil }
        term *= v.power(f.exponent)
      }
      sum += term
    }
    return sum
  }

  /// The degree in one symbol.
  /// The largest exponent of `symbol` in any term; 0 when it does not occur.
  public func degree(in symbol: String) -> Int {
    terms.keys.map { $0.exponent(of: symbol) }.max() ?? 0
  }

  /// The coefficients of the powers of `symbol`: self = Σ_k coefficients[k]·symbol^k.
  /// - Complexity: O(t·f) for t terms of at most f factors.
  public func coefficients(in symbol: String) -> [Int: Polynomial] {
    // Term maps are filled in place: adding polynomial by polynomial would copy the map for
    // every term, quadratic in the number of terms.
    var byPower: [Int: [Monomial: Rational]] = [:]
    for (m, c) in terms {
      let rest = Monomial(sortedFactors: m.factors.filter { $0.symbol != symbol })
      byPower[m.exponent(of: symbol), default: [:]][rest, default: .zero] += c
    }
    return byPower.mapValues { Polynomial(terms: $0) }
  }

  /// Terms in canonical order (graded lexicographic).
  public var sortedTerms: [(Monomial, Rational)] {
    terms.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
  }
}

extension Polynomial {
  /// Equal, or not equal with a point where the two differ.
  ///
  /// Points are searched first on the grid 1…6 in each symbol (small, readable counterexamples;
  /// the whole grid for up to four symbols), then at pseudo-random points in 1…97, where a
  /// non-zero polynomial of total degree d vanishes with probability at most d/97 per point
  /// (Schwartz–Zippel), so 2048 points miss it only for absurd degrees.
  ///
  /// - Complexity: O(t·f·log e) integer products per point for t terms of at most f factors and
  ///   exponents up to e, at up to 4,096 grid points and 2,048 random ones.
  public func compare(to other: Polynomial) -> (equal: Bool, counterexample: [String: Int]?) {
    let difference = self - other
    if difference.isZero { return (true, nil) }
    let names = difference.symbols.sorted()
    // The search evaluates the difference at up to 6,144 small points. Modulo the prime 2⁶¹ − 1
    // each point costs a few integer products per term, where exact rational arithmetic on a high
    // power (such as (1 + 2N·N_b(L − …))³⁰) would cost minutes. A non-zero residue proves the
    // value is not zero, so a counterexample found this way is one; equality itself was decided
    // exactly above.
    let modular = difference.residues(names: names)
    func differs(_ point: [String: Int]) -> Bool {
      guard let modular else {
        return difference.evaluate(point.mapValues { Rational($0) }) != .zero
      }
      let values = names.map { UInt64(max(0, point[$0] ?? 0)) }
      var sum: UInt64 = 0
      for (factors, coefficient) in modular {
        var term = coefficient
        for (symbol, exponent) in factors {
          term = Polynomial.mulmod(
            term, Polynomial.powmod(values[symbol] % Polynomial.prime, exponent))
        }
        sum = (sum + term) % Polynomial.prime
      }
      return sum != 0
    }
    var point = [String: Int](uniqueKeysWithValues: names.map { ($0, 1) })
    for _
      in 0..<ResourceLimits.saturatingProduct(Array(repeating: 6, count: names.count)).clamped(
        to: 1...4096)
    {
      if differs(point) { return (false, point) }
      for name in names {
        point[name]! += 1
        if point[name]! <= 6 { break }
        point[name] = 1
      }
    }
    var state: UInt64 = 0x9e37_79b9_7f4a_7c15
    for _ in 0..<2048 {
      for name in names {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        point[name] = 1 + Int((state >> 33) % 97)
      }
      if differs(point) { return (false, point) }
    }
    return (false, nil)
  }
}

extension Polynomial {
  /// The Mersenne prime 2⁶¹ − 1.
  static let prime: UInt64 = (1 << 61) - 1

  static func mulmod(_ a: UInt64, _ b: UInt64) -> UInt64 {
    prime.dividingFullWidth(a.multipliedFullWidth(by: b)).remainder
  }

  static func powmod(_ base: UInt64, _ exponent: Int) -> UInt64 {
    var result: UInt64 = 1
    var b = base % prime
    var e = exponent
    while e > 0 {
      if e & 1 == 1 { result = mulmod(result, b) }
      b = mulmod(b, b)
      e >>= 1
    }
    return result
  }

  /// Each term as (factors by index into `names`, coefficient modulo `prime`); nil when a
  /// denominator is a multiple of the prime (then only exact arithmetic will do).
  func residues(names: [String]) -> [([(Int, Int)], UInt64)]? {
    let big = BigInt(Polynomial.prime)
    func residue(_ x: BigInt) -> UInt64 {
      let r = x % big
      return UInt64(r.sign == .minus ? r + big : r)
    }
    let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    var out: [([(Int, Int)], UInt64)] = []
    for (m, c) in terms {
      let denominator = residue(c.denominator)
      let factors = m.factors.compactMap { f in index[f.symbol].map { ($0, f.exponent) } }
      guard denominator != 0, factors.count == m.factors.count else { return nil }
      let inverse = Polynomial.powmod(denominator, Int(Polynomial.prime - 2))
      out.append((factors, Polynomial.mulmod(residue(c.numerator), inverse)))
    }
    return out
  }
}

extension Comparable {
  func clamped(to range: ClosedRange<Self>) -> Self {
    min(max(self, range.lowerBound), range.upperBound)
  }
}
