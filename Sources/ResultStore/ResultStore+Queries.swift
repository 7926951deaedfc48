import Foundation
import GRDB
import Verification

/// A stored run, as `history` lists it.
public struct StoredRun: Sendable {
  /// The run's id in results.db.
  public var id: Int64
  /// When the run started, as the stored timestamp text.
  public var startedAt: String
  /// The psverify version that made the run.
  public var version: String
  /// The run's seed as results.db stores it, a signed 64-bit integer.
  public var seed: Int64
  /// The trial count given on the command line, nil when none was given.
  public var trials: Int?
  /// The command that made the run.
  public var kind: RunKind
  /// The process's exit status, nil when not recorded.
  public var exitStatus: Int?
  /// The command line that started the run.
  public var commandLine: String
  /// Per problem: (id, status, checks passed, checks).
  public var problems: [(id: String, status: String, passed: Int, checks: Int)]
}

/// A stored check outcome, with its run and problem (a row of `check_outcome` joined to
/// `problem_result`, columns named as the query aliases them).
public struct StoredCheck: Sendable, Decodable, FetchableRecord {
  /// The id of the run the outcome belongs to.
  public var run: Int64
  /// The id of the problem the check belongs to.
  public var problem: String
  /// The check's id within its problem.
  public var check: String
  /// What kind of comparison the check makes.
  public var kind: CheckKind
  /// The check's verdict in that run.
  public var status: CheckStatus
  /// JSON text.
  public var expected: String
  /// JSON text.
  public var measured: String
  /// The measured value as a number, nil when it is not a finite number.
  public var measuredValue: Double?
  /// The standard error of the measurement, nil when it has none or it is not finite.
  public var standardError: Double?
  /// The check's free-text detail on what it measured.
  public var detail: String

  /// A stored check from its columns, as given.
  public init(
    run: Int64, problem: String, check: String, kind: CheckKind, status: CheckStatus,
    expected: String, measured: String, measuredValue: Double?,
    standardError: Double?, detail: String
  ) {
    (self.run, self.problem, self.check, self.kind, self.status) =
      (run, problem, check, kind, status)
    (self.expected, self.measured, self.measuredValue, self.standardError, self.detail) =
      (expected, measured, measuredValue, standardError, detail)
  }

  enum CodingKeys: String, CodingKey {
    case run, problem, check, kind, status, expected, measured, detail
    case measuredValue = "measured_value"
    case standardError = "standard_error"
  }
}

/// A problem of a stored run as `history` tallies it.
struct ProblemTally: Decodable, FetchableRecord {
  var id: String
  var status: String
  var passed: Int
  var checks: Int
}

