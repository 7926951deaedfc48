import Foundation
import TensorCore

/// A place in a document: 1-based line and column, counted in Unicode scalars (SARIF's
/// `unicodeCodePoints`), and the 0-based scalar offset.
public struct DocumentLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let line: Int
  public let column: Int
  public let offset: Int

  public init(line: Int, column: Int, offset: Int) {
    self.line = line
    self.column = column
    self.offset = offset
  }

  public static func < (l: DocumentLocation, r: DocumentLocation) -> Bool { l.offset < r.offset }
  public var description: String { "line \(line), column \(column)" }
}

/// What a stretch of a problem set is.
public enum SectionKind: String, Sendable {
  /// Text before the first problem: conventions, notation.
  case preamble
  /// A question: a problem's shared statement, or a part's.
  case statement
  /// A printed solution.
  case solution
}

/// A math fragment: the text between `$…$` or `$$…$$`, or a tensor reference written in prose
/// without dollars (`M[I, J]`, `I[b,x,y,c]`).
public struct MathFragment: Sendable {
  public let text: String
  public let display: Bool
  /// Written in prose without `$`.
  public let bare: Bool
  /// Where `text` starts.
  public let location: DocumentLocation
  /// The index of the section that holds it in `ProblemSetDocument.sections`.
  public let section: Int
}

/// Prose outside math and code, one span per line piece, with where it starts.
public struct ProseSpan: Sendable {
  public let text: String
  public let location: DocumentLocation
}

/// A stretch of the document with one role.
public struct Section: Sendable {
  public let kind: SectionKind
  /// The problem's number as printed ("3"); nil in the preamble.
  public let problem: String?
  /// The part's letter ("b"), nil for a problem's shared statement or a problem without parts.
  public let part: String?
  /// Where the section starts (its heading or marker line).
  public let start: DocumentLocation
  /// Scalar offsets [start, end) of the section in the document.
  public let range: Range<Int>
  public internal(set) var fragments: [MathFragment] = []
  public internal(set) var prose: [ProseSpan] = []

  /// "problem 3b, solution", "problem 1, statement", "preamble".
  public var label: String {
    guard let problem else { return "preamble" }
    return "problem \(problem)\(part ?? ""), \(kind.rawValue)"
  }
}

/// One question of the set as psverify numbers them ("1", "2", "3a", "3b"): its statement (the
/// problem's shared text first, then the part's own) and its printed solution.
public struct DocumentItem: Sendable {
  public let id: String
  public let problem: String
  public let part: String?
  /// Indices into `ProblemSetDocument.sections`.
  public let statements: [Int]
  public let solutions: [Int]
}

/// Why a file cannot be read as a problem set.
public enum DocumentError: Error, Equatable, CustomStringConvertible {
  case unreadable(path: String, reason: String)
  case binary(path: String, offset: Int)
  case notUTF8(path: String, offset: Int)
  case tooLarge(path: String, bytes: Int, limit: Int)

  public var description: String {
    switch self {
    case .unreadable(let path, let reason): "cannot read '\(path)': \(reason)"
    case .binary(let path, let offset):
      "'\(path)' is not a text document (a NUL byte at byte \(offset)); psverify audit reads Markdown "
        + "problem sets with $…$ math"
    case .notUTF8(let path, let offset):
      "'\(path)' is not UTF-8 text (invalid byte at byte \(offset)); save it as UTF-8 and try again"
    case .tooLarge(let path, let bytes, let limit):
      "'\(path)' has \(bytes) bytes; psverify audit reads documents of up to \(limit) bytes"
    }
  }
}

/// A problem set in the course's style: Markdown with `**Problem N.**` headings, parts
/// `(a)`, `(b)`, solutions after `**Solution**:` (or `# Solution:`, `#### **Solution:**`, …),
/// and math in `$…$` and `$$…$$`.
public struct ProblemSetDocument: Sendable {
  /// The name findings cite (a file name).
  public let name: String
  public let text: String
  /// The text as Unicode scalars: what offsets and columns count.
  let scalars: [Unicode.Scalar]
  /// The scalar offset at which each line starts.
  let lineStarts: [Int]
  public internal(set) var sections: [Section] = []
  public internal(set) var items: [DocumentItem] = []
  /// Problems of reading the document itself (an unclosed `$`).
  public internal(set) var readingIssues: [(message: String, location: DocumentLocation)] = []

  /// The largest document read: 64 MiB.
  public static let maximumBytes = 64 << 20

