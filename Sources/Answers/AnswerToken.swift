import Algebra
import Foundation
import IndexNotation

/// A token of an answer typed as plain text, Unicode or LaTeX.
struct AnswerToken: Sendable, Equatable {
  enum Kind: Sendable, Equatable {
    /// A run of letters (`BXY`, `Nout`, `ΔX`, `γ`), with its subscript when one follows
    /// (`N_{\text{bottle}}` → "N" with "bottle").
    case identifier(String, subscript: String?)
    /// A whole number or a decimal, with its digits after the point (nil for a whole number).
    case number(String, decimals: Int?)
    /// + − · / ^ ( ) { } [ ] , ; = :
    case symbol(Character)
    case relation(Relation)
    /// `\frac`, `\sqrt`, `sqrt`, `√`.
    case frac, sqrt
    /// `and`, `∧`, `\land`, `&&`: joins conditions.
    case and
    case end
  }

  let kind: Kind
  /// 0-based offset of the token's first character in the answer.
  let offset: Int
}

/// A located error in an answer: what is wrong, the 1-based column, and the answer with a caret.
public struct AnswerSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What was expected or what is wrong, e.g. "expected a whole-number exponent from 0 to 64".
  public let message: String
  /// 0-based character offset in the answer.
  public let offset: Int
  /// The answer's line with a caret under the offset.
  public let excerpt: String

  /// An error at `offset` in `text`, its excerpt computed from `text`.
  public init(_ message: String, offset: Int, in text: String) {
    self.message = message
    self.offset = offset
    let position = SourcePosition.locate(offset: offset, in: text)
    self.excerpt = Diagnostic.excerpt(text, position)
  }

  /// offset + 1: the 1-based column on a one-line answer.
  public var column: Int { offset + 1 }
  /// "message at column C".
  public var description: String { "\(message) at column \(column)" }
}

/// Splits an answer into tokens in one pass. LaTeX layout (`$`, `\left`, `\right`, `\,`, `\quad`,
/// `\displaystyle`) is dropped; `\text{…}` and `\mathrm{…}` give their letters.
struct AnswerLexer {
  let chars: [Character]
  let text: String
  var index = 0
  /// A superscript digit run (N²) was announced by a '^' token; its number comes next.
  var inSuperscript = false

  static let superscripts: [Character: Character] = [
    "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8",
    "⁹": "9",
  ]

  init(_ text: String) {
    self.text = text
    chars = Array(text)
  }

  static let greekCommands: [String: String] = [
    "gamma": "γ", "ell": "ℓ", "sigma": "σ", "alpha": "α", "beta": "β", "lambda": "λ", "mu": "μ",
    "eta": "η", "theta": "θ", "tau": "τ", "pi": "π", "epsilon": "ε", "Gamma": "Γ",
    "varepsilon": "ε", "zeta": "ζ", "vartheta": "θ", "iota": "ι", "kappa": "κ", "nu": "ν",
    "xi": "ξ", "varpi": "π", "rho": "ρ", "varrho": "ρ", "varsigma": "σ", "upsilon": "υ",
    "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω", "Theta": "Θ", "Lambda": "Λ",
    "Xi": "Ξ", "Pi": "Π", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
  ]
  static let layoutCommands: Set<String> = [
    "left", "right", "big", "Big", "bigg", "Bigg", "quad", "qquad", "displaystyle", "textstyle",
    "limits", "nonumber", "mathit", "boldsymbol", "mathbf", "bf", "bigl", "bigr", "Bigl", "Bigr",
    "middle", "scriptstyle", "mathstrut",
  ]

  func error(_ message: String, at offset: Int) -> AnswerSyntaxError {
    AnswerSyntaxError(message, offset: offset, in: text)
  }

  mutating func tokens() throws(AnswerSyntaxError) -> [AnswerToken] {
    var out: [AnswerToken] = []
    while true {
      let t = try next()
      out.append(t)
      if t.kind == .end { return out }
    }
  }

  func peek(_ k: Int = 0) -> Character? { index + k < chars.count ? chars[index + k] : nil }

