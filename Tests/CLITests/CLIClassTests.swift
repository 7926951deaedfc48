import Foundation
import XCTest

/// `grade --dir/--csv`, `class` and `regrade` end to end: outputs, the stored run, and each bad
/// input's message and exit code.
extension CLITests {
  func put(_ path: String, _ text: String) throws {
    let url = directory.appendingPathComponent(path)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  var dbExists: Bool {
    FileManager.default.fileExists(atPath: directory.appendingPathComponent("results.db").path)
  }

  func testClass_gradeWritesOutputsAndStores_classAndRegradeReadIt() throws {
    try put("sheets/ada.txt", "1: B*X*Y*dX*dY*Nout*Nin\n3b: 1/sqrt(2)\n")
    try put("sheets/bob.txt", "1: B*X*Y*dX*dY*Nout\r\n3b: 1/2\r\n")
    try put("sheets/cy.txt", "3b: 0.5\n")
    try Data([0x00, 0x01, 0x02]).write(to: directory.appendingPathComponent("sheets/dee.bin"))
    try put(
      "roster.csv",
      "id,name,section,email\nada,Ada,A,ada@x\nbob,Bob,A,bob@x\ncy,Cy,B,cy@x\n"
        + "dee,Dee,B,dee@x\nzed,Zed,B,zed@x\n")
    try put("rubric.toml", "assignment = \"PS1\"\ncanvas_id = 7\n[problems.1]\npoints = 2\n")
    let r = try run([
      "grade", "--dir", "sheets", "--roster", "roster.csv", "--rubric", "rubric.toml",
      "--gradebook", "gb.csv", "--canvas", "canvas.csv", "--feedback", "fb", "--reveal",
    ])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stdout.contains("class run 1: 5 students, 6 problems (--dir sheets)"), r.stdout)
    XCTAssertTrue(r.stdout.contains("sheets: 3 graded, 1 unreadable, 1 missing"), r.stdout)
    let gradebook = try String(
      contentsOf: directory.appendingPathComponent("gb.csv"), encoding: .utf8)
    XCTAssertEqual(
      gradebook.split(separator: "\r\n").first,
      "id,name,section,email,status,1,2,3a,3b,3c,4,total,maximum")
    XCTAssertTrue(gradebook.contains("ada,Ada,A,ada@x,graded,2,0,0,1,0,0,3,7\r\n"), gradebook)
    XCTAssertTrue(gradebook.contains("bob,Bob,A,bob@x,graded,0,0,0,0,0,0,0,7\r\n"), gradebook)
    XCTAssertTrue(gradebook.contains("dee,Dee,B,dee@x,unreadable,0,0,0,0,0,0,0,7\r\n"), gradebook)
    XCTAssertTrue(gradebook.contains("zed,Zed,B,zed@x,missing,0,0,0,0,0,0,0,7\r\n"), gradebook)
    let canvas = try String(
      contentsOf: directory.appendingPathComponent("canvas.csv"), encoding: .utf8)
    XCTAssertTrue(
      canvas.hasPrefix(
        "Student,ID,SIS User ID,SIS Login ID,Section,PS1 (7)\r\n    Points Possible,,,,,7\r\n"))
    XCTAssertTrue(canvas.contains("Ada,,ada,ada@x,A,3\r\n"))
    let page = try String(
      contentsOf: directory.appendingPathComponent("fb/dee.html"), encoding: .utf8)
    XCTAssertTrue(page.contains("a binary file (it holds NUL bytes)"), page)
    let md = try String(contentsOf: directory.appendingPathComponent("fb/bob.md"), encoding: .utf8)
    XCTAssertTrue(md.contains("lacks the factor N_in"), md)
    XCTAssertTrue(md.contains("psverify's answer: `"), "--reveal shows the answer")

    let text = try run(["class"])
    XCTAssertEqual(text.status, 0, text.stderr)
    XCTAssertTrue(
      text.stdout.contains("problem 3b: 20% correct, 40% incorrect, 0% unreadable, 40% missing"),
      text.stdout)
    XCTAssertTrue(text.stdout.contains("     2 incorrect  e.g. 0.5 [2 spellings]"), text.stdout)
    let html = try run(["class", "--run", "1", "--format", "html"])
    XCTAssertTrue(html.stdout.contains("<svg") && html.stdout.contains("</html>"))
    let json = try run(["class", "--format", "json"])
    XCTAssertTrue(json.stdout.contains("\"members\": [\n"), json.stdout)

    let regrade = try run(["regrade", "--run", "1"])
    XCTAssertEqual(regrade.status, 0, regrade.stderr)
    XCTAssertTrue(regrade.stdout.contains("0 of 5 students changed"), regrade.stdout)
    XCTAssertTrue(regrade.stdout.contains("stored as run 2"), regrade.stdout)
  }

