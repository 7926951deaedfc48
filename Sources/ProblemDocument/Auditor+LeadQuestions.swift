import IndexNotation

/// Count questions asked once by a problem's lead for the short parts listed under it.
extension Auditor {
  /// Verbs that open a part asking something of its own (`(c) Compare …`, `(d) Show …`).
  static let partAskVerbs: Set<String> = [
    "compare", "show", "prove", "explain", "write", "derive", "give", "evaluate", "find",
    "compute", "define", "state", "describe", "why", "what", "which", "when", "where", "does",
    "is", "are", "can", "how", "take", "keep", "assume", "suppose", "let", "use",
  ]

  /// Whether a part's own prose is only a label for what its problem's lead asks (`(b) The
  /// second stage $q$.`, `(a) One stage.`): no question mark, at most eight words, and
  /// no opening verb of a question of its own. Linear in the prose's length.
  static func isLabelPart(_ prose: String) -> Bool {
    guard !prose.contains("?") else { return false }
    let words = DocumentSymbols.words(prose.unicodeScalars)
    guard !words.isEmpty, words.count <= 8 else { return false }
    return !partAskVerbs.contains(words[0])
  }

  /// The prose of the sections of a part's problem that belong to no part and come before the
  /// part's own sections (its lead: `Count each stage's multiplies on the batch.`).
  static func leadProse(_ item: DocumentItem, _ doc: ProblemSetDocument) -> String {
    guard item.part != nil,
      let first = item.statements.first(where: { doc.sections[$0].part == item.part })
    else { return "" }
    return item.statements.filter { $0 < first && doc.sections[$0].part == nil }
      .flatMap { doc.sections[$0].prose }.map(\.text).joined(separator: " ")
  }
}

extension Auditor {
  /// The last equation before section `before` that defines each of `names` (by key), when
  /// every name has one: a question over the layers an earlier problem wrote. Empty otherwise.
  /// Linear in the readings.
  static func earlierDefinitions(
    _ names: Set<String>, before: Int, _ readings: [ReadFragment], _ doc: ProblemSetDocument
  ) -> [Equation] {
    var last: [String: Equation] = [:]
    for r in readings where r.fragment.section < before {
      guard case .equations(let rows) = r.content else { continue }
      for row in rows where !row.equation.rhsReferences.isEmpty {
        let key = DocumentSymbols.key(row.equation.lhs.name)
        if names.contains(key) { last[key] = row.equation }
      }
    }
    guard last.count == names.count else { return [] }
    return names.sorted().compactMap { last[$0] }
  }
}
