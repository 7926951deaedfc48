import Foundation
import GRDB
import ProblemDocument
import Verification

/// A run as it is stored.
public struct RunRecord: Sendable {
  /// When the run started.
  public var startedAt: Date
  /// When the run finished; `finishedAt − startedAt` is stored as the run's seconds.
  public var finishedAt: Date
  /// The psverify version that made the run.
  public var version: String
  /// The run's seed; storing requires it to be at most Int64.max.
  public var seed: UInt64
  /// The trial count given on the command line, nil when none was given.
  public var trials: Int?
  /// The `--param` overrides, as JSON.
  public var parameters: JSONValue
  /// The command line that started the run.
  public var commandLine: String
  /// One report per problem run, in order; empty for runs that run no problems.
  public var reports: [ProblemReport]
  /// What made the run.
  public var kind: RunKind = .verify
  /// The exit status the run ends with (before any storage failure).
  public var exitStatus: Int32?
  /// Benchmark rows, for bench runs.
  public var bench: [BenchRow] = []
  /// Gradings, for grade runs.
  public var submissions: [Submission] = []
  /// Audited documents, for audit runs.
  public var audits: [AuditRecord] = []
  /// A class graded at once, for class runs (kind "class").
  public var classResult: ClassResult?
  /// The machine the run ran on (CPU model and cores), for reports.
  public var machine: String?

