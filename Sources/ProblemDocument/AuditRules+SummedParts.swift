import Algebra
import Foundation

/// A total printed right after the parts it adds up, whose terms are the parts' terms with a
/// coefficient changed.
extension AuditRules {
  /// On one line, formulas in sizes printed one after another (the parts: `$BC$`, `$2BC^2$`,
  /// `$BXYC$`), then a word of summing (`total`, `together`, `overall`, …) and a formula with at
  /// least two terms (the total), with at most `gapWords` words and no `;` between the last part
  /// and the total. When the parts' terms are pairwise different monomials and
  /// together exactly the total's monomials, the total is read as the parts' sum and must equal
  /// it as a polynomial, except that a part may be counted more than once (a part printed as
  /// one gate's cost, the total over two gates): only a monomial the total takes FEWER times
  /// than the parts print it is a slip. A total naming a monomial no part has (it counts
  /// something more) or leaving a part's monomial out is not judged.
  /// - Complexity: linear in the fragments of each line (at most `maxParts` looked back).
  struct SummedParts: AuditRule {
    let id = "summed-parts"
    let summary = "a total that is not the sum of the parts printed just before it"
    let kinds: [Finding.Kind] = [.countDisagreement]

    /// The most parts looked back over from a total.
    static let maxParts = 6
    /// The most words between the last part and the total (`. So the total is`).
    static let gapWords = 6

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      var out: [Finding] = []
      for section in doc.sections {
        let fs = section.fragments.filter { !$0.bare && $0.text.count <= 200 }
        let read = fs.map { AuditRules.ItemCosts.formula(Self.reciprocals($0.text)) }
        for k in fs.indices.dropFirst(2) {
          guard let total = read[k], total.terms.count >= 2 else { continue }
          let gap = AuditRules.ClaimedImplications.between(fs[k - 1], fs[k], doc)
          let words = gap.lowercased().split { !$0.isLetter }.map(String.init)
          // The total follows its parts directly: a clause between them (`; caching halves
          // each, for a total of`) may change what is added, so the sum is not judged.
          guard !gap.contains(";"), words.count <= Self.gapWords,
            words.contains(where: AuditRules.ItemCosts.summing.contains)
          else { continue }
          guard let parts = Self.parts(before: k, fs, read, total: total) else { continue }
          let sum = parts.reduce(Polynomial()) { $0 + read[$1]! }
          guard Self.countsFewer(total, than: sum) else { continue }
          out.append(
            Finding(
              .countDisagreement,
              "the printed total \(fs[k].text) does not add up the parts printed just before "
                + "it: " + parts.map { fs[$0].text }.joined(separator: " + "),
              at: fs[k].location, in: section, document: doc,
              evidence: "total − parts = \(total - sum)"))
        }
      }
      return out
    }

    /// The fewest formulas (two or more) printed right before fragment `k` on its line, each
    /// next to the next with no other fragment read between (bare fragments and those over 200
    /// characters are not read), whose monomials are pairwise distinct
    /// and together exactly the total's (their indices); nil when no such run exists.
    static func parts(
      before k: Int, _ fs: [MathFragment], _ read: [Polynomial?], total: Polynomial
    ) -> [Int]? {
      let line = fs[k].location.line
      let wanted = Set(total.terms.keys)
      var run: [Int] = []
      var seen: Set<Monomial> = []
      var j = k - 1
      while j >= 0, k - j <= maxParts, fs[j].location.line == line, let p = read[j] {
        let own = Set(p.terms.keys)
        guard own.isDisjoint(with: seen), own.isSubset(of: wanted) else { return nil }
        seen.formUnion(own)
        run.insert(j, at: 0)
        if run.count >= 2, seen == wanted { return run }
        j -= 1
      }
      return nil
    }

    /// Whether the total, every coefficient positive, takes some monomial fewer times than the
    /// parts print it: a part counted more than once (each of two gates) only raises a total.
    static func countsFewer(_ total: Polynomial, than sum: Polynomial) -> Bool {
      guard total.terms.values.allSatisfy({ $0 > .zero }),
        sum.terms.values.allSatisfy({ $0 > .zero })
      else { return false }
      return sum.terms.contains { m, c in (total.terms[m] ?? .zero) < c }
    }

    /// The text with each division by one name (`/\rho`, `/R`) written as a product with a
    /// name of its own (`\rho_{\div}`), so a cost over a ratio reads as a polynomial.
    /// - Complexity: linear in the text.
    static func reciprocals(_ text: String) -> String {
      let cs = Array(text)
      var out = ""
      var i = 0
      while i < cs.count {
        guard cs[i] == "/" else {
          out.append(cs[i])
          i += 1
          continue
        }
        var j = i + 1
        while j < cs.count, cs[j] == " " { j += 1 }
        var end = j
        if end < cs.count, cs[end] == "\\" {
          end += 1
          while end < cs.count, cs[end].isLetter { end += 1 }
          if end == j + 1 { end = j }
        } else if end < cs.count, cs[end].isLetter {
          end += 1
        }
        guard end > j else {
          out.append("/")
          i += 1
          continue
        }
        out += "\\cdot " + String(cs[j..<end]) + "_{\\div}"
        i = end
      }
      return out
    }
  }
}
