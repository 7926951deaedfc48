import Algebra
import IndexNotation

/// The honest readings of a printed count and of the equations it counts, and the judgement
/// between them: a printed count disagrees only when it matches no reading.
extension Auditor {
  /// Sizes a solution states in terms of others (`$N = RS$`, `$N = R(S + S_f)$`): a single
  /// capital name, `=`, then a formula of capital names that is not a number. Linear in the
  /// solution's fragments.
  static func statedSizes(_ solution: [ReadFragment]) -> [String: Polynomial] {
    var out: [String: Polynomial] = [:]
    for r in solution {
      let sides = r.fragment.text.split(separator: "=", omittingEmptySubsequences: false)
      guard sides.count == 2,
        case .formula(let left, let name?) = FragmentReader.content(String(sides[0])),
        left.count == 1, let size = left.first, size.first?.isUppercase == true,
        name == .symbol(size),
        case .formula(let names, let value?) = FragmentReader.content(String(sides[1])),
        value.constantValue == nil, !names.contains(size),
        names.allSatisfy({ $0.first?.isUppercase == true })
      else { continue }
      out[size] = value
    }
    return out
  }

  /// The terms of highest degree in `positions`: the part of a count that grows fastest with
  /// the numbers of positions.
  static func leadingTerms(_ p: Polynomial, in positions: Set<String>) -> Polynomial {
    let degree = { (m: Monomial) in positions.reduce(0) { $0 + m.exponent(of: $1) } }
    let top = p.terms.keys.map(degree).max() ?? 0
    return Polynomial(terms: p.terms.filter { degree($0.key) == top })
  }

  /// The counts of a sentence each equal to the sum of the others: its totals (`BKM(D + 2)`:
  /// `BKM` for …, `BKMD` for …, `BKM` for …). A count is a total exactly when twice it is the
  /// sum of all. Linear in the sentence's counts.
  static func sentenceTotals(_ sentence: [Polynomial]) -> [Polynomial] {
    guard sentence.count > 2 else { return [] }
    let sum = sentence.reduce(Polynomial(), +)
    return sentence.filter { $0 + $0 == sum }
  }

  /// The most terms a count may expand to when stated sizes are substituted into it.
  static let expansionLimit = 4096

  /// `p` with the stated sizes substituted (`N = R(S + S_f)` into `NJ`), or `p` unchanged when
  /// the expansion would pass `expansionLimit` terms (a term's sizes each raised to their
  /// stated values' numbers of terms bound the expansion).
  /// - Complexity: O(terms · degree) to bound, then the substitution.
  static func substitutingStated(_ p: Polynomial, _ stated: [String: Polynomial]) -> Polynomial {
    guard !stated.isEmpty else { return p }
    var total = 0
    for m in p.terms.keys {
      var size = 1
      for f in m.factors {
        guard let v = stated[f.symbol] else { continue }
        for _ in 0..<max(0, f.exponent) {
          size *= max(1, v.terms.count)
          if size > expansionLimit { return p }
        }
      }
      total += size
      if total > expansionLimit { return p }
    }
    return p.substituting(stated)
  }

  /// The first reading of the equations (`counted`, each a count of one honest reading of what
  /// the question asks) that a reading of the printed count (`printed`, the printed count
  /// first) matches, with how many applications it is (`applicationsOf`). When the equations
  /// read positions at offsets (`x + ΔX`; `positions` the sizes of those positions), terms of
  /// highest degree in the positions that agree also match, once: the printed count then
  /// writes the output positions from the input's sizes (`(X − ΔX + 1)`). Nil when no pair
  /// matches. O(|printed|·|counted|) comparisons.
  ///
  /// When each position read at an offset has one offset size (`offsets`: X with ΔX in
  /// `x + ΔX`), the match is exact instead: the count with every such X replaced by
  /// X − kΔX + m, for one k in 0…3 and one m in −3…3 (valid borders under the conventions for
  /// the range of Δx), or one k in −3…−1 and one m in −3…0 (full borders: every overlap, at
  /// most the window's size less one added), must equal the printed count, so a wrong
  /// lower-order term (`X + ΔX + 1` for `X − ΔX + 1`) matches nothing.
  /// O(|printed|·|counted|·40) comparisons.
  static func matchingReading(
    printed: [Polynomial], counted: [Polynomial], positions: Set<String>,
    offsets: [(position: String, offset: String)] = []
  ) -> (counted: Polynomial, applications: Polynomial)? {
    // Exact only where the substitution stays small: at most 64 terms, each of degree at most
    // four in the positions (a hostile X⁵⁰ would expand to thousands of terms).
    let small = { (c: Polynomial) in
      c.terms.count <= 64
        && c.terms.keys.allSatisfy { m in
          offsets.reduce(0) { $0 + max(0, m.exponent(of: $1.position)) } <= 4
        }
    }
    let exact = !offsets.isEmpty && Set(offsets.map(\.position)).count == offsets.count
    for c in counted {
      let exactHere = exact && small(c)
      for p in printed {
        if let q = applicationsOf(p, c) { return (c, q) }
        guard !positions.isEmpty, p != c, !positions.isDisjoint(with: c.symbols) else { continue }
        if exactHere {
          if validBorderReading(p, c, offsets) { return (c, Polynomial(1)) }
        } else if leadingTerms(p, in: positions) == leadingTerms(c, in: positions) {
          return (c, Polynomial(1))
        }
      }
    }
    return nil
  }

