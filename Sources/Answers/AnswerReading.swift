import Algebra
import BigInt
import Foundation

/// Gives an answer's syntax tree a meaning: a polynomial over a symbol table, an exact scalar,
/// a condition solved for one symbol, or a power of a named base.
///
/// Everything it builds is bounded (`maximumBits`, `maximumTerms`, `maximumProducts`, exponents
/// up to 64), so no answer can make it run long or exhaust memory; going past a bound is a
/// located error that names the number or product that grew too large.
public enum AnswerReading {
  /// The largest number of bits of a numerator or denominator built from an answer: 77 digits,
  /// far past any count or constant an answer needs (a product of ten sizes of 4096 has 120
  /// bits), and small enough that exact arithmetic stays fast: every term of a polynomial power
  /// reduces its coefficient by a gcd, whose cost grows with the bits, so at 1024 or 4096 bits a
  /// power such as (tf + G·6P·66/6666661 + …)^32 would take seconds.
  public static let maximumBits = 256
  /// The largest number of terms of a polynomial built from an answer.
  public static let maximumTerms = 4096
  /// The most products of two terms that expanding one answer may take, summed over every `*` and
  /// every step of every power: the work of a reading is linear in this. A count, a condition or
  /// (N + N_bottle)^4 takes a few dozen; N_gb(oe − .3 − .152P)^{57}, three terms to the 57th
  /// power (1,711 terms, about 100,000 products of 400-bit numbers), is refused.
  public static let maximumProducts = 16_384
  /// The largest power an answer may raise to: `x^64`.
  public static let maximumExponent = 64

  // MARK: Polynomials

