import Classroom
import Foundation
import ResultStore

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

  /// Writes `text` to `path`, refusing with a sentence when it cannot.
  static func write(_ text: String, to path: String) throws {
    do { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) } catch {
      throw UsageError(
        message: "cannot write the gradebook to '\(path)': \(error.localizedDescription); "
          + "give a writable file with --gradebook")
    }
  }
}
