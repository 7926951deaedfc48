import Algebra
import Foundation

/// A token of the course's index notation, in either spelling.
struct Token: Sendable, Equatable {
  enum Kind: Sendable, Equatable {
    /// A letter, possibly Greek or Δ-prefixed (`x`, `ΔX`, `γ`, `ℓ`); LaTeX commands are
    /// already translated.
    case letter(String)
    /// A multi-letter word: `ReLU`, `relu`, `out`, `in`, `bottle`.
    case word(String)
    case number(Int)
    /// A number with a decimal point.
    case decimal(Rational)
    case symbol(Character)  // [ ] ( ) { } , + - = _ ^ / · ← ↑ ~ ′
    case sum  // Σ or \sum
    case frac  // \frac
    case decoration(Character)  // \tilde → "̃", \hat → "̂"
    case end
  }

  let kind: Kind
  let position: SourcePosition
  /// Whether a LaTeX spacing command (`\,`, `\;`, `\:`) stands just before the token: inside an
  /// index sum (`t + d\,ΔT`) it writes a product.
  var spacedBefore = false
}

/// Translates the LaTeX spelling to the Unicode one while tokenising, so both spellings give one
/// syntax tree. Layout commands (`\left`, `\right`, `\begin{array}{cc}`, `&`, `\\`, `\,`, `$`)
/// carry no meaning here and are dropped.
package struct Lexer {
  let chars: [Character]
  var index = 0
  var line = 1
  var column = 1
  /// Where the current run of ASCII letters ends (its words were looked at once).
  var runEnd = 0
  /// Whether a spacing command was skipped since the last token.
  var spaced = false
  /// Typed-answer spellings: `sigma`, `gamma`, `ell`, `dX` for ΔX, `l` for ℓ, `left`/`up` arrows.
  let aliases: Bool

  static let greek: [String: String] = [
    "sigma": "σ", "gamma": "γ", "ell": "ℓ", "Delta": "Δ", "delta": "δ", "alpha": "α",
    "beta": "β", "lambda": "λ", "mu": "μ", "eta": "η", "theta": "θ", "tau": "τ", "Sigma": "Σ",
    "epsilon": "ε", "varepsilon": "ε", "zeta": "ζ", "vartheta": "θ", "iota": "ι", "kappa": "κ",
    "nu": "ν", "xi": "ξ", "pi": "π", "varpi": "π", "rho": "ρ", "varrho": "ρ", "varsigma": "σ",
    "upsilon": "υ", "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
    "Gamma": "Γ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Upsilon": "Υ", "Phi": "Φ",
    "Psi": "Ψ", "Omega": "Ω", "nabla": "∇", "odot": "·", "otimes": "·",
    "leftarrow": "←", "uparrow": "↑", "rightarrow": "→", "downarrow": "↓", "cdot": "·",
    "times": "·", "prime": "′", "top": "⊤", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥",
    "lt": "<", "gt": ">",
  ]
  static let ignoredCommands: Set<String> = [
    "left", "right", "big", "Big", "bigg", "Bigg", "quad", "qquad", "displaystyle", "limits",
    "nonumber", "bigl", "bigr", "Bigl", "Bigr", "middle", "textstyle", "scriptstyle", "mathstrut",
  ]

  static let symbols: Set<Character> = [
    "[", "]", "(", ")", "{", "}", ",", "+", "-", "−", "=", "_",
    "^", "/", "·", "*", "←", "↑", "′", "'", "⊤", "<", ">", "≤", "≥",
  ]

  init(_ text: String, aliases: Bool = false) {
    chars = Array(text)
    self.aliases = aliases
  }

  /// The token a whole run of letters stands for in a typed answer, if it is an alias.
  func aliasToken(_ run: String) -> Token.Kind? {
    switch run {
    case "sigma": return .letter("σ")
    case "gamma": return .letter("γ")
    case "ell", "l": return .letter("ℓ")
    case "left", "leftarrow": return .symbol("←")
    case "up", "uparrow": return .symbol("↑")
    default:
      // dX, dY, dT (and lowercase) for ΔX, ΔY, ΔT.
      let c = Array(run)
      if c.count == 2, c[0] == "d" || c[0] == "D", "xytXYT".contains(c[1]) {
        return .letter("Δ" + String(c[1]))
      }
      return nil
    }
  }

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
      var t = try next()
      t.spacedBefore = spaced
      spaced = false
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
        guard index < chars.count else {
          throw LexError(message: "'\\' at the end", position: start)
        }
        let d = chars[index]
        if !d.isLetter {
          advance()  // \\ line break, \, \; \! \  spacing, \{ \}
          if d == "," || d == ";" || d == ":" { spaced = true }
          if d == "{" || d == "}" {
            return Token(kind: .symbol(d == "{" ? "(" : ")"), position: start)
          }
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
        // A decimal such as 0.5: a rational factor (never an index coefficient).
        if index + 1 < chars.count, chars[index] == ".", chars[index + 1].isASCII,
          chars[index + 1].isNumber
        {
          advance()
          var fraction = 0
          var scale = 1
          while index < chars.count, chars[index].isASCII, chars[index].isNumber,
            scale < 1_000_000_000
          {
            fraction = fraction * 10 + Int(String(chars[index]))!
            scale *= 10
            advance()
          }
          while index < chars.count, chars[index].isASCII, chars[index].isNumber { advance() }
          return Token(kind: .decimal(Rational(value) + Rational(fraction, scale)), position: start)
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
        // A run of ASCII letters: ReLU/relu are words, anything else splits into letters. The
        // run is measured once per run (not once per letter), so long runs stay linear.
        if index >= runEnd {
          var j = index
          while j < chars.count, chars[j].isASCII, chars[j].isLetter { j += 1 }
          runEnd = max(j, index + 1)
          let run = String(chars[index..<j])
          if ["ReLU", "relu", "Relu", "RELU"].contains(run) {
            while index < j { advance() }
            return Token(kind: .word("ReLU"), position: start)
          }
          if aliases, let kind = aliasToken(run) {
            while index < j { advance() }
            return Token(kind: kind, position: start)
          }
        }
        advance()
        var letter = String(c)
        // Combining marks written in Unicode (L̃, L̂) stay with their letter.
        while index < chars.count,
          chars[index].unicodeScalars.allSatisfy({
            $0.properties.generalCategory == .nonspacingMark
          })
        {
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

  /// The letter after Δ, skipping spaces (`\Delta x` is Δx); empty when an index list follows
  /// (`\delta[b,t,c]`, `Δ[j]`): the Greek letter is then a tensor's name.
  mutating func deltaTarget(_ start: SourcePosition) throws(LexError) -> String {
    while index < chars.count, chars[index] == " " { advance() }
    if index < chars.count, chars[index] == "[" { return "" }
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
    case "bar", "overline": return .decoration("\u{0304}")
    case "vec": return .decoration("\u{20D7}")
    case "dot": return .decoration("\u{0307}")
    case "ddot": return .decoration("\u{0308}")
    case "check": return .decoration("\u{030C}")
    case "partial": return .letter("∂")
    case "ast", "star": return .letter("∗")
    case "infty": return .letter("∞")
    case "tanh", "exp", "log", "ln", "max", "min", "softmax", "sin", "cos", "sqrt":
      return .word(name)
    case "mathcal", "mathscr":
      let word = try braced(start)
      return .letter(word.count == 1 ? Lexer.script(word) : word)
    case "mathbf", "boldsymbol", "bm", "mathit", "mathsf":
      // A bold or italic letter is the letter; a longer word stays a word.
      let word = try braced(start)
      return word.count == 1 ? .letter(word) : .word(word)
    case "text", "mathrm", "textrm", "operatorname":
      // \text{out} → the word inside; \text{ReLU} → the function.
      let word = try braced(start)
      if ["ReLU", "relu", "Relu"].contains(word) { return .word("ReLU") }
      if ["tanh", "softmax", "exp", "log", "sigmoid"].contains(word) { return .word(word) }
      return .word(word)
    case "begin", "end":
      _ = try braced(start)  // {array}
      // {cc}
      if name == "begin", index < chars.count, chars[index] == "{" { _ = try braced(start) }
      return nil
    default:
      throw LexError(message: "unknown command \\\(name)", position: start)
    }
  }

  /// The script capital for `\mathcal{L}`: ℒ, 𝒩, ….
  package static func script(_ letter: String) -> String {
    let special: [String: String] = [
      "B": "ℬ", "E": "ℰ", "F": "ℱ", "H": "ℋ", "I": "ℐ", "L": "ℒ",
      "M": "ℳ", "R": "ℛ",
    ]
    if let s = special[letter] { return s }
    guard let v = letter.unicodeScalars.first?.value, (65...90).contains(v),
      let scalar = Unicode.Scalar(0x1D49C + v - 65)
    else { return letter }
    return String(Character(scalar))
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