  /// The polynomial an expression denotes over `symbols`.
  ///
  /// - Throws: `AnswerSyntaxError` located at what is not a polynomial (a square root, a
  ///   division by a non-constant) or at the operator whose result passes a bound above.
  /// - Complexity: at most `maximumProducts` products of terms, each of numbers of at most
  ///   `maximumBits` bits (a fraction's product weighs four), so bounded for every input.
  public static func polynomial(_ e: AnswerExpression, symbols: SymbolTable, text: String)
    throws(AnswerSyntaxError) -> Polynomial
  {
    func fail(_ message: String, _ offset: Int) -> AnswerSyntaxError {
      AnswerSyntaxError(message, offset: offset, in: text)
    }
    var products = 0
    /// A product of fractions is reduced by a gcd, several times the cost of a whole product:
    /// it counts four times.
    func reducedWeight(_ a: Polynomial, _ b: Polynomial) -> Int {
      a.terms.values.allSatisfy(\.isInteger) && b.terms.values.allSatisfy(\.isInteger) ? 1 : 4
    }
    func spend(_ count: Int, _ offset: Int) throws(AnswerSyntaxError) {
      products += count
      if products > maximumProducts {
        throw fail(
          "expanding the expression takes more than \(maximumProducts) products of terms; "
            + "psverify reads polynomials that expand in fewer", offset)
      }
    }
    func bounded(_ p: Polynomial, _ offset: Int) throws(AnswerSyntaxError) -> Polynomial {
      if p.terms.count > maximumTerms {
        throw fail(
          "the expression expands to \(p.terms.count) terms; psverify reads polynomials of "
            + "up to \(maximumTerms) terms", offset)
      }
      if let big = p.terms.values.first(where: { $0.bitWidth > maximumBits }) {
        throw fail(
          "a coefficient grows to \(big.bitWidth) bits (about \(big.bitWidth * 3 / 10) "
            + "digits); psverify keeps exact numbers of up to \(maximumBits) bits", offset)
      }
      return p
    }
    func product(_ a: Polynomial, _ b: Polynomial, _ offset: Int) throws(AnswerSyntaxError)
      -> Polynomial
    {
      if a.terms.count * b.terms.count > maximumTerms {
        throw fail(
          "the product expands to about \(a.terms.count * b.terms.count) terms; psverify "
            + "reads polynomials of up to \(maximumTerms) terms", offset)
      }
      try spend(a.terms.count * b.terms.count * reducedWeight(a, b), offset)
      return try bounded(a * b, offset)
    }
    func read(_ e: AnswerExpression) throws(AnswerSyntaxError) -> Polynomial {
      switch e {
      case .number(let r, _, _): return Polynomial(r)
      case .identifier(let run, let sub, let offset):
        let names = try symbols.resolve(run: run, subscript: sub, offset: offset, in: text)
        return names.reduce(Polynomial(1)) { $0 * .symbol($1) }
      case .negate(let x): return -(try read(x))
      case .add, .subtract:
        // A chain `a ± b ± c …` nests to the left as deep as it has terms: read its spine in a
        // loop, so a long sum costs no stack.
        var operands: [(AnswerExpression, Bool)] = []
        var left = e
        while true {
          if case .add(let l, let r) = left {
            operands.append((r, true))
            left = l
          } else if case .subtract(let l, let r) = left {
            operands.append((r, false))
            left = l
          } else {
            break
          }
        }
        let at = left.offset
        var sum = try read(left)
        for (r, plus) in operands.reversed() {
          let b = try read(r)
          sum = try bounded(plus ? sum + b : sum - b, at)
        }
        return sum
      case .multiply(let l, let r):
        // `a·b·c …` nests to the left too: its left factors are read in a loop.
        var factors = [r]
        var left = l
        while case .multiply(let ll, let lr) = left {
          factors.append(lr)
          left = ll
        }
        var a = try read(left)
        for r in factors.dropFirst().reversed() {
          a = try product(a, try read(r), r.offset)
        }
        return try product(a, try read(factors[0]), factors[0].offset)
      case .divide(let l, let r, let offset):
        let d = try read(r)
        guard let c = d.constantValue, !c.isZero else {
          throw fail(
            d.isZero ? "division by zero" : "division by \(d); expected a polynomial", offset)
        }
        return try bounded((Rational.one / c) * (try read(l)), offset)
      case .power(let base, let exponent, let offset):
        let n = try wholeExponent(exponent, text: text, at: offset)
        // `BT^2D`: a run of letters is a product; the power belongs to its last letter.
        if case .identifier(let run, let sub, let at) = base {
          let names = try symbols.resolve(run: run, subscript: sub, offset: at, in: text)
          if names.count > 1 {
            let lead = names.dropLast().reduce(Polynomial(1)) { $0 * .symbol($1) }
            return try bounded(lead * (try power(.symbol(names.last!), n, offset)), offset)
          }
        }
        let b = try read(base)
        return try power(b, n, offset)
      case .squareRoot(_, let offset):
        throw fail("a square root is not a polynomial; expected a count such as B·X·Y", offset)
      }
    }
    /// `b^n`. A base with fractions is written B/d with B whole and d the common denominator:
    /// B^n needs no gcd, and each term is reduced once at the end, where reducing every product
    /// of every step would cost seconds on (1Y + .71Y·A³ + … + .71Y·A¹²·5P)^{30}.
    func power(_ b: Polynomial, _ n: Int, _ offset: Int) throws(AnswerSyntaxError) -> Polynomial {
      let d = b.terms.values.reduce(BigInt(1)) { d, c in
        d / BigInt(d.magnitude.greatestCommonDivisor(with: c.denominator.magnitude)) * c.denominator
      }
      // Whole arithmetic as long as d^n stays within twice the bound; past it, reduce each step.
      let whole = d.magnitude.bitWidth * n <= 2 * maximumBits
      let base =
        whole && d != 1
        ? Polynomial(
          terms: b.terms.mapValues { Rational(big: $0.numerator * (d / $0.denominator)) })
        : b
      var result = Polynomial(1)
      for step in stride(from: 1, through: n, by: 1) {
        // Checked before each product, as for `*`: a power of a many-term base would
        // otherwise multiply thousands of terms pairwise (minutes on
        // (K+M(K+Mutaio4P)^{30}utaio4P)^{30}).
        if result.terms.count * base.terms.count > maximumTerms {
          throw fail(
            "the power expands to about \(result.terms.count * base.terms.count) terms; "
              + "psverify reads polynomials of up to \(maximumTerms) terms", offset)
        }
        // B is whole on the whole-number path; past it the base has fractions.
        try spend(result.terms.count * base.terms.count * (whole ? 1 : 4), offset)
        result = result * base
        guard whole else {
          result = try bounded(result, offset)
          continue
        }
        // A whole coefficient C of B^step stands for C/d^step, whose reduced numerator is at
        // least C/d^step: past this many bits it is certainly wider than `maximumBits`.
        let limit = maximumBits + 1 + step * d.magnitude.bitWidth
        if result.terms.values.contains(where: { $0.numerator.magnitude.bitWidth > limit }) {
          throw fail(
            "a coefficient grows past \(maximumBits) bits (about \(maximumBits * 3 / 10) "
              + "digits) in step \(step) of the power; psverify keeps exact numbers of up "
              + "to \(maximumBits) bits", offset)
        }
      }
      if whole && d != 1 {
        let scale = Rational(big: 1, d.power(n))
        result = Polynomial(terms: result.terms.mapValues { scale * $0 })
      }
      return try bounded(result, offset)
    }
    return try read(e)
  }

