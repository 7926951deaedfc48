import Foundation

/// Output sizes stated against the sliding-window arithmetic.
extension AuditRules {
  /// A question that gives a square window `K×K` and a square map `N×N` (two squares, the window
  /// the smaller), its padding in words (none: "no padding", "without padding", "unpadded"; or
  /// "padding of p", "padded by p") and optionally its stride s (one when unstated), answered by
  /// the first square `M×M` of its solution that follows the word "output": a finding when
  ///
  ///     M ≠ ⌊(N + 2p − K) / s⌋ + 1
  ///
  /// A question without a stated padding, or with other than two squares, is not read.
  /// - Complexity: linear in the item's text.
  struct OutputSizes: AuditRule {
    let id = "output-sizes"
    let summary = "a stated output size that the window, padding and stride do not give"
    let kinds: [Finding.Kind] = [.borderRule]

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      var out: [Finding] = []
      for item in doc.items where item.part != nil {
        let own = item.statements.filter { doc.sections[$0].part == item.part }
        guard let solution = item.solutions.first, !own.isEmpty else { continue }
        let question = own.map { doc.slice(doc.sections[$0].range) }.joined(separator: "\n")
        let squares = Array(Set(Self.squares(question).map(\.side))).sorted()
        guard squares.count == 2, let p = Self.padding(question.lowercased()) else { continue }
        let (k, n) = (squares[0], squares[1])
        let s = Self.stride(question.lowercased()) ?? 1
        guard s >= 1, n + 2 * p >= k else { continue }
        let expected = (n + 2 * p - k) / s + 1
        let range = doc.sections[solution].range
        let answer = doc.slice(range)
        // The first square the solution calls the output (`the output is 13×13`).
        let scalars = Array(answer.unicodeScalars)
        guard
          let stated = Self.squares(answer).first(where: { sq in
            let before = String(
              String.UnicodeScalarView(scalars[max(0, sq.offset - 60)..<sq.offset]))
            return before.lowercased().contains("output")
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

    /// Squares `a \times a` or `a×a` of whole numbers, with their scalar offsets.
    static func squares(_ text: String) -> [(side: Int, offset: Int)] {
      guard let re = try? NSRegularExpression(pattern: #"(\d+)\s*(?:\\times|×)\s*(\d+)"#) else {
        return []
      }
      let ns = text as NSString
      return re.matches(in: text, range: NSRange(location: 0, length: ns.length)).compactMap {
        m in
        guard let a = Int(ns.substring(with: m.range(at: 1))),
          let b = Int(ns.substring(with: m.range(at: 2))), a == b,
          let r = Range(m.range, in: text)
        else { return nil }
        return (a, text.unicodeScalars.distance(from: text.startIndex, to: r.lowerBound))
      }
    }

    /// The padding the words state: 0 for "no padding", "without padding", "unpadded"; p for
    /// "padding of p", "padded by p" (digits or a number word); nil when none is stated.
    static func padding(_ lower: String) -> Int? {
      if ["no padding", "without padding", "unpadded", "no zero padding"].contains(where: {
        lower.contains($0)
      }) {
        return 0
      }
      return Self.number(after: ["padding of ", "padded by ", "zero-padded by "], in: lower)
    }

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
          if let n = Int(word) ?? numberWords[String(word)] { return n }
          rest = rest[r.upperBound...]
        }
      }
      return nil
    }
  }
}
