import Algebra
import Foundation

/// Input positions said to be read that an unpadded input of the stated size does not have.
extension AuditRules {
  /// A verb of reading and a unit of extent just before a fragment ("reads inputs $12$",
  /// "covers rows $10, \dots, 13$") name input positions: the numbers of that fragment and of
  /// the fragments joined to it by commas or "and" (a number, or a list `a, \ldots, b` read as
  /// its ends). Where the paragraph and the two before it (at most `back` fragments) give
  /// exactly one capital letter a number (`X = 13`, the input's size) and state no padding
  /// ("no padding", "valid"), and no word of padding otherwise, the input holds positions
  /// 0 … X − 1: a position read beyond X − 1 is a finding.
  /// - Complexity: linear in the section's fragments; the text read around each is bounded.
  struct OutsideReads: AuditRule {
    let id = "outside-reads"
    let summary = "an input position said to be read that the unpadded input does not have"
    let kinds: [Finding.Kind] = [.borderRule]

    /// Verbs of reading input positions.
    static let verbs: Set<String> = ["reads", "read", "covers", "cover", "touches", "spans"]
    /// The paragraphs read before a fragment for the input's size and its padding.
    static let paragraphs = 2
    /// The fragments read back for the sizes stated, and the scalars of text read back for
    /// words of padding: a long paragraph is read no further.
    static let back = 24
    static let text = 2000
    /// The scalars read before a paragraph's first fragment for its words of padding.
    static let lead = 400
    /// The most fragments joined into one list of positions.
    static let joined = 6

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      var out: [Finding] = []
      let origin = AuditRules.numbersFromOne(doc) ? 1 : 0
      for section in doc.sections {
        let fragments = section.fragments.filter { !$0.bare }.sorted { $0.location < $1.location }
        let paragraph = RangeSizes.paragraphNumbers(fragments, doc)
        let values = StatedBounds.assignments(fragments)
        var i = 0
        while i < fragments.count {
          let f = fragments[i]
          guard Self.cued(f, doc), var largest = Self.largest(f.text) else {
            i += 1
            continue
          }
          // Fragments joined by commas or "and" name more positions.
          var k = i + 1
          while k < fragments.count, k - i < Self.joined, paragraph[k] == paragraph[i] {
            let end = fragments[k - 1].location.offset + fragments[k - 1].text.unicodeScalars.count
            guard end <= fragments[k].location.offset else { break }
            let gap = doc.slice(end..<fragments[k].location.offset)
              .trimmingCharacters(in: CharacterSet(charactersIn: "$ ,"))
            guard gap.isEmpty || gap == "and", let n = Self.largest(fragments[k].text) else {
              break
            }
            largest = max(largest, n)
            k += 1
          }
          defer { i = k }
          // The sizes stated in this paragraph and the two before it, up to the fragment.
          var sizes: [String: Rational] = [:]
          var first = i
          for j in stride(from: i, through: max(0, i - Self.back), by: -1) {
            guard paragraph[i] - paragraph[j] <= Self.paragraphs else { break }
            first = j
            for (name, v) in values[j] where name.count == 1 && name.first!.isUppercase {
              if sizes[name] == nil { sizes[name] = v }
            }
          }
          guard sizes.count == 1, let (name, size) = sizes.first, let s = size.intValue,
            largest > s - 1 + origin, Self.ofTheInput(fragments[k - 1], doc)
          else { continue }
          // From the start of the first paragraph read (at most `lead` scalars before its
          // first fragment) to the fragment.
          let head = max(fragments[first].location.offset, f.location.offset - Self.text)
          var lead = doc.slice(max(section.range.lowerBound, head - Self.lead)..<head)
          if let cut = lead.range(of: "\n\n", options: .backwards) {
            lead = String(lead[cut.upperBound...])
          }
          let text = (lead + doc.slice(head..<f.location.offset)).lowercased()
          let unpadded =
            OutputSizes.noPaddingWords.contains(where: { text.contains($0) })
            || text.split(whereSeparator: { !$0.isLetter }).contains("valid")
          let padded = OutputSizes.noPaddingWords.reduce(text) {
            $0.replacingOccurrences(of: $1, with: "")
          }.contains("pad")
          guard unpadded, !padded else { continue }
          out.append(
            Finding(
              .borderRule,
              "position \(largest) is said to be read, but with no padding an input of "
                + "\(name) = \(s) holds positions \(origin) … \(s - 1 + origin) only",
              at: f.location, in: section, document: doc,
              evidence: "\(name) = \(s) stated before it in the part; no padding stated"))
        }
      }
      return out
    }

    /// Whether the positions read belong to the input: no "of" phrase follows the last
    /// fragment, or the one that follows names an input within its first four words ("of the
    /// input"; "of the upsampled signal", "of its output" do not).
    static func ofTheInput(_ f: MathFragment, _ doc: ProblemSetDocument) -> Bool {
      let end = f.location.offset + f.text.unicodeScalars.count
      let after = doc.slice(end..<(end + 40)).lowercased()
        .drop { $0 == "$" || $0 == "}" || $0 == " " }
      guard after.hasPrefix("of ") else { return true }
      let phrase = after.prefix { !".,;:()$".contains($0) }
        .split(whereSeparator: { !$0.isLetter }).prefix(4)
      return phrase.contains { $0.hasPrefix("input") }
    }

    /// Whether a verb of reading and a unit of extent stand just before the fragment.
    static func cued(_ f: MathFragment, _ doc: ProblemSetDocument) -> Bool {
      let start = f.location.offset
      let words = doc.slice(max(0, start - 30)..<start).lowercased()
        .split(whereSeparator: { !$0.isLetter }).suffix(2).map(String.init)
      return words.count == 2 && verbs.contains(words[0])
        && RangeCounts.units.contains(words[1])
    }

    /// The largest whole number a fragment names: one number, or the ends of a list
    /// `a, \ldots, b` of numbers; nil for anything else.
    static func largest(_ text: String) -> Int? {
      let t = RangeSizes.trimmedText(text)
      guard t.unicodeScalars.count <= 60 else { return nil }
      let items = t.components(separatedBy: ",").map { $0.trimmingCharacters(in: .whitespaces) }
      let numbers = items.filter { !ellipses.contains($0) }.map { Int($0) }
      guard !numbers.isEmpty, numbers.allSatisfy({ $0 != nil }),
        items.count == 1 || items.contains(where: ellipses.contains)
      else { return nil }
      return numbers.compactMap { $0 }.max()
    }
  }
}
