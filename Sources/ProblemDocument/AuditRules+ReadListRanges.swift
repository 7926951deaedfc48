import Algebra
import Answers
import Foundation

/// An index range stated after the list of input positions an output reads.
extension AuditRules {
  /// The ways a list's ellipsis is written (`0, \ldots, n`), for the readers of listed ranges.
  static let ellipses: Set<String> = ["\\ldots", "\\dots", "...", "\\cdots", "…"]

  /// A list `x + a, \ldots, x + b` of the input positions an output at x reads (a < b, free of
  /// x), followed in its paragraph by a range `l ≤ x ≤ u` of that index whose upper bound uses
  /// the index's capital X: every read position stays inside 0 … X − 1 exactly when
  ///
  ///     −a ≤ x ≤ X − 1 − b
  ///
  /// A range that takes one of these two bounds (where that bound trims the input: −a ≠ 0 for
  /// the lower, b ≠ 0 for the upper) keeps every read inside, so its other bound must be the
  /// other one. A range that takes neither (a padded convention) is not compared.
  /// - Complexity: linear in the section's fragments (at most `reach` read after a list).
  struct ReadListRanges: AuditRule {
    let id = "read-list-ranges"
    let summary = "a range that keeps the reads inside the input on one side but not the other"
    let kinds: [Finding.Kind] = [.borderRule]

    /// The fragments read after a list.
    static let reach = 6

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      var out: [Finding] = []
      for section in doc.sections {
        let fragments = section.fragments.filter { !$0.bare }.sorted { $0.location < $1.location }
        let paragraph = RangeSizes.paragraphNumbers(fragments, doc)
        for (i, f) in fragments.enumerated() {
          guard let (x, a, b) = Self.readList(f.text) else { continue }
          let capital = Polynomial.symbol(x.uppercased())
          let lowest = Polynomial() - a
          let largest = capital - Polynomial(1) - b
          for k in (i + 1)..<min(fragments.count, i + 1 + Self.reach) {
            let g = fragments[k]
            guard paragraph[k] == paragraph[i] else { break }
            guard let range = RangeSizes.range(g), range.index == x, let lower = range.lower,
              range.upper.symbols.contains(x.uppercased())
            else { continue }
            let lowerKept = lower == lowest && !a.isZero
            let upperKept = range.upper == largest && !b.isZero
            if lowerKept != upperKept {
              let (side, expected) = lowerKept ? ("upper", largest) : ("lower", lowest)
              out.append(
                Finding(
                  .borderRule,
                  "an output at \(x) reads \(RangeSizes.trimmedText(f.text)), which stays inside "
                    + "0 … \(x.uppercased()) − 1 for \(lowest) ≤ \(x) ≤ \(largest); the range "
                    + "\(range.text) keeps one bound of that but its \(side) bound is not "
                    + "\(expected)",
                  at: g.location, in: section, document: doc,
                  evidence: "the read list at \(f.location)"))
            }
            break
          }
        }
      }
      return out
    }

    /// A list `x + a, \ldots, x + b` (a < b whole-number shifts or polynomials free of x) of one
    /// lowercase index: the index and the two shifts. Nil for anything else.
    static func readList(_ text: String) -> (String, Polynomial, Polynomial)? {
      let t = RangeSizes.trimmedText(text).replacingOccurrences(of: " ", with: "")
      guard t.unicodeScalars.count <= 80, !t.contains("="), !t.contains("[") else { return nil }
      let items = t.components(separatedBy: ",")
      guard items.count >= 3,
        items.contains(where: AuditRules.ellipses.contains),
        let first = try? PolynomialParser.polynomial(items.first!),
        let last = try? PolynomialParser.polynomial(items.last!)
      else { return nil }
      // The index: the one lowercase letter that both ends hold once with coefficient one (a
      // shift such as r in x − r, …, x + r changes sign).
      let indices = first.symbols.filter { y in
        y.count == 1 && y.first!.isLowercase
          && [first, last].allSatisfy {
            $0.degree(in: y) == 1 && $0.coefficients(in: y)[1] == Polynomial(1)
          }
      }
      guard indices.count == 1, let x = indices.first else { return nil }
      let a = first - .symbol(x)
      let b = last - .symbol(x)
      guard a.degree(in: x) == 0, b.degree(in: x) == 0, a != b,
        !a.symbols.contains(x.uppercased()), !b.symbols.contains(x.uppercased())
      else { return nil }
      return (x, a, b)
    }
  }
}