  /// Reads a document from its text; LF, CRLF and CR line endings and a UTF-8 BOM read alike
  /// (`TextInput.normalizedLineEndings`), so lines and columns count as an editor shows them.
  public init(text raw: String, name: String) {
    let text = TextInput.normalizedLineEndings(raw)
    self.name = name
    self.text = text
    let scalars = Array(text.unicodeScalars)
    self.scalars = scalars
    var starts = [0]
    for (i, s) in scalars.enumerated() where s == "\n" { starts.append(i + 1) }
    lineStarts = starts
    MarkdownScanner.scan(&self)
  }

  /// Reads the file at `path`.
  /// - Throws: `DocumentError` for a missing, unreadable, binary, non-UTF-8 or huge file.
  public static func read(path: String) throws(DocumentError) -> ProblemSetDocument {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .unreadable(path: path, reason: "no such file")
    }
    guard !isDirectory.boolValue else { throw .unreadable(path: path, reason: "it is a directory") }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(path: path, reason: "permission denied or not a regular file")
    }
    guard data.count <= maximumBytes else {
      throw .tooLarge(path: path, bytes: data.count, limit: maximumBytes)
    }
    let bytes = [UInt8](data)
    if let nul = bytes.firstIndex(of: 0) { throw .binary(path: path, offset: nul) }
    if let bad = firstInvalidUTF8(bytes) { throw .notUTF8(path: path, offset: bad) }
    let name = URL(fileURLWithPath: path).lastPathComponent
    return ProblemSetDocument(text: String(decoding: bytes, as: UTF8.self), name: name)
  }

  /// The offset of the first byte that is not valid UTF-8, if any.
  static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let s): offset += UTF8.width(s)
      case .emptyInput: return nil
      case .error: return offset
      }
    }
  }

  /// The item with a psverify id ("1", "3b"), if the document has it.
  public func item(_ id: String) -> DocumentItem? { items.first { $0.id == id } }

  /// Line and column of a scalar offset.
  public func location(ofOffset offset: Int) -> DocumentLocation {
    var lo = 0
    var hi = lineStarts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
    }
    return DocumentLocation(line: lo + 1, column: offset - lineStarts[lo] + 1, offset: offset)
  }

  /// The text of scalars [lower, upper).
  func slice(_ range: Range<Int>) -> String {
    var s = String.UnicodeScalarView()
    s.append(contentsOf: scalars[max(0, range.lowerBound)..<min(scalars.count, range.upperBound)])
    return String(s)
  }

  /// The text of a section.
  public func text(of section: Section) -> String { slice(section.range) }

  /// The line at a location with a caret under its column (long lines shortened around it).
  public func excerpt(at location: DocumentLocation) -> String {
    let start = lineStarts[location.line - 1]
    let end = location.line < lineStarts.count ? lineStarts[location.line] - 1 : scalars.count
    var line = Array(scalars[start..<max(start, end)])
    var column = location.column
    if line.count > 120 {
      let from = max(0, column - 61)
      let to = min(line.count, from + 120)
      let prefix: [Unicode.Scalar] = from > 0 ? ["…"] : []
      let suffix: [Unicode.Scalar] = to < line.count ? ["…"] : []
      line = prefix + Array(line[from..<to]) + suffix
      column = column - from + (from > 0 ? 1 : 0)
    }
    var text = String.UnicodeScalarView()
    text.append(contentsOf: line)
    return "  " + String(text) + "\n  " + String(repeating: " ", count: max(0, column - 1)) + "^"
  }

  /// Every fragment of the given sections, in document order.
  public func fragments(in sectionIndices: [Int]) -> [MathFragment] {
    sectionIndices.flatMap { sections[$0].fragments }
  }

  /// The prose of the given sections, joined with spaces (for phrase rules).
  public func prose(in sectionIndices: [Int]) -> String {
    sectionIndices.flatMap { sections[$0].prose.map(\.text) }.joined(separator: " ")
  }
}

extension String {
  /// Whether `needle` occurs in the string, byte by byte over UTF-8 (Foundation's `contains`
  /// goes through NSString and costs microseconds per call on Linux).
  func hasSubstring(_ needle: String) -> Bool {
    let h = Array(utf8)
    let n = Array(needle.utf8)
    guard !n.isEmpty else { return true }
    guard h.count >= n.count else { return false }
    for i in 0...(h.count - n.count) where h[i] == n[0] {
      var j = 1
      while j < n.count && h[i + j] == n[j] { j += 1 }
      if j == n.count { return true }
    }
    return false
  }
}
