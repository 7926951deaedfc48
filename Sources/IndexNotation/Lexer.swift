/// A token of the course's index notation, in either spelling.
struct Token: Sendable, Equatable {
  enum Kind: Sendable, Equatable {
    /// A letter, possibly Greek or Δ-prefixed (`x`, `ΔX`, `γ`, `ℓ`); LaTeX commands are
    /// already translated.
    case letter(String)
    /// A multi-letter word: `ReLU`, `relu`, `out`, `in`, `bottle`.
    case word(String)
    case number(Int)
    case symbol(Character)  // [ ] ( ) { } , + - = _ ^ / · ← ↑ ~ ′
    case sum               // Σ or \sum
    case frac              // \frac
    case decoration(Character)  // \tilde → "̃", \hat → "̂"
    case end
  }

  let kind: Kind
  let position: SourcePosition
}

/// Translates the LaTeX spelling to the Unicode one while tokenising, so both spellings give one
/// syntax tree. Layout commands (`\left`, `\right`, `\begin{array}{cc}`, `&`, `\\`, `\,`, `$`)
/// carry no meaning here and are dropped.
struct Lexer {
  let chars: [Character]
  var index = 0
  var line = 1
  var column = 1

  static let greek: [String: String] = [
    "sigma": "σ", "gamma": "γ", "ell": "ℓ", "Delta": "Δ", "delta": "δ", "alpha": "α",
    "beta": "β", "lambda": "λ", "mu": "μ", "eta": "η", "theta": "θ", "tau": "τ", "Sigma": "Σ",
    "leftarrow": "←", "uparrow": "↑", "rightarrow": "→", "downarrow": "↓", "cdot": "·",
    "times": "·", "prime": "′", "top": "⊤", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥",
    "lt": "<", "gt": ">",
  ]
  static let ignoredCommands: Set<String> = [
    "left", "right", "big", "Big", "bigg", "Bigg", "quad", "qquad", "displaystyle", "limits",
    "nonumber",
  ]

  static let symbols: Set<Character> = ["[", "]", "(", ")", "{", "}", ",", "+", "-", "−", "=", "_",
                                        "^", "/", "·", "*", "←", "↑", "′", "'", "⊤", "<", ">", "≤", "≥"]

  init(_ text: String) { chars = Array(text) }

  var position: SourcePosition { SourcePosition(offset: index, line: line, column: column) }

  mutating func advance() {
    if chars[index] == "\n" {
      line += 1
      column = 1
    } else {
      column += 1
    }
    index += 1
  }

  mutating func tokens() throws(LexError) -> [Token] {
    var out: [Token] = []
    while true {
      let t = try next()
      out.append(t)
      if t.kind == .end { return out }
    }
  }

  struct LexError: Error {
    let message: String
    let position: SourcePosition
  }

