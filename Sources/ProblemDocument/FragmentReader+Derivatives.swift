import IndexNotation

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
