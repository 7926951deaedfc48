import Foundation

/// Output sizes stated against the sliding-window arithmetic.
extension AuditRules {
  /// A question that gives a square window `K×K` and a square map `N×N` (two squares, the window
  /// the smaller), its padding in words (none: "no padding", "without padding", "unpadded"; or
  /// "padding of p", "padded by p") and optionally its stride s (one when unstated), answered by
  /// the first square `M×M` of its solution that follows the word "output" and is not the
  /// window: a finding when
  ///
  ///     M ≠ ⌊(N + 2p − K) / s⌋ + 1
  ///
  /// A question without a stated padding, with other than two squares, with a number above
  /// `largest`, or giving the output itself (a square right before or after "output"), is not
  /// read.
  /// - Complexity: linear in the item's text.
  struct OutputSizes: AuditRule {
    let id = "stated-output-sizes"
    let summary = "a stated output size that the window, padding and stride do not give"
    let kinds: [Finding.Kind] = [.borderRule]

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      var out: [Finding] = []
      for item in doc.items where item.part != nil {
        let own = item.statements.filter { doc.sections[$0].part == item.part }
        guard let solution = item.solutions.first, !own.isEmpty else { continue }
        let question = own.map { doc.slice(doc.sections[$0].range) }.joined(separator: "\n")
        let asked = Self.squares(question)
        let squares = Array(Set(asked.map(\.side))).sorted()
        guard squares.count == 2, let p = Self.padding(question.lowercased()) else { continue }
        // A question that gives the output itself (`to a 28×28 output`, `an output of 28×28`)
        // asks for something else (the window).
        let q = Array(question.unicodeScalars)
        guard
          !asked.contains(where: {
            Self.names("output", in: q, $0.offset - 12, $0.offset)
              || Self.names("output", in: q, $0.end, $0.end + 15)
          })
        else { continue }
        let (k, n) = (squares[0], squares[1])
        let s = Self.stride(question.lowercased()) ?? 1
        guard s >= 1, n + 2 * p >= k else { continue }
        let expected = (n + 2 * p - k) / s + 1
        let range = doc.sections[solution].range
        let answer = doc.slice(range)
        // The first square the solution calls the output (`the output is 13×13`), other than
        // the window (`the output of the 3×3 convolution is 26×26`).
        let scalars = Array(answer.unicodeScalars)
        guard
          let stated = Self.squares(answer).first(where: { sq in
            sq.side != k && Self.names("output", in: scalars, sq.offset - 60, sq.offset)
          }), stated.side != expected
        else { continue }
        out.append(
          Finding(
            .borderRule,
            "a \(k)×\(k) window with stride \(s) and padding \(p) on a \(n)×\(n) map gives "
              + "\(expected)×\(expected) outputs, ⌊(\(n) + 2·\(p) − \(k))/\(s)⌋ + 1 = \(expected), "
              + "not \(stated.side)×\(stated.side)",
            at: doc.location(ofOffset: range.lowerBound + stated.offset),
            in: doc.sections[solution], document: doc))
      }
      return out
    }

    static let numberWords = [
      "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    ]

    /// The largest side, padding or stride read: larger numbers are not read (no overflow).
    static let largest = 1_000_000

    /// Whether the scalars from `from` to `to` (clamped to the text) hold the word.
    static func names(_ word: String, in scalars: [Unicode.Scalar], _ from: Int, _ to: Int)
      -> Bool
    {
      let (a, b) = (max(0, from), min(scalars.count, to))
      guard a < b else { return false }
      return String(String.UnicodeScalarView(scalars[a..<b])).lowercased().contains(word)
    }

    /// Squares `a \times a` or `a×a` of whole numbers up to `largest`, with the scalar offsets
    /// of their start and end.
    /// - Complexity: linear in the text's length (offsets are counted on from the last match).
    static func squares(_ text: String) -> [(side: Int, offset: Int, end: Int)] {
      guard
        let re = ShortPatterns.compiled(#"(?<!\d)(\d{1,7})\s*(?:\\times|×)\s*(\d{1,7})(?!\d)"#)
      else { return [] }
      let ns = text as NSString
      var out: [(side: Int, offset: Int, end: Int)] = []
      var last = text.startIndex
      var lastOffset = 0
      for m in re.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
        guard let a = Int(ns.substring(with: m.range(at: 1))), a <= largest,
          let b = Int(ns.substring(with: m.range(at: 2))), a == b,
          let r = Range(m.range, in: text)
        else { continue }
        lastOffset += text.unicodeScalars.distance(from: last, to: r.lowerBound)
        last = r.lowerBound
        out.append((a, lastOffset, lastOffset + text.unicodeScalars[r].count))
      }
      return out
    }

    /// The padding the words state: 0 for "no padding", "without padding", "unpadded"; p for
    /// "padding of p", "padded by p" (digits or a number word); nil when none is stated.
    static func padding(_ lower: String) -> Int? {
      if noPaddingWords.contains(where: { lower.contains($0) }) { return 0 }
      return Self.number(after: ["padding of ", "padded by ", "zero-padded by "], in: lower)
    }

    /// Words that state no padding (also read by `WindowSizes`).
    static let noPaddingWords = ["no padding", "without padding", "unpadded", "no zero padding"]

    /// The stride the words state ("stride two", "stride of 2", "stride 2"), or nil.
    static func stride(_ lower: String) -> Int? {
      number(after: ["stride of ", "stride "], in: lower)
    }

    static func number(after prefixes: [String], in lower: String) -> Int? {
      for prefix in prefixes {
        var rest = lower[...]
        while let r = rest.range(of: prefix) {
          let tail = rest[r.upperBound...].drop { $0 == "$" || $0 == " " }
          let word = tail.prefix { $0.isLetter || $0.isNumber }
          if let n = Int(word) ?? numberWords[String(word)], n <= largest { return n }
          rest = rest[r.upperBound...]
        }
      }
      return nil
    }
  }
}
