import Foundation
import GRDB
import Verification

extension ResultStore {
  /// The run `id` (the last stored run when nil) with everything stored about it, read through
  /// the record types (`RunRows`) from a database at the current schema (an older file is
  /// upgraded in memory when opened).
  /// - Throws: `StoreError.noDatabase`, `.unknownRun`, `.noRuns`, or what `validate` refuses.
  public func document(run id: Int64?) throws(StoreError) -> RunDocument {
    let (rows, version) = try read { db -> (RunRows, Int) in
      let ids = try Self.existing(id.map { [$0] } ?? [], db)
      guard let runID = id ?? ids.last else { throw StoreError.noRuns(path: path) }
      let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
      guard let rows = try RunRows.fetch(run: runID, db) else {
        throw StoreError.unknownRun(id: runID, available: ids)
      }
      return (rows, version)
    }
    return RunDocument(rows: rows, bench: try bench(run: rows.run.id!), schemaVersion: version)
  }
}
