/// A position in the source text: 1-based line and column, counted in characters.
public struct SourcePosition: Sendable, Equatable, Comparable, CustomStringConvertible {
  /// Characters before the position, from 0.
  public let offset: Int
  /// The line, from 1.
  public let line: Int
  /// The column in the line, from 1, in characters.
  public let column: Int

  /// A position from its character offset, line and column.
  public init(offset: Int, line: Int, column: Int) {
    self.offset = offset
    self.line = line
    self.column = column
  }

  /// Orders positions by their offset.
  public static func < (l: SourcePosition, r: SourcePosition) -> Bool { l.offset < r.offset }
  /// "line L, column C".
  public var description: String { "line \(line), column \(column)" }
}

/// A finding about an equation, as data: a kind, a message and where it is.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
  /// Which rule produced the diagnostic; its raw value is the stable name shown and stored.
  public enum Kind: String, Sendable, CaseIterable {
    /// The text cannot be read as an equation.
    case syntax
    /// A tensor used with a number of indices other than its rank.
    case rankMismatch = "rank-mismatch"
    /// A lowercase (free) index on one side of the equation only.
    case freeIndexOneSide = "free-index-one-side"
    /// A capital index that is neither on the left nor repeated in a product.
    case unsummedCapital = "unsummed-capital"
    /// An index whose range cannot be determined from any bare use.
    case noRange = "no-range"
    /// One index used at positions of different extents.
    case rangeConflict = "range-conflict"
    /// A tensor that is not declared.
    case unknownTensor = "unknown-tensor"
    /// Two index terms side by side, probably a missing comma.
    case missingComma = "missing-comma"
    /// A threshold added inside σ, against the course's σ(W·L − B) convention.
    case thresholdSign = "threshold-sign"
    /// An explicit Σ over a capital index, which the convention already sums.
    case redundantSum = "redundant-sum"
  }

  /// A side of an equation.
  public enum Side: Sendable {
    case left, right
  }

  /// Which rule the diagnostic comes from.
  public let kind: Kind
  /// What is wrong, in a sentence.
  public let message: String
  /// Where in the source it is.
  public let position: SourcePosition
  /// The index letter the diagnostic is about (a free index on one side, an unsummed capital),
  /// so that readers of the diagnostic need not parse its message.
  public let index: String?
  /// For a free index on one side: the side it stands on.
  public let side: Side?
  /// The text the position refers to (shared, not copied), for the excerpt.
  let source: String

  /// A diagnostic of a kind, with its message and position in `source`, and the index letter
  /// (and side) it is about, if any.
  public init(
    _ kind: Kind, _ message: String, at position: SourcePosition, source: String,
    index: String? = nil, side: Side? = nil
  ) {
    self.kind = kind
    self.message = message
    self.position = position
    self.index = index
    self.side = side
    self.source = source
  }

  /// The source line with a caret under the position; computed when asked, so that making many
  /// diagnostics on a long line stays cheap.
  public var excerpt: String { Diagnostic.excerpt(source, position) }

  /// Equal in kind, message and position (the source is not compared).
  public static func == (l: Diagnostic, r: Diagnostic) -> Bool {
    l.kind == r.kind && l.message == r.message && l.position == r.position
  }

  /// "line L, column C: kind: message", then the excerpt.
  public var description: String {
    "\(position): \(kind.rawValue): \(message)\n\(excerpt)"
  }

  /// The line of `source` at `p` with a caret under its column; a long line is cut around it.
  package static func excerpt(_ source: String, _ p: SourcePosition) -> String {
    guard p.line >= 1,
      let found = source.split(separator: "\n", maxSplits: p.line, omittingEmptySubsequences: false)
        .dropFirst(p.line - 1).first
    else { return "" }
    var line = String(found)
    var column = p.column
    // Keep long lines readable: show at most 60 characters either side of the caret.
    if line.count > 120 {
      let start = max(0, column - 61)
      let chars = Array(line)
      line =
        (start > 0 ? "…" : "") + String(chars[start..<min(chars.count, start + 120)])
        + (start + 120 < chars.count ? "…" : "")
      column = column - start + (start > 0 ? 1 : 0)
    }
    return "  " + line + "\n  " + String(repeating: " ", count: max(0, column - 1)) + "^"
  }
}

/// An error that stops a parse: the first syntax diagnostic.
public struct NotationError: Error, Sendable, CustomStringConvertible {
  /// The syntax diagnostic at the first unreadable token.
  public let diagnostic: Diagnostic
  /// The diagnostic's description.
  public var description: String { diagnostic.description }
}

extension SourcePosition {
  /// The line and column of a 0-based character offset in `text`.
  public static func locate(offset: Int, in text: String) -> SourcePosition {
    var line = 1
    var column = 1
    var i = 0
    for c in text {
      if i == offset { break }
      if c == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
      i += 1
    }
    return SourcePosition(offset: offset, line: line, column: column)
  }
}
