import Algebra
import Foundation

/// Size expressions whose letters can be given numbers: `⌊(X + 2\rho - \Delta X)/s⌋ + 1`.
extension AuditRules.InstancedSizes {
  /// An expression read once: each name replaced by a private slot character and the text
  /// normalized for `NumericValue`, so a point costs one pass of the evaluator.
  ///
  /// A name is an ASCII letter with an optional prime (`X'`, `X^\prime`) and subscript (`X_0`,
  /// `X_{in}`), an offset size `\Delta X` / `ΔX`, or a Greek letter (`\rho`, `ρ`). `\pi` is
  /// the number. Any other command (`\text`, `\max`) makes the side unread.
  struct Expression {
    /// The names met, each with its slot.
    let slots: [String: Character]
    /// The normalized text with slots.
    let chars: [Character]
    /// Whether the whole side is one name.
    let isName: Bool

    /// The names the expression reads.
    var names: Set<String> { Set(slots.keys) }

    /// The expression of `side`, or nil when it cannot be read.
    init?(_ side: String) {
      guard !side.unicodeScalars.contains(where: { (0xE000...0xF8FF).contains($0.value) }),
        let (text, slots, single) = Self.substituted(Array(side)),
        let chars = NumericValue.normalized(text)
      else { return nil }
      (self.slots, self.chars, isName) = (slots, chars, single)
    }

    /// The exact value with each name given, or nil (a name without a value included).
    func value(_ values: [String: Rational]) -> Rational? {
      var given: [Character: Rational] = [:]
      for (name, slot) in slots {
        guard let v = values[name] else { return nil }
        given[slot] = v
      }
      return NumericValue.exact(chars, slots: given)
    }

    /// Commands that are the evaluator's own or spacing, kept (or dropped) as they are.
    static let kept: Set<String> = [
      "lfloor", "rfloor", "lceil", "rceil", "frac", "tfrac", "dfrac", "cdot", "times", "ast",
      "div", "left", "right", "pi",
    ]
    /// Sizing commands dropped before reading.
    static let dropped: Set<String> = ["big", "Big", "bigl", "bigr", "Bigl", "Bigr"]
    /// Greek letters a size can be named by (the field's letters for padding, stride, rate).
    static let greek: Set<String> = [
      "alpha", "beta", "gamma", "delta", "epsilon", "kappa", "lambda", "mu", "nu", "rho",
      "sigma", "tau", "omega", "ell",
    ]

    /// The text with names replaced by slot characters, the slots, and whether the text is
    /// one name; nil for text the reader does not read.
    /// - Complexity: linear in the text's length.
    static func substituted(_ cs: [Character]) -> (String, [String: Character], Bool)? {
      var out = ""
      var slots: [String: Character] = [:]
      var count = 0
      var i = 0
      func slot(_ name: String) -> Character? {
        if let c = slots[name] { return c }
        guard slots.count < 64, let scalar = Unicode.Scalar(0xE000 + slots.count) else {
          return nil
        }
        slots[name] = Character(scalar)
        return slots[name]
      }
      while i < cs.count {
        var name: String?
        var j = i + 1
        if cs[i] == "\\", j < cs.count, cs[j].isLetter {
          while j < cs.count, cs[j].isLetter { j += 1 }
          let command = String(cs[(i + 1)..<j])
          if command == "Delta" {
            guard let (letter, end) = Self.letter(cs, j) else { return nil }
            (name, j) = ("Δ" + letter, end)
          } else if greek.contains(command) {
            name = "\\" + command
          } else if dropped.contains(command) {
            i = j
            continue
          } else if kept.contains(command) {
            out += String(cs[i..<j])
            i = j
            continue
          } else {
            return nil
          }
        } else if cs[i] == "Δ" {
          guard let (letter, end) = Self.letter(cs, j) else { return nil }
          (name, j) = ("Δ" + letter, end)
        } else if cs[i].isLetter, cs[i].isASCII {
          var n = String(cs[i])
          if j < cs.count, cs[j] == "'" {
            n += "'"
            j += 1
          } else if let end = Self.prime(cs, j) {
            n += "'"
            j = end
          }
          if j + 1 < cs.count, cs[j] == "_" {
            guard let (sub, end) = Self.subscriptText(cs, j + 1) else { return nil }
            n += "_" + sub
            j = end
          }
          name = n
        } else if cs[i].isLetter {
          name = String(cs[i])
        }
        if let n = name {
          guard let c = slot(n) else { return nil }
          out.append(c)
          count += 1
          i = j
        } else {
          out.append(cs[i])
          i += 1
        }
      }
      let single = count == 1 && out.trimmingCharacters(in: .whitespaces).count == 1
      return (out, slots, single)
    }

    /// The letter after `\Delta` at `j` (spaces or one brace group allowed), and where it ends.
    static func letter(_ cs: [Character], _ start: Int) -> (String, Int)? {
      var j = start
      while j < cs.count, cs[j] == " " { j += 1 }
      if j + 2 < cs.count, cs[j] == "{", cs[j + 1].isLetter, cs[j + 2] == "}" {
        return (String(cs[j + 1]), j + 3)
      }
      guard j < cs.count, cs[j].isLetter, cs[j].isASCII else { return nil }
      return (String(cs[j]), j + 1)
    }

    /// The end of `^\prime` or `^{\prime}` at `j`, or nil.
    static func prime(_ cs: [Character], _ j: Int) -> Int? {
      for form in ["^\\prime", "^{\\prime}"] {
        let f = Array(form)
        if j + f.count <= cs.count, Array(cs[j..<(j + f.count)]) == f { return j + f.count }
      }
      return nil
    }

    /// A subscript's text at `j` (one letter or digit, or a brace group of them), and its end.
    static func subscriptText(_ cs: [Character], _ j: Int) -> (String, Int)? {
      if cs[j].isLetter || cs[j].isNumber { return (String(cs[j]), j + 1) }
      guard cs[j] == "{" else { return nil }
      var k = j + 1
      while k < cs.count, k - j <= 12, cs[k].isLetter || cs[k].isNumber { k += 1 }
      guard k < cs.count, cs[k] == "}", k > j + 1 else { return nil }
      return (String(cs[(j + 1)..<k]), k + 1)
    }
  }
}
