import Algebra

/// A condition read as a region: the points with positive whole coordinates where every
/// comparison of a conjunction holds.
///
/// ```
/// R = { p ∈ ℤ₊ⁿ : lhs_k(p) R_k rhs_k(p) for every k }
/// ```
///
/// Two conditions are the same answer when their regions are the same set, however they are
/// written: `0 < N_b < N/2`, `2N_b ≤ N − 1` and `2N·N_b(L−1) < N²(L−1) and L ≥ 3/2` are one
/// region. Each comparison is kept as `d(p) R 0` with `d = lhs − rhs` scaled by the product of
/// its coefficients' denominators (positive), so that it is evaluated in whole numbers, exactly.
public struct ConditionRegion: Sendable {
  /// One comparison `Σ c·Π x^e  R  0` with whole coefficients.
  struct Atom: Sendable {
    var terms: [(coefficient: Rational, exponents: [Int])]
    /// The same terms in machine integers when every coefficient fits (the fast path).
    var small: [(coefficient: Int, exponents: [Int])]?
    var relation: Relation
  }

  /// The symbols, in the order a point lists their values.
  public let symbols: [String]
  let atoms: [Atom]

  /// - Parameters:
  ///   - comparisons: the conjunction; an empty list is the whole space.
  ///   - symbols: the coordinates; every symbol of a comparison must be among them.
  public init(_ comparisons: [AnswerReading.Comparison], symbols: [String]) {
    self.symbols = symbols
    var atoms: [Atom] = []
    for c in comparisons {
      let d = c.lhs - c.rhs
      // A product of the denominators: positive, so the relation to 0 is kept.
      let scale = d.terms.values.reduce(Rational.one) { $0 * Rational(big: $1.denominator) }
      let terms = d.terms.map { m, coefficient in
        (coefficient * scale, symbols.map { m.exponent(of: $0) })
      }
      let small =
        terms.allSatisfy { $0.0.intValue != nil } ? terms.map { ($0.0.intValue!, $0.1) } : nil
      atoms.append(Atom(terms: terms, small: small, relation: c.relation))
    }
    self.atoms = atoms
  }

  /// The symbols the comparisons use that are not coordinates.
  public static func unknownSymbols(
    _ comparisons: [AnswerReading.Comparison],
    symbols: [String]
  ) -> Set<String> {
    comparisons.reduce(into: Set<String>()) { $0.formUnion($1.lhs.symbols.union($1.rhs.symbols)) }
      .subtracting(symbols)
  }

  /// Whether the point (values in the order of `symbols`) lies in the region. Exact: machine
  /// integers while no product can overflow, arbitrary precision otherwise.
  /// - Complexity: O(terms × symbols) per comparison.
  public func contains(_ point: [Int]) -> Bool {
    atoms.allSatisfy { atom in
      if let small = atom.small, let v = Self.evaluate(small, point) {
        return Self.holds(atom.relation, v.signum())
      }
      var sum = Rational.zero
      for (c, exponents) in atom.terms {
        var term = c
        for (k, e) in exponents.enumerated() where e > 0 { term *= Rational(point[k]).power(e) }
        sum += term
      }
      return Self.holds(atom.relation, sum.isZero ? 0 : sum.isNegative ? -1 : 1)
    }
  }

  static func evaluate(_ terms: [(coefficient: Int, exponents: [Int])], _ point: [Int]) -> Int? {
    var sum = 0
    for (c, exponents) in terms {
      var term = c
      for (k, e) in exponents.enumerated() {
        for _ in 0..<e {
          let (p, o) = term.multipliedReportingOverflow(by: point[k])
          if o { return nil }
          term = p
        }
      }
      let (s, o) = sum.addingReportingOverflow(term)
      if o { return nil }
      sum = s
    }
    return sum
  }

  static func holds(_ relation: Relation, _ sign: Int) -> Bool {
    switch relation {
    case .less: sign < 0
    case .lessOrEqual: sign <= 0
    case .greater: sign > 0
    case .greaterOrEqual: sign >= 0
    }
  }

  /// The first point of a box (coordinates ranging as given, the last symbol fastest) where the
  /// two regions differ, or nil when they agree on the whole box.
  /// - Complexity: O(Π range sizes) evaluations of both regions.
  public static func firstDifference(
    _ a: ConditionRegion, _ b: ConditionRegion,
    box: [ClosedRange<Int>]
  ) -> [Int]? {
    firstPoint(box: box) { a.contains($0) != b.contains($0) }
  }

  /// The first point of a box, in the same order, that satisfies a predicate.
  public static func firstPoint(box: [ClosedRange<Int>], where test: ([Int]) -> Bool) -> [Int]? {
    guard !box.isEmpty, box.allSatisfy({ !$0.isEmpty }) else { return nil }
    var point = box.map(\.lowerBound)
    while true {
      if test(point) { return point }
      var k = box.count - 1
      while k >= 0 {
        if point[k] < box[k].upperBound {
          point[k] += 1
          break
        }
        point[k] = box[k].lowerBound
        k -= 1
      }
      if k < 0 { return nil }
    }
  }
}
