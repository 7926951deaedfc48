import Algebra
import Answers
import Foundation

/// What `WindowSizes` reads: the counts a fragment states, the window a problem gives, the texts
/// a convention may stand in.
extension AuditRules.WindowSizes {
  /// The counts of positions a fragment states along one axis: a range's values (two for an
  /// upper bound alone: from 0 or from 1), each factor of a size `(E) \times (F)` after a size
  /// word, or an expression after "size"/"length" or before a unit; nil for anything else.
  static func counts(_ f: MathFragment, _ doc: ProblemSetDocument) -> [Polynomial]? {
    if let range = AuditRules.RangeSizes.range(f) { return range.counts }
    let start = f.location.offset
    let end = start + f.text.unicodeScalars.count
    let before = doc.slice(max(0, start - 40)..<start).lowercased()
    let after = doc.slice(end..<(end + 20)).lowercased()
    let text = AuditRules.RangeSizes.trimmedText(f.text).replacingOccurrences(
      of: "×", with: "\\times")
    guard !text.contains("="), !text.contains("["), !text.contains("<"), !text.contains(">")
    else { return nil }
    if text.contains("\\times") {
      guard ["size", "shape", "output"].contains(where: before.hasSubstring) else { return nil }
      let factors = text.components(separatedBy: "\\times").compactMap {
        try? PolynomialParser.polynomial($0.trimmingCharacters(in: .whitespaces))
      }
      return factors.isEmpty ? nil : factors
    }
    let word = after.drop { !$0.isLetter }.prefix { $0.isLetter }
    let tail = String(before.suffix(12))
    let sized = ["size", "length"].contains { tail.hasSubstring($0) }
    guard units.contains(String(word)) || sized,
      let p = try? PolynomialParser.polynomial(text), !p.symbols.isEmpty
    else { return nil }
    return [p]
  }

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
