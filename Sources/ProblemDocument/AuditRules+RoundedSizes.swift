import Foundation

/// Output sizes worked out in numbers with a floor or a ceiling, against their printed value.
extension AuditRules {
  /// A chain of equalities in one fragment whose sides are numbers worked out with a floor or
  /// a ceiling (`\lfloor (65 + 2 - 3)/2 \rfloor + 1 = 32`, the output size of a strided layer)
  /// is evaluated side by side: two neighbouring numeric sides that differ are a finding (here
  /// ⌊64/2⌋ + 1 = 33). Sides with a letter are skipped; a chain with no floor or ceiling is
  /// left to the count rules.
  /// - Complexity: linear in each fragment's length.
  struct RoundedSizes: AuditRule {
    let id = "rounded-sizes"
    let summary = "an output size worked out with a floor or ceiling that does not compute"
    let kinds: [Finding.Kind] = [.borderRule]

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      var out: [Finding] = []
      for section in doc.sections {
        for f in section.fragments where !f.bare {
          let text = f.text
          guard text.hasSubstring("\\lfloor") || text.hasSubstring("\\lceil") else { continue }
          let sides = FragmentReader.topLevelSides(text).map(FragmentReader.trimmed)
          guard sides.count >= 2 else { continue }
          var last: (String, Double)?
          for side in sides {
            guard let value = Self.value(side) else {
              last = nil
              continue
            }
            if let (previous, was) = last, abs(was - value) > 1e-9 * max(1, abs(value)),
              Self.rounds(previous) || Self.rounds(side)
            {
              out.append(
                Finding(
                  .borderRule,
                  "\(Self.shown(previous)) is \(Self.shown(was)), not \(Self.shown(value))",
                  at: f.location, in: section, document: doc,
                  evidence: "\(previous.trimmingCharacters(in: .whitespaces)) = "
                    + "\(side.trimmingCharacters(in: .whitespaces))"))
              break
            }
            last = (side, value)
          }
        }
      }
      return out
    }

    /// Whether a side takes a floor or a ceiling.
    static func rounds(_ side: String) -> Bool {
      side.hasSubstring("\\lfloor") || side.hasSubstring("\\lceil")
    }

    /// A side's text without its surrounding spaces.
    static func shown(_ side: String) -> String {
      side.trimmingCharacters(in: .whitespaces)
    }

    /// A number without a needless ".0".
    static func shown(_ value: Double) -> String {
      value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// The value of a side made of numbers, `+ − · × /`, parentheses, `\frac{a}{b}`,
    /// `\lfloor … \rfloor` and `\lceil … \rceil`; nil for anything else (a letter, a word).
    static func value(_ text: String) -> Double? {
      var t = text
      for (from, to) in [
        ("{,}", ""), ("\\,", ""), ("\\left", ""), ("\\right", ""), ("\\lfloor", "⌊"),
        ("\\rfloor", "⌋"), ("\\lceil", "⌈"), ("\\rceil", "⌉"), ("\\cdot", "*"), ("\\times", "*"),
        ("×", "*"), ("·", "*"), ("−", "-"), ("\\frac", "F"),
      ] {
        t = t.replacingOccurrences(of: from, with: to)
      }
      let chars = Array(t.filter { !$0.isWhitespace })
      guard !chars.isEmpty, chars.count < 400 else { return nil }
      var reader = Reader(chars: chars)
      guard let v = reader.sum(), reader.at == chars.count, v.isFinite else { return nil }
      return v
    }

    /// A recursive-descent reader of a numeric side (depth bounded by the text's length).
    struct Reader {
      let chars: [Character]
      var at = 0

      mutating func sum() -> Double? {
        guard var v = product() else { return nil }
        while at < chars.count, chars[at] == "+" || chars[at] == "-" {
          let plus = chars[at] == "+"
          at += 1
          guard let w = product() else { return nil }
          v = plus ? v + w : v - w
        }
        return v
      }

      mutating func product() -> Double? {
        guard var v = unary() else { return nil }
        while at < chars.count, chars[at] == "*" || chars[at] == "/" {
          let times = chars[at] == "*"
          at += 1
          guard let w = unary() else { return nil }
          if !times && w == 0 { return nil }
          v = times ? v * w : v / w
        }
        return v
      }

      mutating func unary() -> Double? {
        if at < chars.count, chars[at] == "-" {
          at += 1
          return unary().map { -$0 }
        }
        return atom()
      }

      mutating func atom() -> Double? {
        guard at < chars.count else { return nil }
        let c = chars[at]
        let closers: [Character: Character] = ["(": ")", "{": "}", "⌊": "⌋", "⌈": "⌉"]
        if let close = closers[c] {
          at += 1
          guard let v = sum(), at < chars.count, chars[at] == close else { return nil }
          at += 1
          // A quotient of decimals is inexact in binary (0.3/0.1 is 2.9999999999999996): a
          // value within 1e-9 of a whole number is that number before it is rounded.
          let whole = v.rounded()
          let near = abs(v - whole) <= 1e-9 * max(1, abs(v)) ? whole : v
          if c == "⌊" { return near.rounded(.down) }
          if c == "⌈" { return near.rounded(.up) }
          return v
        }
        if c == "F" {
          at += 1
          guard let a = atom(), let b = atom(), b != 0 else { return nil }
          return a / b
        }
        guard c.isNumber else { return nil }
        let start = at
        while at < chars.count, chars[at].isNumber || chars[at] == "." { at += 1 }
        return Double(String(chars[start..<at]))
      }
    }
  }
}
