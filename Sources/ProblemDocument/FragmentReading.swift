import IndexNotation

/// One equation of a fragment (a display may hold several rows), with the defects found while
/// parsing it and where its text starts in the fragment.
public struct ReadEquation: Sendable {
  public let equation: Equation
  /// Non-fatal parse findings (a probable missing comma).
  public let parseDiagnostics: [Diagnostic]
  /// The row's text (what diagnostics' positions refer to) and its character offset in the
  /// fragment.
  public let text: String
  public let offset: Int
}

/// What a math fragment is, read as what it is.
public enum FragmentContent: Sendable {
  /// One or more equations `LHS = RHS`.
  case equations([ReadEquation])
  /// Tensors without `=`: `L[b, x, y, n_in]`, `e[w,I]^{\top}h[t,I]`.
  case expression(IndexNotation.Expression, text: String, parseDiagnostics: [Diagnostic])
  /// A chain of comparisons: `N_bottle < N/2`, `0 \le s \le k`.
  case comparisons([AnswerReading.Comparison], symbols: [String])
  /// Sizes declared equal: `N_in = N_out = N`.
  case sizeEquality([String])
  /// A list of names: `B, X, Y, N_out, N_in, ΔX, ΔY`.
  case nameList([String])
  /// A formula: a count, a name, a power such as `2^{k-s}` or `γ^{L-2}`, a number.
  case formula(symbols: [String], polynomial: Polynomial?)
  /// Nothing reads it: the reason and its character offset in the fragment.
  case unreadable(message: String, offset: Int)
}

/// A fragment with its reading.
public struct ReadFragment: Sendable {
  public let fragment: MathFragment
  public let content: FragmentContent
}

public enum FragmentReader {
  /// Reads a fragment. Total: never throws, never traps; unreadable text is a content case.
  public static func read(_ fragment: MathFragment) -> ReadFragment {
    ReadFragment(fragment: fragment, content: content(fragment.text))
  }

  /// What a fragment's text reads as.
  public static func content(_ raw: String) -> FragmentContent {
    let text = blankingDerivatives(trimmed(raw))
    let chars = Array(text)
    if let rows = splitEnvironment(chars) ?? splitSpaced(chars) {
      var equations: [ReadEquation] = []
      for (rowText, offset) in rows where rowText.contains("=") {
        var parser = Parser(rowText)
        guard let eq = try? parser.parseEquation() else {
          var again = Parser(rowText)
          do { _ = try again.parseEquation() } catch {
            return .unreadable(
              message: error.diagnostic.message, offset: offset + error.diagnostic.position.offset)
          }
          continue
        }
        equations.append(
          ReadEquation(
            equation: eq, parseDiagnostics: parser.diagnostics, text: rowText,
            offset: offset))
      }
      if !equations.isEmpty { return .equations(equations) }
    }
    if chars.contains("=") {
      var parser = Parser(text)
      do {
        let eq = try parser.parseEquation()
        return .equations([
          ReadEquation(
            equation: eq, parseDiagnostics: parser.diagnostics, text: text,
            offset: 0)
        ])
      } catch {
        if let sizes = sizeEquality(text) { return .sizeEquality(sizes) }
        var again = Parser(text)
        if let eq = try? again.parseExpressionEquation() {
          return .equations([
            ReadEquation(
              equation: eq, parseDiagnostics: again.diagnostics, text: text,
              offset: 0)
          ])
        }
        return .unreadable(
          message: error.diagnostic.message, offset: error.diagnostic.position.offset)
      }
    }
    if chars.contains("[") {
      var parser = Parser(text)
      do {
        let e = try parser.parseExpression()
        return .expression(e, text: text, parseDiagnostics: parser.diagnostics)
      } catch {
        return .unreadable(
          message: error.diagnostic.message, offset: error.diagnostic.position.offset)
      }
    }
    if let names = nameList(chars) { return .nameList(names) }
    do {
      let parts = try AnswerParser.parse(text)
      if parts.parts.count == 1, parts.parts[0].conjuncts.count == 1 {
        let chain = parts.parts[0].conjuncts[0]
        if !chain.relations.isEmpty {
          let symbols = chain.operands.flatMap { identifiers($0, text) }
          let comparisons =
            (try? AnswerReading.comparisons(chain, symbols: .open, text: text)) ?? []
          return .comparisons(comparisons, symbols: symbols)
        }
        let e = chain.operands[0]
        return .formula(
          symbols: identifiers(e, text),
          polynomial: try? AnswerReading.polynomial(e, symbols: .open, text: text))
      }
      let all = parts.parts.flatMap {
        $0.conjuncts.flatMap { $0.operands.flatMap { identifiers($0, text) } }
      }
      return .formula(symbols: all, polynomial: nil)
    } catch {
      return .unreadable(message: error.message, offset: error.offset)
    }
  }

