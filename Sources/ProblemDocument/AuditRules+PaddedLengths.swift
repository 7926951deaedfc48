import Algebra
import Answers
import Foundation

/// An output length stated with the padding and the kernel's span it follows from.
extension AuditRules {
  /// One sentence that states a kernel's span S (a number after "spans" or "covers" and before
  /// a unit of extent: "spans $9$ samples"), a padding of P on each side ("$4$ zeros … on each
  /// side", "padding of 4 on each side") and an output length `L + c` (`outputLength`: after
  /// "output" and "length" or "size", or before "outputs"; one letter L, the input's length):
  /// at stride one the output holds
  ///
  ///     L + 2P − S + 1
  ///
  /// positions, so c must be 2P − S + 1. Not read where the sentence or the 400 characters
  /// before it state a stride other than one.
  /// - Complexity: linear in the section's text (one pointer over its fragments).
  struct PaddedLengths: AuditRule {
    let id = "padded-lengths"
    let summary = "an output length that the stated padding and kernel span do not give"
    let kinds: [Finding.Kind] = [.borderRule]

    /// Words before a number that make it a kernel's span.
    static let spanWords: Set<String> = ["spans", "span", "covers"]
    /// Words that make a padding two-sided.
    static let sides = ["each side", "both sides", "each end", "both ends"]
    /// The scalars before a sentence read for a stride.
    static let lead = 400

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      var out: [Finding] = []
      for section in doc.sections {
        for (sentence, inSentence) in UnpaddedSizes.sentencesWithMath(section, doc) {
          guard inSentence.count >= 2, sentence.count <= 600 else { continue }
          let lower = doc.slice(sentence).lowercased()
          guard Self.sides.contains(where: { lower.contains($0) }),
            let p = Self.padding(lower),
            let (span, length) = Self.spanAndLength(inSentence, doc)
          else { continue }
          let from = max(section.range.lowerBound, sentence.lowerBound - Self.lead)
          let before = doc.slice(from..<sentence.lowerBound).lowercased()
          if let s = OutputSizes.stride(before + " " + lower), s != 1 { continue }
          let expected = 2 * p - span + 1
          guard length.shift != expected else { continue }
          let shown = Polynomial.symbol(length.letter) + Polynomial(Rational(expected))
          out.append(
            Finding(
              .borderRule,
              "with \(p) on each side and a kernel spanning \(span), stride one leaves "
                + "\(length.letter) + 2·\(p) − \(span) + 1 = \(shown) positions, not "
                + "\(length.text)",
              at: length.fragment.location, in: section, document: doc,
              evidence: "L + 2P − S + 1 with P = \(p), S = \(span)"))
        }
      }
      return out
    }

    /// The padding on each side the sentence states: a number before "zeros", or after
    /// "padding of" / "padded by"; nil for none.
    static func padding(_ lower: String) -> Int? {
      let words = lower.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
      for (j, w) in words.enumerated() where j > 0 && (w == "zeros" || w == "zero") {
        if let n = Int(words[j - 1]), n <= StatedBounds.largest { return n }
      }
      return OutputSizes.padding(lower).flatMap { $0 > 0 ? $0 : nil }
    }

    /// A stated length: its fragment and text, its letter and the constant added to it.
    struct Length {
      let fragment: MathFragment
      let text: String
      let letter: String
      let shift: Int
    }

    /// The span (the number a fragment after a span word and before a unit states, its last
    /// side) and the output's length (`outputLength`, `L + c`) of a sentence.
    static func spanAndLength(_ math: [MathFragment], _ doc: ProblemSetDocument)
      -> (Int, Length)?
    {
      var span: Int?
      var length: Length?
      for f in math {
        let start = f.location.offset
        let words = doc.slice(max(0, start - 40)..<start).lowercased()
          .split(whereSeparator: { !$0.isLetter }).suffix(3).map(String.init)
        if span == nil, words.contains(where: spanWords.contains),
          RangeCounts.unitFollows(f, doc),
          let side = RangeCounts.lastSide(f.text), let n = Int(side), n >= 1
        {
          span = n
          continue
        }
        if length == nil, Self.outputLength(words, f, doc), let found = Self.length(f) {
          length = found
        }
      }
      guard let s = span, let l = length else { return nil }
      return (s, l)
    }

    /// Whether a fragment states the output's length: "length" or "size" with "output" in the
    /// words just before it ("the output length is"), or "outputs" right after it ("leaves
    /// $X$ outputs"). A padded input's length ("a padded input of length") is not one.
    static func outputLength(_ words: [String], _ f: MathFragment, _ doc: ProblemSetDocument)
      -> Bool
    {
      let end = f.location.offset + f.text.unicodeScalars.count
      let next = doc.slice(end..<(end + 20)).lowercased()
        .split(whereSeparator: { !$0.isLetter }).first
      if next == "outputs" { return true }
      return (words.contains("length") || words.contains("size"))
        && words.contains { $0.hasPrefix("output") }
    }

    /// A fragment `L + c` (or `L − c`, or `L`) of one letter with coefficient one.
    static func length(_ f: MathFragment) -> Length? {
      guard let side = RangeCounts.lastSide(f.text), side.unicodeScalars.count <= 40,
        let p = try? PolynomialParser.polynomial(side), p.symbols.count == 1,
        let letter = p.symbols.first, p.degree(in: letter) == 1,
        p.coefficients(in: letter)[1] == Polynomial(1),
        let c = (p - .symbol(letter)).constantValue?.intValue
      else { return nil }
      return Length(fragment: f, text: side, letter: letter, shift: c)
    }
  }
}
