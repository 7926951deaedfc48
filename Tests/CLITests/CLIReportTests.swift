import Foundation
import XCTest

/// `report` and `problem --report` through the built binary.
extension CLITests {
  func testReport_fromAStoredRunInEveryFormat_andItsErrors() throws {
    let db = directory.appendingPathComponent("report.db").path
    let html = directory.appendingPathComponent("run.html").path
    var r = try run([
      "problem", "1", "4", "--param", "shapes=3", "--param", "k=2", "--param", "batch=1",
      "--db", db, "--quiet", "--report", html,
    ])
    XCTAssertEqual(r.status, 0, r.stderr)
    let page = try String(contentsOfFile: html, encoding: .utf8)
    XCTAssertTrue(
      page.contains("<math") && page.contains("<svg") && page.contains("id=\"fig-p1-counts\""))
    let notebook = directory.appendingPathComponent("run.ipynb").path
    r = try run(["report", "--db", db, "-o", notebook])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(try String(contentsOfFile: notebook, encoding: .utf8).contains("\"nbformat\": 4"))
    r = try run(["report", "--db", db, "--run", "1", "--format", "markdown"])
    XCTAssertEqual(r.status, 0)
    XCTAssertTrue(r.stdout.hasPrefix("# psverify report — run 1"), r.stdout)
    // Errors: one line, exit 2, nothing written.
    let cases: [([String], String)] = [
      (
        ["report", "--db", db, "--run", "9"],
        "psverify: error: unknown run 9; stored runs: 1…1 (1 in all)\n"
      ),
      (
        ["report", "--db", db, "-o", "/nonexistent/dir/r.html"],
        "psverify: error: cannot write the report to '/nonexistent/dir/r.html': the directory '/nonexistent/dir' does not exist\n"
      ),
      (
        ["report", "--db", db, "-o", directory.path],
        "psverify: error: cannot tell the report format from '\(directory.path)'; name the file .html, .ipynb, .md, .json or .txt, or pass --format html, ipynb, markdown, json or text\n"
      ),
      (
        ["report", "--db", db, "--format", "pdf"],
        "psverify: error: unknown report format 'pdf'; accepted: html, ipynb, markdown, json, text\n"
      ),
      (
        ["report", "--db", directory.appendingPathComponent("none.db").path],
        "psverify: error: there is no results database at '\(directory.appendingPathComponent("none.db").path)'; run psverify first, or pass --db PATH\n"
      ),
      (
        ["problem", "1", "--no-store", "--report", html],
        "psverify: error: --report renders the stored run, so it cannot go with --no-store\n"
      ),
    ]
    for (arguments, message) in cases {
      r = try run(arguments)
      XCTAssertEqual(r.status, 2, "\(arguments)")
      XCTAssertEqual(r.stderr, message, "\(arguments)")
    }
    // An empty file where the database should be: exit 2, one line.
    let empty = directory.appendingPathComponent("empty.db").path
    XCTAssertTrue(FileManager.default.createFile(atPath: empty, contents: nil))
    r = try run(["report", "--db", empty])
    XCTAssertEqual(r.status, 2)
    XCTAssertEqual(r.stderr.filter { $0 == "\n" }.count, 1, r.stderr)
  }
}