  /// Drops trailing sentence punctuation that the document put inside the math (`… c].`).
  static func trimmed(_ text: String) -> String {
    var t = Substring(text)
    while let last = t.last, last == "." || last == "," || last == ";" || last.isWhitespace {
      t = t.dropLast()
    }
    return String(t)
  }

  /// Rows of a `split`, `align`, `aligned`, `gather` or `eqnarray` environment, at `\\` on the
  /// environment's own level, with their character offsets.
  static func splitEnvironment(_ chars: [Character]) -> [(String, Int)]? {
    let text = String(chars)
    guard text.hasSubstring("\\begin{") else { return nil }
    let environments = ["split", "align", "align*", "aligned", "gather", "gathered", "eqnarray"]
    guard let env = environments.first(where: { text.hasSubstring("\\begin{\($0)}") }) else {
      return nil
    }
    let open = Array("\\begin{\(env)}")
    let close = Array("\\end{\(env)}")
    guard let start = firstIndex(of: open, in: chars, from: 0) else { return nil }
    let bodyStart = start + open.count
    let bodyEnd = firstIndex(of: close, in: chars, from: bodyStart) ?? chars.count
    var rows: [(String, Int)] = []
    var depth = 0
    var rowStart = bodyStart
    var i = bodyStart
    while i < bodyEnd {
      let c = chars[i]
      if c == "{" || c == "(" { depth += 1 }
      if c == "}" || c == ")" { depth -= 1 }
      if c == "\\", i + 1 < bodyEnd, chars[i + 1] == "\\", depth == 0 {
        rows.append((String(chars[rowStart..<i]), rowStart))
        i += 2
        rowStart = i
        continue
      }
      i += 1
    }
    rows.append((String(chars[rowStart..<bodyEnd]), rowStart))
    return rows
  }

  /// Equations set side by side in one display, `a = … , \qquad b = …` (or `\quad`), split at
  /// each spacing command outside braces, brackets and parentheses, with their character
  /// offsets; nil when there is no such command or fewer than two pieces hold an `=`.
  /// - Complexity: linear in the fragment.
  static func splitSpaced(_ chars: [Character]) -> [(String, Int)]? {
    let quad = Array("\\quad")
    let qquad = Array("\\qquad")
    var rows: [(String, Int)] = []
    var depth = 0
    var rowStart = 0
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if c == "{" || c == "(" || c == "[" { depth += 1 }
      if c == "}" || c == ")" || c == "]" { depth -= 1 }
      if c == "\\", depth == 0 {
        let width =
          i + qquad.count <= chars.count && Array(chars[i..<(i + qquad.count)]) == qquad
          ? qquad.count
          : (i + quad.count <= chars.count && Array(chars[i..<(i + quad.count)]) == quad
            ? quad.count : 0)
        if width > 0, i + width == chars.count || !chars[i + width].isLetter {
          rows.append((trimmed(String(chars[rowStart..<i])), rowStart))
          i += width
          rowStart = i
          continue
        }
      }
      i += 1
    }
    guard !rows.isEmpty else { return nil }
    rows.append((String(chars[rowStart...]), rowStart))
    guard rows.filter({ $0.0.contains("=") }).count >= 2 else { return nil }
    return rows
  }

  static func firstIndex(of pattern: [Character], in chars: [Character], from: Int) -> Int? {
    guard pattern.count <= chars.count else { return nil }
    var i = from
    while i + pattern.count <= chars.count {
      if chars[i] == pattern[0] && Array(chars[i..<(i + pattern.count)]) == pattern { return i }
      i += 1
    }
    return nil
  }

  /// `N_in = N_out = N`: every side a single name.
  static func sizeEquality(_ text: String) -> [String]? {
    let sides = text.split(separator: "=", omittingEmptySubsequences: false).map(String.init)
    guard sides.count >= 2 else { return nil }
    var names: [String] = []
    for side in sides {
      guard let name = singleName(side) else { return nil }
      names.append(name)
    }
    return names
  }

  /// `B, X, Y, N_{\text{out}}`: two or more names separated by top-level commas.
  static func nameList(_ chars: [Character]) -> [String]? {
    var items: [String] = []
    var depth = 0
    var start = 0
    for (i, c) in chars.enumerated() {
      if c == "{" || c == "(" { depth += 1 }
      if c == "}" || c == ")" { depth -= 1 }
      if c == ",", depth == 0 {
        items.append(String(chars[start..<i]))
        start = i + 1
      }
    }
    items.append(String(chars[start...]))
    guard items.count >= 2 else { return nil }
    var names: [String] = []
    for item in items {
      guard let name = singleName(item) else { return nil }
      names.append(name)
    }
    return names
  }

  /// The one name a text spells (`N_{\text{in}}`, `\Delta X`, `γ`), or nil.
  static func singleName(_ text: String) -> String? {
    guard let e = try? AnswerParser.expression(text),
      case .identifier(let run, let sub, let offset) = e,
      let names = try? SymbolTable.open.resolve(run: run, subscript: sub, offset: offset, in: text),
      names.count == 1
    else { return nil }
    return names[0]
  }

  /// The names an answer expression uses, resolved letter by letter.
  static func identifiers(_ e: AnswerExpression, _ text: String) -> [String] {
    switch e {
    case .number: return []
    case .identifier(let run, let sub, let offset):
      // `\text{SNR}`, `\mathrm{Var}`: a word set upright names one thing (a quantity or an
      // operator), not a product of its letters.
      if run.count > 1, uprightWord(at: offset, in: text) { return [] }
      return (try? SymbolTable.open.resolve(run: run, subscript: sub, offset: offset, in: text))
        ?? []
    case .negate(let x), .squareRoot(let x, _): return identifiers(x, text)
    case .add(let l, let r), .subtract(let l, let r), .multiply(let l, let r),
      .divide(let l, let r, _), .power(let l, let r, _):
      return identifiers(l, text) + identifiers(r, text)
    }
  }
}

