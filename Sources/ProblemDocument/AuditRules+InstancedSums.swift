import Algebra
import Foundation

/// A sum of numbers printed as an earlier sum formula of its section, term by term.
extension AuditRules.InstancedFormulas {
  /// A sum formula in sizes, possibly under a factor of sizes: `BT(EI + 2EHI + KI)` has the
  /// outside sizes B and T and the terms EI, 2EHI, KI.
  struct SumFormula {
    /// The formula as printed.
    let text: String
    /// The sizes of the factor outside the sum (none for a bare sum).
    let outer: Set<String>
    /// The terms of the sum, in printed order.
    let terms: [Polynomial]
  }

  /// A side read as a sum formula: at least three terms joined by top-level `+` (no `-`), each
  /// naming a size, alone or under a product of sizes; nil otherwise.
  /// - Complexity: linear in the side's length.
  static func sumFormula(_ side: String) -> SumFormula? {
    let text = primed(side)
    var outer = Set<String>()
    var inside = text
    if let pieces = SizeFactors.split(text) {
      let sums = pieces.filter { AuditRules.topLevel($0, "+").count > 1 }
      guard sums.count == 1 else { return nil }
      for piece in pieces where piece != sums[0] {
        guard let p = SizeFactors.polynomial(piece), p.symbols.count == 1,
          p == .symbol(p.symbols.first!)
        else { return nil }
        outer.formUnion(p.symbols)
      }
      inside = sums[0]
    }
    let texts = AuditRules.topLevel(inside, "+")
    guard texts.count >= 3, texts.count <= mostFactors,
      texts.allSatisfy({ AuditRules.topLevel($0, "-").count == 1 })
    else { return nil }
    var terms: [Polynomial] = []
    for t in texts {
      guard let p = SizeFactors.polynomial(t), !p.symbols.isEmpty, p.symbols.isDisjoint(with: outer)
      else { return nil }
      terms.append(p)
    }
    return SumFormula(text: side, outer: outer, terms: terms)
  }

  /// A sum of at least three whole numbers printed as the terms of a sum formula of the section,
  /// in order, at the sizes in force: every size of the terms valued, none of the factor outside
  /// (the sum is the formula per value of those). When some formula's terms all agree it is
  /// silent; when one formula's terms agree but for one, the finding names that term.
  /// - Parameter sectionValues: the section's `formulaValues`, read on first need and kept by
  ///   the caller for the section's other sums (once per section, not once per sum).
  static func sumFinding(
    _ f: MathFragment, _ sides: [String], _ sums: [SumFormula], _ scope: [String: Rational],
    _ section: Section, _ doc: ProblemSetDocument, sectionValues: inout Set<Rational>?
  ) -> Finding? {
    guard !sums.isEmpty else { return nil }
    for side in sides {
      let pieces = AuditRules.topLevel(side, "+")
      guard pieces.count >= 3, pieces.count <= mostFactors else { continue }
      let printed = pieces.compactMap { NumericValue.read($0)?.exact }
      guard printed.count == pieces.count else { continue }
      let valued = scope.mapValues { Polynomial($0) }
      var judged: [(SumFormula, [Rational])] = []
      for sum in sums where sum.terms.count == printed.count {
        guard sum.outer.allSatisfy({ scope[$0] == nil }) else { continue }
        let values = sum.terms.compactMap { $0.substituting(valued).constantValue }
        guard values.count == sum.terms.count else { continue }
        judged.append((sum, values))
      }
      if judged.contains(where: { $0.1 == printed }) { return nil }
      for (sum, values) in judged.reversed() {
        let wrong = values.indices.filter { values[$0] != printed[$0] }
        guard wrong.count == 1, let k = wrong.first else { continue }
        // A term printed as the value of another formula of the section is a variant the
        // section writes out (`the first term becomes …`), not a slip.
        let known = sectionValues ?? formulaValues(section, valued)
        sectionValues = known
        guard !known.contains(printed[k]) else { return nil }
        return Finding(
          .countDisagreement,
          "\(AuditRules.ArithmeticChains.shown(side)) is \(trimmed(sum.text)) at the stated sizes term by "
            + "term but for \(sum.terms[k]) = \(values[k]), printed \(printed[k])",
          at: f.location, in: section, document: doc,
          evidence: "terms at the stated sizes: "
            + values.map(\.description).joined(separator: " + "))
      }
    }
    return nil
  }

  /// The values at the sizes in force of the formulas (each side of each fragment) of a
  /// section. Read only when a sum is about to be reported.
  /// - Complexity: linear in the section's fragments.
  static func formulaValues(_ section: Section, _ valued: [String: Polynomial]) -> Set<Rational> {
    var out = Set<Rational>()
    for f in section.fragments where !f.bare && f.text.count <= NumericValue.longest {
      for side in AuditRules.ArithmeticChains.chain(primed(f.text)).sides {
        if let p = AuditRules.ItemCosts.formula(side),
          let v = p.substituting(valued).constantValue
        {
          out.insert(v)
        }
      }
    }
    return out
  }
}