  /// A verification run from its parts; kind, bench rows, submissions, audits, class result and
  /// machine keep their defaults until set.
  public init(
    startedAt: Date, finishedAt: Date, version: String, seed: UInt64, trials: Int?,
    parameters: JSONValue, commandLine: String, reports: [ProblemReport]
  ) {
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

/// One graded answer, as stored: enough to reproduce the grading (answer, problem, the run's seed).
public struct Submission: Sendable {
  /// The id of the problem the answer is for.
  public var problem: String
  /// The answer as submitted.
  public var answer: String
  /// The grade given: verdict, reading, typed answer, feedback, convention and issues.
  public var grade: Grade

  /// A graded answer from its parts, stored as given.
  public init(problem: String, answer: String, grade: Grade) {
    self.problem = problem
    self.answer = answer
    self.grade = grade
  }
}

/// One audited document: its identity (name, SHA-256, size) and its findings.
public struct AuditRecord: Sendable {
  /// The document's name as given to the audit.
  public var name: String
  /// The SHA-256 of the document's bytes, in hex.
  public var sha256: String
  /// The document's size in bytes.
  public var bytes: Int
  /// The number of problems the audit found in the document.
  public var problems: Int
  /// The audit's findings in the document, in order.
  public var findings: [Finding]
  /// The audit's notes on the document, in order.
  public var notes: [String]

  /// An audited document from its parts, stored as given.
  public init(
    name: String, sha256: String, bytes: Int, problems: Int, findings: [Finding],
    notes: [String]
  ) {
    (self.name, self.sha256, self.bytes, self.problems, self.findings, self.notes) =
      (name, sha256, bytes, problems, findings, notes)
  }
}

/// One benchmark measurement: the median, min and max of `n` timed repetitions.
public struct BenchRow: Sendable, Equatable {
  /// The workload's name.
  public var measurement: String
  /// The number of threads the workload ran on.
  public var threads: Int
  /// The median over the `n` repetitions, in `unit` (the mean of the middle two for even n).
  public var median: Double
  /// The smallest value over the repetitions, in `unit`: the fastest time, or for a throughput the
  /// slowest rate.
  public var min: Double
  /// The largest value over the repetitions, in `unit`: the slowest time, or for a throughput the
  /// fastest rate.
  public var max: Double
  /// The unit of `median`, `min` and `max`: a time unit ("ms", "µs") or a throughput unit
  /// ("GFLOP/s").
  public var unit: String
  /// The number of timed repetitions.
  public var n: Int
  /// Who measured it: "psverify", or an anchor's tool ("numpy", "torch conv2d … (oneDNN)").
  public var tool: String

  /// A row from its parts, stored as given; `tool` defaults to psverify.
  public init(
    measurement: String, threads: Int, median: Double, min: Double, max: Double,
    unit: String, n: Int, tool: String = "psverify"
  ) {
    (self.measurement, self.threads, self.median, self.min, self.max, self.unit, self.n) =
      (measurement, threads, median, min, max, unit, n)
    self.tool = tool
  }
}

/// results.db: the only code that touches SQLite.
///
/// The file is checked before a run (`validate`) and written after it (`store`), each run in one
/// transaction. WAL and a busy timeout let several psverify processes store into one file at once.
/// A file that is not SQLite, is damaged, or has a newer schema is never opened for writing.
public struct ResultStore: Sendable {
  /// The database file's path.
  public let path: String

  /// A store for the file at `path`; nothing is opened or checked until `validate` or `store`.
  public init(path: String) { self.path = path }

  /// Checks, without writing anything (not even a `-wal`, `-shm` or `-journal` file beside it),
  /// that `path` can hold results.
  /// - Parameter forWriting: a write command's check (the default): a non-empty SQLite file
  ///   without psverify's tables is refused, so psverify never adds its tables to someone else's
  ///   database. Read commands pass `false` and read such a file as holding no runs.
  /// - Throws: `StoreError` with `isUsage == true` for an empty path, a missing directory, a path
  ///   that is not a regular file, a file that is not SQLite, a damaged database, a foreign one
  ///   (when writing), or a schema or `user_version` psverify does not know.
  public func validate(forWriting: Bool = true) throws(StoreError) {
    _ = try validatedContents(forWriting: forWriting)
  }

  /// `validate`, returning what the file holds.
  func validatedContents(forWriting: Bool) throws(StoreError) -> Contents {
    guard !path.isEmpty else { throw .emptyPath }
    // A live WAL database's main file changes during checkpoints; what looks damaged in the middle
    // of one is whole a moment later. Damage is believed only if it persists.
    var attempt = 0
    while true {
      do throws(StoreError) {
        let contents = try validateOnce()
        if contents == .foreign && forWriting { throw .foreign(path: path) }
        return contents
      } catch .damaged(_, _) where attempt < 4 && Self.isWAL(path) {
        attempt += 1
        Thread.sleep(forTimeInterval: 0.1 * Double(attempt))
      }
    }
  }

  /// Whether the file's header says WAL mode (file format versions 2).
  static func isWAL(_ path: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    let header = (try? handle.read(upToCount: 20)) ?? Data()
    return header.count == 20 && header[18] == 2
  }

  /// What a valid `path` holds.
  enum Contents: Equatable {
    /// No file, or a 0-byte one: a new database to a write command, no runs to a read command.
    case none
    /// A SQLite database with psverify's tables, or with no tables at all.
    case psverify
    /// A SQLite database with tables, none of them psverify's.
    case foreign
  }

  func validateOnce() throws(StoreError) -> Contents {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent().path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      throw .missingDirectory(path: path)
    }
    var info = stat()
    guard stat(path, &info) == 0 else { return .none }  // no file yet: a new database
    guard info.st_mode & S_IFMT == S_IFREG else { throw .notRegularFile(path: path) }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      return .psverify  // unreadable: exit 3 later
    }
    let header = (try? handle.read(upToCount: 100)) ?? Data()
    try? handle.close()
    if header.isEmpty { return .none }  // an empty file is a new database to SQLite
    guard header.count >= 16, header.prefix(16) == Data("SQLite format 3\0".utf8) else {
      throw .notSQLite(path: path)
    }
    guard header.count == 100 else { throw .damaged(path: path, reason: "the header is cut short") }
    let bytes = [UInt8](header)
    let rawPageSize = Int(bytes[16]) << 8 | Int(bytes[17])
    let pageSize = rawPageSize == 1 ? 65536 : rawPageSize
    guard pageSize >= 512, pageSize & (pageSize - 1) == 0 else {
      throw .damaged(
        path: path, reason: "page size \(rawPageSize) is not a power of two from 512 to 65536")
    }
    let size = Int(info.st_size)
    guard size % pageSize == 0 else {
      throw .damaged(
        path: path,
        reason: "its size, \(size) bytes, is not a whole number of \(pageSize)-byte pages")
    }
    let userVersion = bytes[60..<64].reduce(0) { $0 << 8 | Int($1) }
    guard Schema.knownUserVersions.contains(userVersion) else {
      throw .newerSchema(path: path, unknown: ["user_version \(userVersion)"])
    }
    // A WAL database with a -shm beside it is in use: read it through SQLite's locks (the side
    // files exist already, nothing new is made). Otherwise read it immutable, so that a file that
    // turns out damaged gets no file created beside it.
    let wal = bytes[18] == 2
    let inUse = FileManager.default.fileExists(atPath: path + "-shm")
    if !inUse {
      let changeCounter = bytes[24..<28].reduce(0) { $0 << 8 | Int($1) }
      let validFor = bytes[92..<96].reduce(0) { $0 << 8 | Int($1) }
      let pages = bytes[28..<32].reduce(0) { $0 << 8 | Int($1) }
      if changeCounter == validFor, pages > 0, pages * pageSize != size {
        throw .damaged(
          path: path,
          reason: "the header promises \(pages) pages, the file holds \(size / pageSize)")
      }
    }
    if wal && !inUse {
      return try inspect(Self.immutableURI(path))
    } else {
      return try inspect(path)
    }
  }

