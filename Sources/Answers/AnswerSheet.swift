import Foundation
import TensorCore

/// A file of answers, one per problem, in a format a student can write by hand:
///
/// ```
/// # Lines starting with '#' are comments; blank lines separate answers.
/// 1: B*X*Y*dX*dY*Nout*Nin
/// 3a: 2*N*Nb*(L-1); N^2*(L-1); Nb < N/2
/// 3b: 1/sqrt(2)
/// 2: L_{l+1}[b,x,y,t,j] = sigma(K[j,dX,dY,dT,I]
///      L_l[b,s*x+dX,s*y+dY,s*t+dT,I] - B[j])
/// ```
/// An answer starts at `ID:` at the start of a line and runs on over the following lines until
/// a blank line, a comment or the next `ID:`. Markdown list markers (`- `, `* `) and bold
/// (`**3b**:`) around the id are allowed.
public struct AnswerSheet: Sendable, Equatable {
  /// One answer: the id before the colon and the text after it, continuation lines included.
  public struct Entry: Sendable, Equatable {
    /// The problem id as written before the colon, e.g. `3b`.
    public let problem: String
    /// The answer's text, its continuation lines joined.
    public let answer: String
    /// The line the answer starts on (1-based).
    public let line: Int
  }

  /// The answers in the order they stand in the file.
  public let entries: [Entry]

  /// A line that is neither blank, a comment, an answer's start nor its continuation.
  public struct ReadError: Error, Equatable, CustomStringConvertible {
    /// The offending line (1-based).
    public let line: Int
    /// What the line is and what a sheet accepts.
    public let message: String
    /// "line N: message".
    public var description: String { "line \(line): \(message)" }
  }

  /// The longest answer sheet read: 1 MiB.
  public static let maximumCharacters = 1 << 20

  /// Reads a sheet. Entries for unknown ids are kept; the caller says which ids it knows.
  /// - Complexity: O(n) in the sheet's length, n ≤ `maximumCharacters`.
  public static func parse(_ text: String) throws(ReadError) -> AnswerSheet {
    guard text.unicodeScalars.count <= maximumCharacters else {
      throw ReadError(line: 1, message: "the file has more than \(maximumCharacters) characters")
    }
    var entries: [Entry] = []
    var current: (id: String, lines: [String], line: Int)?
    func flush() {
      if let c = current {
        let answer = c.lines.joined(separator: " ").trimmingCharacters(in: .whitespaces)
        entries.append(Entry(problem: c.id, answer: answer, line: c.line))
      }
      current = nil
    }
    // LF, CRLF and CR line endings and a UTF-8 BOM read alike (TextInput).
    for (index, raw) in TextInput.lines(text).enumerated() {
      let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
      if line.isEmpty || line.hasPrefix("#") {
        flush()
        continue
      }
      if let (id, rest) = start(line) {
        flush()
        current = (id, [rest], index + 1)
      } else if current != nil {
        current!.lines.append(line)
      } else {
        throw ReadError(
          line: index + 1,
          message: "expected an answer as ID: ANSWER (e.g. 3b: 1/sqrt(2)), "
            + "a comment starting with #, or a blank line")
      }
    }
    flush()
    return AnswerSheet(entries: entries)
  }

  /// `3b: …`, `- 3b: …`, `**3b**: …` → ("3b", "…").
  static func start(_ line: String) -> (String, String)? {
    var s = Substring(line)
    if s.hasPrefix("- ") || s.hasPrefix("* ") { s = s.dropFirst(2) }
    s = s.drop { $0 == "*" }
    let id = s.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
    guard !id.isEmpty, id.count <= 4, id.first!.isNumber else { return nil }
    var rest = s.dropFirst(id.count).drop { $0 == "*" }
    guard rest.first == ":" else { return nil }
    rest = rest.dropFirst()
    return (String(id), rest.trimmingCharacters(in: .whitespaces))
  }
}
