import Foundation
import GRDB
import ProblemDocument
import ResultStore
import Verification
import XCTest

final class ResultStoreTests: XCTestCase {
  var directory: URL!

  override func setUpWithError() throws {
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("psverify-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: directory)
  }

  func record(seed: UInt64 = 1) -> RunRecord { Self.record(seed: seed) }

  static func record(seed: UInt64) -> RunRecord {
    let outcome = CheckOutcome(
      id: "c", kind: .monteCarlo, summary: "s", params: [("n", .integer(3))],
      measurement: Measurement(
        status: .pass, expected: .real(1), measured: .real(0.99),
        standardError: 0.01, tolerance: .exact, detail: "d",
        errata: [Erratum(.notation, "m", location: "here")]),
      streamKey: 42, seconds: 0.1)
    let report = ProblemReport(
      id: "9t", title: "t", question: "q", parameters: ParameterValues(specs: []),
      derivation: Derivation(
        steps: [DerivationStep("s", latex: "x")], answer: .polynomial(.symbol("N"))),
      derivationError: nil,
      audit: nil, outcomes: [outcome], seconds: 0.2)
    return RunRecord(
      startedAt: Date(), finishedAt: Date(), version: "test", seed: seed,
      trials: 10, parameters: .object([]), commandLine: "psverify test",
      reports: [report])
  }

  func testStore_writesOneRunWithItsOutcomes() throws {
    let store = ResultStore(path: directory.appendingPathComponent("results.db").path)
    let first = try store.store(record())
    let second = try store.store(record())
    XCTAssertEqual(second, first + 1)
    XCTAssertEqual(try store.runs().count, 2)
    let rows = try store.outcomes(run: first)
    XCTAssertEqual(rows.count, 1)
    XCTAssertEqual(rows[0].0, "9t")
    XCTAssertEqual(rows[0].2, "pass")
    XCTAssertEqual(rows[0].3, "0.99")
  }

  func testValidate_missingDirectory() {
    let store = ResultStore(path: directory.appendingPathComponent("nope/results.db").path)
    XCTAssertThrowsError(try store.validate()) { error in
      XCTAssertEqual((error as! StoreError).isUsage, true)
      XCTAssertTrue("\(error)".contains("its directory does not exist"))
    }
  }

  func testNotSQLite_isRefusedAndLeftByteForByte() throws {
    let path = directory.appendingPathComponent("results.db").path
    let bytes = Data("this is a text file, not a database\n".utf8)
    _ = FileManager.default.createFile(atPath: path, contents: bytes)
    let store = ResultStore(path: path)
    XCTAssertThrowsError(try store.store(record())) { error in
      XCTAssertEqual(error as? StoreError, .notSQLite(path: path))
    }
    XCTAssertEqual(FileManager.default.contents(atPath: path), bytes)
  }

  func testTruncatedDatabase_isRefusedAndLeftByteForByte() throws {
    let path = directory.appendingPathComponent("results.db").path
    let store = ResultStore(path: path)
    for _ in 0..<20 { _ = try store.store(record()) }
    // Fold the WAL into the main file, then cut the file in the middle of a page.
    let full = try checkpointedBytes(path)
    let truncated = full.prefix(full.count / 2 + 100)
    try FileManager.default.removeItem(atPath: path)
    _ = FileManager.default.createFile(atPath: path, contents: truncated)
    XCTAssertThrowsError(try store.store(record())) { error in
      guard case .damaged = error as? StoreError else {
        return XCTFail("expected .damaged, got \(error)")
      }
    }
    XCTAssertEqual(FileManager.default.contents(atPath: path), truncated)
  }

  func testConcurrentWriters_allRunsStored() throws {
    let path = directory.appendingPathComponent("results.db").path
    let failures = Failures()
    let record = Self.record
    DispatchQueue.concurrentPerform(iterations: 4) { worker in
      let store = ResultStore(path: path)
      for _ in 0..<5 {
        do { _ = try store.store(record(UInt64(worker))) } catch { failures.add("\(error)") }
      }
    }
    XCTAssertEqual(failures.all, [])
    XCTAssertEqual(try ResultStore(path: path).runs().count, 20)
  }

  /// A results.db written by schema v1 (psverify before v2), committed as a fixture.
  func fixture() throws -> String {
    let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/results-v1.db")
    let path = directory.appendingPathComponent("old.db").path
    try FileManager.default.copyItem(atPath: source.path, toPath: path)
    return path
  }

  func testOlderSchema_upgradedInPlaceKeepingEveryRow() throws {
    let path = try fixture()
    let store = ResultStore(path: path)
    // The fixture holds 2 runs of problems 1 and 3b: 2 × (5 + 11) = 32 check outcomes.
    XCTAssertEqual(try store.checks().count, 32)
    let id = try store.store(record())
    XCTAssertEqual(id, 3)
    XCTAssertEqual(try store.runs().count, 3)
    XCTAssertEqual(try store.checks().count, 33)
    let runs = try store.runs()
    XCTAssertEqual(runs.map(\.kind), [.verify, .verify, .verify])
    XCTAssertEqual(runs[0].problems.map(\.id), ["1", "3b"])
    let queue = try DatabaseQueue(path: path)
    let migrations = try queue.read {
      try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations")
    }
    XCTAssertEqual(
      migrations,
      [
        "v1-runs", "v2-run-kind-and-bench", "v3-grades-audits-reports",
        "v4-class-gradings", "v5-serve", "v6-serve-variants", "v7-printed-answer-line",
      ])
    XCTAssertEqual(try queue.read { try Int.fetchOne($0, sql: "PRAGMA user_version") }, 3)
  }

  func testNewerSchema_refusedAndUntouched() throws {
    let path = try fixture()
    let queue = try DatabaseQueue(path: path)
    try queue.write {
      try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9-from-the-future')")
    }
    try queue.close()
    let before = FileManager.default.contents(atPath: path)
    XCTAssertThrowsError(try ResultStore(path: path).store(record())) {
      XCTAssertEqual($0 as? StoreError, .newerSchema(path: path, unknown: ["v9-from-the-future"]))
    }
    XCTAssertThrowsError(try ResultStore(path: path).runs())
    XCTAssertEqual(FileManager.default.contents(atPath: path), before)
  }

  func testUnknownRun_errorNamesTheStoredRange() throws {
    let store = ResultStore(path: directory.appendingPathComponent("r.db").path)
    _ = try store.store(record())
    XCTAssertThrowsError(try store.runs(ids: [7])) {
      XCTAssertEqual("\($0)", "unknown run 7; stored runs: 1…1 (1 in all)")
    }
    XCTAssertThrowsError(
      try ResultStore(path: directory.appendingPathComponent("none.db").path).runs()
    ) {
      XCTAssertTrue("\($0)".hasPrefix("there is no results database at"))
    }
  }

  /// The file's bytes and the directory's listing, to show that nothing changed.
  func snapshot(_ path: String) throws -> (Data?, [String]) {
    (
      FileManager.default.contents(atPath: path),
      try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    )
  }

  /// Refused files stay byte for byte as they were, with nothing created beside them: a file cut
  /// by one byte, one whose user_version psverify never wrote, one cut in the middle.
  func testUntrustedDatabases_refusedWithNothingCreatedBeside() throws {
    let path = directory.appendingPathComponent("results.db").path
    let store = ResultStore(path: path)
    for _ in 0..<5 { _ = try store.store(record()) }
    let full = try checkpointedBytes(path)
    let variants: [(String, Data)] = [
      ("one byte short", full.dropLast()),
      ("half", full.prefix(full.count / 2)),
      (
        "user_version 99",
        {
          var d = full
          d.replaceSubrange(60..<64, with: [0, 0, 0, 99])
          return d
        }()
      ),
    ]
    for (name, bytes) in variants {
      try? FileManager.default.removeItem(atPath: path)
      _ = FileManager.default.createFile(atPath: path, contents: bytes)
      let before = try snapshot(path)
      XCTAssertThrowsError(try store.store(record()), name) { error in
        XCTAssertEqual((error as? StoreError)?.isUsage, true, "\(name): \(error)")
      }
      XCTAssertThrowsError(try store.runs(), name)
      let after = try snapshot(path)
      XCTAssertEqual(after.0, before.0, "\(name): the file changed")
      XCTAssertEqual(after.1, before.1, "\(name): files appeared beside it")
    }
  }

  func testNotARegularFile_refused() {
    for path in ["/dev/null", directory.path] {
      XCTAssertThrowsError(try ResultStore(path: path).validate()) {
        XCTAssertEqual($0 as? StoreError, .notRegularFile(path: path))
      }
    }
    XCTAssertFalse(FileManager.default.fileExists(atPath: "/dev/null-journal"))
  }

  /// Everything v3 holds comes back: probes, located errata, the printed grade, gradings, audits.
  func testVersion3Rows_stored() throws {
    let path = directory.appendingPathComponent("v3.db").path
    var run = record()
    let document = ProblemSetDocument(text: "**Problem 1.** Q $x[i] = W[i,J] y[J]$\n", name: "d.md")
    let finding = Finding(
      .spelling, "'teh'", at: document.location(ofOffset: 3), in: document.sections[1],
      document: document)
    run.submissions = [
      Submission(
        problem: "3b", answer: "1/2",
        grade: Grade(.incorrect, reading: "γ = 1/2", feedback: ["no"]))
    ]
    run.audits = [
      AuditRecord(name: "d.md", sha256: "ab", bytes: 9, problems: 1, findings: [finding], notes: [])
    ]
    let id = try ResultStore(path: path).store(run)
    let queue = try DatabaseQueue(path: path)
    try queue.read { db in
      XCTAssertEqual(
        try String.fetchOne(
          db, sql: "SELECT verdict FROM submission WHERE run_id = ?", arguments: [id]),
        "incorrect")
      XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT line FROM audit_finding"), 1)
      XCTAssertEqual(
        try String.fetchOne(db, sql: "SELECT derivation_steps FROM problem_result"),
        #"[{"text":"s","latex":"x"}]"#)
      XCTAssertEqual(try String.fetchOne(db, sql: "SELECT location FROM erratum"), "here")
    }
    try queue.close()
  }

  private func checkpointedBytes(_ path: String) throws -> Data {
    let queue = try DatabaseQueue(path: path)
    try queue.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
      try db.execute(sql: "PRAGMA journal_mode=DELETE")
    }
    try queue.close()
    return try XCTUnwrap(FileManager.default.contents(atPath: path))
  }
}

final class Failures: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [String] = []
  func add(_ s: String) {
    lock.lock()
    items.append(s)
    lock.unlock()
  }
  var all: [String] {
    lock.lock()
    defer { lock.unlock() }
    return items
  }
}