  /// quick_check, the applied migrations and whether the tables are psverify's, read-only.
  func inspect(_ location: String) throws(StoreError) -> Contents {
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(30)
    do {
      let queue = try DatabaseQueue(path: location, configuration: configuration)
      let (unknown, contents): ([String], Contents) = try queue.read { db in
        let check = try String.fetchOne(db, sql: "PRAGMA quick_check") ?? "no answer"
        guard check == "ok" else { throw StoreError.damaged(path: path, reason: check) }
        guard try db.tableExists("grdb_migrations") else {
          let foreign =
            try !db.tableExists("run")
            && Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") ?? 0 > 0
          return ([], foreign ? .foreign : .psverify)
        }
        let applied = try Set(String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
        return (applied.subtracting(Set(Schema.migrator.migrations)).sorted(), .psverify)
      }
      try queue.close()
      if !unknown.isEmpty { throw StoreError.newerSchema(path: path, unknown: unknown) }
      return contents
    } catch let error as StoreError {
      throw error
    } catch let error as DatabaseError
      where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB
    {
      throw .damaged(path: path, reason: error.message ?? "\(error.resultCode)")
    } catch {
      return .psverify  // e.g. permissions: reported as a failed write (exit 3) after the run
    }
  }

  /// A URI that opens `path` read-only and immutable (no locks, no `-wal`/`-shm`/`-journal`).
  static func immutableURI(_ path: String) -> String {
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove(charactersIn: "?#%")
    let encoded = absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute
    return "file:\(encoded)?mode=ro&immutable=1"
  }

  /// Stores a run in one transaction and returns its id.
  public func store(_ run: RunRecord) throws(StoreError) -> Int64 {
    try validate()
    let existed = FileManager.default.fileExists(atPath: path)
    // Refuse before SQLite opens anything: opening a file it cannot write would still leave a
    // `-wal` and `-shm` beside it.
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
    if existed && access(path, W_OK) != 0 {
      throw .writeFailed(path: path, reason: "the file is not writable")
    }
    if access(directory, W_OK) != 0 {
      throw .writeFailed(
        path: path,
        reason: "its directory is not writable (SQLite writes "
          + "a -wal file beside the database)")
    }
    let deadline = Date().addingTimeInterval(30)
    while true {
      do {
        return try write(run)
      } catch .writeFailed(_, let reason)
        where reason.hasPrefix("the database stayed locked")
        && Date() < deadline
      {
        // A lock conflict that skipped the busy handler: try the whole write again.
        Thread.sleep(forTimeInterval: 0.05)
      } catch {
        if !existed { removeIfUnfinished() }
        throw error
      }
    }
  }

  /// A database this run created but could not complete (full disk, file-size limit) is removed
  /// with the files beside it, never left half-made; one that holds runs (another process
  /// finished creating it meanwhile) is kept.
  func removeIfUnfinished() {
    var configuration = Configuration()
    configuration.readonly = true
    let runs = try? DatabaseQueue(path: Self.immutableURI(path), configuration: configuration)
      .read { db in
        try db.tableExists("run") ? Int.fetchOne(db, sql: "SELECT COUNT(*) FROM run") ?? 0 : 0
      }
    guard (runs ?? 0) == 0 else { return }
    for suffix in ["", "-wal", "-shm", "-journal"] {
      try? FileManager.default.removeItem(atPath: path + suffix)
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
            let seconds = Double(pause)
          {
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
          let current =
            (try? queue.read { db in try Schema.migrator.hasCompletedMigrations(db) })
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
        where [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode) && Date() < deadline
      {
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
      case .SQLITE_IOERR:
        return "the write failed (disk full or file size limit): \(db.message ?? "I/O error")"
      case .SQLITE_BUSY, .SQLITE_LOCKED:
        return "the database stayed locked by another process for 30 s"
      default: return db.message ?? "\(db.resultCode)"
      }
    }
    return "\(error)"
  }
}
