import Foundation
import ResultStore
import XCTest

/// `class --served`: the attempts psverify-serve stored, read by the CLI as a class (latest
/// attempt per student and problem) in text, JSON, HTML and the gradebook CSV.
extension CLITests {
  /// A roster of three (one name with markup) and six attempts (one with a script tag), as the
  /// server stores them.
  func storeServedAttempts(_ path: String) throws {
    let store = try ServeStore(path: path)
    defer { store.close() }
    _ = try store.importRoster([
      ("ada", "Ada", "A", "ada@x"), ("bob", "<b>Bob</b>", "A", "bob@x"), ("cy", "Cy", "B", "cy@x"),
    ])
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    let attempts: [(String, String, String?, String, String, String)] = [
      ("ada", "3b", nil, "1/2", "incorrect", "1/2"),
      ("ada", "3b", nil, "1/sqrt(2)", "correct", "1/sqrt(2)"),
      ("bob", "1", nil, "B*X*Y*dX*dY*Nout*Nin", "correct", "right"),
      ("bob", "1", nil, "B*X*Y", "incorrect", "BXY"),
      ("ada", "2", "17", "L[b] = K[b]", "incorrect", "eq"),
      ("cy", "3c", nil, "<script>alert(1)</script>", "unreadable", "script"),
    ]
    for (i, a) in attempts.enumerated() {
      try store.store(
        ServeAttempt(
          student: a.0, problem: a.1, variant: a.2, answer: a.3, verdict: a.4, reading: a.3,
          feedback: ["feedback \(i)"], groupKey: a.5, seed: 31230, seconds: 0.1,
          at: t0.addingTimeInterval(Double(i))))
    }
  }

  func testClassServed_showsEachStudentsLatestAttempt_inTextJSONHTMLAndGradebook() throws {
    try storeServedAttempts(directory.appendingPathComponent("results.db").path)
    let text = try run(["class", "--served", "--gradebook", "gb.csv"])
    XCTAssertEqual(text.status, 0, text.stderr)
    XCTAssertTrue(text.stdout.contains("6 attempts posted to psverify-serve"), text.stdout)
    // 3b: ada's latest is correct, bob and cy never tried it.
    XCTAssertTrue(
      text.stdout.contains(
        "problem 3b: 33% correct, 0% incorrect, 0% unreadable, "
          + "67% missing"), text.stdout)
    // 1: bob's latest is incorrect although his first attempt was correct.
    XCTAssertTrue(text.stdout.contains("problem 1: 0% correct, 33% incorrect"), text.stdout)
    XCTAssertTrue(
      text.stdout.contains(
        "  ada (Ada): 2: 1 attempt, latest incorrect; variant 17; "
          + "3b: 2 attempts, latest correct\n"), text.stdout)
    XCTAssertTrue(
      text.stdout.contains("  cy (Cy): 3c: 1 attempt, latest unreadable\n"),
      text.stdout)
    let gradebook = try String(
      contentsOf: directory.appendingPathComponent("gb.csv"), encoding: .utf8)
    XCTAssertEqual(
      gradebook.split(separator: "\r\n"),
      [
        "id,name,section,email,status,1,2,3a,3b,3c,4,total,maximum",
        "ada,Ada,A,ada@x,graded,0,0,0,1,0,0,1,6",
        "bob,<b>Bob</b>,A,bob@x,graded,0,0,0,0,0,0,0,6",
        "cy,Cy,B,cy@x,graded,0,0,0,0,0,0,0,6",
      ])
    let json = try run(["class", "--served", "--format", "json"])
    XCTAssertEqual(json.status, 0, json.stderr)
    XCTAssertTrue(
      json.stdout.contains("\"1: 2 attempts, latest incorrect (attempt 1 was correct)\""),
      json.stdout)
    XCTAssertTrue(
      json.stdout.contains("\"2: 1 attempt, latest incorrect; variant 17\""),
      json.stdout)
    XCTAssertTrue(json.stdout.contains("\"3b: 2 attempts, latest correct\""), json.stdout)
    let html = try run(["class", "--served", "--format", "html"])
    XCTAssertEqual(html.status, 0, html.stderr)
    XCTAssertTrue(html.stdout.contains("<svg") && html.stdout.contains("</html>"))
    XCTAssertTrue(html.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html.stdout)
    XCTAssertFalse(html.stdout.contains("<script"), "an answer is escaped")
  }

  func testClassServed_refusesRunAndSaysWhenNothingWasServed() throws {
    try storeServedAttempts(directory.appendingPathComponent("results.db").path)
    let both = try run(["class", "--served", "--run", "1"])
    XCTAssertNotEqual(both.status, 0)
    XCTAssertTrue(both.stderr.contains("--served reads the page's attempts"), both.stderr)
    ServeStore.touch(directory.appendingPathComponent("empty.db").path)
    let empty = try run(["class", "--served", "--db", "empty.db"])
    XCTAssertEqual(empty.status, 2, empty.stderr)
    XCTAssertTrue(empty.stderr.contains("holds no attempts posted to psverify-serve"), empty.stderr)
  }
}

extension ServeStore {
  /// Creates an empty, migrated database at `path`.
  static func touch(_ path: String) {
    (try? ServeStore(path: path))?.close()
  }
}
