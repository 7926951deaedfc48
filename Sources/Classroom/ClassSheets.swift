import Answers
import Foundation
import Verification

/// Reading a class's submissions: a directory with one answer sheet per student, or one CSV
/// with a row per student and a column per problem.
public enum ClassSheets {
  /// The largest sheet read, in bytes (the answer-sheet reader's own limit in characters).
  public static let maximumBytes = AnswerSheet.maximumCharacters

  /// Columns of a form export that are not problems.
  static let metaColumns = ["timestamp", "submitted", "submitted at"]

  /// Every regular, non-hidden file in `path`, sorted by name; the name without its extension
  /// is the student id. Unreadable, binary, oversized or malformed sheets become `unreadable`
  /// sheets with the reason.
  /// - Throws: `ClassError` for a path that is not a directory, a directory without sheets, an id
  ///   two files share, or an id that cannot name a file.
  public static func directory(_ path: String, problems: [String])
    throws(ClassError) -> [ClassSheet]
  {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else { throw .notDirectory(path: path) }
    let names: [String]
    do { names = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
      throw .unreadableFile(path: path, reason: "the directory cannot be listed")
    }
    var sheets: [ClassSheet] = []
    var seen: [String: String] = [:]
    for name in names.sorted() where !name.hasPrefix(".") {
      let file = (path as NSString).appendingPathComponent(name)
      var isDir: ObjCBool = false
      guard FileManager.default.fileExists(atPath: file, isDirectory: &isDir),
        !isDir.boolValue
      else {
        continue
      }
      let id = (name as NSString).deletingPathExtension
      let student = Student(id: id)
      guard student.isFileSafe else { throw .badStudentID(id: id) }
      if let first = seen[id] { throw .duplicateStudent(id: id, first: first, second: name) }
      seen[id] = name
      sheets.append(read(file: file, student: id, problems: problems))
    }
    guard !sheets.isEmpty else { throw .emptyDirectory(path: path) }
    return sheets
  }

  /// One sheet file read; never throws: what cannot be read is the sheet's reason.
  static func read(file: String, student: String, problems: [String]) -> ClassSheet {
    let attributes = try? FileManager.default.attributesOfItem(atPath: file)
    let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
    if size > maximumBytes {
      return ClassSheet(
        student: student, source: file,
        unreadable:
          "the sheet is \(size) bytes, over the limit of \(maximumBytes) bytes (1 MiB)")
    }
    guard let data = FileManager.default.contents(atPath: file) else {
      return ClassSheet(
        student: student, source: file,
        unreadable: "the file cannot be read (permission denied)")
    }
    return parse(data, student: student, source: file, problems: problems)
  }

  /// A sheet's bytes read as an answer sheet (LF, CRLF or CR lines, an optional UTF-8 BOM).
  public static func parse(
    _ data: Data, student: String, source: String,
    problems: [String]
  ) -> ClassSheet {
    if data.contains(0) {
      return ClassSheet(
        student: student, source: source,
        unreadable:
          "a binary file (it holds NUL bytes); write the answers as UTF-8 text, "
          + "one ID: ANSWER per line")
    }
    guard var text = String(data: data, encoding: .utf8) else {
      return ClassSheet(
        student: student, source: source,
        unreadable:
          "not UTF-8 text; save the sheet as UTF-8, one ID: ANSWER per line")
    }
    if text.unicodeScalars.first == "\u{FEFF}" { text = String(text.unicodeScalars.dropFirst()) }
    text = text.replacingOccurrences(of: "\r\n", with: "\n")
      .replacingOccurrences(of: "\r", with: "\n")
    let sheet: AnswerSheet
    do { sheet = try AnswerSheet.parse(text) } catch {
      return ClassSheet(student: student, source: source, unreadable: error.description)
    }
    var out = ClassSheet(student: student, source: source)
    for entry in sheet.entries {
      if !problems.contains(entry.problem) {
        out.notes.append(
          "line \(entry.line): '\(entry.problem)' is no problem id (known: "
            + problems.joined(separator: ", ") + "); that answer was not graded")
      } else if out.answers[entry.problem] != nil {
        out.notes.append(
          "line \(entry.line): a second answer to \(entry.problem); "
            + "the first was graded")
      } else if !entry.answer.isEmpty {
        out.answers[entry.problem] = entry.answer
      }
    }
    return out
  }

  /// A form export: a header with a student id column (as the roster names it), optional
  /// name, section, email and timestamp columns, and one column per problem id.
  /// - Throws: `ClassError` for a missing id column, a column that is no problem id, a column
  ///   named twice, an empty or repeated student id, or an id that cannot name a file.
  public static func csv(_ text: String, file: String, problems: [String])
    throws(ClassError) -> (sheets: [ClassSheet], roster: Roster)
  {
    let table = try CSVTable.parse(text, file: file)
    guard let header = table.rows.first else { throw .emptyTable(file: file) }
    let columns = header.fields.map(Roster.normalized)
    guard let idColumn = columns.firstIndex(where: Roster.idColumns.contains) else {
      throw .missingColumn(file: file, column: "student id", accepted: Roster.idColumns)
    }
    let known =
      Roster.idColumns + Roster.nameColumns + Roster.sectionColumns + Roster.emailColumns
      + metaColumns
    var problemColumns: [(Int, String)] = []
    for (i, c) in columns.enumerated() {
      if columns[..<i].contains(c) { throw .duplicateColumn(file: file, column: header.fields[i]) }
      if known.contains(c) { continue }
      guard problems.contains(c) else {
        throw .unknownColumn(file: file, column: header.fields[i], known: problems)
      }
      problemColumns.append((i, c))
    }
    let roster = try Roster.parse(text, file: file)
    var sheets: [ClassSheet] = []
    for row in table.rows.dropFirst() {
      let id = row.fields[idColumn].trimmingCharacters(in: .whitespaces)
      guard Student(id: id).isFileSafe else { throw .badStudentID(id: id) }
      var sheet = ClassSheet(student: id, source: "\(file) line \(row.line)")
      for (i, problem) in problemColumns where i < row.fields.count {
        let answer = row.fields[i].trimmingCharacters(in: .whitespacesAndNewlines)
        if answer.count > maximumBytes {
          sheet.notes.append(
            "the answer to \(problem) is over \(maximumBytes) characters; "
              + "not graded")
        } else if !answer.isEmpty {
          sheet.answers[problem] = answer.replacingOccurrences(of: "\n", with: " ")
        }
      }
      sheets.append(sheet)
    }
    return (sheets, roster)
  }
}
