import Algebra
import Answers
import Foundation

/// What `WindowSizes` reads: the counts a fragment states, the window a problem gives, the texts
/// a convention may stand in.
extension AuditRules.WindowSizes {
  /// The counts of positions a fragment states along one axis: a range's values (two for an
  /// upper bound alone: from 0 or from 1), each factor of a size `(E) \times (F)` after a size
  /// word, or an expression after "size"/"length" or before a unit; nil for anything else.
  /// Whether the counts came from a range or a product (which name what they count) rather
  /// than an expression before a unit (which may count anything: samples of history, taps).
  static func counts(_ f: MathFragment, _ doc: ProblemSetDocument)
    -> (counts: [Polynomial], named: Bool)?
  {
    if let range = AuditRules.RangeSizes.range(f) { return (range.counts, true) }
    let text = AuditRules.RangeSizes.trimmedText(f.text)
    guard !text.contains("="), !text.contains("["), !text.contains("<"), !text.contains(">"),
      let (extents, product) = AuditRules.RangeSizes.extents(f, doc, units: units, sized: true),
      product || !extents[0].symbols.isEmpty
    else { return nil }
    return (extents, product)
  }

  /// Whether a fragment is the ceiling of an axis over a stride (`\lceil X/2 \rceil`,
  /// `\left\lceil \frac{X}{S} \right\rceil`): windows that do not fit counted as outputs.
  static func roundsUp(_ text: String) -> Bool {
    var t = AuditRules.RangeSizes.trimmedText(text).filter { !$0.isWhitespace }
    for word in ["\\left", "\\right"] { t = t.replacingOccurrences(of: word, with: "") }
    guard t.hasPrefix("\\lceil"), t.hasSuffix("\\rceil") else { return false }
    let inner = t.dropFirst(6).dropLast(6)
    let parts: [Substring]
    if inner.hasPrefix("\\frac{"), let close = inner.firstIndex(of: "}") {
      parts = [inner[inner.index(inner.startIndex, offsetBy: 6)..<close]]
    } else {
      parts = inner.split(separator: "/", omittingEmptySubsequences: false)
      guard parts.count == 2, !parts[1].isEmpty else { return false }
    }
    return parts[0].count == 1 && (parts[0].first?.isUppercase ?? false)
  }

  /// Words of a sentence that name an output, so that a count before a unit in it is the
  /// output's size.
  static let outputWords = [
    "output", "result", "feature map", "length", "size", "shape", "resolution", "produce",
    "leave", "keep", "remain",
  ]

  /// The lowercased text of the line (paragraph) that holds `end`, from its start (at most
  /// `paragraphReach` scalars back, so a long line of many sentences stays linear) to `end`.
  static func paragraph(before end: Int, in section: Section, _ doc: ProblemSetDocument)
    -> String
  {
    let at = doc.location(ofOffset: max(0, end - 1))
    let start = max(at.offset - at.column + 1, section.range.lowerBound, end - paragraphReach)
    return doc.slice(start..<end).lowercased()
  }

  static let paragraphReach = 600

  /// A problem's window letters (capitals named as a kernel's, filter's or window's size or
  /// taps), its square window sides other than one, and whether it names something that
  /// changes a numeric window's arithmetic.
  static func windows(_ own: [Section], _ doc: ProblemSetDocument)
    -> (letters: Set<String>, sides: Set<Int>, guarded: Bool)
  {
    var letters = Set<String>()
    var sides = Set<Int>()
    var guarded = false
    let words = ["kernel", "filter", "window", "tap"]
    for section in own {
      let text = doc.text(of: section)
      sides.formUnion(AuditRules.OutputSizes.squares(text).map(\.side).filter { $0 != 1 })
      let lower = text.lowercased()
      if numericGuards.contains(where: lower.hasSubstring) { guarded = true }
      for f in section.fragments where !f.bare {
        let t = AuditRules.RangeSizes.trimmedText(f.text).replacingOccurrences(
          of: "×", with: "\\times")
        let pieces = Set(
          t.components(separatedBy: "\\times").map { $0.trimmingCharacters(in: .whitespaces) })
        guard pieces.count == 1, let name = pieces.first, name.count == 1,
          name.first?.isUppercase ?? false
        else { continue }
        let start = f.location.offset
        let end = start + f.text.unicodeScalars.count
        let near =
          doc.slice(max(0, start - 30)..<start).lowercased() + " "
          + doc.slice(end..<(end + 20)).lowercased()
        if words.contains(where: near.hasSubstring) { letters.insert(name) }
      }
    }
    return (letters, sides, guarded)
  }
}
