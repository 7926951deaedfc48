import IndexNotation

/// Missing commas in the index lists of math the engine cannot read.
extension AuditRules.EquationSides {
  /// Commands whose bracket is a delimiter, not an index list (`\left[`, `\big[`).
  private static let delimiterCommands: Set<String> = [
    "left", "right", "big", "Big", "bigg", "Bigg", "bigl", "Bigl", "biggl", "Biggl",
  ]

  /// LaTeX's commands that set an operator's name (`\mathbb{E}`, `\mathrm{Var}`,
  /// `\operatorname{Cov}`): a bracket after the brace closing one holds the operator's
  /// argument, not a tensor's index list. Decorations and bold (`\hat{h}`, `\mathbf{W}`) still
  /// name tensors.
  private static let operatorFonts: Set<String> = [
    "mathbb", "mathrm", "operatorname", "mathcal", "mathsf", "mathfrak", "mathscr", "text",
    "textrm", "textnormal",
  ]

  /// The farthest a brace's opening is looked for back from its closing brace.
  private static let braceReach = 40

  /// Whether the brace closing at `close` closes the argument of an operator font command
  /// (`\mathrm{Var}`); looked for at most `braceReach` characters back.
  private static func closesOperatorName(_ chars: [Character], _ close: Int) -> Bool {
    var open = close - 1
    while open >= 0, close - open <= braceReach, chars[open] != "{" {
      guard chars[open] != "}" else { return false }
      open -= 1
    }
    guard open >= 0, chars[open] == "{" else { return false }
    var s = open
    while s > 0, chars[s - 1].isLetter { s -= 1 }
    return s > 0 && chars[s - 1] == "\\" && operatorFonts.contains(String(chars[s..<open]))
  }

  /// Two index terms side by side (`A[b,x+ΔX y+ΔY,i]`) in the index lists of a text that does
  /// not read as an expression: each bracket written right after a name (a letter, a closing
  /// brace other than an operator font's, a prime) and holding no bracket of its own is read alone as an index list, so one
  /// unreadable part of an equation (a derivative, a function of an index) does not hide a
  /// missing comma elsewhere. Returns each diagnostic's message and offset in `text`.
  /// - Complexity: linear in the text's length (each bracket's content is read once).
  static func bracketCommas(_ text: String) -> [(String, Int)] {
    let chars = Array(text)
    var out: [(String, Int)] = []
    var k = 0
    while k < chars.count {
      defer { k += 1 }
      guard chars[k] == "[", k > 0 else { continue }
      let before = chars[k - 1]
      guard before.isLetter || before == "}" || before == "'" || before == "′" else { continue }
      if before == "}", Self.closesOperatorName(chars, k - 1) { continue }
      if before.isLetter {
        var s = k - 1
        while s > 0, chars[s - 1].isLetter { s -= 1 }
        if s > 0, chars[s - 1] == "\\", delimiterCommands.contains(String(chars[s..<k])) {
          continue
        }
      }
      var close = k + 1
      while close < chars.count, chars[close] != "]", chars[close] != "[" { close += 1 }
      guard close < chars.count, chars[close] == "]", close > k + 1 else { continue }
      var parser = Parser("T" + String(chars[k...close]))
      if (try? parser.parseExpression()) != nil {
        for d in parser.diagnostics where d.kind == .missingComma {
          out.append((d.message, k - 1 + d.position.offset))
        }
      }
      k = close
    }
    return out
  }
}
