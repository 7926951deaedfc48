/// The string literals of Swift source, comments skipped: enough of Swift's lexical grammar for
/// scanning a source tree (line and block comments, escapes, `\(…)` interpolation with nested
/// parentheses and strings, multi-line `"""` and raw `#"…"#` literals).
/// - Complexity: O(n + k·m) for n characters, k literals and m lines (each literal looks back
///   for its enclosing `switch`).
struct SwiftLiteral: Equatable {
  /// The literal's text between its quotes, interpolations kept as written.
  var text: String
  /// 1-based line of the opening quote.
  var line: Int
  /// The code on the literal's line before its opening quote.
  var before: String
  /// The code of the literal's whole line, comments included.
  var lineText: String
  /// The nearest line above (or at) the literal that opens a `switch`, if any.
  var switchLine: String? = nil

  /// The text before the first interpolation, or nil when the literal has none.
  var prefixBeforeInterpolation: String? {
    text.range(of: "\\(").map { String(text[..<$0.lowerBound]) }
  }

  static func scan(_ source: String) -> [SwiftLiteral] {
    let chars = Array(source.unicodeScalars)
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var out: [SwiftLiteral] = []
    var i = 0
    var line = 1
    var lineStart = 0
    func at(_ k: Int) -> Unicode.Scalar? { k < chars.count ? chars[k] : nil }
    func advance() {
      if chars[i] == "\n" {
        line += 1
        lineStart = i + 1
      }
      i += 1
    }
    /// Reads a literal whose opening quote(s) start at `i`; leaves `i` after its closing quote.
    func literal() {
      let startLine = line
      let before = String(String.UnicodeScalarView(chars[lineStart..<i]))
      var hashes = 0
      while at(i) == "#" {
        hashes += 1
        advance()
      }
      let multi = at(i) == "\"" && at(i + 1) == "\"" && at(i + 2) == "\""
      for _ in 0..<(multi ? 3 : 1) { advance() }
      var text = String.UnicodeScalarView()
      func closes() -> Bool {
        let quotes = multi ? 3 : 1
        for q in 0..<quotes where at(i + q) != "\"" { return false }
        for h in 0..<hashes where at(i + quotes + h) != "#" { return false }
        return true
      }
      while i < chars.count, !closes() {
        var isEscape = chars[i] == "\\"
        for h in 0..<hashes where at(i + 1 + h) != "#" { isEscape = false }
        if isEscape {
          for _ in 0..<(1 + hashes) {
            text.append(chars[i])
            advance()
          }
          if at(i) == "(" {
            // An interpolation: code up to the matching parenthesis, strings inside skipped.
            var depth = 0
            repeat {
              if chars[i] == "\"" {
                let from = i
                literal()
                text.append(contentsOf: chars[from..<i])
                continue
              }
              if chars[i] == "(" { depth += 1 }
              if chars[i] == ")" { depth -= 1 }
              text.append(chars[i])
              advance()
            } while i < chars.count && depth > 0
          } else if i < chars.count {
            text.append(chars[i])
            advance()
          }
          continue
        }
        text.append(chars[i])
        advance()
      }
      for _ in 0..<((multi ? 3 : 1) + hashes) where i < chars.count { advance() }
      let switchLine = lines[..<startLine].last { $0.contains("switch ") }
      out.append(
        SwiftLiteral(
          text: String(text), line: startLine, before: before,
          lineText: lines[startLine - 1], switchLine: switchLine))
    }
    while i < chars.count {
      let c = chars[i]
      if c == "/" && at(i + 1) == "/" {
        while i < chars.count && chars[i] != "\n" { advance() }
      } else if c == "/" && at(i + 1) == "*" {
        var depth = 0
        repeat {
          if chars[i] == "/" && at(i + 1) == "*" {
            depth += 1
            advance()
          } else if chars[i] == "*" && at(i + 1) == "/" {
            depth -= 1
            advance()
          }
          advance()
        } while i < chars.count && depth > 0
      } else if c == "\"" || (c == "#" && (at(i + 1) == "\"" || at(i + 1) == "#")) {
        literal()
      } else {
        advance()
      }
    }
    return out
  }
}
