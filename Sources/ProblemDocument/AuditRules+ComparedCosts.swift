import Foundation

/// Two costs set side by side in words, then a condition for one to be the cheaper: "it costs
/// $X$. Compared with $Y$, it is cheaper iff $C$" states `X < Y`, which C must restate.
extension AuditRules.EquivalentConditions {
  /// Words that say the first cost is the smaller or the larger.
  static let cheaperWords: Set<String> = ["cheaper", "fewer", "smaller", "less", "faster", "lower"]
  static let dearerWords: Set<String> = [
    "dearer", "costlier", "larger", "more", "slower", "higher",
  ]
  /// Words that open a comparison with the cost after them.
  static let comparingWords: Set<String> = ["comparing", "compared", "compare", "against"]

  /// The comparison of the last two costs before a condition: the second introduced by a word
  /// of comparing ("comparing with", "compared to", "against") at most two words before it,
  /// the first the value just before that (in the same or the previous sentence), and, between
  /// the second and the condition, one sentence that ends in a word of cost (cheaper, fewer,
  /// dearer …) a few words before a tie (iff, exactly when, whenever).
  /// - Complexity: linear in the text between the fragments (each gap at most 200 characters).
  static func comparedCosts(
    _ values: [MathFragment], _ condition: MathFragment, _ doc: ProblemSetDocument
  ) -> (AuditRules.Stated, Link)? {
    for k in values.indices.dropFirst().reversed() {
      let (first, second) = (values[k - 1], values[k])
      let lead = AuditRules.ClaimedImplications.between(first, second, doc)
      guard lead.count < 120, lead.filter({ ".;:?!".contains($0) }).count <= 1 else { continue }
      let leadWords = lead.lowercased().split { !$0.isLetter }.map(String.init)
      guard leadWords.suffix(3).contains(where: comparingWords.contains) else { continue }
      let tail = AuditRules.ClaimedImplications.between(second, condition, doc)
      guard tail.count < 200, !tail.contains("\n\n"),
        !tail.contains(where: { ".;?!".contains($0) })
      else { continue }
      guard
        let (link, words) = conditionTie(tail.lowercased().split { !$0.isLetter }.map(String.init))
      else { continue }
      // The word of cost: among the last three words, or among the three before a "than"
      // ("… take less memory than the tables"), the thing after it then naming the other cost.
      let comparative = { (w: String) in cheaperWords.contains(w) || dearerWords.contains(w) }
      let than = words.lastIndex(of: "than")
      let window = than.map { max(0, $0 - 3)..<$0 } ?? max(0, words.count - 3)..<words.count
      guard let at = window.last(where: { comparative(words[$0]) }) else { continue }
      let sign = cheaperWords.contains(words[at]) ? "<" : ">"
      var x = FragmentReader.trimmed(first.text)
      var y = FragmentReader.trimmed(second.text)
      // The subject is written after the second cost, so its words are taken out of the
      // second's: the subject can confirm the order, and only the thing after "than" can turn
      // it. After a "than" that names neither cost, the sentence is not read.
      let (one, two) = costContexts(first, second, doc)
      let side = orientation(words, comparative: at, (one, two.subtracting(stems(words[..<at]))))
      if side < 0 { swap(&x, &y) }
      if than != nil, side == 0 { continue }
      guard x.count <= 160, y.count <= 160, !x.contains("="), !y.contains("="),
        let stated = AuditRules.stated(AuditRules.relabel(first, x + " " + sign + " " + y))
      else { continue }
      return (stated, link)
    }
    return nil
  }
}
