/// Markdown block starts, where inline math ends.
extension MarkdownScanner {
  /// Whether a line's first non-blank character at `j` opens a Markdown block: a bullet (`-`,
  /// `*`, `+`) or an ordinal (`12.`, `3)`) followed by a space, a heading `#` or a quote `>`.
  static func opensBlock(_ s: [Unicode.Scalar], at j: Int, to: Int) -> Bool {
    let spaceAt = { (k: Int) in k < to && (s[k] == " " || s[k] == "\t") }
    switch s[j] {
    case "#", ">": return true
    case "-", "*", "+": return spaceAt(j + 1)
    default:
      var k = j
      while k < to, k - j < 9, ("0"..."9").contains(s[k]) { k += 1 }
      return k > j && k < to && (s[k] == "." || s[k] == ")") && spaceAt(k + 1)
    }
  }
}
