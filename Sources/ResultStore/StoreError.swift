/// Why results.db could not be used. `isUsage` errors are found before a run (exit 2); the others
/// stop only the storing of a finished run (exit 3, the report is still printed).
public enum StoreError: Error, Equatable, CustomStringConvertible {
  case missingDirectory(path: String)
  case notRegularFile(path: String)
  case notSQLite(path: String)
  case damaged(path: String, reason: String)
  case newerSchema(path: String, unknown: [String])
  case writeFailed(path: String, reason: String)
  case noDatabase(path: String)
  case unknownRun(id: Int64, available: [Int64])
  case noRuns(path: String)
  case noClassRuns(path: String)
  case notClassRun(id: Int64, kind: String)
  case emptyPath
  case foreign(path: String)
  /// A stored value the record types cannot read (a status or kind psverify does not know).
  case unreadable(path: String, reason: String)

  /// Whether the error is the user's input (exit 2) rather than a failed write (exit 3).
  public var isUsage: Bool {
    if case .writeFailed = self { return false }
    return true
  }

  /// The error as a sentence naming the file and what is wrong and, where the user can act, what
  /// to pass instead.
  public var description: String {
    switch self {
    case .missingDirectory(let path):
      "cannot store results at '\(path)': its directory does not exist; pass --db with a path in an existing directory, or --no-store"
    case .notRegularFile(let path):
      "'\(path)' is not a regular file (a directory, a device or a pipe), so psverify will not use it; pass --db with a path to a file"
    case .notSQLite(let path):
      "'\(path)' is not a SQLite database, so psverify will not write to it; pass --db with a new path or a psverify results.db"
    case .damaged(let path, let reason):
      "'\(path)' is a damaged SQLite database (\(reason)); it was left untouched; pass --db with another path"
    case .newerSchema(let path, let unknown):
      "'\(path)' was written by a newer psverify (schema \(unknown.joined(separator: ", "))); it was left untouched; use that version or another --db"
    case .writeFailed(let path, let reason):
      "could not store the run in '\(path)': \(reason)"
    case .noDatabase(let path):
      "there is no results database at '\(path)'; run psverify first, or pass --db PATH"
    case .unreadable(let path, let reason):
      "'\(path)' holds a value this psverify cannot read (\(reason)); it was left untouched; "
        + "was it written by a newer psverify? Pass --db with another database"
    case .emptyPath:
      "--db '' names no file; pass --db with a path to a results database, or --no-store"
    case .foreign(let path):
      "'\(path)' is a SQLite database without psverify's tables, so psverify will not add its "
        + "own; it was left untouched; pass --db with a new path or a psverify results.db"
    case .noRuns(let path):
      "'\(path)' holds no runs yet; run `psverify all` (or pass --db with another database)"
    case .noClassRuns(let path):
      "'\(path)' holds no class gradings yet; grade a class with psverify grade --dir DIR "
        + "(or pass --db with another database)"
    case .notClassRun(let id, let kind):
      "run \(id) is a \(kind) run, not a class grading; list the runs with psverify history"
    case .unknownRun(let id, let available):
      "unknown run \(id); "
        + (available.isEmpty
          ? "the database holds no runs"
          : "stored runs: \(available.first!)…\(available.last!) (\(available.count) in all)")
    }
  }
}
