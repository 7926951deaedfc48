import Algebra
import Foundation

/// A total printed in the same sentence as the per-item costs it adds up.
extension AuditRules {
  /// One sentence that states a number of items and each item's cost, then concludes a total:
  /// "$N$ values with $C$ multiplies each" (the words right after C a multiply noun and "each")
  /// or "each of the $N$ rows, a length-$C$ dot product", one or more such pairs, then
  /// a formula after a word of conclusion ("so", "together", "the count is"). The total must
  /// be Σ N·C, exactly as polynomials. A total naming a size no pair names counts something
  /// else and is not judged; more than one pair needs a word of summing ("together", "total",
  /// "all") before the total.
  /// - Complexity: linear in the fragments of each section (each gap at most 120 characters).
  struct ItemCosts: AuditRule {
    let id = "item-costs"
    let summary = "a total that is not the items times each one's printed cost"
    let kinds: [Finding.Kind] = [.countDisagreement]

    /// Words that conclude a total from what the sentence stated before.
    static let concluding: Set<String> = ["so", "together", "total", "count", "hence", "thus"]
    /// Words that say the total adds up every pair.
    static let summing: Set<String> = ["together", "total", "all", "overall", "altogether"]

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      var out: [Finding] = []
      for section in doc.sections {
        let fs = section.fragments.filter { !$0.bare && $0.text.count <= 200 }
        let sentence = AuditRules.sentenceIndices(fs, section, doc)
        var pairs: [(Polynomial, Polynomial)] = []
        // The index of the last pair's cost, and whether a formula in sizes stood after it
        // outside any pair: such a term (`plus $BJ$ additions`) ends the pairs, a label with
        // no size (`the $3 \times 3$ part`) does not.
        var lastCost = -1
        var termBetween = false
        for k in fs.indices.dropFirst() {
          let (a, b) = (fs[k - 1], fs[k])
          let gap = AuditRules.ClaimedImplications.between(a, b, doc)
          guard sentence[k - 1] == sentence[k], gap.count <= 120,
            !gap.contains(where: { ".;?!".contains($0) })
          else {
            pairs = []
            continue
          }
          let words = gap.lowercased().split { !$0.isLetter }.map(String.init)
          let before = Self.textBefore(a, doc)
          if let n = Self.formula(a.text), let c = Self.formula(b.text),
            Self.isPerItem(words, after: Self.wordsAfter(b, doc), before: before)
          {
            if termBetween { pairs = [] }
            pairs.append((n, c))
            (lastCost, termBetween) = (k, false)
            continue
          }
          if k - 1 > lastCost, Self.formula(a.text) != nil { termBetween = true }
          guard !termBetween else {
            pairs = []
            continue
          }
          guard !pairs.isEmpty, words.contains(where: Self.concluding.contains) else { continue }
          defer { pairs = [] }
          guard let printed = Self.formula(b.text),
            pairs.count == 1 || words.contains(where: Self.summing.contains)
          else { continue }
          let total = pairs.reduce(Polynomial()) { $0 + $1.0 * $1.1 }
          let named = pairs.reduce(Set<String>()) { $0.union($1.0.symbols).union($1.1.symbols) }
          guard printed.symbols.isSubset(of: named), printed != total else { continue }
          out.append(
            Finding(
              .countDisagreement,
              "the printed total \(printed) is not \(total), the items times the cost of each "
                + "stated before it in the sentence",
              at: b.location, in: section, document: doc,
              evidence: pairs.map { "\($0.0) × \($0.1)" }.joined(separator: " + ") + " = \(total)"))
        }
      }
      return out
    }

    /// Whether the words between a number of items and a cost make it the cost of each: the
    /// words after the cost a multiply noun then "each", or the items after "each of" and the
    /// cost the length of a dot product.
    static func isPerItem(_ between: [String], after: [String], before: String) -> Bool {
      if after.count >= 2, Auditor.multiplyNouns.contains(after[0]), after[1] == "each",
        !between.contains(where: Auditor.multiplyNouns.contains)
      {
        return true
      }
      let lead = before.lowercased().split { !$0.isLetter }.map(String.init).suffix(3)
      return lead.contains("each") && lead.contains("of")
        && between.suffix(4) == ["dot", "product", "of", "length"]
    }

    /// Up to three words right after a fragment, before any other math.
    static func wordsAfter(_ f: MathFragment, _ doc: ProblemSetDocument) -> [String] {
      let start =
        f.location.offset + f.text.unicodeScalars.count + (f.bare ? 0 : (f.display ? 2 : 1))
      let end = min(doc.scalars.count, start + 40)
      guard start < end else { return [] }
      var after = doc.slice(start..<end)
      if let dollar = after.firstIndex(of: "$") { after = String(after[..<dollar]) }
      return Array(after.lowercased().split { !$0.isLetter }.prefix(3).map(String.init))
    }

    /// Up to 40 characters of the document right before a fragment's opening delimiter.
    static func textBefore(_ f: MathFragment, _ doc: ProblemSetDocument) -> String {
      let end = f.location.offset - (f.bare ? 0 : (f.display ? 2 : 1))
      let start = max(0, end - 40)
      return start < end ? doc.slice(start..<end) : ""
    }

    /// A fragment read as a formula in sizes (capitals, Δ, Greek and subscripted names), with
    /// no `=`.
    static func formula(_ text: String) -> Polynomial? {
      guard !text.contains("="), case .formula(let names, let p?) = FragmentReader.content(text),
        !names.isEmpty
      else { return nil }
      return p
    }
  }
}