extension FragmentReader {
  /// The left sides of the definitions in a fragment: the text before the first `=` of each
  /// piece between top-level `,`, `;`, `\quad` and `\qquad`, with its character offset.
  /// - Complexity: O(n) in the fragment's length.
  static func definitionPieces(_ text: String) -> [(String, Int)] {
    let chars = Array(text)
    var pieces: [(Int, Int)] = []
    var depth = 0
    var start = 0
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if "[{(".contains(c) { depth += 1 }
      if "]})".contains(c) { depth -= 1 }
      if depth == 0 && (c == "," || c == ";") {
        pieces.append((start, i))
        start = i + 1
      } else if depth == 0, c == "\\" {
        var j = i + 1
        while j < chars.count, chars[j].isLetter { j += 1 }
        let command = String(chars[(i + 1)..<j])
        if command == "quad" || command == "qquad" {
          pieces.append((start, i))
          start = j
        }
        i = max(j, i + 1)
        continue
      }
      i += 1
    }
    pieces.append((start, chars.count))
    var out: [(String, Int)] = []
    for (a, b) in pieces where a < b {
      var depth = 0
      var k = a
      while k < b {
        if "[{(".contains(chars[k]) { depth += 1 }
        if "]})".contains(chars[k]) { depth -= 1 }
        if depth == 0 && chars[k] == "=" { break }
        k += 1
      }
      guard k < b else { continue }
      var lo = a
      while lo < k, chars[lo].isWhitespace { lo += 1 }
      let lhs = String(chars[lo..<k]).trimmingCharacters(in: .whitespaces)
      if !lhs.isEmpty { out.append((lhs, lo)) }
    }
    return out
  }
}