extension ResultStore {
  /// Opens the database to read, never writing: no schema is added or upgraded in the file and
  /// no `-wal`, `-shm` or `-journal` file is created beside it.
  ///
  /// A file no other process has open (no `-shm` beside it), or one this user cannot write, is
  /// opened immutable; a WAL database in use is read through SQLite's locks (its side files exist
  /// already). A database from an older schema is copied into memory and upgraded there. A 0-byte
  /// file, or a SQLite file without psverify's tables (someone else's database), reads as a
  /// database that holds no runs.
  func openForReading() throws(StoreError) -> DatabaseQueue {
    guard !path.isEmpty else { throw .emptyPath }
    guard FileManager.default.fileExists(atPath: path) else {
      throw .noDatabase(path: path)
    }
    let contents = try validatedContents(forWriting: false)
    do {
      if contents != .psverify { return try Self.emptyDatabase() }
      // In use, or left with committed pages in its WAL by a process that died: read through
      // SQLite (which then needs a -shm), or those pages would be missed.
      let walBytes =
        (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size])
        as? Int ?? 0
      let inUse = FileManager.default.fileExists(atPath: path + "-shm") || walBytes > 0
      var configuration = Configuration()
      configuration.readonly = true
      configuration.busyMode = .timeout(30)
      let location = inUse && access(path, W_OK) == 0 ? path : Self.immutableURI(path)
      let queue = try DatabaseQueue(path: location, configuration: configuration)
      let current = try queue.read { db in try Schema.migrator.hasCompletedMigrations(db) }
      guard !current else { return queue }
      // An older schema: upgrade a copy in memory, keep the file as it is.
      let copy = try DatabaseQueue()
      try queue.backup(to: copy)
      try queue.close()
      try Schema.migrator.migrate(copy)
      return copy
    } catch {
      throw .writeFailed(path: path, reason: Self.describe(error))
    }
  }

  /// An in-memory database with psverify's schema and no runs.
  static func emptyDatabase() throws -> DatabaseQueue {
    let empty = try DatabaseQueue()
    try Schema.migrator.migrate(empty)
    return empty
  }

  func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
    let queue = try openForReading()
    do {
      defer { try? queue.close() }
      return try queue.read(body)
    } catch let error as StoreError {
      throw error
    } catch let error as RowDecodingError {
      throw .unreadable(path: path, reason: Self.reason(error))
    } catch let error as DecodingError {
      throw .unreadable(path: path, reason: Self.reason(error))
    } catch {
      throw .writeFailed(path: path, reason: Self.describe(error))
    }
  }

  /// A decoding failure in a few words: the column and the value when known.
  static func reason(_ error: any Error) -> String {
    switch error {
    case DecodingError.dataCorrupted(let context):
      let column = context.codingPath.last.map { "column \($0.stringValue): " } ?? ""
      return column + context.debugDescription
    case let error as RowDecodingError:
      return "\(error)".split(separator: "\n").first.map(String.init) ?? "undecodable row"
    default:
      return "\(error)"
    }
  }

  /// Runs by id, or the last `last` runs (all when both are nil), oldest first.
  /// - Throws: `StoreError.unknownRun` for an id that is not stored.
  public func runs(ids: [Int64] = [], last: Int? = nil) throws(StoreError) -> [StoredRun] {
    try read { db in
      var chosen = try Self.existing(ids, db)
      if let last { chosen = Array(chosen.suffix(last)) }
      return try chosen.map { id in
        let run = try RunRow.fetchOne(db, key: id)!
        let problems = try ProblemTally.fetchAll(
          db,
          sql: """
            SELECT p.problem_id AS id, p.status AS status,
              (SELECT COUNT(*) FROM check_outcome c WHERE c.problem_result_id = p.id
                AND c.status = 'pass') AS passed,
              (SELECT COUNT(*) FROM check_outcome c WHERE c.problem_result_id = p.id) AS checks
            FROM problem_result p WHERE p.run_id = ? ORDER BY p.id
            """, arguments: [id]
        ).map {
          (
            id: $0.id, status: $0.status, passed: $0.passed,
            checks: $0.checks
          )
        }
        return StoredRun(
          id: id, startedAt: run.startedAt, version: run.version, seed: run.seed,
          trials: run.trials, kind: run.kind ?? .verify, exitStatus: run.exitStatus,
          commandLine: run.commandLine, problems: problems)
      }
    }
  }

  /// `ids` when every one is stored (every stored id when `ids` is empty), in order.
  static func existing(_ ids: [Int64], _ db: Database) throws -> [Int64] {
    let all = try Int64.fetchAll(db, sql: "SELECT id FROM run ORDER BY id")
    for id in ids where !all.contains(id) { throw StoreError.unknownRun(id: id, available: all) }
    return ids.isEmpty ? all : ids
  }

  /// Every check outcome of the given runs (all runs when `runs` is nil), in storage order.
  public func checks(runs: [Int64]? = nil) throws(StoreError) -> [StoredCheck] {
    try read { db in
      var filter = ""
      if let runs {
        if runs.isEmpty { return [] }
        let ids = try Self.existing(runs, db)
        filter = "WHERE p.run_id IN (" + ids.map(String.init).joined(separator: ",") + ")"
      }
      return try StoredCheck.fetchAll(
        db,
        sql: """
          SELECT p.run_id AS run, p.problem_id AS problem, c.check_id AS "check", c.kind, c.status,
            c.expected, c.measured, c.measured_value, c.standard_error, c.detail
          FROM check_outcome c JOIN problem_result p ON p.id = c.problem_result_id
          \(filter) ORDER BY c.id
          """)
    }
  }

  /// The benchmark rows of a run (empty for a verify run or an older schema).
  public func bench(run: Int64) throws(StoreError) -> [BenchRow] {
    try read { db in
      guard try db.tableExists("bench_result") else { return [] }
      let hasTool = try db.columns(in: "bench_result").contains { $0.name == "tool" }
      return try Row.fetchAll(
        db,
        sql: """
          SELECT measurement, threads, median, min, max, unit, n,
            \(hasTool ? "tool" : "'psverify'") FROM bench_result
          WHERE run_id = ? ORDER BY id
          """, arguments: [run]
      ).map {
        BenchRow(
          measurement: $0[0], threads: $0[1], median: $0[2], min: $0[3], max: $0[4],
          unit: $0[5], n: $0[6], tool: $0[7])
      }
    }
  }

  /// Every stored check outcome of a run as (problem, check, status, measured JSON), in order.
  public func outcomes(run: Int64) throws(StoreError) -> [(String, String, String, String)] {
    try checks(runs: [run]).map { ($0.problem, $0.check, $0.status.rawValue, $0.measured) }
  }
}
