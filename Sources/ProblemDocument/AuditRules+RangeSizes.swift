import Algebra
import Answers
import Foundation

/// An output's stated size against the index range the same text states for it.
extension AuditRules {
  /// A range `a ≤ x ≤ b` (either bound may be strict, `a < x < b`) of one lowercase index x holds
  ///
  ///     n = b − a + 1   (b − a for a strict bound on either side, one less for both)
  ///
  /// values, computed as a polynomial in the sizes; an upper bound `x ≤ b` alone holds b + 1
  /// values from 0 or b from 1, and a size that is either is taken. The first size
  /// that follows in the same paragraph or the next, and that involves the capital X of that index, must be n: a factor
  /// of a product `(E) \times (F)` after the word "size", "shape" or "output", or an expression
  /// followed by a unit of extent ("rows", "columns", "pixels", "positions", "wide", "long").
  /// A range over the whole size (n = X), a size with a letter that the range does not use, or
  /// an expression not read as a polynomial is not compared.
  ///
  /// A comparison `x + c ≤ d` (or `x + c < d`) stated before the range in its paragraph, over
  /// the range's own letters, gives the largest x as d − c (d − c − 1 when strict): a range whose
  /// upper end differs does not follow from it.
  /// - Complexity: linear in the section's fragments (at most `reach` read on either side of a
  ///   range), times the polynomial reading of each.
  struct RangeSizes: AuditRule {
    let id = "range-sizes"
    let summary = "a stated size or range that the range stated before it does not give"
    let kinds: [Finding.Kind] = [.borderRule]

    /// A range of one index: its bounds, the values it may hold (one count, or two for an
    /// upper bound alone: indices from 0 or from 1), where it is written.
    struct IndexRange {
      let index: String
      let lower: Polynomial?
      let upper: Polynomial
      let counts: [Polynomial]
      let text: String
      let fragment: MathFragment
    }

    static let units: Set<String> = [
      "rows", "columns", "pixels", "positions", "values", "entries", "wide", "long", "tall",
      "high", "steps", "frames",
    ]
    static let sizeWords = ["size", "shape", "output"]
    /// The fragments read on either side of a range: a paragraph holds few, and a document of
    /// many ranges in one paragraph stays linear.
    static let reach = 16

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      var out: [Finding] = []
      for section in doc.sections {
        let fragments = section.fragments.filter { !$0.bare }.sorted { $0.location < $1.location }
        // Each fragment's paragraph and comparison, read once.
        let paragraph = Self.paragraphNumbers(fragments, doc)
        let comparisons = fragments.map { Self.comparison($0.text) }
        for (i, f) in fragments.enumerated() {
          guard let range = Self.range(f) else { continue }
          let capital = range.index.uppercased()
          let from = max(0, i - Self.reach)
          let before = (from..<i).filter { paragraph[$0] == paragraph[i] }.map {
            (fragments[$0], comparisons[$0])
          }
          if let finding = Self.derivation(range, before, section, doc) {
            out.append(finding)
            continue
          }
          guard range.counts.allSatisfy({ $0.symbols.contains(capital) }),
            !range.counts.contains(.symbol(capital))
          else { continue }
          let letters = range.upper.symbols.union(range.lower?.symbols ?? [])
          for k in (i + 1)..<min(fragments.count, i + 1 + Self.reach) {
            let g = fragments[k]
            guard paragraph[k] - paragraph[i] <= 1 else { break }
            guard let size = Self.size(g, capital, doc), size.symbols.isSubset(of: letters) else {
              continue
            }
            if !range.counts.contains(size) {
              let held = range.counts.map(\.description).joined(separator: " (from 0) or ")
              let from = range.counts.count > 1 ? " (from 1)" : ""
              out.append(
                Finding(
                  .borderRule,
                  "the range \(range.text) holds \(held)\(from) values of \(range.index), but "
                    + "the size stated after it is \(size)",
                  at: g.location, in: section, document: doc,
                  evidence:
                    "\(range.index) from \(range.lower?.description ?? "0 or 1") to "
                    + "\(range.upper): the range at \(range.fragment.location)"))
            }
            break
          }
        }
      }
      return out
    }

    /// A comparison `x + c ≤ d` before the range in its paragraph (`before`: the fragments of
    /// the paragraph before it, with their comparisons) that gives another largest x.
    static func derivation(
      _ range: IndexRange, _ before: [(MathFragment, AnswerReading.Comparison?)],
      _ section: Section, _ doc: ProblemSetDocument
    ) -> Finding? {
      let letters = range.upper.symbols.union(range.lower?.symbols ?? [])
      for (g, parsed) in before.reversed() {
        guard let c = parsed, c.relation == .lessOrEqual || c.relation == .less else { continue }
        let x = Polynomial.symbol(range.index)
        let rest = c.lhs - x
        guard c.lhs.degree(in: range.index) == 1, rest.degree(in: range.index) == 0 else {
          continue
        }
        let largest = c.rhs - rest - (c.relation == .less ? Polynomial(1) : Polynomial())
        guard largest.symbols.isSubset(of: letters), !largest.symbols.isEmpty,
          largest != range.upper
        else { return nil }
        return Finding(
          .borderRule,
          "\(trimmedText(g.text)) gives \(range.index) ≤ \(largest), but the range stated from it "
            + "is \(range.text)",
          at: range.fragment.location, in: section, document: doc,
          evidence: "(\(c.rhs)) − (\(rest)) = \(largest) at \(g.location)")
      }
      return nil
    }

