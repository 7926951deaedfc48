import Foundation
import ResultStore
import Verification
import XCTest

/// The read-only readers of what the page stores: the served class (tokens blanked) and an
/// assignment's recorded variant set (the latest run of that assignment).
final class ServedReadTests: XCTestCase {
  var path = ""

  override func setUpWithError() throws {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("psverify-served-\(UUID().uuidString).db").path
  }

  override func tearDownWithError() throws {
    for suffix in ["", "-wal", "-shm"] {
      try? FileManager.default.removeItem(atPath: path + suffix)
    }
  }

  func set(_ assignment: String, _ seeds: [(String, Int)]) -> RunRecord {
    var r = RunRecord(
      startedAt: Date(), finishedAt: Date(), version: "test", seed: 1, trials: nil,
      parameters: .object([
        ("assignment", .string(assignment)),
        ("students", .object(seeds.map { ($0.0, .object([("3b", .integer($0.1))])) })),
      ]), commandLine: "psverify variant", reports: [])
    r.kind = .variantSet
    return r
  }

  func testVariantSet_isTheLatestRunOfThatAssignment() throws {
    let store = ResultStore(path: path)
    _ = try store.store(set("hw1", [("ada", 5), ("bob", 6)]))
    let latest = try store.store(set("hw1", [("ada", 7)]))
    _ = try store.store(set("hw2", [("ada", 9)]))
    var other = ResultStoreTests.record(seed: 3)
    other.parameters = .object([("assignment", .string("hw1"))])
    _ = try store.store(other)  // a verify run naming hw1 is not a variant set
    let found = try XCTUnwrap(try store.variantSet(assignment: "hw1"))
    XCTAssertEqual(found.run, latest)
    XCTAssertEqual(found.seeds, ["ada": ["3b": 7]])
    XCTAssertEqual(try store.variantSet(assignment: "hw2")?.seeds, ["ada": ["3b": 9]])
    XCTAssertNil(try store.variantSet(assignment: "hw3"))
  }

  func testServed_readsRosterWithoutTokens_andAttemptsInOrder() throws {
    let serve = try ServeStore(path: path)
    let links = try serve.importRoster(
      [("ada", "Ada", "A", "a@x")], assignment: "hw1", variants: ["ada": ["3b": 7]])
    for verdict in ["incorrect", "correct"] {
      try serve.store(
        ServeAttempt(
          student: "ada", problem: "3b", variant: "7", answer: verdict, verdict: verdict,
          reading: nil, feedback: [], groupKey: verdict, seed: 1, seconds: 0, at: Date()))
    }
    serve.close()
    let (roster, attempts) = try ResultStore(path: path).served()
    XCTAssertEqual(roster.map(\.student), ["ada"], "the staff credential is not a student")
    XCTAssertEqual(roster.map(\.token), [""], "no private link is read out")
    XCTAssertNotEqual(links[0].token, "")
    XCTAssertEqual(roster[0].variants, ["3b": 7])
    XCTAssertEqual(roster[0].assignment, "hw1")
    XCTAssertEqual(attempts.map(\.verdict), ["incorrect", "correct"])
    XCTAssertEqual(attempts.map(\.variant), ["7", "7"])
  }
}
