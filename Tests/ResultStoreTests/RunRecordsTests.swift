import Foundation
import GRDB
import ProblemDocument
import ResultStore
import Verification
import XCTest

/// The record types: an old-schema file read through them, typed kinds and statuses, and a
/// stored value they cannot read refused with a sentence instead of a crash.
final class RunRecordsTests: XCTestCase {
  var directory: URL!

  override func setUpWithError() throws {
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("psverify-records-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: directory)
  }

  func fixture() throws -> String {
    let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/results-v1.db")
    let path = directory.appendingPathComponent("old.db").path
    try FileManager.default.copyItem(atPath: source.path, toPath: path)
    return path
  }

  /// The v1 fixture (no `kind`, no question, no located errata) reads as typed documents whose
  /// statuses and kinds are the strings in its columns.
  func testVersion1File_readsThroughTheRecordTypes() throws {
    let path = try fixture()
    let queue = try DatabaseQueue(path: path)
    let (statuses, kinds) = try queue.read { db in
      (
        try String.fetchAll(
          db, sql: "SELECT status FROM problem_result WHERE run_id = 1 ORDER BY id"),
        try String.fetchAll(
          db,
          sql: """
            SELECT c.kind || ' ' || c.status FROM check_outcome c
            JOIN problem_result p ON p.id = c.problem_result_id WHERE p.run_id = 1 ORDER BY c.id
            """)
      )
    }
    try queue.close()
    let store = ResultStore(path: path)
    let document = try store.document(run: 1)
    XCTAssertEqual(document.kind, .verify)
    XCTAssertEqual(document.id, 1)
    XCTAssertEqual(document.problems.map(\.id), ["1", "3b"])
    XCTAssertEqual(document.problems.map(\.status.rawValue), statuses)
    let typed = document.problems.flatMap { p in
      p.checks.map { "\($0.kind.rawValue) \($0.status.rawValue)" }
    }
    XCTAssertEqual(typed, kinds)
    XCTAssertEqual(kinds.count, 16)
    XCTAssertTrue(document.storedBeforeReports)
    XCTAssertNil(document.machine)
    XCTAssertEqual(try store.runs().map(\.kind), [.verify, .verify])
  }

  /// A status this psverify does not know (a newer one, or a hand edit) is a usage error naming
  /// the file, for the document and for the check list alike.
  func testUnknownStoredStatus_isRefusedWithASentence() throws {
    let path = directory.appendingPathComponent("results.db").path
    let store = ResultStore(path: path)
    let id = try store.store(ResultStoreTests.record(seed: 3))
    XCTAssertEqual(try store.document(run: id).problems.first?.checks.first?.status, .pass)
    let queue = try DatabaseQueue(path: path)
    try queue.write { try $0.execute(sql: "UPDATE check_outcome SET status = 'maybe'") }
    try queue.close()
    for read in [{ _ = try store.document(run: id) }, { _ = try store.checks() }] {
      XCTAssertThrowsError(try read()) { error in
        guard case .unreadable(let p, let reason)? = error as? StoreError else {
          return XCTFail("\(error)")
        }
        XCTAssertEqual(p, path)
        XCTAssertTrue(reason.contains("maybe"), reason)
        XCTAssertTrue((error as! StoreError).isUsage)
      }
    }
  }

  /// Erratum and audit-finding kinds read back as the enums they were stored from (by raw
  /// value, the stored text unchanged); a kind psverify does not know is refused with a sentence
  /// naming the file and the value.
  func testErratumAndFindingKinds_typedAndUnknownRefused() throws {
    let path = directory.appendingPathComponent("kinds.db").path
    let store = ResultStore(path: path)
    var record = ResultStoreTests.record(seed: 4)
    let document = ProblemSetDocument(text: "**Problem 1.** Q $x[i] = W[i,J] y[J]$\n", name: "d.md")
    let finding = Finding(
      .missingComma, "a comma", at: document.location(ofOffset: 3), in: document.sections[1],
      document: document)
    record.audits = [
      AuditRecord(name: "d.md", sha256: "ab", bytes: 9, problems: 1, findings: [finding], notes: [])
    ]
    let id = try store.store(record)
    let read = try store.document(run: id)
    XCTAssertEqual(read.problems.flatMap { $0.errata.map(\.kind) }, [.notation])
    XCTAssertEqual(read.audits.flatMap { $0.findings.map(\.kind) }, [.missingComma])
    let queue = try DatabaseQueue(path: path)
    XCTAssertEqual(
      try queue.read { try String.fetchAll($0, sql: "SELECT kind FROM audit_finding") },
      ["missing-comma"])
    try queue.write { try $0.execute(sql: "UPDATE erratum SET kind = 'hunch'") }
    try queue.close()
    XCTAssertThrowsError(try store.document(run: id)) { error in
      guard case .unreadable(let p, let reason)? = error as? StoreError else {
        return XCTFail("\(error)")
      }
      XCTAssertEqual(p, path)
      XCTAssertTrue(reason.contains("hunch"), reason)
    }
    let again = try DatabaseQueue(path: path)
    try again.write {
      try $0.execute(sql: "UPDATE erratum SET kind = 'notation'")
      try $0.execute(sql: "UPDATE audit_finding SET kind = 'missing-semicolon'")
    }
    try again.close()
    XCTAssertThrowsError(try store.document(run: id)) { error in
      guard case .unreadable(_, let reason)? = error as? StoreError else {
        return XCTFail("\(error)")
      }
      XCTAssertTrue(reason.contains("missing-semicolon"), reason)
    }
  }

  /// The document of a finished run equals the one read back after storing it.
  func testLiveDocument_hasWhatTheStoredOneHas() throws {
    let path = directory.appendingPathComponent("results.db").path
    var record = ResultStoreTests.record(seed: 5)
    record.exitStatus = 1
    record.machine = "m"
    let id = try ResultStore(path: path).store(record)
    let stored = try ResultStore(path: path).document(run: id)
    let live = RunDocument(live: record, id: id)
    XCTAssertEqual(live.id, stored.id)
    XCTAssertEqual(live.startedAt, stored.startedAt)
    XCTAssertEqual(live.finishedAt, stored.finishedAt)
    XCTAssertEqual(live.seconds, stored.seconds)
    XCTAssertEqual(live.exitStatus, 1)
    XCTAssertEqual(live.exitStatus, stored.exitStatus)
    XCTAssertEqual(live.machine, stored.machine)
    XCTAssertEqual(live.parameters, stored.parameters)
    let (l, s) = (try XCTUnwrap(live.problems.first), try XCTUnwrap(stored.problems.first))
    XCTAssertEqual(l.status, s.status)
    XCTAssertEqual(l.derivationSteps.map(\.text), s.derivationSteps.map(\.text))
    XCTAssertEqual(l.checks.map(\.measured), s.checks.map(\.measured))
    XCTAssertEqual(l.checks.map(\.standardError), [0.01])
    XCTAssertEqual(l.errata.map(\.message), s.errata.map(\.message))
    XCTAssertNil(RunDocument(live: record, id: nil).id)
  }
}
