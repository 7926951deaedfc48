import Algebra
import Answers
import Foundation

/// A range or a count concluded from an inequality on an output index, against the values the
/// inequality itself admits.
extension AuditRules {
  /// An inequality on one lowercase index x, `k·x + c ≤ d` or `a ≤ k·x + c ≤ d` (either bound
  /// may be strict), whose other letters all take numbers stated in the section (`X = 32`),
  /// admits the whole numbers
  ///
  ///     ⌈(a − c) / k⌉ ≤ x ≤ ⌊(d − c) / k⌋   (from 0 when no lower bound is stated)
  ///
  /// The first conclusion stated after it in its paragraph, before any other inequality, must
  /// be that range: a list `x = 0, \ldots, n` or a chain `0 ≤ x ≤ n` must end at the largest
  /// x (and start at the smallest when the inequality bounds x from below), and a count — a
  /// number followed by a unit of extent ("5 output frames", "16 positions") or a square
  /// `n \times n` after a size word — must be the number of admitted values.
  /// - Complexity: linear in the section's fragments and prose (at most `reach` fragments and
  ///   `span` scalars read after each inequality).
  struct StatedBounds: AuditRule {
    let id = "bound-conclusions"
    let summary =
      "a range or count concluded from an inequality on the index that it does not admit"
    let kinds: [Finding.Kind] = [.borderRule]

    /// The whole numbers an inequality admits for its index.
    struct Bound {
      let index: String
      let lowest: Int
      let largest: Int
      /// Whether the inequality bounds the index from below (else it counts from 0).
      let lowerStated: Bool
      var count: Int { largest - lowest + 1 }
    }

    /// The fragments read after an inequality.
    static let reach = 8
    /// The scalars read after an inequality for its conclusion.
    static let span = 300
    /// The largest number read: larger ones are not read (no overflow).
    static let largest = 1_000_000

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      var out: [Finding] = []
      for section in doc.sections {
        let fragments = section.fragments.filter { !$0.bare }.sorted { $0.location < $1.location }
        let paragraph = RangeSizes.paragraphNumbers(fragments, doc)
        let values = Self.assignments(fragments)
        let prose = section.prose.sorted { $0.location < $1.location }
        // The numbers stated up to the current fragment, kept as the walk goes on.
        var before: [String: Rational] = [:]
        var next = 0
        for (i, f) in fragments.enumerated() {
          before.merge(values[i]) { $1 }
          guard let (chain, x) = Self.chain(f.text) else { continue }
          // Numbers stated before the inequality or just after it in its paragraph.
          var known = before
          for k in (i + 1)..<min(fragments.count, i + Self.reach)
          where paragraph[k] == paragraph[i] {
            known.merge(values[k]) { $1 }
          }
          guard let bound = Self.bound(chain, x, known) else { continue }
          let end = f.location.offset + f.text.unicodeScalars.count
          var limit = end + Self.span
          if let cut = doc.slice(end..<limit).range(of: "\n\n") {
            limit = end + doc.slice(end..<limit)[..<cut.lowerBound].unicodeScalars.count
          }
          // The next fragment in the limit that states another inequality ends the reach.
          var candidates: [(offset: Int, stated: Stated)] = []
          for k in (i + 1)..<min(fragments.count, i + 1 + Self.reach) {
            let g = fragments[k]
            guard g.location.offset < limit else { break }
            if let stated = Self.stated(g, x, known, doc) {
              candidates.append((g.location.offset, stated))
              break
            }
            if Self.chain(g.text) != nil {
              limit = g.location.offset
              break
            }
          }
          // Prose spans that end before the inequality are behind every later one too.
          while next < prose.count,
            prose[next].location.offset + prose[next].text.unicodeScalars.count <= end
          {
            next += 1
          }
          if let count = Self.proseCount(prose[next...], from: end, to: limit) {
            candidates.append((count.offset, .count(count.value)))
          }
          guard let first = candidates.min(by: { $0.offset < $1.offset }),
            let message = Self.disagreement(first.stated, bound, Self.trim(f.text))
          else { continue }
          out.append(
            Finding(
              .borderRule, message, at: doc.location(ofOffset: first.offset), in: section,
              document: doc,
              evidence: "\(bound.lowest) ≤ \(x) ≤ \(bound.largest) from \(Self.trim(f.text)) "
                + "at \(f.location)"))
        }
      }
      return out
    }

    /// What a conclusion states: a range of the index, or a number of values.
    enum Stated {
      case range(Int, Int)
      case count(Int)
    }

    /// The message when the conclusion is not what the bound admits, or nil.
    static func disagreement(_ stated: Stated, _ bound: Bound, _ text: String) -> String? {
      let x = bound.index
      switch stated {
      case .range(let a, let b):
        guard b != bound.largest || (bound.lowerStated && a != bound.lowest) else { return nil }
        return "\(text) admits \(bound.lowest) ≤ \(x) ≤ \(bound.largest), but the range "
          + "concluded from it runs from \(a) to \(b)"
      case .count(let n):
        guard n != bound.count else { return nil }
        return "\(text) admits \(bound.count) values of \(x) (\(bound.lowest) to "
          + "\(bound.largest)), but the count concluded from it is \(n)"
      }
    }

    /// A fragment's text without `$`, spaces or trailing punctuation.
    static func trim(_ text: String) -> String { RangeSizes.trimmedText(text) }
  }
}
