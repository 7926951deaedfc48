/// Equation labels, which number a display and carry no mathematics.
extension FragmentReader {
  /// The text with every `\tag{…}`, `\tag*{…}`, `\label{…}` and `\notag` replaced by spaces of
  /// the same length, so that columns stay where they were: `y = W x \tag{5}` reads as `y = W x`.
  /// An unclosed brace blanks to the end of the text.
  /// - Complexity: O(n) in the text's length: each character is visited once.
  static func blankingLabels(_ text: String) -> String {
    guard
      text.hasSubstring("\\tag") || text.hasSubstring("\\label")
        || text.hasSubstring("\\notag")
    else { return text }
    var c = Array(text)
    func starts(_ word: String, at i: Int) -> Bool {
      let w = Array(word)
      return i + w.count <= c.count && Array(c[i..<(i + w.count)]) == w
    }
    var i = 0
    while i < c.count {
      guard c[i] == "\\" else {
        i += 1
        continue
      }
      if starts("\\notag", at: i), !(i + 6 < c.count && c[i + 6].isLetter) {
        for k in i..<(i + 6) { c[k] = " " }
        i += 6
        continue
      }
      let command = ["\\tag*{", "\\tag{", "\\label{"].first { starts($0, at: i) }
      guard let command else {
        i += 1
        continue
      }
      var k = i + command.count
      var depth = 1
      while k < c.count, depth > 0 {
        if c[k] == "{" { depth += 1 }
        if c[k] == "}" { depth -= 1 }
        k += 1
      }
      for j in i..<k { c[j] = " " }
      i = k
    }
    return String(c)
  }
}
