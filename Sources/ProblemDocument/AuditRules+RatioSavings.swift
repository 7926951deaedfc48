import Foundation

/// A ratio of two costs, then a condition said to give a saving: whichever cost is on top, a
/// saving needs the ratio on one side of one throughout the condition.
extension AuditRules.EquivalentConditions {
  /// Words that say one cost is below the other, with no direction named for the ratio.
  static let savingWords: Set<String> = [
    "saves", "save", "saving", "savings", "cheaper", "faster", "wins", "pays",
  ]

  /// A ratio (`2/K`, named "ratio" or "fraction" just before it) and a condition given for a
  /// saving ("so it saves work whenever $K > 1$", "… is cheaper exactly when …"): which cost is
  /// the numerator is not said, so the reading does not choose a side. A saving holds where the
  /// ratio is below one (one cost on top) or where it is above one (the other on top), never
  /// at one; a condition given as enough for it must therefore lie on one side of one, and one
  /// given as the same condition must be one of the two sides. The evidence is two points of
  /// the condition, one where the ratio is at least one and one where it is at most one.
  /// - Complexity: linear in the words between the two; two searches of `disagreement`.
  static func ratioSaving(
    _ value: MathFragment, _ condition: AuditRules.Stated, _ whole: Set<String>,
    _ section: Section, _ doc: ProblemSetDocument
  ) -> Finding? {
    let gap = AuditRules.ClaimedImplications.between(value, condition.fragment, doc)
    guard gap.count < 160, !gap.contains("\n\n"),
      !gap.contains(where: { ".;:?!".contains($0) })
    else { return nil }
    let all = gap.lowercased().split { !$0.isLetter }.map(String.init)
    guard all.count <= 14, let (link, words) = conditionTie(all) else { return nil }
    guard words.contains(where: savingWords.contains), namesRatio(value, doc) else { return nil }
    let side = FragmentReader.trimmed(value.text).components(separatedBy: "=").last ?? ""
    guard !side.isEmpty, side.count <= 160,
      let below = AuditRules.stated(AuditRules.relabel(value, side + " < 1")),
      let above = AuditRules.stated(AuditRules.relabel(value, side + " > 1")),
      below.names.isSubset(of: condition.names) || condition.names.isSubset(of: below.names),
      below.names.union(condition.names).count <= 3, condition.text.count <= 200,
      let first = disagreement(below, condition, link, whole: whole),
      let second = disagreement(above, condition, link, whole: whole)
    else { return nil }
    let show = { (p: [String: Double]) in
      p.sorted { $0.key < $1.key }.map { "\($0.key) = \(AuditRules.format($0.value))" }
        .joined(separator: ", ")
    }
    let tie = link == .sufficient ? "given as enough for" : "given as the condition for"
    return Finding(
      .premiseCondition,
      "\(condition.text) is \(tie) a saving, but the ratio \(side) is not on one side of 1 "
        + "where it holds: a saving needs the ratio below 1 throughout, or above 1 throughout",
      at: condition.fragment.location, in: section, document: doc,
      evidence:
        "\(side) < 1 and \(condition.text) differ at \(show(first)); \(side) > 1 and "
        + "\(condition.text) differ at \(show(second))")
  }

  /// Whether the clause just before a value names it a ratio ("the ratio is", "a fraction").
  static func namesRatio(_ value: MathFragment, _ doc: ProblemSetDocument) -> Bool {
    let start = max(0, value.location.offset - 40)
    let before = doc.slice(start..<max(start, value.location.offset - 1)).lowercased()
    let clause = before.split { ".;:?!\n".contains($0) }.last ?? ""
    return clause.split(whereSeparator: { !$0.isLetter }).contains {
      ratioWords.contains(String($0))
    }
  }
}
