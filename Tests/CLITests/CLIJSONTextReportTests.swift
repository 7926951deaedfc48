import Foundation
import XCTest

/// A run's JSON and text printed live are what `report --format json|text` renders from
/// results.db: both are emitters of the one run document.
extension CLITests {
  func testRunJSON_isTheStoredRunsReport() throws {
    let db = directory.appendingPathComponent("json.db").path
    let live = try run(smallPair + ["--db", db, "--format", "json"])
    XCTAssertEqual(live.status, 0, live.stderr)
    XCTAssertTrue(live.stdout.contains("\"stored\": \"stored as run 1 in \(db)\""), live.stdout)
    let report = try run(["report", "--db", db, "--run", "1", "--format", "json"])
    XCTAssertEqual(report.status, 0, report.stderr)
    XCTAssertEqual(report.stdout, live.stdout)
    // The format follows -o's extension too.
    let file = directory.appendingPathComponent("run.json").path
    XCTAssertEqual(try run(["report", "--db", db, "--run", "1", "-o", file]).status, 0)
    XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), live.stdout)
    // The comparison can fail: another seed is another document.
    let second = try run(smallPair + ["--db", db, "--format", "json", "--seed", "9"])
    XCTAssertEqual(second.status, 0, second.stderr)
    let secondReport = try run(["report", "--db", db, "--run", "2", "--format", "json"])
    XCTAssertEqual(secondReport.stdout, second.stdout)
    XCTAssertNotEqual(second.stdout, live.stdout)
    // Without a database the document is still made, and says it was not stored.
    let unstored = try run(smallPair + ["--no-store", "--format", "json"])
    XCTAssertEqual(unstored.status, 0, unstored.stderr)
    XCTAssertTrue(unstored.stdout.contains("\"id\": null,"), unstored.stdout)
    XCTAssertTrue(unstored.stdout.contains("\"stored\": \"not stored (--no-store)\""))
  }

  func testRunText_isTheStoredRunsReport() throws {
    let db = directory.appendingPathComponent("text.db").path
    let live = try run(smallPair + ["--db", db])
    XCTAssertEqual(live.status, 0, live.stderr)
    XCTAssertTrue(live.stdout.hasPrefix("━━ Problem 1 · "), live.stdout)
    // Problem 4's `--param`s as it read them (problem 1 has neither k nor batch).
    XCTAssertTrue(live.stdout.contains("  Parameters given: batch=1, k=2\n"), live.stdout)
    XCTAssertTrue(live.stdout.hasSuffix("  stored as run 1 in \(db)\n"), live.stdout)
    let report = try run(["report", "--db", db, "--format", "text"])
    XCTAssertEqual(report.status, 0, report.stderr)
    XCTAssertEqual(report.stdout, live.stdout)
    let unstored = try run(smallPair + ["--no-store"])
    XCTAssertEqual(unstored.status, 0, unstored.stderr)
    XCTAssertTrue(unstored.stdout.hasSuffix("  not stored (--no-store)\n"), unstored.stdout)
    // The comparison can fail: a stored run of another seed renders differently.
    XCTAssertEqual(try run(smallPair + ["--db", db, "--seed", "9"]).status, 0)
    let other = try run(["report", "--db", db, "--format", "text"])
    XCTAssertNotEqual(other.stdout, live.stdout)
    XCTAssertTrue(other.stdout.contains("seed 9,"), other.stdout)
  }
}
