import Foundation

/// Which sentence each fragment stands in, so that a reading bounded by a sentence keeps its
/// finding when the Markdown is hard-wrapped over several source lines.
extension AuditRules {
  /// For fragments of one section in document order, the index of the sentence (among
  /// `UnpaddedSizes.sentences`) each one starts in.
  /// - Complexity: linear in the section's text and the fragments (one pointer over both).
  static func sentenceIndices(
    _ fragments: [MathFragment], _ section: Section, _ doc: ProblemSetDocument
  ) -> [Int] {
    let sentences = UnpaddedSizes.sentences(section, doc)
    var out: [Int] = []
    var s = 0
    for f in fragments {
      while s + 1 < sentences.count, sentences[s].upperBound <= f.location.offset { s += 1 }
      out.append(s)
    }
    return out
  }

  /// The words of the clause right before a fragment: back to the last of `marks` (by default
  /// a mark `.,;:?!` or math) or a blank line, at most `reach` characters, within its section.
  /// - Complexity: linear in the `reach` characters read.
  static func clauseBefore(
    _ f: MathFragment, _ doc: ProblemSetDocument, reach: Int = 60, marks: String = ".,;:?!$"
  ) -> [String] {
    let end = f.location.offset - (f.bare ? 0 : (f.display ? 2 : 1))
    let start = max(doc.sections[f.section].range.lowerBound, end - reach)
    guard start < end else { return [] }
    var text = doc.slice(start..<end)
    if let stop = text.lastIndex(where: { marks.contains($0) }) {
      text = String(text[text.index(after: stop)...])
    }
    if let blank = text.range(of: "\n\n", options: .backwards) {
      text = String(text[blank.upperBound...])
    }
    return text.lowercased().split { !$0.isLetter }.map(String.init)
  }

  /// The words of the clause right after a fragment: up to the first mark (`.,;:?!`), math or
  /// blank line, at most 40 characters.
  /// - Complexity: linear in the 40 characters read.
  static func clauseAfter(_ f: MathFragment, _ doc: ProblemSetDocument) -> [String] {
    let start =
      f.location.offset + f.text.unicodeScalars.count + (f.bare ? 0 : (f.display ? 2 : 1))
    let end = min(doc.sections[f.section].range.upperBound, start + 40)
    guard start < end else { return [] }
    var text = doc.slice(start..<end)
    if let stop = text.firstIndex(where: { ".,;:?!$".contains($0) }) {
      text = String(text[..<stop])
    }
    if let blank = text.range(of: "\n\n") { text = String(text[..<blank.lowerBound]) }
    return text.lowercased().split { !$0.isLetter }.map(String.init)
  }
}
