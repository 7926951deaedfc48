/// Words written upright inside math.
extension FragmentReader {
  /// Whether the text at a character offset is `\text{`, `\mathrm{`, `\operatorname{` (or
  /// `\textrm`, `\textit`, `\mathsf`): an upright word.
  static func uprightWord(at offset: Int, in text: String) -> Bool {
    let chars = Array(text)
    guard offset >= 0, offset < chars.count, chars[offset] == "\\" else { return false }
    let name = String(chars[(offset + 1)...].prefix { $0.isLetter })
    return ["text", "mathrm", "operatorname", "textrm", "textit", "mathsf"].contains(name)
  }
}