  mutating func next() throws(AnswerSyntaxError) -> AnswerToken {
    while let c = peek() {
      let start = index
      if let digit = AnswerLexer.superscripts[c] {
        // N² reads as N^2: a '^' first, then the digits as a number.
        if !inSuperscript {
          inSuperscript = true
          return AnswerToken(kind: .symbol("^"), offset: start)
        }
        inSuperscript = false
        var digits = String(digit)
        index += 1
        while let d = peek(), let more = AnswerLexer.superscripts[d] {
          digits.append(more)
          index += 1
        }
        return AnswerToken(kind: .number(digits, decimals: nil), offset: start)
      }
      if c.isWhitespace || c == "$" || c == "~" || c == "&" && peek(1) != "&" {
        index += 1
        continue
      }
      if c == "\\" {
        index += 1
        guard let d = peek() else { throw error("'\\' at the end of the answer", at: start) }
        if !d.isLetter {
          index += 1
          switch d {
          case "{": return AnswerToken(kind: .symbol("("), offset: start)
          case "}": return AnswerToken(kind: .symbol(")"), offset: start)
          case ",", ";", "!", " ", ":", ">": continue
          // a line break in a list
          case "\\": return AnswerToken(kind: .symbol(";"), offset: start)
          default: throw error("unexpected '\\\(d)'", at: start)
          }
        }
        var name = ""
        while let l = peek(), l.isLetter, l.isASCII {
          name.append(l)
          index += 1
        }
        if let kind = try command(name, start) { return AnswerToken(kind: kind, offset: start) }
        continue
      }
      if c.isASCII && c.isNumber
        || c == "." && (peek(1)?.isASCII ?? false) && (peek(1)?.isNumber ?? false)
      {
        return number(start)
      }
      if c == "Δ" || c == "δ" {
        index += 1
        while peek() == " " { index += 1 }
        guard let l = peek(), l.isLetter else {
          throw error("expected a letter after Δ", at: start)
        }
        index += 1
        return try identifier(start, run: "Δ" + String(l))
      }
      if c.isLetter {
        var run = ""
        while let l = peek(), l.isLetter, l != "Δ", l != "δ" {
          run.append(l)
          index += 1
          // A Unicode combining mark (L̂) stays with its letter.
          while let m = peek(),
            m.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .nonspacingMark })
          {
            run.append(m)
            index += 1
          }
        }
        switch run {
        case "sqrt": return AnswerToken(kind: .sqrt, offset: start)
        case "and", "AND": return AnswerToken(kind: .and, offset: start)
        case "Delta", "delta":
          while peek() == " " { index += 1 }
          if let l = peek(), l.isLetter, l.isASCII {
            index += 1
            return try identifier(start, run: "Δ" + String(l))
          }
          throw error("expected a letter after \(run)", at: start)
        default: return try identifier(start, run: run)
        }
      }
      index += 1
      switch c {
      case "+", "/", "(", ")", "{", "}", "[", "]", ",", ";", "=", ":":
        return AnswerToken(kind: .symbol(c), offset: start)
      case "-", "−", "–": return AnswerToken(kind: .symbol("-"), offset: start)
      case "*":
        if peek() == "*" {
          index += 1
          return AnswerToken(kind: .symbol("^"), offset: start)
        }
        return AnswerToken(kind: .symbol("·"), offset: start)
      case "·", "×", "⋅": return AnswerToken(kind: .symbol("·"), offset: start)
      case "^": return AnswerToken(kind: .symbol("^"), offset: start)
      case "√": return AnswerToken(kind: .sqrt, offset: start)
      case "∧": return AnswerToken(kind: .and, offset: start)
      case "&":
        index += 1
        return AnswerToken(kind: .and, offset: start)
      case "<":
        if peek() == "=" {
          index += 1
          return AnswerToken(kind: .relation(.lessOrEqual), offset: start)
        }
        return AnswerToken(kind: .relation(.less), offset: start)
      case ">":
        if peek() == "=" {
          index += 1
          return AnswerToken(kind: .relation(.greaterOrEqual), offset: start)
        }
        return AnswerToken(kind: .relation(.greater), offset: start)
      case "≤", "⩽": return AnswerToken(kind: .relation(.lessOrEqual), offset: start)
      case "≥", "⩾": return AnswerToken(kind: .relation(.greaterOrEqual), offset: start)
      default: throw error("unexpected character '\(c)'", at: start)
      }
    }
    return AnswerToken(kind: .end, offset: index)
  }

  mutating func number(_ start: Int) -> AnswerToken {
    var digits = ""
    while let d = peek(), d.isASCII, d.isNumber {
      digits.append(d)
      index += 1
    }
    var decimals: Int?
    if peek() == ".", let d = peek(1), d.isASCII, d.isNumber {
      index += 1
      digits.append(".")
      var n = 0
      while let d = peek(), d.isASCII, d.isNumber {
        digits.append(d)
        index += 1
        n += 1
      }
      decimals = n
    }
    return AnswerToken(kind: .number(digits, decimals: decimals), offset: start)
  }

  /// A letter run, then an optional subscript `_x` or `_{…}` whose letters and digits it keeps.
  mutating func identifier(_ start: Int, run: String) throws(AnswerSyntaxError) -> AnswerToken {
    guard peek() == "_" else {
      return AnswerToken(kind: .identifier(run, subscript: nil), offset: start)
    }
    index += 1
    return AnswerToken(kind: .identifier(run, subscript: try subscriptText(start)), offset: start)
  }

  mutating func subscriptText(_ start: Int) throws(AnswerSyntaxError) -> String {
    if peek() == "{" {
      index += 1
      var text = ""
      var depth = 0
      while let c = peek() {
        index += 1
        if c == "{" {
          depth += 1
          continue
        }
        if c == "}" {
          if depth == 0 { return text }
          depth -= 1
          continue
        }
        if c == "\\" {
          var name = ""
          while let l = peek(), l.isLetter, l.isASCII {
            name.append(l)
            index += 1
          }
          if let g = AnswerLexer.greekCommands[name] { text += g }
          continue  // \text, \mathrm: their braces are skipped, their letters kept
        }
        if !c.isWhitespace { text.append(c) }
      }
      throw error("expected '}' to close the subscript", at: start)
    }
    // Unbraced: one letter or digit, or a run of letters (N_in, n_out as people type them).
    var text = ""
    while let c = peek(), c.isLetter || c.isNumber, text.isEmpty || !(c.isNumber) {
      text.append(c)
      index += 1
      if c.isNumber { break }
    }
    guard !text.isEmpty else { throw error("expected a subscript after '_'", at: index) }
    return text
  }

  /// The text of a command's `{…}` argument (no nesting), spaces before the brace skipped; the
  /// index ends after the closing brace.
  /// - Complexity: O(n) in the argument's length.
  mutating func bracedArgument(of name: String, _ start: Int) throws(AnswerSyntaxError) -> String {
    while peek() == " " { index += 1 }
    guard peek() == "{" else { throw error("expected '{' after \\\(name)", at: index) }
    index += 1
    var word = ""
    while let c = peek(), c != "}" {
      word.append(c)
      index += 1
    }
    guard peek() == "}" else { throw error("unclosed \\\(name){", at: start) }
    index += 1
    return word
  }

  mutating func command(_ name: String, _ start: Int) throws(AnswerSyntaxError) -> AnswerToken.Kind?
  {
    if AnswerLexer.layoutCommands.contains(name) { return nil }
    if let g = AnswerLexer.greekCommands[name] { return try identifier(start, run: g).kind }
    switch name {
    case "Delta", "delta":
      while peek() == " " { index += 1 }
      guard let l = peek(), l.isLetter else {
        throw error("expected a letter after \\\(name)", at: start)
      }
      index += 1
      return try identifier(start, run: "Δ" + String(l)).kind
    case "frac", "dfrac", "tfrac": return .frac
    case "sqrt": return .sqrt
    case "cdot", "times", "ast": return .symbol("·")
    case "le", "leq", "leqslant": return .relation(.lessOrEqual)
    case "ge", "geq", "geqslant": return .relation(.greaterOrEqual)
    case "lt": return .relation(.less)
    case "gt": return .relation(.greater)
    case "land", "wedge": return .and
    case "mathcal", "mathscr":
      let word = try bracedArgument(of: name, start)
      let letter = word.trimmingCharacters(in: .whitespaces)
      return try identifier(start, run: letter.count == 1 ? Lexer.script(letter) : letter).kind
    case "tilde", "widetilde", "hat", "widehat", "bar", "overline", "dot", "vec":
      // An accented letter is a name of its own: x̂ is not x.
      let marks: [String: String] = [
        "tilde": "\u{0303}", "widetilde": "\u{0303}", "hat": "\u{0302}",
        "widehat": "\u{0302}", "bar": "\u{0304}", "overline": "\u{0304}",
        "dot": "\u{0307}", "vec": "\u{20D7}",
      ]
      while peek() == " " { index += 1 }
      var inner = ""
      if peek() == "{" {
        inner = try bracedArgument(of: name, start)
      } else if let c = peek() {
        inner = String(c)
        index += 1
      }
      // `\hat{\mathbf{y}}`, `\tilde{\alpha}`: the letter inside the command.
      var letter = inner.trimmingCharacters(in: .whitespaces)
      if letter.hasPrefix("\\") {
        let command = String(letter.dropFirst().prefix { $0.isLetter })
        if let g = AnswerLexer.greekCommands[command] {
          letter = g
        } else if let open = letter.firstIndex(of: "{") {
          letter = String(letter[letter.index(after: open)...].prefix { $0 != "}" })
        }
      }
      guard letter.count == 1, letter.first!.isLetter else {
        throw error("expected one letter under \\\(name)", at: start)
      }
      return try identifier(start, run: letter + marks[name]!).kind
    case "text", "mathrm", "textrm", "operatorname", "textit", "mathsf":
      // \text{…} gives its letters as one identifier (or a word such as "and").
      let word = try bracedArgument(of: name, start)
      let trimmed = word.trimmingCharacters(in: .whitespaces)
      if trimmed == "and" { return .and }
      if trimmed.isEmpty { return nil }
      return try identifier(start, run: trimmed).kind
    default:
      throw error("unknown command \\\(name)", at: start)
    }
  }
}
