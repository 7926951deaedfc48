import Foundation
import ProblemDocument

/// A class roster read from CSV: one student per row, identified by the column `id` (or
/// `student_id`, `student`), with an optional `name`.
///
/// The reader is RFC 4180 CSV: fields separated by commas, optionally quoted with `"` (a quote
/// inside written `""`), rows ending in LF, CRLF or CR, a UTF-8 byte-order mark ignored. A
/// student id is what names the student's files, so it must be letters, digits, `.`, `_` or `-`.
public struct Roster: Sendable, Equatable {
  public struct Student: Sendable, Equatable {
    public let id: String
    public let name: String?

    public init(id: String, name: String?) {
      self.id = id
      self.name = name
    }
  }

  public let students: [Student]

  /// The column names accepted for the id, in order of preference.
  public static let idColumns = ["id", "student_id", "student"]

  /// - Throws: `RosterError` naming the line and what is accepted.
  public static func parse(_ text: String) throws(RosterError) -> Roster {
    let rows = try records(text)
    guard let header = rows.first?.fields else { throw .empty }
    let names = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    guard let idColumn = idColumns.lazy.compactMap({ names.firstIndex(of: $0) }).first else {
      throw .noIDColumn(found: header)
    }
    let nameColumn = names.firstIndex(of: "name")
    var students: [Student] = []
    var seen: [String: Int] = [:]
    for row in rows.dropFirst() {
      if row.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
      guard row.fields.count == header.count else {
        throw .fieldCount(line: row.line, found: row.fields.count, expected: header.count)
      }
      let id = row.fields[idColumn].trimmingCharacters(in: .whitespaces)
      guard !id.isEmpty,
        id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }),
        id != ".", id != ".."
      else { throw .badID(line: row.line, id: id) }
      if let first = seen[id] { throw .duplicate(line: row.line, id: id, first: first) }
      seen[id] = row.line
      let name = nameColumn.map { row.fields[$0].trimmingCharacters(in: .whitespaces) }
      students.append(Student(id: id, name: name?.isEmpty == false ? name : nil))
    }
    guard !students.isEmpty else { throw .empty }
    return Roster(students: students)
  }

  /// The CSV records with the line each starts on.
  static func records(_ text: String) throws(RosterError) -> [(line: Int, fields: [String])] {
    var chars = Array(text.unicodeScalars)
    if chars.first == "\u{FEFF}" { chars.removeFirst() }
    var records: [(line: Int, fields: [String])] = []
    var fields: [String] = []
    var field = ""
    var quoted = false
    var atFieldStart = true
    var line = 1
    var recordLine = 1
    var i = 0
    func endRecord() {
      fields.append(field)
      records.append((recordLine, fields))
      (fields, field, atFieldStart) = ([], "", true)
    }
    while i < chars.count {
      let c = chars[i]
      if quoted {
        if c == "\"" {
          if i + 1 < chars.count && chars[i + 1] == "\"" {
            field.unicodeScalars.append("\"")
            i += 1
          } else {
            quoted = false
          }
        } else {
          if c == "\n" || (c == "\r" && (i + 1 >= chars.count || chars[i + 1] != "\n")) {
            line += 1
          }
          field.unicodeScalars.append(c)
        }
      } else if c == "\"" && atFieldStart {
        quoted = true
        atFieldStart = false
      } else if c == "," {
        fields.append(field)
        (field, atFieldStart) = ("", true)
      } else if c == "\r" || c == "\n" {
        if c == "\r" && i + 1 < chars.count && chars[i + 1] == "\n" { i += 1 }
        endRecord()
        line += 1
        recordLine = line
      } else if c == "\"" {
        throw .strayQuote(line: line)
      } else {
        field.unicodeScalars.append(c)
        atFieldStart = false
      }
      i += 1
    }
    if quoted { throw .unterminatedQuote(line: recordLine) }
    if !field.isEmpty || !fields.isEmpty { endRecord() }
    return records
  }
}

/// A roster that cannot be used.
public enum RosterError: Error, Equatable, CustomStringConvertible {
  case empty
  case noIDColumn(found: [String])
  case fieldCount(line: Int, found: Int, expected: Int)
  case badID(line: Int, id: String)
  case duplicate(line: Int, id: String, first: Int)
  case strayQuote(line: Int)
  case unterminatedQuote(line: Int)

  public var description: String {
    switch self {
    case .empty:
      "the roster has no students: write a header row with an id column, then one student a row"
    case .noIDColumn(let found):
      "the roster's header has no id column (found: \(found.joined(separator: ", "))); name one "
        + Roster.idColumns.joined(separator: ", ")
    case .fieldCount(let line, let found, let expected):
      "line \(line) of the roster has \(found) fields, the header \(expected)"
    case .badID(let line, let id):
      "line \(line) of the roster: student id '\(id)' is not usable as a file name; use letters, "
        + "digits, '.', '_' or '-'"
    case .duplicate(let line, let id, let first):
      "line \(line) of the roster repeats student id '\(id)' (first on line \(first))"
    case .strayQuote(let line):
      "line \(line) of the roster has a '\"' inside an unquoted field; quote the field and write "
        + "the quote as \"\""
    case .unterminatedQuote(let line):
      "the quoted field starting on line \(line) of the roster never ends"
    }
  }
}

extension Variant {
  /// The variant seed of `problem` for a student in an assignment: the first 60 bits of
  /// SHA-256("assignment␀student␀problem"), plus 1 so that no student gets the base problem.
  public static func seed(student: String, assignment: String, problem: String) -> UInt64 {
    let digest = SHA256.hex(Array("\(assignment)\u{0}\(student)\u{0}\(problem)".utf8))
    return UInt64(digest.prefix(15), radix: 16)! + 1
  }
}
