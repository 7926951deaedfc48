import ArgumentParser
import Foundation
import ResultStore

/// `--db PATH`: the results database, for every command that reads or writes it.
struct DatabaseOption: ParsableArguments {
  @Option(help: "Results database (default: $PSVERIFY_DB or ./results.db).")
  var db: String?

  /// `--db`, else `$PSVERIFY_DB`, else `results.db` in the working directory.
  var path: String { db ?? ProcessInfo.processInfo.environment["PSVERIFY_DB"] ?? "results.db" }

  var store: ResultStore { ResultStore(path: path) }
}

/// `--db PATH` and `--no-store`, for the commands that store what they did: the database is
/// checked before any work, and the finished run is stored (or not) the same way everywhere.
struct StorageOptions: ParsableArguments {
  @OptionGroup var database: DatabaseOption

  @Flag(help: "Do not store the run.")
  var noStore = false

  var path: String { database.path }

  /// The database to store into, checked now so that bad input fails before the work: nil with
  /// `--no-store`.
  /// - Throws: `UsageError` with the store's reason (exit 2).
  func checkedStore() throws -> ResultStore? {
    guard !noStore else { return nil }
    let store = database.store
    do { try store.validate() } catch { throw UsageError(message: error.description) }
    return store
  }
}

/// What became of storing a finished run: its id, or why it was not stored.
struct StoreAttempt {
  var runID: Int64?
  /// "stored as run N in PATH", "not stored (--no-store)" or "NOT STORED: reason".
  var storage: String
  /// The store was asked and failed: the report is still printed, then exit 3.
  var failed: Bool

  /// Stores `record` in `store` (nothing when nil, for `--no-store`).
  init(storing record: @autoclosure () -> RunRecord, in store: ResultStore?) {
    guard let store else {
      (runID, storage, failed) = (nil, "not stored (--no-store)", false)
      return
    }
    do {
      let id = try store.store(record())
      (runID, storage, failed) = (id, "stored as run \(id) in \(store.path)", false)
    } catch {
      (runID, storage, failed) = (nil, "NOT STORED: \(error.description)", true)
    }
  }

  /// After the report is printed: a failed store is said on stderr and ends with exit 3.
  func finish() throws {
    guard failed else { return }
    Terminal.error(storage)
    throw ExitCode(3)
  }
}
