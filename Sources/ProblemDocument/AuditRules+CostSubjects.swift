import Foundation

/// Which of two costs a sentence of comparison speaks of: its subject and the thing after
/// "than", matched against the words written beside each cost.
extension AuditRules.EquivalentConditions {
  /// Short words that name nothing a cost is of.
  static let plainWords: Set<String> = [
    "with", "that", "this", "than", "when", "whenever", "over", "from", "each", "every", "into",
    "only", "takes", "take", "needs", "need", "uses", "costs", "cost", "there", "their", "which",
    "compared", "comparing", "against", "exactly", "precisely", "just", "less", "more", "fewer",
    "cheaper", "smaller", "larger", "lower", "higher", "same", "then", "thus", "hence", "also",
    "both", "these", "those", "what", "where", "whereas", "while",
  ]

  /// The stems (first five letters) of a text's words of four letters or more that name
  /// something (not in `plainWords`).
  static func stems<S: Sequence>(_ words: S) -> Set<String> where S.Element == String {
    Set(words.filter { $0.count >= 4 && !plainWords.contains($0) }.map { String($0.prefix(5)) })
  }

  /// The words written beside each of two costs: before the first (back to its sentence's
  /// start, at most 120 characters) and after it up to the first mark; after the second up to
  /// its sentence's end and before it back to the last mark in the gap between the two.
  static func costContexts(
    _ first: MathFragment, _ second: MathFragment, _ doc: ProblemSetDocument
  ) -> (Set<String>, Set<String>) {
    let start = max(0, first.location.offset - 120)
    let before = doc.slice(start..<max(start, first.location.offset - 1)).lowercased()
    let lead = before.split(omittingEmptySubsequences: false) { ".?!\n".contains($0) }.last ?? ""
    let gap = AuditRules.ClaimedImplications.between(first, second, doc).lowercased()
    let marks: (Character) -> Bool = { ",.;:?!()".contains($0) }
    let afterFirst = gap.split(omittingEmptySubsequences: false, whereSeparator: marks).first ?? ""
    let beforeSecond = gap.split(omittingEmptySubsequences: false, whereSeparator: marks).last ?? ""
    let end = second.location.offset + second.text.unicodeScalars.count + 1
    let after = doc.slice(end..<min(doc.scalars.count, end + 120)).lowercased()
    let trail = after.split(omittingEmptySubsequences: false, whereSeparator: marks).first ?? ""
    let words = { (s: Substring) in s.split { !$0.isLetter }.map(String.init) }
    var one = stems(words(lead) + words(afterFirst))
    var two = stems(words(beforeSecond) + words(trail))
    let shared = one.intersection(two)
    one.subtract(shared)
    two.subtract(shared)
    return (one, two)
  }

  /// Whether a sentence's words ("… the states take less memory than the matrix") speak of the
  /// first cost (+1: its subject matches the words beside the first, or the thing after
  /// "than" those beside the second), of the second (−1), or cannot be told (0, also when the
  /// two matches disagree). `comparative` is the index of the word of comparison.
  static func orientation(
    _ words: [String], comparative: Int, _ contexts: (Set<String>, Set<String>)
  ) -> Int {
    let subject = stems(words[..<comparative])
    let object: Set<String>
    if let than = words[comparative...].firstIndex(of: "than") {
      object = stems(words[(than + 1)...])
    } else {
      object = []
    }
    let bySubject = subject.intersection(contexts.0).count - subject.intersection(contexts.1).count
    let byObject = object.intersection(contexts.1).count - object.intersection(contexts.0).count
    guard bySubject * byObject >= 0 else { return 0 }
    let score = bySubject + byObject
    return score > 0 ? 1 : (score < 0 ? -1 : 0)
  }

  /// Two costs, then in the next sentence a condition for one to be the cheaper, the sentence
  /// naming which by its subject and the thing after "than" ("… is $X$ floats, compared with
  /// $Y$ floats for the matrix. So the states take less memory than the matrix whenever
  /// $C$"): the comparison of the two costs it states, oriented by `orientation`; nil when it
  /// cannot be told which cost the sentence speaks of.
  /// - Complexity: linear in the text between the fragments (each gap bounded).
  static func subjectCosts(
    _ values: [MathFragment], _ condition: MathFragment, _ doc: ProblemSetDocument
  ) -> (AuditRules.Stated, Link)? {
    guard values.count >= 2 else { return nil }
    let (first, second) = (values[values.count - 2], values[values.count - 1])
    let lead = AuditRules.ClaimedImplications.between(first, second, doc)
    guard lead.count < 120, lead.filter({ ".;:?!".contains($0) }).count <= 1,
      !lead.contains("\n\n")
    else { return nil }
    let tail = AuditRules.ClaimedImplications.between(second, condition, doc)
    guard tail.count < 240, !tail.contains("\n\n"),
      tail.filter({ ".?!".contains($0) }).count == 1, !tail.contains(";")
    else { return nil }
    let sentence = tail.split(whereSeparator: { ".?!".contains($0) }).last ?? ""
    guard
      let (link, words) = conditionTie(
        sentence.lowercased().split { !$0.isLetter }.map(String.init))
    else { return nil }
    guard let than = words.firstIndex(of: "than"), than > 0,
      let at = words[max(0, than - 3)..<than].lastIndex(where: {
        cheaperWords.contains($0) || dearerWords.contains($0)
      })
    else { return nil }
    let side = orientation(words, comparative: at, costContexts(first, second, doc))
    guard side != 0 else { return nil }
    let sign = cheaperWords.contains(words[at]) ? "<" : ">"
    var (x, y) = (FragmentReader.trimmed(first.text), FragmentReader.trimmed(second.text))
    if side < 0 { swap(&x, &y) }
    guard x.count <= 160, y.count <= 160, !x.contains("="), !y.contains("="),
      let stated = AuditRules.stated(AuditRules.relabel(first, x + " " + sign + " " + y))
    else { return nil }
    return (stated, link)
  }
}