  /// A non-negative whole exponent of at most `maximumExponent`.
  static func wholeExponent(_ e: AnswerExpression, text: String, at offset: Int)
    throws(AnswerSyntaxError) -> Int
  {
    guard let p = try? polynomial(e, symbols: SymbolTable([]), text: text), let c = p.constantValue,
      let n = c.intValue, n >= 0, n <= maximumExponent
    else {
      throw AnswerSyntaxError(
        "expected a whole-number exponent from 0 to \(maximumExponent)",
        offset: e.offset, in: text)
    }
    _ = offset
    return n
  }

  // MARK: Conditions

  /// One relation `lhs R rhs` of a chain, as polynomials.
  public struct Comparison: Sendable, Equatable {
    /// The left side.
    public var lhs: Polynomial
    /// How the sides compare.
    public var relation: Relation
    /// The right side.
    public var rhs: Polynomial

    /// The comparison `lhs relation rhs`.
    public init(lhs: Polynomial, relation: Relation, rhs: Polynomial) {
      self.lhs = lhs
      self.relation = relation
      self.rhs = rhs
    }
  }

  /// The comparisons of a chain `a < b ≤ c` → a < b, b ≤ c.
  /// - Complexity: one `polynomial(_:symbols:text:)` reading per operand, each bounded as there.
  public static func comparisons(_ chain: AnswerRelationChain, symbols: SymbolTable, text: String)
    throws(AnswerSyntaxError) -> [Comparison]
  {
    var out: [Comparison] = []
    var previous = try polynomial(chain.operands[0], symbols: symbols, text: text)
    for (k, relation) in chain.relations.enumerated() {
      let next = try polynomial(chain.operands[k + 1], symbols: symbols, text: text)
      out.append(Comparison(lhs: previous, relation: relation, rhs: next))
      previous = next
    }
    return out
  }

  // MARK: Scalars

  /// The real number an expression denotes: exact (a surd c·√d) while the arithmetic allows,
  /// otherwise approximate.
  /// - Complexity: one operation per node, a power at most `maximumExponent` products, on exact
  ///   numbers of at most `maximumBits` bits (a product or power past that is a located error; a
  ///   sum past it turns approximate).
  public static func scalar(_ e: AnswerExpression, text: String) throws(AnswerSyntaxError)
    -> ScalarValue
  {
    func fail(_ message: String, _ offset: Int) -> AnswerSyntaxError {
      AnswerSyntaxError(message, offset: offset, in: text)
    }
    func fits(_ s: Surd) -> Bool { s.coefficient.bitWidth <= maximumBits }
    func read(_ e: AnswerExpression) throws(AnswerSyntaxError) -> ScalarValue {
      switch e {
      case .number(let r, _, _): return .exact(Surd(r))
      case .identifier(let run, let sub, let offset):
        throw fail(
          "expected a number, found the symbol '\(run)\(sub.map { "_" + $0 } ?? "")'", offset)
      case .negate(let x): return ScalarValue.negate(try read(x))
      case .add(let l, let r): return ScalarValue.add(try read(l), try read(r))
      case .subtract(let l, let r):
        return ScalarValue.add(try read(l), ScalarValue.negate(try read(r)))
      case .multiply(let l, let r):
        let v = ScalarValue.multiply(try read(l), try read(r))
        if case .exact(let s) = v, !fits(s) { throw tooLarge(s, r.offset) }
        return v
      case .divide(let l, let r, let offset):
        let d = try read(r)
        guard d.doubleValue != 0 else { throw fail("division by zero", offset) }
        return ScalarValue.divide(try read(l), d)
      case .power(let base, let exponent, let offset):
        let b = try read(base)
        let x = try read(exponent)
        return try ScalarValue.power(b, x, offset: offset, text: text)
      case .squareRoot(let x, let offset):
        let v = try read(x)
        guard v.doubleValue >= 0 else { throw fail("square root of a negative number", offset) }
        if case .exact(let s) = v, s.isRational, let root = Surd.squareRoot(of: s.coefficient) {
          return .exact(root)
        }
        return .approximate(v.doubleValue.squareRoot())
      }
    }
    func tooLarge(_ s: Surd, _ offset: Int) -> AnswerSyntaxError {
      fail(
        "the number grows to \(s.coefficient.bitWidth) bits; psverify keeps exact numbers of up to "
          + "\(maximumBits) bits", offset)
    }
    return try read(e)
  }

