import Foundation
import XCTest

/// A run's Markdown printed live is the document `report` renders from results.db.
extension CLITests {
  var smallPair: [String] {
    ["problem", "1", "4", "--param", "shapes=3", "--param", "k=2", "--param", "batch=1"]
  }

  func testRunMarkdown_isTheStoredRunsReport() throws {
    let db = directory.appendingPathComponent("markdown.db").path
    let live = try run(smallPair + ["--db", db, "--format", "markdown"])
    XCTAssertEqual(live.status, 0, live.stderr)
    XCTAssertTrue(live.stdout.hasPrefix("# psverify report — run 1\n"), live.stdout)
    let report = try run(["report", "--db", db, "--run", "1", "--format", "markdown"])
    XCTAssertEqual(report.status, 0, report.stderr)
    XCTAssertEqual(report.stdout, live.stdout)
    // A second run is another document.
    let second = try run(smallPair + ["--db", db, "--format", "markdown", "--seed", "9"])
    XCTAssertEqual(second.status, 0, second.stderr)
    XCTAssertNotEqual(second.stdout, live.stdout)
    let unstored = try run(smallPair + ["--no-store", "--format", "markdown"])
    XCTAssertEqual(unstored.status, 0, unstored.stderr)
    XCTAssertTrue(unstored.stdout.hasPrefix("# psverify report — an unstored run\n"))
  }

  /// The one database rule: --db, else $PSVERIFY_DB, else ./results.db.
  func testDatabasePathRule_dbThenEnvironmentThenWorkingDirectory() throws {
    let db = directory.appendingPathComponent("rule.db").path
    XCTAssertEqual(try run(quick + ["--db", db]).status, 0)
    let byOption = try run(["history", "--db", db, "--format", "json"])
    let byEnvironment = try run(["history", "--format", "json"], environment: ["PSVERIFY_DB": db])
    XCTAssertEqual(byOption.status, 0, byOption.stderr)
    XCTAssertEqual(byEnvironment.stdout, byOption.stdout)
    let missing = directory.appendingPathComponent("none.db").path
    let overridden = try run(["history", "--db", missing], environment: ["PSVERIFY_DB": db])
    XCTAssertEqual(overridden.status, 2)
    XCTAssertEqual(
      overridden.stderr,
      "psverify: error: there is no results database at "
        + "'\(missing)'; run psverify first, or pass --db PATH\n")
  }
}
