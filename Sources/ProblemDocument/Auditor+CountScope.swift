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
  /// - an equation writes its left side at a computed position (a recursion's step, a block),
  /// - an equation steps a family by a computed subscript and the printed count has the
  ///   capital of its letter, which no reading counts (the number of steps, `N` for `z_{n+1}`),
  /// - the printed count writes a primed size (`X′`) that no reading has, beside its plain
  ///   letter (`X`) that the readings count: one letter the equations use for two sizes (a
  ///   layer's input and its strided output).
  /// Linear in the equations and the counts' sizes.
  static func undecidedScope(
    _ equations: [Equation], printed: Polynomial, readings: [Polynomial]
  ) -> Bool {
    if equations.contains(where: writesComputedPosition) { return true }
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