    /// The one comparison of a fragment, or nil.
    static func comparison(_ text: String) -> AnswerReading.Comparison? {
      let t = trimmedText(text)
      guard !t.contains("["), let parts = try? AnswerParser.parse(t), parts.parts.count == 1,
        parts.parts[0].conjuncts.count == 1,
        let cs = try? AnswerReading.comparisons(
          parts.parts[0].conjuncts[0], symbols: .open, text: t),
        cs.count == 1
      else { return nil }
      return cs[0]
    }

    static func trimmedText(_ text: String) -> String {
      FragmentReader.trimmed(text).trimmingCharacters(in: CharacterSet(charactersIn: " ,.;"))
    }

    /// A fragment `a ≤ x ≤ b`, or `x ≤ b` alone, over one lowercase index of one letter.
    static func range(_ f: MathFragment) -> IndexRange? {
      let t = trimmedText(f.text)
      guard !t.contains("["), let parts = try? AnswerParser.parse(t), parts.parts.count == 1,
        parts.parts[0].conjuncts.count == 1
      else { return nil }
      let chain = parts.parts[0].conjuncts[0]
      guard chain.operands.count == 3 || chain.operands.count == 2,
        chain.relations.allSatisfy({ $0 == .less || $0 == .lessOrEqual }),
        let ps = try? chain.operands.map({ e throws(AnswerSyntaxError) in
          try AnswerReading.polynomial(e, symbols: .open, text: t)
        })
      else { return nil }
      let middle = ps[ps.count - 2]
      guard middle.symbols.count == 1, let x = middle.symbols.first, x.count == 1,
        x.first?.isLowercase ?? false, middle == .symbol(x),
        ps.first!.degree(in: x) == 0 || ps.count == 2, ps.last!.degree(in: x) == 0
      else { return nil }
      let upper = chain.relations.last == .less ? ps.last! - Polynomial(1) : ps.last!
      guard ps.count == 3 else {
        return IndexRange(
          index: x, lower: nil, upper: upper, counts: [upper + Polynomial(1), upper], text: t,
          fragment: f)
      }
      let lower = chain.relations[0] == .less ? ps[0] + Polynomial(1) : ps[0]
      return IndexRange(
        index: x, lower: lower, upper: upper, counts: [upper - lower + Polynomial(1)], text: t,
        fragment: f)
    }

    /// The extent along `capital` that a fragment states as a size, or nil.
    static func size(_ g: MathFragment, _ capital: String, _ doc: ProblemSetDocument)
      -> Polynomial?
    {
      guard let (extents, product) = extents(g, doc, units: units, sized: false) else {
        return nil
      }
      let along = extents.filter { $0.symbols.contains(capital) }
      if product { return along.count == 1 ? along[0] : nil }
      return along.first
    }

    /// The extents a fragment states as a size: each factor of a product `(E) \times (F)` after
    /// a size word ("size", "shape", "output"), or one expression followed by one of `units`
    /// (or, when `sized`, after "size" or "length"); whether they came from a product. Nil for
    /// anything else.
    static func extents(
      _ g: MathFragment, _ doc: ProblemSetDocument, units: Set<String>, sized: Bool
    ) -> (extents: [Polynomial], product: Bool)? {
      let start = g.location.offset
      let end = start + g.text.unicodeScalars.count
      let before = doc.slice(max(0, start - 40)..<start).lowercased()
      let after = doc.slice(end..<(end + 20)).lowercased()
      let text = trimmedText(g.text).replacingOccurrences(of: "×", with: "\\times")
      if text.contains("\\times") {
        guard sizeWords.contains(where: { before.contains($0) }) else { return nil }
        let factors = text.components(separatedBy: "\\times").compactMap {
          try? PolynomialParser.polynomial($0.trimmingCharacters(in: .whitespaces))
        }
        return factors.isEmpty ? nil : (factors, true)
      }
      let word = after.drop { !$0.isLetter }.prefix { $0.isLetter }
      let tail = String(before.suffix(12))
      let named = sized && ["size", "length"].contains { tail.hasSubstring($0) }
      guard units.contains(String(word)) || named, let p = try? PolynomialParser.polynomial(text)
      else { return nil }
      return ([p], false)
    }

    /// The paragraph of each fragment (sorted, not bare) counted from the section's first: the
    /// blank lines (`\n\n`) between one fragment's end and the next one's start.
    /// - Complexity: linear in the section's text.
    static func paragraphNumbers(_ fragments: [MathFragment], _ doc: ProblemSetDocument) -> [Int] {
      var out: [Int] = []
      var current = 0
      var end: Int?
      for f in fragments {
        if let start = end, f.location.offset > start {
          current +=
            doc.slice(start..<f.location.offset).components(separatedBy: "\n\n").count - 1
        }
        out.append(current)
        end = f.location.offset + f.text.unicodeScalars.count
      }
      return out
    }
  }
}
