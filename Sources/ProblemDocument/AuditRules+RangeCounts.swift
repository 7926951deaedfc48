import Algebra
import Foundation

/// A range of an index and the number of values stated right beside it, against each other.
extension AuditRules {
  /// A range of one lowercase index, written as a list `x = a, \ldots, b` (or
  /// `x \in \{a, \ldots, b\}`) or as a chain `a ≤ x ≤ b` (either bound may be strict), holds
  ///
  ///     b − a + 1   values (one fewer for each strict bound)
  ///
  /// A count stated right beside it must be that number: the fragment just after the range in
  /// its paragraph when a unit of extent follows it ("1008 positions", "$T - 8$ outputs") or a
  /// word of size comes just before it ("width $E$", "length $E$"), or the fragment just before
  /// the range when only its unit and a comma stand between them. The bounds and the count may
  /// hold floors and ceilings (`\lfloor X/2 \rfloor`): both are evaluated over the positive
  /// whole values of their letters (one or two letters, the same in both) at which every bound
  /// and the count are whole, and a point where they differ is the finding's counterexample.
  /// A count with a letter the range lacks, or the other way round, is not compared.
  /// - Complexity: linear in the section's fragments; each pair is evaluated at a fixed number
  ///   of points, each evaluation linear in the fragments' length.
  struct RangeCounts: AuditRule {
    let id = "range-counts"
    let summary = "a range of an index and the count stated beside it that disagree"
    let kinds: [Finding.Kind] = [.borderRule]

    /// The fragments read on either side of a range for the values of its letters.
    static let reach = 8
    /// The longest gap, in scalars, between a range and the count beside it.
    static let gap = 60
    /// The longest fragment read as a range or a count.
    static let longest = 120
    /// Words of extent a count is stated in.
    static let units: Set<String> = StatedBounds.units.union(RangeSizes.units).union([
      "outputs", "inputs", "indices", "cells", "tokens", "bins",
    ])
    /// Words of size a count may follow.
    static let sizeWords = ["width", "length", "size", "height"]
    /// The largest value tried for a letter when one letter is free, and when two are.
    static let reachOne = 64
    static let reachTwo = 8
    /// The evaluations one rule makes in a document (`Evaluations`).
    static let evaluations = 30_000

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      var out: [Finding] = []
      var budget = Evaluations(left: Self.evaluations)
      for section in doc.sections {
        let fragments = section.fragments.filter { !$0.bare }.sorted { $0.location < $1.location }
        let paragraph = RangeSizes.paragraphNumbers(fragments, doc)
        let values = StatedBounds.assignments(fragments)
        for (i, f) in fragments.enumerated() {
          guard budget.left > 0 else { return out }
          guard let range = Self.range(f.text) else { continue }
          var beside: MathFragment?
          var count: String?
          if i + 1 < fragments.count, paragraph[i + 1] == paragraph[i],
            let c = Self.countAfter(f, fragments[i + 1], doc)
          {
            (beside, count) = (fragments[i + 1], c)
          } else if i > 0, paragraph[i - 1] == paragraph[i],
            let c = Self.countBefore(fragments[i - 1], f, doc)
          {
            (beside, count) = (fragments[i - 1], c)
          }
          guard let g = beside, let stated = count,
            let point = Self.disagreement(
              range, stated, preferring: Self.stated(i, paragraph, values), budget: &budget)
          else { continue }
          let name = range.index.isEmpty ? "its index" : range.index
          out.append(
            Finding(
              .borderRule,
              "the range \(range.text) holds \(point.held) values of "
                + name
                + "\(point.at), but the count stated beside it is "
                + (stated == point.stated ? stated : "\(stated) = \(point.stated)"),
              at: f.location.line >= g.location.line ? f.location : g.location, in: section,
              document: doc,
              evidence: "\(name) from \(range.lower) to \(range.upper)\(point.at); the count "
                + "at \(g.location)"))
        }
      }
      return out
    }

