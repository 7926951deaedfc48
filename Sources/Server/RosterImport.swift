import Classroom
import Foundation
import ResultStore

/// `psverify-serve roster import FILE`: reads a roster CSV and gives every student a new private
/// link (a random token) in results.db.
public enum RosterImport {
  public enum Failure: Error, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case roster(ClassError)
    case store(StoreError)
    case empty(path: String)

    public var description: String {
      switch self {
      case .unreadable(let path, let reason): "cannot read the roster '\(path)': \(reason)"
      case .roster(let e): "\(e)"
      case .store(let e): e.description
      case .empty(let path):
        "'\(path)' lists no students; give a CSV with a header row (id, name, section, email) "
          + "and one row per student"
      }
    }
  }

  /// Reads `path` (UTF-8, BOM, LF/CRLF/CR as the class readers accept) and stores new tokens.
  /// - Returns: the credentials, students in roster order, the staff's last.
  public static func run(path: String, database: String) throws(Failure) -> [ServeCredential] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(
        path: path,
        reason: FileManager.default.fileExists(atPath: path)
          ? "permission denied or not a file" : "no such file")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw .unreadable(path: path, reason: "it is not UTF-8 text; save it as UTF-8 CSV")
    }
    let roster: Roster
    do { roster = try Roster.parse(text, file: path) } catch { throw .roster(error) }
    guard !roster.students.isEmpty else { throw .empty(path: path) }
    do {
      let store = try ServeStore(path: database)
      defer { store.close() }
      return try store.importRoster(roster.students.map { ($0.id, $0.name, $0.section, $0.email) })
    } catch {
      throw .store(error)
    }
  }
}
