import Foundation
import GRDB
import Verification

extension ResultStore {
  /// An ISO 8601 timestamp with milliseconds, UTC.
  static func timestamp(_ date: Date) -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return f.string(from: date)
  }

  static func json(_ series: [String: [Double]]) -> String {
    JSONValue.object(
      series.sorted { $0.key < $1.key }.map { ($0.key, .array($0.value.map { .number($0) })) }
    )
    .serialized()
  }

  /// Inserts `run` (its rows through the record types, then its bench rows and class result).
  /// - Returns: the run's id.
  func insert(_ run: RunRecord, _ db: Database) throws -> Int64 {
    var rows = RunRows(run)
    let runID = try rows.insert(db)
    for b in run.bench {
      try db.execute(
        sql: """
          INSERT INTO bench_result (run_id, measurement, threads, median, min, max, unit, n, tool)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [runID, b.measurement, b.threads, b.median, b.min, b.max, b.unit, b.n, b.tool])
    }
    if let c = run.classResult { try insert(c, runID: runID, db) }
    return runID
  }
}
