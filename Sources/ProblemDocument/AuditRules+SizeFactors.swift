import Algebra
import Foundation

/// The top-level factors of a product formula written in sizes.
extension AuditRules.InstancedFormulas {
  /// Splits `BX'Y'\Delta X\,\Delta Y\,I(\Delta X\Delta Y-1)J^2` into the texts of its top-level
  /// factors: a letter with its primes and subscript, `\Delta` and its letter, a Greek letter, a
  /// number, a parenthesized group (its inside), a `\frac` with its two groups; a power of a small
  /// whole exponent (`J^2`) is its base that many times. Nil for anything else at the top level
  /// (a sum, a division, a word).
  /// - Complexity: linear in the text's length.
  enum SizeFactors {
    /// The factor texts, or nil.
    static func split(_ text: String) -> [String]? {
      var t = text
      for (from, to) in [
        ("\\left", ""), ("\\right", ""), ("\\,", " "), ("\\;", " "), ("\\!", ""), ("\\cdot", " "),
        ("\\times", " "), ("×", " "), ("·", " "), ("{,}", ""),
      ] {
        t = t.replacingOccurrences(of: from, with: to)
      }
      let c = Array(t)
      var out: [String] = []
      var k = 0
      while k < c.count {
        let ch = c[k]
        if ch.isWhitespace {
          k += 1
          continue
        }
        var piece: String
        if ch == "(" || ch == "{" {
          guard let end = AuditRules.closingBracket(c, from: k) else { return nil }
          piece = String(c[(k + 1)..<end])
          k = end + 1
        } else if ch.isNumber {
          var end = k
          while end < c.count, c[end].isNumber { end += 1 }
          piece = String(c[k..<end])
          k = end
        } else if ch == "\\" {
          var end = k + 1
          while end < c.count, c[end].isLetter { end += 1 }
          let command = String(c[(k + 1)..<end])
          if command == "frac" {
            guard end < c.count, c[end] == "{", let a = AuditRules.closingBracket(c, from: end),
              a + 1 < c.count,
              c[a + 1] == "{", let b = AuditRules.closingBracket(c, from: a + 1)
            else { return nil }
            piece = String(c[k...b])
            k = b + 1
          } else if command == "Delta" {
            var next = end
            while next < c.count, c[next] == " " { next += 1 }
            guard next < c.count, c[next].isLetter else { return nil }
            piece = "\\Delta " + String(c[next])
            k = next + 1
          } else {
            guard !command.isEmpty, command.count <= 10 else { return nil }
            piece = String(c[k..<end])
            k = end
          }
        } else if ch.isLetter {
          piece = String(ch)
          k += 1
        } else {
          return nil
        }
        // Primes and a subscript stay with their letter.
        while k < c.count, c[k] == "'" {
          piece.append("'")
          k += 1
        }
        if k < c.count, c[k] == "_" {
          guard k + 1 < c.count else { return nil }
          if c[k + 1] == "{" {
            guard let end = AuditRules.closingBracket(c, from: k + 1) else { return nil }
            piece += String(c[k...end])
            k = end + 1
          } else {
            piece += String(c[k...(k + 1)])
            k += 2
          }
        }
        var times = 1
        if k < c.count, c[k] == "^" {
          guard k + 1 < c.count else { return nil }
          var power: String
          if c[k + 1] == "{" {
            guard let end = AuditRules.closingBracket(c, from: k + 1) else { return nil }
            power = String(c[(k + 2)..<end])
            k = end + 1
          } else {
            power = String(c[k + 1])
            k += 2
          }
          if let n = Int(power.trimmingCharacters(in: .whitespaces)), n >= 1, n <= 4 {
            times = n
          } else {
            piece = "(\(piece))^{\(power)}"
          }
        }
        out += Array(repeating: piece, count: times)
      }
      return out
    }

    /// A factor's text read as a polynomial (a number, a size, a sum of sizes), or nil.
    static func polynomial(_ text: String) -> Polynomial? {
      guard case .formula(_, let p?) = FragmentReader.content(text) else { return nil }
      return p
    }
  }
}
