import Answers
import IndexNotation

public enum FragmentReader {
  /// Reads a fragment. Total: never throws, never traps; unreadable text is a content case.
  public static func read(_ fragment: MathFragment) -> ReadFragment {
    ReadFragment(fragment: fragment, content: content(fragment.text))
  }

  /// What a fragment's text reads as.
  public static func content(_ raw: String) -> FragmentContent {
    let text = assignmentAsEquation(
      blankingSumBounds(blankingDerivatives(blankingLabels(trimmed(raw)))))
    let chars = Array(text)
    if let rows = splitEnvironment(chars) ?? splitSpaced(chars) {
      var equations: [ReadEquation] = []
      // A row stating a Kronecker delta is left out; the block's other rows are still read.
      var delta: FragmentContent?
      for (rowText, offset) in rows where rowText.contains("=") {
        var parser = Parser(rowText)
        guard let eq = try? parser.parseEquation().strideRead(as: rowText, &parser) else {
          var again = Parser(rowText)
          do { _ = try again.parseEquation() } catch {
            return .unreadable(
              message: error.diagnostic.message, offset: offset + error.diagnostic.position.offset)
          }
          continue
        }
        if let d = kroneckerDelta([eq.lhs] + eq.rhsReferences) {
          if delta == nil { delta = d }
          continue
        }
        equations.append(
          ReadEquation(
            equation: eq, parseDiagnostics: parser.diagnostics, text: rowText,
            offset: offset))
      }
      if !equations.isEmpty { return .equations(equations) }
      if let delta { return delta }
    }
    if chars.contains("=") {
      var parser = Parser(text)
      do {
        let eq = try parser.parseEquation().strideRead(as: text, &parser)
        if let delta = kroneckerDelta([eq.lhs] + eq.rhsReferences) { return delta }
        return .equations([
          ReadEquation(
            equation: eq, parseDiagnostics: parser.diagnostics, text: text,
            offset: 0)
        ])
      } catch {
        if let sizes = sizeEquality(text) { return .sizeEquality(sizes) }
        var again = Parser(text)
        if let eq = try? again.parseExpressionEquation() {
          if let delta = kroneckerDelta([eq.lhs] + eq.rhsReferences) { return delta }
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
        if let delta = kroneckerDelta(e.references) { return delta }
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

  /// A note for a Kronecker delta among `references`: δ or Δ over two indices that are one
  /// letter and its primed copy (`δ[n,n′]`), the identity rather than a tensor of the model, so
  /// the fragment is left unread (its multiplies and names are not the model's); nil otherwise.
  static func kroneckerDelta(_ references: [TensorReference]) -> FragmentContent? {
    for ref in references where ref.name.base == "δ" || ref.name.base == "Δ" {
      let letters = ref.indices.compactMap { $0.bareVariable?.name.filter { $0 != "′" } }
      if ref.indices.count == 2, letters.count == 2, letters[0] == letters[1] {
        return .unreadable(
          message: "a Kronecker delta \(ref) is not read", offset: ref.position.offset)
      }
    }
    return nil
  }

  /// Whether text (its sum bounds already blanked) is an update written with an arrow: a
  /// `\leftarrow` and no `=` of its own.
  static func isArrowUpdate(_ text: String) -> Bool {
    !text.contains("=") && text.hasSubstring("\\leftarrow")
  }

  /// Whether a fragment's raw text reads as an arrow update, as `content` reads it (a sum
  /// bound's `=` blanked first).
  public static func readsAsArrowUpdate(_ raw: String) -> Bool {
    isArrowUpdate(blankingSumBounds(blankingDerivatives(blankingLabels(trimmed(raw)))))
  }

  /// An update written with an arrow (`μ[k,d] \leftarrow γ\,μ[k,d] + …`) read as the equation
  /// it assigns: the one `\leftarrow` outside braces and brackets becomes `=` and spaces (so
  /// columns stay where they were), when the text has no `=` of its own.
  /// - Complexity: O(n) in the text's length.
  static func assignmentAsEquation(_ text: String) -> String {
    guard isArrowUpdate(text) else { return text }
    var c = Array(text)
    let arrow = Array("\\leftarrow")
    var depth = 0
    var found: Int?
    var i = 0
    while i < c.count {
      if "{[(".contains(c[i]) { depth += 1 }
      if "}])".contains(c[i]) { depth -= 1 }
      if depth == 0, c[i] == "\\", i + arrow.count <= c.count,
        Array(c[i..<(i + arrow.count)]) == arrow,
        i + arrow.count == c.count || !c[i + arrow.count].isLetter
      {
        guard found == nil else { return text }
        found = i
        i += arrow.count
        continue
      }
      i += 1
    }
    guard let at = found else { return text }
    c[at] = "="
    for k in (at + 1)..<(at + arrow.count) { c[k] = " " }
    return String(c)
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

extension Equation {
  /// The equation read again with no stride letter when the stride's letter stands alone at some
  /// position (`a[r,s+1] = a[r,s] e[r,s]`: s is an index there, so `s+1` is the next one, not the
  /// stride plus one); otherwise the equation itself. `parser` becomes the one that read it.
  func strideRead(as text: String, _ parser: inout Parser) -> Equation {
    let references = [lhs] + rhsReferences
    let alone = references.contains { $0.indices.contains { $0.bareVariable?.name == "s" } }
    guard alone,
      references.contains(where: {
        $0.indices.contains { $0.terms.contains { $0.parameters.contains("s") } }
      })
    else { return self }
    var again = Parser(text, parameters: [])
    guard let eq = try? again.parseEquation() else { return self }
    parser = again
    return eq
  }
}
