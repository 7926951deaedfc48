import IndexNotation

/// A defect in an answer's text, located in that text (line and column, with a caret).
public struct AnswerIssue: Sendable, Equatable {
  /// What is wrong, in a sentence.
  public let message: String
  /// The line of the answer's text, from 1.
  public let line: Int
  /// The column in that line, from 1.
  public let column: Int
  /// The line of text with a caret under the column.
  public let excerpt: String

  /// An issue from its message and position.
  public init(message: String, line: Int, column: Int, excerpt: String) {
    self.message = message
    self.line = line
    self.column = column
    self.excerpt = excerpt
  }

  /// An issue from an answer reader's syntax error, its offset turned into line and column in
  /// `text`.
  public init(_ error: AnswerSyntaxError, in text: String) {
    let p = SourcePosition.locate(offset: error.offset, in: text)
    self.init(message: error.message, line: p.line, column: p.column, excerpt: error.excerpt)
  }

  /// An issue from a notation checker's diagnostic, its message prefixed by the diagnostic's kind.
  public init(_ d: Diagnostic) {
    self.init(
      message: "\(d.kind.rawValue): \(d.message)", line: d.position.line,
      column: d.position.column, excerpt: d.excerpt)
  }

  /// "line L, column C: message".
  public var description: String { "line \(line), column \(column): \(message)" }
}
