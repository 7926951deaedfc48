import Foundation

/// A class list read from CSV with a header row: `id` (also `student`, `student id`,
/// `sis user id`), and optionally `name`, `section`, `email` (also `sis login id`), in any order
/// and case; other columns are ignored.
public struct Roster: Sendable, Equatable {
  /// The students in the file's order.
  public var students: [Student]

  /// A roster of `students`.
  public init(students: [Student]) { self.students = students }

  static let idColumns = ["id", "student", "student id", "student_id", "sis user id"]
  static let nameColumns = ["name", "student name", "full name"]
  static let sectionColumns = ["section"]
  static let emailColumns = ["email", "e-mail", "email address", "sis login id"]

  /// Reads a roster; an empty id or an id given twice is refused.
  public static func parse(_ text: String, file: String) throws(ClassError) -> Roster {
    let table = try CSVTable.parse(text, file: file)
    guard let header = table.rows.first else { throw .emptyTable(file: file) }
    let columns = header.fields.map(normalized)
    guard let id = columns.firstIndex(where: idColumns.contains) else {
      throw .missingColumn(file: file, column: "student id", accepted: idColumns)
    }
    let name = columns.firstIndex(where: nameColumns.contains)
    let section = columns.firstIndex(where: sectionColumns.contains)
    let email = columns.firstIndex(where: emailColumns.contains)
    var students: [Student] = []
    var seen: [String: Int] = [:]
    for row in table.rows.dropFirst() {
      func at(_ i: Int?) -> String {
        guard let i, i < row.fields.count else { return "" }
        return row.fields[i].trimmingCharacters(in: .whitespaces)
      }
      let sid = at(id)
      guard !sid.isEmpty else { throw .emptyStudentID(file: file, line: row.line) }
      // The id names the student's feedback files: no path may be built from it.
      guard Student(id: sid).isFileSafe else { throw .badStudentID(id: sid) }
      if let first = seen[sid] {
        throw .duplicateStudent(id: sid, first: "\(file) line \(first)", second: "line \(row.line)")
      }
      seen[sid] = row.line
      students.append(Student(id: sid, name: at(name), section: at(section), email: at(email)))
    }
    return Roster(students: students)
  }

  /// A header cell compared without case, surrounding blanks or a trailing `(…)`.
  static func normalized(_ s: String) -> String {
    var t = s.trimmingCharacters(in: .whitespaces).lowercased()
    if t.hasSuffix(")"), let open = t.lastIndex(of: "(") {
      t = String(t[..<open]).trimmingCharacters(in: .whitespaces)
    }
    return t
  }
}
