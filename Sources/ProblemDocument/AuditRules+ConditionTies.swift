import Foundation

/// How a sentence ties a claim to the condition written after it.
extension AuditRules.EquivalentConditions {
  /// The tie a sentence's words end in, with those words taken off: "whenever" gives the
  /// condition as enough, "iff" and "exactly / precisely / just when" as the same condition.
  /// Nil for any other ending, and for a sentence with "not", "never" or "no" (a tie denied).
  /// - Complexity: linear in the words.
  static func conditionTie(_ words: [String]) -> (link: Link, rest: [String])? {
    guard !words.contains(where: { ["not", "never", "no"].contains($0) }) else { return nil }
    if words.last == "whenever" { return (.sufficient, Array(words.dropLast())) }
    let ties = [["exactly", "when"], ["precisely", "when"], ["iff"], ["just", "when"]]
    guard
      let tie = ties.first(where: { words.count > $0.count && Array(words.suffix($0.count)) == $0 })
    else { return nil }
    return (.equivalence, Array(words.dropLast(tie.count)))
  }
}
