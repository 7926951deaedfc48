import Classroom
import Foundation
import ResultStore
import Verification

extension ClassCommand {
  /// The attempts stored by psverify-serve as a class (`ServedClass`), over every problem.
  /// - Throws: `UsageError` when the database holds no attempts and no roster.
  static func servedClass(_ store: ResultStore) throws -> ClassResult {
    let (roster, attempts) = try storeQuery { () throws(StoreError) in try store.served() }
    guard !attempts.isEmpty || !roster.isEmpty else {
      throw UsageError(
        message: "'\(store.path)' holds no attempts posted to psverify-serve; serve the page "
          + "with psverify-serve --db \(store.path) (or pass --db with another database)")
    }
    return ServedClass.result(problems: Catalog.ids, roster: roster, attempts: attempts)
  }

  /// The report's JSON with each student's row (`ClassReport.students`: status, notes, latest
  /// answer and points per problem) under `"student_rows"`.
  static func withStudents(_ json: JSONValue, _ result: ClassResult) -> JSONValue {
    guard case .object(var members) = json else { return json }
    members.append(("student_rows", ClassReport.students(result)))
    return .object(members)
  }

  /// Per student, their attempts per problem (the notes `ServedClass` wrote), one line each.
  static func attemptsText(_ result: ClassResult) -> String {
    var out = "\nattempts per student:\n"
    for s in result.students {
      out +=
        "  \(s.id)\(s.name.isEmpty ? "" : " (\(s.name))"): "
        + (s.notes.isEmpty ? "no attempts" : s.notes.joined(separator: "; ")) + "\n"
    }
    return out
  }

  /// Writes `text` to `path`, refusing with a sentence when it cannot.
  static func write(_ text: String, to path: String) throws {
    do { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) } catch {
      throw UsageError(
        message: "cannot write the gradebook to '\(path)': \(error.localizedDescription); "
          + "give a writable file with --gradebook")
    }
  }
}
