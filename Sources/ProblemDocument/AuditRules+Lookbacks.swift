import Algebra
import Foundation

/// A lookback stated in words against the first index of the range concluded from it.
extension AuditRules {
  /// An output at x that "needs inputs back to" (`readTo`: any "… inputs … to", or "as far
  /// back as") `x − E`, with E free of x, reads position x − E of an input indexed from 0 (from
  /// 1 where the document numbers positions so): the first x with every read inside is E
  /// (E + 1). The next range of x in the paragraph (a list `x = a, \ldots` or `a, \ldots, b`,
  /// or a chain `a ≤ x ≤ b` with no strict bound, at most `reach` fragments on) must
  /// start at E; the two are compared by
  /// `RangeCounts`' evaluation at whole values of their letters, and a point where they differ
  /// is a finding.
  /// - Complexity: linear in the section's fragments (at most `reach` read after a lookback).
  struct Lookbacks: AuditRule {
    let id = "lookback-ranges"
    let summary = "a range that does not start where the lookback stated before it allows"
    let kinds: [Finding.Kind] = [.borderRule]

    /// The fragments read after a lookback.
    static let reach = 3
    /// The words just before a fragment that state a lookback.
    static let cues = ["back to", "as far back as", "back as far as"]

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      var out: [Finding] = []
      var budget = RangeCounts.Evaluations(left: RangeCounts.evaluations)
      let origin = AuditRules.numbersFromOne(doc) ? 1 : 0
      for section in doc.sections {
        let fragments = section.fragments.filter { !$0.bare }.sorted { $0.location < $1.location }
        let paragraph = RangeSizes.paragraphNumbers(fragments, doc)
        for (i, f) in fragments.enumerated() {
          guard let (x, back) = Self.lookback(f, doc) else { continue }
          for k in (i + 1)..<min(fragments.count, i + 1 + Self.reach) {
            let g = fragments[k]
            guard paragraph[k] == paragraph[i] else { break }
            guard let range = RangeCounts.range(g.text), range.index == x || range.index.isEmpty
            else { continue }
            let first = origin == 0 ? back : "(\(back)) + 1"
            if range.strict == 0, let at = Self.difference(first, range.lower, &budget) {
              let least = origin == 0 ? back : "\(back) + 1"
              out.append(
                Finding(
                  .borderRule,
                  "an output at \(x) reads back to \(x) − \(back), inside an input indexed "
                    + "from \(origin) only for \(x) ≥ \(least), but the range \(range.text) "
                    + "starts at \(range.lower)\(at)",
                  at: g.location, in: section, document: doc,
                  evidence: "the lookback at \(f.location)"))
            }
            break
          }
        }
      }
      return out
    }

    /// Whether the words before a fragment name the input read as far as it: "to" just
    /// before it and a word of input among the clause's last five words ("depends on inputs
    /// down to", "needs inputs back to").
    static func readTo(_ before: String) -> Bool {
      let clause = before.split(whereSeparator: { ".;:".contains($0) }).last ?? ""
      let words = clause.split(whereSeparator: { !$0.isLetter }).suffix(5)
      return words.last == "to" && words.contains { $0.hasPrefix("input") }
    }

    /// A fragment `x − E` after a lookback cue: the index and E, or nil.
    static func lookback(_ f: MathFragment, _ doc: ProblemSetDocument) -> (String, String)? {
      let start = f.location.offset
      let before = doc.slice(max(0, start - 40)..<start).lowercased()
        .trimmingCharacters(in: CharacterSet(charactersIn: "$ "))
      guard cues.contains(where: { before.hasSuffix($0) }) || Self.readTo(before) else {
        return nil
      }
      let t = RangeSizes.trimmedText(f.text).replacingOccurrences(of: "−", with: "-")
      let cs = Array(t)
      guard cs.count >= 3, cs.count <= RangeCounts.longest, cs[0].isLowercase, cs[0].isLetter
      else { return nil }
      let rest = String(cs.dropFirst()).trimmingCharacters(in: .whitespaces)
      guard rest.hasPrefix("-") else { return nil }
      let back = String(rest.dropFirst()).trimmingCharacters(in: .whitespaces)
      let x = String(cs[0])
      guard !back.isEmpty, !back.contains(Character(x)), !back.contains("+"),
        !back.contains("-"), RangeCounts.names(back) != nil
      else { return nil }
      return (x, back)
    }

    /// Where two expressions differ at whole values of their letters (the same letters, at
    /// most two, at `RangeCounts.points`): the point as text (empty with no letter), or nil.
    static func difference(
      _ a: String, _ b: String, _ budget: inout RangeCounts.Evaluations
    ) -> String? {
      guard let ea = RangeCounts.Expression(a), let eb = RangeCounts.Expression(b),
        ea.names == eb.names, ea.names.count <= 2
      else { return nil }
      let sorted = ea.names.sorted()
      for p in RangeCounts.points(sorted, stated: [:]) {
        guard budget.take(2) else { return nil }
        guard let u = ea.value(p), let v = eb.value(p), u != v else { continue }
        return sorted.isEmpty ? "" : " (" + RangeCounts.shown(sorted, p, "at ").dropFirst() + ")"
      }
      return nil
    }
  }
}