  func testClass_csvWithBOMAndCRLF_jsonOnStandardOutput() throws {
    try put(
      "form.csv",
      "\u{FEFF}Timestamp,Student ID,Name,1,3b\r\n"
        + "t1,ada,\"Lovelace, Ada\",B*X*Y*dX*dY*Nout*Nin,\"1/sqrt(2)\"\r\n"
        + "t2,bob,Bob,\"B*X*(Y\",\r\n")
    let r = try run([
      "grade", "--csv", "form.csv", "--format", "json", "--no-store",
      "--gradebook", "gb.csv",
    ])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stdout.contains("\"stored\": \"not stored (--no-store)\""), r.stdout)
    XCTAssertTrue(r.stdout.contains("\"name\": \"Lovelace, Ada\""), r.stdout)
    let gradebook = try String(
      contentsOf: directory.appendingPathComponent("gb.csv"), encoding: .utf8)
    XCTAssertTrue(
      gradebook.contains("ada,\"Lovelace, Ada\",,,graded,1,0,0,1,0,0,2,6\r\n"), gradebook)
    XCTAssertTrue(gradebook.contains("bob,Bob,,,graded,0,0,0,0,0,0,0,6\r\n"), gradebook)
    XCTAssertFalse(dbExists)
  }

  func testClass_badInputs_messagesAndExitTwo_nothingStored() throws {
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("empty"),
      withIntermediateDirectories: true)
    try put("dup/ada.txt", "1: B\n")
    try put("dup/ada.md", "1: B\n")
    try put("form.csv", "id,1,9z\nada,B,C\n")
    try put("bad.toml", "[problems.1]\npoints = \"two\"\n")
    try put("ok/ada.txt", "1: B\n")
    let cases: [([String], String)] = [
      (
        ["grade", "--dir", "empty"],
        "psverify: error: 'empty' holds no answer sheets; put one file per student there (the file name "
          + "is the student id), e.g. alice.txt with lines like 3b: 1/sqrt(2)\n"
      ),
      (
        ["grade", "--dir", "dup"],
        "psverify: error: the student id 'ada' appears twice (ada.md and ada.txt); each student has one sheet\n"
      ),
      (
        ["grade", "--csv", "form.csv"],
        "psverify: error: 'form.csv' has a column '9z' that is no problem id; known: 1, 2, 3a, 3b, 3c, 4 "
          + "(and id, name, section, email, timestamp)\n"
      ),
      (
        ["grade", "--dir", "ok", "--rubric", "bad.toml"],
        "psverify: error: the rubric 'bad.toml': problems.1.points must be a non-negative number up to 1000000\n"
      ),
      (
        ["grade", "--dir", "nowhere"],
        "psverify: error: 'nowhere' is not a directory; pass --dir with a directory of answer sheets, or --csv FILE\n"
      ),
      (
        ["grade", "--dir", "ok", "--gradebook", "no/such/dir/gb.csv"],
        "psverify: error: cannot write 'no/such/dir/gb.csv': its directory does not exist\n"
      ),
      (
        ["class"],
        "psverify: error: there is no results database at 'results.db'; run psverify first, or pass --db PATH\n"
      ),
    ]
    for (arguments, message) in cases {
      let r = try run(arguments)
      XCTAssertEqual(r.status, 2, arguments.joined(separator: " "))
      XCTAssertEqual(r.stderr, message, arguments.joined(separator: " "))
      XCTAssertFalse(dbExists, "nothing stored by \(arguments)")
    }
    let reveal = try run(["grade", "--dir", "ok", "--reveal"])
    XCTAssertEqual(reveal.status, 2)
    XCTAssertTrue(
      reveal.stderr.contains("--reveal shows answers in feedback files; add --feedback DIR"),
      reveal.stderr)
  }
}
