import Algebra
import IndexNotation

/// Whether the equations a count question selects decide the count it prints: read from the
/// notation (the positions an equation writes, the sizes the printed count uses), never from
/// the wording around it.
extension Auditor {
  /// Whether `eq` writes its left side at a computed position (`z[k+1,…]`, `y[b,H+j]`): it then
  /// defines one step of a recursion or one block of its tensor, and how many positions it
  /// covers is not the product of its letters' ranges. A constant position (`z[0,…]`) is an
  /// initial value and is read as one. Linear in the left side's indices.
  static func writesComputedPosition(_ eq: Equation) -> Bool {
    eq.lhs.indices.contains { !$0.variables.isEmpty && $0.bareVariable == nil }
  }

  /// The sizes of the letters a computed position steps (`T` for `h[b,t+1,j]`), sizes being
  /// the capitals of their letters. Linear in the left side's indices.
  static func stepSizes(_ eq: Equation) -> Set<String> {
    Set(
      eq.lhs.indices.filter { !$0.variables.isEmpty && $0.bareVariable == nil }
        .flatMap(\.variables).filter { !$0.isCapital }.map { $0.name.uppercased() })
  }

  /// Whether `printed` is `reading` with its step sizes' factor replaced by another number
  /// of positions (`B(T−1)J` for `BTJ`): writing the reading as `A·s + C` in a step size s
  /// it is affine in, `(printed − C)/A` depends on no size but the steps, checked at two
  /// points that differ in every other size. A count that also changes the per-step work
  /// (`BTJ²` for `BTJ(J + K)`) is not. A reading that counts no step size, or is not affine
  /// in one, is not decided either way and counts as only the steps. Linear in the
  /// polynomials' sizes.
  static func stepCountOnly(_ printed: Polynomial, _ reading: Polynomial, steps: Set<String>)
    -> Bool
  {
    guard let s = steps.sorted().first(where: reading.symbols.contains),
      reading.degree(in: s) == 1
    else { return true }
    let others = printed.symbols.union(reading.symbols).subtracting(steps).sorted()
    let fixed = Dictionary(uniqueKeysWithValues: steps.sorted().map { ($0, Rational(7)) })
    let primes = [3, 5, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53]
    var quotients: [Rational] = []
    for spread in [false, true] {
      var point = fixed
      for (i, o) in others.enumerated() {
        point[o] = Rational(spread ? primes[i % primes.count] + 60 * (i / primes.count) : 2)
      }
      var atZero = point
      atZero[s] = .zero
      var atOne = point
      atOne[s] = Rational(1)
      guard let c = reading.evaluate(atZero), let one = reading.evaluate(atOne),
        let p = printed.evaluate(point), one != c
      else { return true }
      quotients.append((p - c) / (one - c))
    }
    return quotients[0] == quotients[1]
  }

  /// The size of the letter that steps a family by a computed subscript (`N` for `z_{n+1}`
  /// from `z_n`, sizes being the capitals of their indices): the number of steps, which the
  /// equations do not give. Nil for any other left side.
  static func stepsSize(_ eq: Equation) -> String? {
    guard let sub = eq.lhs.name.subscriptText,
      sub.unicodeScalars.contains(where: { $0 == "+" || $0 == "-" || $0 == "−" }),
      let letter = sub.first, letter.isLowercase
    else { return nil }
    return letter.uppercased()
  }

  /// Whether a printed count that matches no reading of the equations asks about a scope the
  /// equations do not decide, so that the audit stays silent on it:
  /// - an equation writes its left side at a computed position (a recursion's step, a block)
  ///   and the printed count differs from a reading only in how many positions it covers
  ///   (`stepCountOnly`),
  /// - an equation steps a family by a computed subscript and the printed count has the
  ///   capital of its letter, which no reading counts (the number of steps, `N` for `z_{n+1}`),
  /// - the printed count writes a primed size (`X′`) that no reading has, beside its plain
  ///   letter (`X`) that the readings count: one letter the equations use for two sizes (a
  ///   layer's input and its strided output).
  /// Linear in the equations and the counts' sizes.
  static func undecidedScope(
    _ equations: [Equation], printed: Polynomial, readings: [Polynomial]
  ) -> Bool {
    let computed = equations.filter(writesComputedPosition)
    if computed.contains(where: { e in
      readings.contains { stepCountOnly(printed, $0, steps: stepSizes(e)) }
    }) {
      return true
    }
    let counted = readings.reduce(into: Set<String>()) { $0.formUnion($1.symbols) }
    let foreign = printed.symbols.subtracting(counted).filter { $0.first?.isUppercase == true }
    if equations.contains(where: { stepsSize($0).map(foreign.contains) ?? false }) { return true }
    return foreign.contains { s in
      s.hasSuffix("′") && counted.contains(String(s.prefix { $0 != "′" }))
    }
  }
}

extension Auditor {
  /// The reading of `e` in which a product's factors that read no tensor (a number, a named
  /// constant, `1/√D`) multiply nothing: scaling by a constant is often left out of a count.
  /// Linear in the expression's size.
  static func unscaledReading(_ e: IndexNotation.Expression) -> IndexNotation.Expression {
    switch e {
    case .tensor, .number, .scalar: return e
    case .product(let fs):
      let kept = fs.filter { !$0.references.isEmpty }.map(unscaledReading)
      guard !kept.isEmpty else { return .product(fs.map(unscaledReading)) }
      return kept.count == 1 ? kept[0] : .product(kept)
    case .sum(let ts): return .sum(ts.map { ($0.sign, unscaledReading($0.term)) })
    case .function(let name, let inner, let at): return .function(name, unscaledReading(inner), at)
    case .explicitSum(let vs, let inner, let at):
      return .explicitSum(vs, unscaledReading(inner), at)
    }
  }

  /// Positions and their offsets read from sizes stated as formulas (`O = (X − ΔX + 1)(…)`)
  /// when the counted equations read no position at an offset (a filter applied to a tensor
  /// sampled at the offsets): a size X and its offset ΔX both in a stated formula and both
  /// counted. Linear in the stated formulas' sizes.
  static func statedOffsets(_ given: [String: Polynomial], counted: Set<String>) -> (
    positions: Set<String>, offsets: [(position: String, offset: String)]
  ) {
    var offsets: [(position: String, offset: String)] = []
    for value in given.values {
      for s in value.symbols.sorted() where counted.contains(s) && !s.hasPrefix("Δ") {
        let offset = "Δ" + s
        guard value.symbols.contains(offset), counted.contains(offset),
          !offsets.contains(where: { $0.position == s })
        else { continue }
        offsets.append((s, offset))
      }
    }
    return (Set(offsets.map(\.position)), offsets)
  }
}
