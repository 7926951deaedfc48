import IndexNotation

/// Slices handed whole to an operation.
extension AuditRules {
  /// The longest argument, in characters, read after an applied letter: a lone tensor reference
  /// is short, and the bound keeps the scan linear in the text.
  static let longestSliceArgument = 200

  /// The character ranges of `text` whose tensors are handed whole to an operation that takes a
  /// vector: the inside of a norm (`\|v[b,j,E]\|`, `\lVert…\rVert`, `‖…‖`) and the argument of
  /// a letter applied to one tensor (`\ell(h[b,T,J])`, `f(x[b,I])`). A capital written once
  /// there is the slice the operation reads — the notation's meaning of a capital in a tensor —
  /// not a sum nothing performs. A letter stands for a function only when the parenthesis holds
  /// one tensor and nothing else: a scalar times one tensor needs no parenthesis. Named
  /// functions (σ, exp, log, √, softmax) are not letters here and keep their arguments checked.
  /// - Complexity: linear in the text's length (each argument is read once, at most
  ///   `longestSliceArgument` characters).
  static func sliceArgumentSpans(_ text: String) -> [Range<Int>] {
    let c = Array(text)
    var out: [Range<Int>] = []
    var normOpen: Int?
    var k = 0
    while k < c.count {
      let bar = normBarLength(c, at: k)
      if bar > 0 {
        if let start = normOpen {
          out.append(start..<k)
          normOpen = nil
        } else {
          normOpen = k + bar
        }
        k += bar
        continue
      }
      if c[k] == "(", appliedLetterBefore(c, at: k),
        let close = closingBracket(c, from: k, limit: longestSliceArgument)
      {
        var parser = Parser(String(c[(k + 1)..<close]))
        if case .tensor? = try? parser.parseExpression(), parser.atEnd {
          out.append((k + 1)..<close)
        }
      }
      k += 1
    }
    return out
  }

  /// The length of a norm bar at `k` (`\|`, `\Vert`, `\lVert`, `\rVert`, `‖`), or 0.
  static func normBarLength(_ c: [Character], at k: Int) -> Int {
    if c[k] == "‖" { return 1 }
    guard c[k] == "\\", k + 1 < c.count else { return 0 }
    if c[k + 1] == "|" { return 2 }
    var end = k + 1
    while end < c.count, c[end].isLetter { end += 1 }
    return ["Vert", "lVert", "rVert"].contains(String(c[(k + 1)..<end])) ? end - k : 0
  }

  /// Whether one letter stands just before the parenthesis at `k` (spaces and `\left` between
  /// are skipped): a Latin letter alone (`f(`), or a command the notation reads as one letter
  /// (`\ell(`, `\phi(`), not a named function (`\exp(`, `\sigma(`).
  static func appliedLetterBefore(_ c: [Character], at k: Int) -> Bool {
    var end = k
    while end > 0, c[end - 1] == " " { end -= 1 }
    if end >= 5, String(c[(end - 5)..<end]) == "\\left" {
      end -= 5
      while end > 0, c[end - 1] == " " { end -= 1 }
    }
    var start = end
    while start > 0, c[start - 1].isLetter, end - start <= 8 { start -= 1 }
    guard start < end, start == 0 || !c[start - 1].isLetter else { return false }
    let command = start > 0 && c[start - 1] == "\\"
    if !command {
      return end - start == 1 && c[start].isASCII && (start == 0 || c[start - 1] != "}")
    }
    var parser = Parser("\\" + String(c[start..<end]))
    guard case .scalar(let name, _)? = try? parser.parseExpression() else { return false }
    return name.count == 1 && name != "σ"
  }

  /// `text` split at `mark` outside brackets, braces and parentheses (the sides of
  /// a chain at `=`, the terms of a sum at `+`).
  static func topLevel(_ text: String, _ mark: Character) -> [String] {
    topLevel(text) { chars, k in chars[k] == mark }
  }

