import Foundation

/// A comma-separated table read as RFC 4180 says: fields separated by ',', records by CRLF (LF
/// and a lone CR accepted too), a field in double quotes may hold commas, line breaks and `""`
/// for a quote. A UTF-8 byte order mark before the header is dropped; blank records are skipped.
public struct CSVTable: Sendable, Equatable {
  /// The records, the header first; each with the line it starts on (1-based).
  public var rows: [(line: Int, fields: [String])]

  /// Equal when the records have the same lines and fields.
  public static func == (l: CSVTable, r: CSVTable) -> Bool {
    l.rows.map(\.line) == r.rows.map(\.line) && l.rows.map(\.fields) == r.rows.map(\.fields)
  }

  /// Reads a table in one pass over the text's Unicode scalars.
  /// - Complexity: O(n) in the length of the text.
  public static func parse(_ text: String, file: String) throws(ClassError) -> CSVTable {
    var scalars = Substring(text).unicodeScalars[...]
    if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
    var rows: [(line: Int, fields: [String])] = []
    var fields: [String] = []
    var field = String.UnicodeScalarView()
    var line = 1
    var rowStart = 1
    var column = 0
    var quoted = false
    var closed = false
    var quoteLine = 1
    var iterator = scalars.makeIterator()
    var pending: Unicode.Scalar? = nil
    func endRecord() {
      fields.append(String(field))
      field = String.UnicodeScalarView()
      if !(fields.count == 1 && fields[0].isEmpty) { rows.append((rowStart, fields)) }
      fields = []
    }
    while let c = pending ?? iterator.next() {
      pending = nil
      column += 1
      if quoted {
        if c == "\"" {
          let next = iterator.next()
          if next == "\"" {
            field.append("\"")
            column += 1
          } else {
            quoted = false
            closed = true
            pending = next
          }
        } else {
          if c == "\n" || (c == "\r") {
            if c == "\r" {
              let n = iterator.next()
              if n != "\n" { pending = n }
            }
            field.append("\n")
            line += 1
            column = 0
          } else {
            field.append(c)
          }
        }
        continue
      }
      switch c {
      case ",":
        fields.append(String(field))
        field = String.UnicodeScalarView()
        closed = false
      case "\r", "\n":
        if c == "\r" {
          let n = iterator.next()
          if n != "\n" { pending = n }
        }
        endRecord()
        closed = false
        line += 1
        column = 0
        rowStart = line
      case "\"" where field.isEmpty && !closed:
        quoted = true
        quoteLine = line
      default:
        if closed { throw .strayAfterQuote(file: file, line: line, column: column) }
        field.append(c)
      }
    }
    if quoted { throw .unterminatedQuote(file: file, line: quoteLine) }
    if !field.isEmpty || !fields.isEmpty || closed { endRecord() }
    return CSVTable(rows: rows)
  }

  /// One field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break,
  /// or starts with a character a spreadsheet would read as a formula (`=`, `+`, `-`, `@`), which
  /// gets a leading apostrophe so that it stays text.
  public static func field(_ s: String) -> String {
    var s = s
    if let first = s.unicodeScalars.first, "=+-@".unicodeScalars.contains(first),
      Double(s) == nil
    {
      s = "'" + s
    }
    guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return s
    }
    return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// Records joined with CRLF, as RFC 4180 writes them.
  public static func write(_ rows: [[String]]) -> String {
    rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
  }
}