extension FragmentReader {
  /// A derivative read as the tensor it is taken with respect to, which carries its indices:
  /// `\frac{\partial ℒ}{\partial h[b,t,J]}` and `\partial ℒ/\partial h[b,t,J]` become `h[b,t,J]`,
  /// every other character of the derivative a space (so columns stay where they were); the
  /// bars of `\Big|_{w}` and `|…|` become spaces too.
  /// - Complexity: O(n) in the fragment's length.
  static func blankingDerivatives(_ text: String) -> String {
    guard text.hasSubstring("\\partial") || text.contains("|") else { return text }
    var c = Array(text)
    func starts(_ word: String, at i: Int) -> Bool {
      let w = Array(word)
      return i + w.count <= c.count && Array(c[i..<(i + w.count)]) == w
        && (i + w.count == c.count || !c[i + w.count].isLetter)
    }
    /// The end (exclusive) of the brace group opening at i.
    func group(at i: Int) -> Int? {
      guard i < c.count, c[i] == "{" else { return nil }
      var depth = 0
      var k = i
      while k < c.count {
        if c[k] == "{" { depth += 1 }
        if c[k] == "}" {
          depth -= 1
          if depth == 0 { return k + 1 }
        }
        k += 1
      }
      return nil
    }
    func skipSpaces(_ i: Int) -> Int {
      var k = i
      while k < c.count, c[k] == " " { k += 1 }
      return k
    }
    /// The end of a name and its index list starting at i: letters, commands with their brace
    /// groups, scripts, then `[…]`.
    func operandEnd(from i: Int) -> Int {
      var k = i
      while k < c.count {
        if c[k] == "\\" {
          k += 1
          while k < c.count, c[k].isLetter { k += 1 }
          if let g = group(at: k) { k = g }
        } else if c[k] == "_" || c[k] == "^" {
          k += 1
          if let g = group(at: k) { k = g } else if k < c.count { k += 1 }
        } else if c[k].isLetter || c[k] == "′" || c[k] == "'" {
          k += 1
        } else if c[k] == "{", let g = group(at: k) {
          k = g
        } else {
          break
        }
      }
      if k < c.count, c[k] == "[" {
        var depth = 0
        while k < c.count {
          if c[k] == "[" { depth += 1 }
          if c[k] == "]" {
            depth -= 1
            if depth == 0 { return k + 1 }
          }
          k += 1
        }
      }
      return k
    }
    func blank(_ range: Range<Int>) { for k in range where k < c.count { c[k] = " " } }
    var i = 0
    while i < c.count {
      if starts("\\frac", at: i), let n = group(at: skipSpaces(i + 5)),
        let d = group(at: skipSpaces(n))
      {
        let numerator = skipSpaces(skipSpaces(i + 5) + 1)
        let denominator = skipSpaces(skipSpaces(n) + 1)
        if starts("\\partial", at: numerator), starts("\\partial", at: denominator) {
          // A tensor by a tensor (a Jacobian) has the indices of both: not read.
          if c[numerator..<n].contains("[") {
            c[i] = "?"
            i = d
            continue
          }
          let keep = skipSpaces(denominator + 8)
          blank(i..<keep)
          blank((d - 1)..<d)
          i = d
          continue
        }
      }
      if starts("\\partial", at: i) {
        let end = operandEnd(from: skipSpaces(i + 8))
        let slash = skipSpaces(end)
        if slash < c.count, c[slash] == "/", starts("\\partial", at: skipSpaces(slash + 1)) {
          if c[i..<end].contains("[") {
            c[i] = "?"
            i = end
            continue
          }
          let keep = skipSpaces(skipSpaces(slash + 1) + 8)
          blank(i..<keep)
          i = operandEnd(from: keep)
          continue
        }
      }
      // Evaluation bars and absolute values: `\Big|_{w}`, `\left|…\right|`.
      if c[i] == "|" {
        c[i] = " "
        if i + 1 < c.count, c[i + 1] == "_" {
          let g = group(at: i + 2) ?? min(c.count, i + 3)
          blank((i + 1)..<g)
        }
      }
      i += 1
    }
    return String(c)
  }
}

extension FragmentReader {
  /// The tensor references a fragment shows even when it cannot be read whole: for each `[`,
  /// the longest name before it that reads, with its index list, as one reference. With the
  /// character offset of each reference's text in the fragment.
  /// - Complexity: O(n · w) for n characters and names of up to w = 40 characters.
  static func references(in text: String) -> [(TensorReference, Int)] {
    let c = Array(text)
    var out: [(TensorReference, Int)] = []
    var i = 0
    while i < c.count {
      guard c[i] == "[" else {
        i += 1
        continue
      }
      var depth = 0
      var close = i
      while close < c.count {
        if c[close] == "[" { depth += 1 }
        if c[close] == "]" {
          depth -= 1
          if depth == 0 { break }
        }
        close += 1
      }
      guard close < c.count else { break }
      for start in max(0, i - 40)..<i
      where c[start] == "\\"
        || (c[start].isLetter && (start == 0 || !c[start - 1].isLetter && c[start - 1] != "\\"))
      {
        var parser = Parser(String(c[start...close]))
        if let e = try? parser.parseExpression(), case .tensor(let ref) = e, parser.atEnd {
          out.append((ref, start))
          break
        }
      }
      i += 1
    }
    return out
  }
}
