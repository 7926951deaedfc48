import Algebra
import Answers
import Foundation

/// An output said to keep its input's size with no padding.
extension AuditRules {
  /// A sentence that states no padding ("without padding", "no padding", "unpadded") and two
  /// sizes `(E) \times (F)`, each after the word "size" or "shape", the second (the output's)
  /// equal factor by factor to the first (the input's): with no padding a window of K > 1
  /// positions along an axis leaves E − K + 1 < E outputs, so equal sizes are a finding. Read
  /// only where the problem (or the preamble) gives its windows as squares `K×K`, none of them
  /// 1×1 (a 1×1 window keeps the size).
  /// - Complexity: linear in the document's text (windows read once per section, one pointer
  ///   over each section's fragments), times the polynomial reading of each size.
  struct UnpaddedSizes: AuditRule {
    let id = "unpadded-sizes"
    let summary = "an output said to keep its input's size with no padding"
    let kinds: [Finding.Kind] = [.borderRule]

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      var out: [Finding] = []
      let preamble = doc.sections.filter { $0.kind == .preamble }
      // The windows each problem gives, read once per section: O(text) in all.
      let preambleWindows = Set(
        preamble.flatMap { OutputSizes.squares(doc.text(of: $0)) }.map(\.side))
      var windowsIn: [String: Set<Int>] = [:]
      for section in doc.sections {
        windowsIn[DocumentSymbols.scope(section), default: []].formUnion(
          OutputSizes.squares(doc.text(of: section)).map(\.side))
      }
      for section in doc.sections {
        let windows = preambleWindows.union(windowsIn[DocumentSymbols.scope(section)] ?? [])
        guard !windows.isEmpty, !windows.contains(1), !windows.contains(0) else { continue }
        for (sentence, inSentence) in Self.sentencesWithMath(section, doc) {
          let lower = doc.slice(sentence).lowercased()
          guard OutputSizes.padding(lower) == 0 else { continue }
          let sizes = inSentence.compactMap { f -> (MathFragment, [Polynomial])? in
            let before = doc.slice(max(0, f.location.offset - 40)..<f.location.offset).lowercased()
            guard before.contains("size") || before.contains("shape"),
              let factors = Self.factors(f.text), factors.count >= 2,
              factors.contains(where: { !$0.symbols.isEmpty })
            else { return nil }
            return (f, factors)
          }
          guard sizes.count == 2, sizes[0].1 == sizes[1].1 else { continue }
          let shown = sizes[1].1.map { "(\($0))" }.joined(separator: " × ")
          out.append(
            Finding(
              .borderRule,
              "with no padding a window of more than one position leaves fewer outputs than "
                + "inputs along each axis, so the output cannot keep its input's size \(shown)",
              at: sizes[1].0.location, in: section, document: doc,
              evidence:
                "windows of the problem: "
                + windows.sorted().map { "\($0)×\($0)" }.joined(separator: ", ")
                + "; E − K + 1 < E for K > 1"))
        }
      }
      return out
    }

    /// The factors of `(E) \times (F)` read as polynomials, or nil.
    static func factors(_ text: String) -> [Polynomial]? {
      let t = FragmentReader.trimmed(text).replacingOccurrences(of: "×", with: "\\times")
      guard t.contains("\\times") else { return nil }
      var out: [Polynomial] = []
      for piece in t.components(separatedBy: "\\times") {
        guard let p = try? PolynomialParser.polynomial(piece.trimmingCharacters(in: .whitespaces))
        else { return nil }
        out.append(p)
      }
      return out
    }

    /// A section's sentences, each with the math fragments (not bare) that start in it.
    /// - Complexity: linear in the section (sentences and fragments are both in document order:
    ///   one pointer walks the fragments).
    static func sentencesWithMath(_ section: Section, _ doc: ProblemSetDocument)
      -> [(sentence: Range<Int>, math: [MathFragment])]
    {
      let math = section.fragments.filter { !$0.bare }.sorted { $0.location < $1.location }
      var next = 0
      return sentences(section, doc).map { sentence in
        while next < math.count, math[next].location.offset < sentence.lowerBound { next += 1 }
        var k = next
        while k < math.count, sentence.contains(math[k].location.offset) { k += 1 }
        return (sentence, Array(math[next..<k]))
      }
    }

    /// A section's sentences as scalar ranges: cut after `.`, `?` or `!` followed by a space or
    /// a line end, and at blank lines.
    static func sentences(_ section: Section, _ doc: ProblemSetDocument) -> [Range<Int>] {
      let text = Array(doc.text(of: section).unicodeScalars)
      let base = section.range.lowerBound
      var out: [Range<Int>] = []
      var start = 0
      for k in text.indices {
        let next = k + 1 < text.count ? text[k + 1] : "\n"
        let stop =
          (".?!".unicodeScalars.contains(text[k]) && (next == " " || next == "\n"))
          || (text[k] == "\n" && next == "\n")
        if stop {
          if k + 1 > start { out.append((base + start)..<(base + k + 1)) }
          start = k + 1
        }
      }
      if start < text.count { out.append((base + start)..<(base + text.count)) }
      return out
    }
  }
}
