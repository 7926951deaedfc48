import Answers
import Foundation

/// A condition restated, a sentence later, as the opposite region.
extension AuditRules {
  /// A comparison that opens a new sentence's conclusion ("… exactly when $B$", "… iff $B$",
  /// "so … only if $B$") right after the comparison $A$ ending the sentence before restates A
  /// (divided through, solved for one name), when the math between them names only letters of
  /// A that B lacks (the step, `dividing by $I$`). When no tried point satisfies both strictly
  /// while each alone is satisfiable, B is the opposite region of A: the relation was reversed. A
  /// restatement writes new sides; B written with A's own sides and the other relation is a
  /// case split stated on purpose, and is silent. Links inside one sentence are the
  /// `EquivalentConditions` rule's.
  /// - Complexity: one pass over each solution's fragments; at most `linksTried` links and
  ///   `pointsTried` point evaluations per document, each linear in a comparison of at most
  ///   `longest` characters.
  struct ReversedConditions: AuditRule {
    let id = "reversed-conditions"
    let summary = "a condition restated in the next sentence as the opposite region"
    let kinds: [Finding.Kind] = [.premiseCondition]

    /// Links tried per document.
    static let linksTried = 64
    /// Words at most in the clause that opens the restatement.
    static let clauseWords = 12
    /// The longest comparison judged, in characters.
    static let longest = 200
    /// Points evaluated per document, over all its links: a search that runs out finds nothing.
    static let pointsTried = 40_000
    /// Values tried for four or five names.
    static let fewValues: [Double] = [0.5, 1, 2, 3, 5, 10, 100]

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      var out: [Finding] = []
      var links = 0
      var budget = Self.pointsTried
      for section in doc.sections where section.kind == .solution {
        let fragments = section.fragments.filter { !$0.bare }.sorted { $0.location < $1.location }
        var previous: Stated?
        var step: [MathFragment] = []
        for f in fragments {
          // A fragment that is no comparison (`dividing by $N$`) stands in the gap.
          guard let b = EquivalentConditions.entryStated(f) ?? Self.primed(f) else {
            step.append(f)
            continue
          }
          defer { (previous, step) = (b, []) }
          guard let a = previous, links < Self.linksTried else { continue }
          let gap = ClaimedImplications.between(a.fragment, f, doc)
          guard gap.count < 200, a.text.count <= Self.longest, b.text.count <= Self.longest,
            Self.restates(gap), Self.newSides(a, b),
            Self.eliminates(a, b, step)
          else { continue }
          links += 1
          guard let point = Self.opposite(a, b, budget: &budget) else { continue }
          let (first, second) = (
            FragmentReader.trimmed(a.fragment.text), FragmentReader.trimmed(f.text)
          )
          let shown = point.sorted { $0.key < $1.key }.map { "\($0.key) = \(format($0.value))" }
            .joined(separator: ", ")
          out.append(
            Finding(
              .premiseCondition,
              "\(second) restates \(first) from the sentence before, but no value satisfies "
                + "both: the relation is reversed",
              at: f.location, in: section, document: doc,
              evidence:
                "at \(shown), \(first) holds and \(second) does not (positive values tried, "
                + "whole for a capital; neither holds strictly where the other does)"))
        }
      }
      return out
    }

    /// Whether the gap ends one sentence and opens a restatement: exactly one sentence end, no
    /// paragraph break, and a clause after it of at most `clauseWords` words that ends with a
    /// link of equivalence or consequence ("exactly when", "iff", "only if").
    static func restates(_ gap: String) -> Bool {
      let plain = gap.replacingOccurrences(of: "i.e.", with: " ie ")
        .replacingOccurrences(of: "e.g.", with: " eg ")
      guard !plain.contains("\n\n") else { return false }
      let ends = plain.indices.filter { ".;?!".contains(plain[$0]) }
      guard ends.count == 1, let end = ends.first,
        plain[..<end].allSatisfy(\.isWhitespace)
      else { return false }
      let words = plain[plain.index(after: end)...].lowercased().split { !$0.isLetter }
        .map(String.init)
      guard !words.isEmpty, words.count <= clauseWords else { return false }
      let tails = EquivalentConditions.equivalenceTails + EquivalentConditions.consequenceTails
      return tails.contains { words.count >= $0.count && Array(words.suffix($0.count)) == $0 }
    }

    /// A comparison with primed names (`H'`), each prime read as a subscript of its own that no
    /// other name in the fragment writes, so `H'` is a name apart from `H`.
    static func primed(_ f: MathFragment) -> Stated? {
      let marks = ["^{\\prime}", "^\\prime", "'", "′"]
      guard marks.contains(where: f.text.contains), !f.text.contains("_{0}"),
        !f.text.contains("_0")
      else { return nil }
      var text = f.text
      for mark in marks { text = text.replacingOccurrences(of: mark, with: "_{0}") }
      // The fragment stays the one written: its length places the text after it.
      return EquivalentConditions.entryStated(relabel(f, text)).map {
        Stated(text: $0.text, chains: $0.chains, names: $0.names, fragment: f)
      }
    }

    /// Whether B writes sides A does not: a comparison with A's own sides is a case of it.
    static func newSides(_ a: Stated, _ b: Stated) -> Bool {
      let sides = { (s: Stated) in
        Set(s.chains.flatMap(\.operands).map { "\($0)" })
      }
      return sides(a) != sides(b)
    }

    /// Whether the math between A and B names only letters A has and B lacks (`dividing by $I$`,
    /// `for $T = 4096$`): the step that turns A into B, so B restates A. Without it two
    /// comparisons a sentence apart may be two claims (`attention is cheaper when $N<K$. The MLP
    /// is cheaper exactly when $2N>2K$`), each of its own subject, and are not judged.
    static func eliminates(_ a: Stated, _ b: Stated, _ step: [MathFragment]) -> Bool {
      let removed = a.names.subtracting(b.names)
      return step.contains { f in
        let names = Set(
          FragmentReader.trimmed(f.text).split { !$0.isLetter && $0 != "'" && $0 != "_" }
            .map(String.init))
        return !names.isEmpty && names.isSubset(of: removed)
      }
    }

    /// A point where A holds and B does not, when no tried point satisfies both strictly and
    /// each holds strictly at some point; nil otherwise (more than five names, or names not
    /// nested).
    static func opposite(_ a: Stated, _ b: Stated, budget: inout Int) -> [String: Double]? {
      guard a.names.isSubset(of: b.names) || b.names.isSubset(of: a.names) else { return nil }
      let names = a.names.union(b.names).sorted()
      guard names.count <= 5 else { return nil }
      let tried = names.count <= 3 ? ClaimedImplications.values : fewValues
      var point: [String: Double] = [:]
      var (first, second) = (false, false)
      var witness: [String: Double]?
      func search(_ k: Int) -> Bool {
        if k == names.count {
          guard budget > 0 else { return false }
          budget -= 1
          guard let x = holds(a, point, strict: true), let y = holds(b, point, strict: true)
          else { return true }
          if x && y { return false }
          first = first || x
          second = second || y
          if witness == nil, x, holds(b, point) == false { witness = point }
          return true
        }
        let whole = names[k].first?.isUppercase == true
        for v in tried where !whole || v >= 1 {
          point[names[k]] = v
          if !search(k + 1) { return false }
        }
        return true
      }
      guard search(0), budget > 0, first, second else { return nil }
      return witness
    }
  }
}