  /// The number of decimals of a plain decimal answer (`0.7071` → 4), nil for anything else.
  public static func decimals(_ e: AnswerExpression) -> Int? {
    switch e {
    case .number(_, let d, _): d
    case .negate(let x): decimals(x)
    default: nil
    }
  }

  // MARK: Powers

  /// `base^exponent` with the base one of `bases` (`γ`, `gamma`): the exponent as a polynomial
  /// over `symbols`. The messages name the base as `shown` and give an exponent over the first
  /// of `symbols`' names as the example.
  /// - Complexity: the exponent's `polynomial(_:symbols:text:)` reading.
  public static func power(
    _ e: AnswerExpression, bases: Set<String>, shown: String, symbols: SymbolTable,
    text: String
  ) throws(AnswerSyntaxError) -> Polynomial {
    guard case .power(var base, let exponent, _) = e else {
      let n = symbols.symbols.first?.name ?? "n"
      throw AnswerSyntaxError(
        "expected a power of \(shown) such as \(shown)^(\(n) − 1)", offset: e.offset, in: text)
    }
    // `(γ)^(L−1)`: a bracketed base is read as the name inside the brackets.
    if case .multiply(.number(let one, nil, _), let inner) = base, one == .one { base = inner }
    guard case .identifier(let run, let sub, _) = base, sub == nil, bases.contains(run) else {
      throw AnswerSyntaxError(
        "expected \(shown) as the base of the power", offset: base.offset, in: text)
    }
    return try polynomial(exponent, symbols: symbols, text: text)
  }
}

extension ScalarValue {
  static func small(_ s: Surd) -> Bool { s.coefficient.bitWidth <= AnswerReading.maximumBits }

  static func negate(_ a: ScalarValue) -> ScalarValue {
    if case .exact(let x) = a { return .exact(-x) }
    return .approximate(-a.doubleValue)
  }

  static func add(_ a: ScalarValue, _ b: ScalarValue) -> ScalarValue {
    if case .exact(let x) = a, case .exact(let y) = b, let s = x + y, small(s) { return .exact(s) }
    return .approximate(a.doubleValue + b.doubleValue)
  }

  static func multiply(_ a: ScalarValue, _ b: ScalarValue) -> ScalarValue {
    if case .exact(let x) = a, case .exact(let y) = b, let p = x.multiplied(by: y) {
      return .exact(p)
    }
    return .approximate(a.doubleValue * b.doubleValue)
  }

  static func divide(_ a: ScalarValue, _ b: ScalarValue) -> ScalarValue {
    if case .exact(let x) = a, case .exact(let y) = b, let q = x.divided(by: y) { return .exact(q) }
    return .approximate(a.doubleValue / b.doubleValue)
  }

  static func power(_ base: ScalarValue, _ exponent: ScalarValue, offset: Int, text: String)
    throws(AnswerSyntaxError) -> ScalarValue
  {
    if case .exact(let e) = exponent, e.isRational, let n = e.coefficient.intValue,
      abs(n) <= AnswerReading.maximumExponent
    {
      if base.doubleValue == 0 && n < 0 {
        throw AnswerSyntaxError("division by zero", offset: offset, in: text)
      }
      var result = ScalarValue.exact(Surd(.one))
      for _ in 0..<abs(n) {
        result = multiply(result, base)
        // Checked at every step: a large base would otherwise grow for all n steps first
        // (seconds for 777777777777777777777777772^64).
        if case .exact(let s) = result, !small(s) {
          throw AnswerSyntaxError(
            "the power grows past \(AnswerReading.maximumBits) bits; psverify "
              + "keeps exact numbers of up to \(AnswerReading.maximumBits) bits",
            offset: offset, in: text)
        }
      }
      return n < 0 ? divide(.exact(Surd(.one)), result) : result
    }
    // Half-integer powers of a non-negative rational: b^(p/2) = (√b)^p, still exact.
    if case .exact(let e) = exponent, e.isRational, e.coefficient.denominator == 2,
      let p = Int(exactly: e.coefficient.numerator), abs(p) <= AnswerReading.maximumExponent,
      case .exact(let b) = base, b.isRational, b.coefficient > .zero,
      let root = Surd.squareRoot(of: b.coefficient)
    {
      return try power(.exact(root), .exact(Surd(Rational(p))), offset: offset, text: text)
    }
    let value = Foundation.pow(base.doubleValue, exponent.doubleValue)
    return .approximate(value)
  }
}