  /// `text` split outside brackets, braces and parentheses at each character `isMark` accepts
  /// (given the text's characters and the offset), the mark dropped.
  /// - Complexity: linear in the text when `isMark` is constant time.
  static func topLevel(_ text: String, where isMark: ([Character], Int) -> Bool) -> [String] {
    var out: [String] = []
    var current = ""
    var depth = 0
    let chars = Array(text)
    for (k, c) in chars.enumerated() {
      if "({[".contains(c) { depth += 1 }
      if ")}]".contains(c) { depth -= 1 }
      if depth == 0 && isMark(chars, k) {
        out.append(current)
        current = ""
      } else {
        current.append(c)
      }
    }
    out.append(current)
    return out
  }

  /// The offset of the bracket closing the `(` or `{` at `k`, within `limit` characters, or nil.
  static func closingBracket(_ c: [Character], from k: Int, limit: Int = .max) -> Int? {
    let (open, close): (Character, Character) = c[k] == "{" ? ("{", "}") : ("(", ")")
    var depth = 0
    var j = k
    while j < c.count, j - k <= limit {
      if c[j] == open { depth += 1 }
      if c[j] == close {
        depth -= 1
        if depth == 0 { return j }
      }
      j += 1
    }
    return nil
  }
}

/// Letters the readers blank before the engine reads an equation.
extension AuditRules {
  /// The one-letter names written in the bounds of the sums of `text` (`i` and `h` and `I` in
  /// `\sum_{i'=\max(0,i-h)}^{\min(I-1,i+h)}`): the reader drops those bounds before the engine
  /// reads the equation, so a left index the bounds use (a window around i) looks missing from
  /// the right side though the right side depends on it. Commands (`\max`) are skipped.
  /// - Complexity: linear in the text's length.
  static func sumBoundLetters(_ text: String) -> Set<String> {
    let raw = Array(text)
    let blanked = Array(FragmentReader.blankingSumBounds(text))
    guard raw.count == blanked.count else { return [] }
    var out = Set<String>()
    var k = 0
    while k < raw.count {
      guard raw[k] != blanked[k] else {
        k += 1
        continue
      }
      if raw[k] == "\\" {
        k += 1
        while k < raw.count, raw[k].isLetter { k += 1 }
        continue
      }
      if raw[k].isLetter {
        var end = k
        while end < raw.count, raw[end].isLetter { end += 1 }
        if end - k == 1 { out.insert(String(raw[k])) }
        k = end
        continue
      }
      k += 1
    }
    return out
  }
}

/// Tensors a section defines piece by piece.
extension AuditRules {
  /// The tensors each section defines by an equation whose left side lists plain letters
  /// (`E⁺[b,n,c] = E[b,n,c]`), with the letters such a definition carries to its right side.
  /// Another piece of the same tensor whose left side writes a formula at some position
  /// (`E⁺[b,n,C+g] = P[n,g]`, an appended block) defines that block, and a letter its right side
  /// lacks but the plain piece carries is an axis the block is constant along (the same features
  /// for every example), not an index the definition forgot.
  struct BlockPieces {
    /// Per section, per tensor key, the letters a plain piece carries on both sides.
    var carried: [Int: [String: Set<String>]] = [:]

    /// Reads every equation of `readings` once.
    /// - Complexity: linear in the equations' references.
    init(_ readings: [ReadFragment]) {
      for r in readings {
        guard case .equations(let rows) = r.content else { continue }
        for row in rows {
          let lhs = row.equation.lhs
          guard lhs.name.base != Parser.expressionSide,
            lhs.indices.allSatisfy({ $0.bareVariable != nil })
          else { continue }
          let right = Set(
            row.equation.rhsReferences.flatMap { $0.indices.flatMap { $0.variables.map(\.name) } })
          let letters = Set(lhs.indices.compactMap { $0.bareVariable?.name }).intersection(right)
          carried[r.fragment.section, default: [:]][DocumentSymbols.key(lhs.name), default: []]
            .formUnion(letters)
        }
      }
    }

    /// Whether `lhs` writes a formula at some position and a plain piece of the same tensor in
    /// `section` carries `letter`.
    func contains(_ lhs: TensorReference, in section: Int, carrying letter: String) -> Bool {
      guard lhs.indices.contains(where: { $0.bareVariable == nil }) else { return false }
      return carried[section]?[DocumentSymbols.key(lhs.name)]?.contains(letter) ?? false
    }
  }
}
