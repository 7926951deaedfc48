import Classroom
import Foundation
import ResultStore

/// `psverify-serve roster import FILE [--assignment A]`: reads a roster CSV and gives every
/// student a new private link (a random token) in results.db; with an assignment whose problem
/// sets were recorded (`psverify variant --roster R --assignment A --out DIR`), each student's
/// variant seeds too, so their pages show and grade their variants.
public enum RosterImport {
  /// Why an import was refused; each description says what is accepted.
  public enum Failure: Error, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case roster(ClassError)
    case store(StoreError)
    case empty(path: String)
    case noVariantSet(assignment: String, database: String)
    case notInVariantSet(students: [String], assignment: String, run: Int64)

    /// The refusal as a sentence: what was wrong and what is accepted.
    public var description: String {
      switch self {
      case .unreadable(let path, let reason): "cannot read the roster '\(path)': \(reason)"
      case .roster(let e): "\(e)"
      case .store(let e): e.description
      case .empty(let path):
        "'\(path)' lists no students; give a CSV with a header row (id, name, section, email) "
          + "and one row per student"
      case .noVariantSet(let assignment, let database):
        "no problem sets of assignment '\(assignment)' are recorded in \(database); write them "
          + "first with psverify variant --roster FILE --assignment \(assignment) --out DIR "
          + "--db \(database), or import without --assignment to serve the base problems"
      case .notInVariantSet(let students, let assignment, let run):
        "\(students.joined(separator: ", ")) \(students.count == 1 ? "is" : "are") not in the "
          + "recorded problem sets of '\(assignment)' (run \(run)); record sets for this roster "
          + "with psverify variant --roster FILE --assignment \(assignment) --out DIR"
      }
    }
  }

  /// Reads `path` (UTF-8, BOM, LF/CRLF/CR as the class readers accept) and stores new tokens;
  /// with `assignment`, each student's recorded variant seeds (every student must be in the
  /// latest recorded set of that assignment, or nothing is stored).
  /// - Returns: the credentials, students in roster order, the staff's last.
  public static func run(
    path: String, database: String, assignment: String? = nil
  ) throws(Failure) -> [ServeCredential] {
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
    var seeds: [String: [String: UInt64]] = [:]
    if let assignment {
      let set: (run: Int64, seeds: [String: [String: UInt64]])?
      do { set = try ResultStore(path: database).variantSet(assignment: assignment) } catch {
        if case .noDatabase = error {
          throw .noVariantSet(assignment: assignment, database: database)
        }
        throw .store(error)
      }
      guard let set else { throw .noVariantSet(assignment: assignment, database: database) }
      let absent = roster.students.map(\.id).filter { set.seeds[$0] == nil }
      guard absent.isEmpty else {
        throw .notInVariantSet(students: absent, assignment: assignment, run: set.run)
      }
      seeds = set.seeds
    }
    do {
      let store = try ServeStore(path: database)
      defer { store.close() }
      return try store.importRoster(
        roster.students.map { ($0.id, $0.name, $0.section, $0.email) }, assignment: assignment,
        variants: seeds)
    } catch {
      throw .store(error)
    }
  }
}
