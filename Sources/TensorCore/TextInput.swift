/// The one place where psverify's text readers (answer sheets, problem-set documents, rosters,
/// CSV files) make line endings and encodings uniform before reading lines.
public enum TextInput {
  /// The text with a leading UTF-8 byte-order mark removed and every line ending — CRLF, a lone
  /// CR, LF — made a single LF. Line and column numbers then count as an editor shows them.
  ///
  /// In Swift "\r\n" is one `Character`, so a reader splitting on "\n" sees a CRLF file as one
  /// line; reading Unicode scalars avoids that.
  ///
  /// - Complexity: O(n) in the number of Unicode scalars.
  public static func normalizedLineEndings(_ text: String) -> String {
    let scalars = text.unicodeScalars
    var start = scalars.startIndex
    if start != scalars.endIndex && scalars[start] == "\u{FEFF}" {
      start = scalars.index(after: start)
    }
    guard scalars[start...].contains("\r") || start != scalars.startIndex else { return text }
    var out = String.UnicodeScalarView()
    var i = start
    while i != scalars.endIndex {
      let s = scalars[i]
      i = scalars.index(after: i)
      if s == "\r" {
        out.append("\n")
        if i != scalars.endIndex && scalars[i] == "\n" { i = scalars.index(after: i) }
      } else {
        out.append(s)
      }
    }
    return String(out)
  }

  /// The text's lines after `normalizedLineEndings`, without their terminators (a final line
  /// ending does not start an extra line's worth of text beyond an empty last element).
  public static func lines(_ text: String) -> [Substring] {
    normalizedLineEndings(text).split(separator: "\n", omittingEmptySubsequences: false)
  }
}