  /// Whether `printed` is `counted` with each output position size X written from the input's,
  /// X − kΔX + m (one k in 0…3 and one m in −3…3, or one k in −3…−1 and one m in −3…0, for
  /// every pair of `offsets`).
  static func validBorderReading(
    _ printed: Polynomial, _ counted: Polynomial, _ offsets: [(position: String, offset: String)]
  ) -> Bool {
    for k in -3...3 {
      for m in -3...(k < 0 ? 0 : 3) where k != 0 || m != 0 {
        var sizes: [String: Polynomial] = [:]
        for (position, offset) in offsets {
          sizes[position] =
            .symbol(position) - Polynomial(Rational(k)) * .symbol(offset) + Polynomial(Rational(m))
        }
        if counted.substituting(sizes) == printed { return true }
      }
    }
    return false
  }

  /// Whether `p` is `c` times a number strictly between 0 and 1 (`BJI/2` of `BJI`).
  static func isProperFraction(_ p: Polynomial, of c: Polynomial) -> Bool {
    guard let (m, coefficient) = c.terms.first, let k = p.terms[m].map({ $0 / coefficient })
    else { return false }
    return k > .zero && k < .one && k * c == p
  }

  /// Whether a printed count is written in another vocabulary of sizes: two or more capital
  /// sizes that none of the problem's equations counts (`sizes`) nor the counted reading has
  /// (`S_3`, `F_3` channels), while the counted reading has two or more sizes the printed count
  /// lacks (`R`, `J`). Not decidable from the equations then; a single unshared letter (`NM²`
  /// for `NPQ`) is a size the text does not bind, and stays decidable.
  static func namesOtherSizes(_ printed: Polynomial, _ counted: Polynomial, _ sizes: Set<String>)
    -> Bool
  {
    let foreign = printed.symbols.filter { s in
      s.first?.isUppercase == true && !counted.symbols.contains(s) && !sizes.contains(s)
    }
    return foreign.count >= 2 && counted.symbols.subtracting(printed.symbols).count >= 2
  }
}

extension Auditor {
  /// The reading of `e` in which a named scalar written right before a sum in a product
  /// (`φ(R[j,L] g[b,L] + C[j,V] e[b,V])`) is a function applied to it, as an activation is,
  /// not a coefficient multiplying it. Linear in the expression's size.
  static func functionReading(_ e: IndexNotation.Expression) -> IndexNotation.Expression {
    switch e {
    case .tensor, .number, .scalar: return e
    case .product(let fs):
      var out: [IndexNotation.Expression] = []
      var i = 0
      while i < fs.count {
        if case .scalar(let name, let at) = fs[i], i + 1 < fs.count, case .sum = fs[i + 1] {
          out.append(.function(name, functionReading(fs[i + 1]), at))
          i += 2
        } else {
          out.append(functionReading(fs[i]))
          i += 1
        }
      }
      return out.count == 1 ? out[0] : .product(out)
    case .sum(let ts): return .sum(ts.map { ($0.sign, functionReading($0.term)) })
    case .function(let name, let inner, let at): return .function(name, functionReading(inner), at)
    case .explicitSum(let vs, let inner, let at):
      return .explicitSum(vs, functionReading(inner), at)
    }
  }
}

extension Auditor {
  /// How many applications of equations counting `perApplication` multiplies a printed count
  /// is: 1 when equal; for a one-term count, the quotient when it divides exactly, involves
  /// none of the equations' sizes and is a whole number or a count such as L − 1; for a count
  /// of several terms, a size q of the printed count that the equations do not count, q − 1,
  /// or a whole number, when the printed count is exactly that times the count (`T(NJK + NJ)`
  /// for T steps). Nil when the printed count is none of these.
  static func applicationsOf(_ printed: Polynomial, _ perApplication: Polynomial) -> Polynomial? {
    if printed == perApplication { return Polynomial(1) }
    guard let (m, c) = perApplication.terms.first else { return nil }
    if perApplication.terms.count == 1 {
      guard let q = printed.exactlyDividing(by: m).map({ (Rational.one / c) * $0 }),
        q.symbols.isDisjoint(with: perApplication.symbols), !q.isZero,
        q.constantValue.map({ $0.isInteger && $0 >= .one }) ?? true
      else { return nil }
      return q
    }
    var candidates = printed.symbols.subtracting(perApplication.symbols).sorted().flatMap {
      [Polynomial.symbol($0), .symbol($0) - Polynomial(1)]
    }
    if let k = printed.terms[m].map({ $0 / c }), k.isInteger, k >= .one {
      candidates.append(Polynomial(k))
    }
    return candidates.first { $0 * perApplication == printed }
  }
}