  mutating func next() throws(LexError) -> Token {
    while index < chars.count {
      let start = position
      let c = chars[index]
      if c.isWhitespace || c == "$" || c == "&" || c == "~" {
        advance()
        continue
      }
      if c == "\\" {
        advance()
        guard index < chars.count else { throw LexError(message: "'\\' at the end", position: start) }
        let d = chars[index]
        if !d.isLetter {
          advance()  // \\ line break, \, \; \! \  spacing, \{ \}
          if d == "{" || d == "}" { return Token(kind: .symbol(d == "{" ? "(" : ")"), position: start) }
          continue
        }
        var name = ""
        while index < chars.count, chars[index].isLetter {
          name.append(chars[index])
          advance()
        }
        if let kind = try command(name, start) { return Token(kind: kind, position: start) }
        continue
      }
      if c.isNumber && c.isASCII {
        var value = 0
        while index < chars.count, chars[index].isASCII, chars[index].isNumber {
          let (v, overflow) = value.multipliedReportingOverflow(by: 10)
          guard !overflow, v <= Int.max - 9 else {
            throw LexError(message: "number too large", position: start)
          }
          value = v + Int(String(chars[index]))!
          advance()
        }
        return Token(kind: .number(value), position: start)
      }
      if c == "Δ" || c == "δ" {
        advance()
        return Token(kind: .letter(String(c) + (try deltaTarget(start))), position: start)
      }
      if c == "Σ" || c == "∑" {
        advance()
        return Token(kind: .sum, position: start)
      }
      if c.isLetter {
        // A run of ASCII letters: ReLU/relu are words, anything else splits into letters.
        var run = ""
        var j = index
        while j < chars.count, chars[j].isASCII, chars[j].isLetter { run.append(chars[j]); j += 1 }
        if ["ReLU", "relu", "Relu", "RELU"].contains(run) {
          for _ in run { advance() }
          return Token(kind: .word("ReLU"), position: start)
        }
        advance()
        var letter = String(c)
        // Combining marks written in Unicode (L̃, L̂) stay with their letter.
        while index < chars.count,
              chars[index].unicodeScalars.allSatisfy({ $0.properties.generalCategory == .nonspacingMark }) {
          letter.append(chars[index])
          advance()
        }
        return Token(kind: .letter(letter), position: start)
      }
      if Lexer.symbols.contains(c) {
        advance()
        let normal: Character = c == "−" ? "-" : (c == "*" ? "·" : (c == "'" ? "′" : c))
        return Token(kind: .symbol(normal), position: start)
      }
      throw LexError(message: "unexpected character '\(c)'", position: start)
    }
    return Token(kind: .end, position: position)
  }

  /// The letter after Δ, skipping spaces (`\Delta x` is Δx).
  mutating func deltaTarget(_ start: SourcePosition) throws(LexError) -> String {
    while index < chars.count, chars[index] == " " { advance() }
    guard index < chars.count, chars[index].isLetter else {
      throw LexError(message: "expected a letter after Δ", position: start)
    }
    let c = chars[index]
    advance()
    return String(c)
  }

  mutating func command(_ name: String, _ start: SourcePosition) throws(LexError) -> Token.Kind? {
    if Lexer.ignoredCommands.contains(name) { return nil }
    if name == "Delta" || name == "delta" {
      return .letter((name == "Delta" ? "Δ" : "δ") + (try deltaTarget(start)))
    }
    if let g = Lexer.greek[name] {
      if g == "Σ" { return .sum }
      if ["·", "←", "↑", "′", "⊤", "≤", "≥", "<", ">"].contains(g) { return .symbol(Character(g)) }
      return .letter(g)
    }
    switch name {
    case "sum": return .sum
    case "frac": return .frac
    case "tilde", "widetilde": return .decoration("\u{0303}")
    case "hat", "widehat": return .decoration("\u{0302}")
    case "text", "mathrm", "textrm", "operatorname", "mathit", "mathbf":
      // \text{out} → the word inside; \text{ReLU} → the function.
      let word = try braced(start)
      if ["ReLU", "relu", "Relu"].contains(word) { return .word("ReLU") }
      return .word(word)
    case "begin", "end":
      _ = try braced(start)  // {array}
      if name == "begin", index < chars.count, chars[index] == "{" { _ = try braced(start) }  // {cc}
      return nil
    default:
      throw LexError(message: "unknown command \\\(name)", position: start)
    }
  }

  /// The raw text of a `{…}` group (no nesting inside words).
  mutating func braced(_ start: SourcePosition) throws(LexError) -> String {
    while index < chars.count, chars[index] == " " { advance() }
    guard index < chars.count, chars[index] == "{" else {
      throw LexError(message: "expected '{'", position: position)
    }
    advance()
    var text = ""
    while index < chars.count, chars[index] != "}" {
      text.append(chars[index])
      advance()
    }
    guard index < chars.count else { throw LexError(message: "unclosed '{'", position: start) }
    advance()
    return text.trimmingCharacters(in: .whitespaces)
  }
}

import Foundation
