import Foundation
import GRDB
import Verification

/// A run as it is stored.
public struct RunRecord: Sendable {
  public var startedAt: Date
  public var finishedAt: Date
  public var version: String
  public var seed: UInt64
  public var trials: Int?
  /// The `--param` overrides, as JSON.
  public var parameters: JSONValue
  public var commandLine: String
  public var reports: [ProblemReport]
  /// "verify" or "bench".
  public var kind: String = "verify"
  /// The exit status the run ends with (before any storage failure).
  public var exitStatus: Int32?
  /// Benchmark rows, for bench runs.
  public var bench: [BenchRow] = []

  public init(startedAt: Date, finishedAt: Date, version: String, seed: UInt64, trials: Int?,
              parameters: JSONValue, commandLine: String, reports: [ProblemReport]) {
    self.startedAt = startedAt
    self.finishedAt = finishedAt
    self.version = version
    self.seed = seed
    self.trials = trials
    self.parameters = parameters
    self.commandLine = commandLine
    self.reports = reports
  }
}

/// One benchmark measurement: the median, min and max of `n` timed repetitions.
public struct BenchRow: Sendable, Equatable {
  public var measurement: String
  public var threads: Int
  public var median: Double
  public var min: Double
  public var max: Double
  public var unit: String
  public var n: Int

  public init(measurement: String, threads: Int, median: Double, min: Double, max: Double,
              unit: String, n: Int) {
    (self.measurement, self.threads, self.median, self.min, self.max, self.unit, self.n) =
      (measurement, threads, median, min, max, unit, n)
  }
}

/// results.db: the only code that touches SQLite.
///
/// The file is checked before a run (`validate`) and written after it (`store`), each run in one
/// transaction. WAL and a busy timeout let several psverify processes store into one file at once.
/// A file that is not SQLite, is damaged, or has a newer schema is never opened for writing.
public struct ResultStore: Sendable {
  public let path: String

  public init(path: String) { self.path = path }

  /// Checks, without writing anything, that `path` can hold results.
  /// - Throws: `StoreError` with `isUsage == true` for a missing directory, a file that is not
  ///   SQLite, a damaged database or a newer schema.
  public func validate() throws(StoreError) {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent().path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory),
          isDirectory.boolValue else {
      throw .missingDirectory(path: path)
    }
    guard FileManager.default.fileExists(atPath: path) else { return }
    guard let handle = FileHandle(forReadingAtPath: path) else { return }  // unreadable: exit 3 later
    let header = (try? handle.read(upToCount: 16)) ?? Data()
    try? handle.close()
    if header.isEmpty { return }  // an empty file is a new database to SQLite
    guard header == Data("SQLite format 3\0".utf8) else { throw .notSQLite(path: path) }
    var configuration = Configuration()
    configuration.readonly = true
    do {
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      let unknown: [String] = try queue.read { db in
        let check = try String.fetchOne(db, sql: "PRAGMA quick_check") ?? "no answer"
        guard check == "ok" else { throw StoreError.damaged(path: path, reason: check) }
        guard try db.tableExists("grdb_migrations") else { return [] }
        let applied = try Set(String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
        let known = Set(Schema.migrator.migrations)
        return applied.subtracting(known).sorted()
      }
      try queue.close()
      if !unknown.isEmpty { throw StoreError.newerSchema(path: path, unknown: unknown) }
    } catch let error as StoreError {
      throw error
    } catch let error as DatabaseError
      where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
      throw .damaged(path: path, reason: error.message ?? "\(error.resultCode)")
    } catch {
      return  // e.g. permissions: reported as a failed write (exit 3) after the run
    }
  }

  /// Stores a run in one transaction and returns its id.
  public func store(_ run: RunRecord) throws(StoreError) -> Int64 {
    try validate()
    let deadline = Date().addingTimeInterval(30)
    while true {
      do {
        return try write(run)
      } catch .writeFailed(_, let reason) where reason.hasPrefix("the database stayed locked")
        && Date() < deadline {
        // A lock conflict that skipped the busy handler: try the whole write again.
        Thread.sleep(forTimeInterval: 0.05)
      }
    }
  }

  func write(_ run: RunRecord) throws(StoreError) -> Int64 {
    do {
      let queue = try openForWriting()
      // IMMEDIATE takes the write lock up front, so a busy writer makes us wait (busy timeout)
      // instead of failing at once with SQLITE_BUSY_SNAPSHOT when a read upgrades to a write.
      var id: Int64 = 0
      try queue.writeWithoutTransaction { db in
        try db.inTransaction(.immediate) {
          id = try insert(run, db)
          // A test hook: hold the transaction open so a test can kill the process mid-write.
          if let pause = ProcessInfo.processInfo.environment["PSVERIFY_TEST_PAUSE_IN_STORE"],
             let seconds = Double(pause) {
            Thread.sleep(forTimeInterval: seconds)
          }
          return .commit
        }
      }
      try queue.close()
      return id
    } catch let error as StoreError {
      throw error
    } catch {
      throw .writeFailed(path: path, reason: Self.describe(error))
    }
  }

  /// Opens the database for writing (WAL, 30 s busy timeout) and brings its schema up to date.
  ///
  /// Some lock conflicts skip SQLite's busy handler: two processes creating a new file at once
  /// (switching it to WAL needs an exclusive lock) or racing to run the same migration. Those
  /// fail at once with SQLITE_BUSY, so the whole opening is retried, with growing pauses, until
  /// the schema is current or 30 s have passed.
  func openForWriting() throws -> DatabaseQueue {
    var configuration = Configuration()
    configuration.journalMode = .wal
    configuration.busyMode = .timeout(30)
    configuration.foreignKeysEnabled = true
    let deadline = Date().addingTimeInterval(30)
    var attempt = 0
    while true {
      do {
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        do {
          try Schema.migrator.migrate(queue)
        } catch {
          // Another process may be part-way through the same migrations ("table run already
          // exists"): wait for it to finish, then the schema is current.
          let current = (try? queue.read { db in try Schema.migrator.hasCompletedMigrations(db) })
            ?? false
          if !current {
            try? queue.close()
            guard Date() < deadline else { throw error }
            attempt += 1
            Thread.sleep(forTimeInterval: min(0.5, 0.01 * Double(attempt)))
            continue
          }
        }
        return queue
      } catch let error as DatabaseError
        where [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode) && Date() < deadline {
        attempt += 1
        Thread.sleep(forTimeInterval: min(0.5, 0.01 * Double(attempt)))
      }
    }
  }

  static func describe(_ error: any Error) -> String {
    if let db = error as? DatabaseError {
      switch db.resultCode {
      case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN, .SQLITE_AUTH:
        return "the file or its directory is not writable (\(db.message ?? "read-only"))"
      case .SQLITE_FULL: return "the disk is full"
      case .SQLITE_IOERR: return "the write failed (disk full or file size limit): \(db.message ?? "I/O error")"
      case .SQLITE_BUSY, .SQLITE_LOCKED:
        return "the database stayed locked by another process for 30 s"
      default: return db.message ?? "\(db.resultCode)"
      }
    }
    return "\(error)"
  }
}
