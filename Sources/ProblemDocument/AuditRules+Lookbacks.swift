import Algebra
import Foundation

/// A lookback stated in words against the first index of the range concluded from it.
extension AuditRules {
  /// An output at x that "needs inputs back to" (or "as far back as") `x − E`, with E free of
  /// x, reads position x − E of an input indexed from 0: the first x with every read inside
  /// is E. The next range of x in the paragraph (a list `x = a, \ldots` or `a, \ldots, b`, or a
  /// chain `a ≤ x ≤ b`, at most `reach` fragments on) must start at E; the two are compared by
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
            if range.strict == 0, let at = Self.difference(back, range.lower) {
              out.append(
                Finding(
                  .borderRule,
                  "an output at \(x) reads back to \(x) − \(back), inside an input indexed "
                    + "from 0 only for \(x) ≥ \(back), but the range \(range.text) starts at "
                    + "\(range.lower)\(at)",
                  at: g.location, in: section, document: doc,
                  evidence: "the lookback at \(f.location)"))
            }
            break
          }
        }
      }
      return out
    }

    /// A fragment `x − E` after a lookback cue: the index and E, or nil.
    static func lookback(_ f: MathFragment, _ doc: ProblemSetDocument) -> (String, String)? {
      let start = f.location.offset
      let before = doc.slice(max(0, start - 24)..<start).lowercased()
        .trimmingCharacters(in: CharacterSet(charactersIn: "$ "))
      guard cues.contains(where: { before.hasSuffix($0) }) else { return nil }
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
    /// most two): the point as text (empty with no letter), or nil.
    static func difference(_ a: String, _ b: String) -> String? {
      guard let na = RangeCounts.names(a), let nb = RangeCounts.names(b), na == nb, na.count <= 2
      else { return nil }
      let sorted = na.sorted()
      let reach = sorted.count == 2 ? RangeCounts.reachTwo : RangeCounts.reachOne
      var points: [[String: Int]] = [[:]]
      for name in sorted {
        points = points.flatMap { p in (1...reach).map { p.merging([name: $0]) { $1 } } }
      }
      for p in points {
        guard let u = RangeCounts.value(a, p), let v = RangeCounts.value(b, p), u != v else {
          continue
        }
        return sorted.isEmpty
          ? "" : " (at " + sorted.map { "\($0) = \(p[$0]!)" }.joined(separator: ", ") + ")"
      }
      return nil
    }
  }
}