    /// The whole numbers stated for letters in the paragraph of fragment `i` (`X = 56`), at
    /// most `reach` fragments on either side: the point tried first.
    static func stated(_ i: Int, _ paragraph: [Int], _ values: [[String: Rational]])
      -> [String: Int]
    {
      var out: [String: Int] = [:]
      for k in max(0, i - reach)..<min(values.count, i + reach + 1)
      where paragraph[k] == paragraph[i] {
        for (name, v) in values[k] where out[name] == nil {
          if let n = v.intValue, n >= 1 { out[name] = n }
        }
      }
      return out
    }

    /// A range read from a fragment: its index, its first and last values as text, and the
    /// strict bounds.
    struct StatedRange {
      let index: String
      let lower: String
      let upper: String
      /// 1 for each strict bound.
      let strict: Int
      let text: String
    }

    /// A list `x = a, \ldots, b`, `x \in \{a, \ldots, b\}` or a chain `a ≤ x ≤ b` of one
    /// lowercase index, or nil.
    static func range(_ text: String) -> StatedRange? {
      let t = RangeSizes.trimmedText(text)
      guard t.unicodeScalars.count <= longest, !t.contains("[") else { return nil }
      if let list = Self.list(t) { return list }
      return chain(t)
    }

    /// A list `x = a, \ldots, b`, `x \in \{a, \ldots, b\}` or `a, \ldots, b` (the index
    /// unnamed) in steps of one.
    static func list(_ t: String) -> StatedRange? {
      var body = t.replacingOccurrences(of: "\\{", with: "").replacingOccurrences(
        of: "\\}", with: "")
      var index: String?
      for joint in ["\\in", "="] {
        guard let r = body.range(of: joint) else { continue }
        let name = body[..<r.lowerBound].trimmingCharacters(in: .whitespaces)
        guard name.count == 1, name.first!.isLowercase, name.first!.isLetter else { return nil }
        index = name
        body = String(body[r.upperBound...])
        break
      }
      let x = index ?? ""
      let items = body.components(separatedBy: ",").map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard items.count >= 3, items.dropFirst().dropLast().contains(where: ellipses.contains),
        !items.first!.isEmpty, !items.last!.isEmpty,
        x.isEmpty || (!items.first!.contains(x) && !items.last!.contains(x))
      else { return nil }
      // Steps of one only: a list that shows its second value must show the first plus one.
      if !ellipses.contains(items[1]) {
        guard let a = NumericValue.read(items[0])?.exact,
          let b = NumericValue.read(items[1])?.exact,
          b - a == Rational(1)
        else { return nil }
      }
      return StatedRange(index: x, lower: items.first!, upper: items.last!, strict: 0, text: t)
    }

    /// A chain `a ≤ x ≤ b` (`\le`, `\leq`, `≤` or `<` on either side).
    static func chain(_ t: String) -> StatedRange? {
      let s = WindowRanges.normalized(t, spaces: true)
      guard let (parts, relations) = chainParts(s) else { return nil }
      let x = parts[1]
      guard x.count == 1, x.first!.isLowercase, x.first!.isLetter,
        !parts[0].contains(Character(x)), !parts[2].contains(Character(x))
      else { return nil }
      let strict = relations.filter { $0 == "<" }.count
      return StatedRange(index: x, lower: parts[0], upper: parts[2], strict: strict, text: t)
    }

    /// The three parts of a chain `p ≤ m ≤ q` (`≤` or `<` on either side) written with
    /// single-character relations, each trimmed, and its two relations; nil when the text
    /// holds `=`, `>` or any other number of relations. The one chain reader of the stated
    /// ranges, the window ranges and the offsets' values.
    static func chainParts(_ s: String) -> (parts: [String], relations: [Character])? {
      guard !s.contains("="), !s.contains(">") else { return nil }
      let parts = s.split(omittingEmptySubsequences: false) { $0 == "≤" || $0 == "<" }
      guard parts.count == 3 else { return nil }
      return (
        parts.map { $0.trimmingCharacters(in: .whitespaces) },
        Array(s.filter { $0 == "≤" || $0 == "<" })
      )
    }
  }
}
