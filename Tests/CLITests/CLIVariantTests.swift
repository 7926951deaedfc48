import Foundation
import XCTest

/// `variant`, `problem --variant` and `grade --variant` through the built binary.
extension CLITests {
  func testVariant_writesAVerifiedMemberInEachFormat_andTheSameSeedGivesTheSameText() throws {
    let md = try run(["variant", "3b", "--seed", "5", "--trials", "5000"])
    XCTAssertEqual(md.status, 0, md.stderr)
    XCTAssertTrue(md.stdout.hasPrefix("# Problem 3b, variant 5\n"), md.stdout)
    XCTAssertTrue(md.stdout.contains("**Verdict:** verified"), md.stdout)
    XCTAssertEqual(try run(["variant", "3b", "--seed", "5", "--trials", "5000"]).stdout, md.stdout)
    let json = try run(["variant", "1", "--seed", "3", "--format", "json"])
    XCTAssertEqual(json.status, 0, json.stderr)
    let object = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    XCTAssertEqual(object["status"] as? String, "verified")
    XCTAssertEqual(object["differs_in_structure"] as? Bool, true)
    XCTAssertEqual((object["checks"] as? [Any])?.count, 2)
    let html = try run(["variant", "3b", "--seed", "2", "--trials", "5000", "--format", "html"])
    XCTAssertEqual(html.status, 0, html.stderr)
    XCTAssertTrue(html.stdout.hasPrefix("<!DOCTYPE html>"), html.stdout)
    XCTAssertTrue(html.stdout.contains("<math"), html.stdout)
    XCTAssertFalse(html.stdout.contains("<script"))
  }

  /// Problems 2 and 4: a member in each format, verified; seed 0 is the base problem.
  func testVariant_ofProblems2And4_inEachFormat() throws {
    for id in ["2", "4"] {
      let md = try run(["variant", id, "--seed", "3"])
      XCTAssertEqual(md.status, 0, md.stderr)
      XCTAssertTrue(md.stdout.hasPrefix("# Problem \(id), variant 3\n"), md.stdout)
      XCTAssertTrue(md.stdout.contains("**Verdict:** verified"), md.stdout)
      let json = try run(["variant", id, "--seed", "3", "--format", "json"])
      XCTAssertEqual(json.status, 0, json.stderr)
      let object = try XCTUnwrap(
        JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
      XCTAssertEqual(object["status"] as? String, "verified")
      XCTAssertGreaterThanOrEqual((object["checks"] as? [Any])?.count ?? 0, 2)
      let html = try run(["variant", id, "--seed", "3", "--format", "html"])
      XCTAssertEqual(html.status, 0, html.stderr)
      XCTAssertTrue(html.stdout.hasPrefix("<!DOCTYPE html>"), html.stdout)
      XCTAssertTrue(html.stdout.contains("<math"), html.stdout)
      let base = try run(["variant", id, "--seed", "0", "--format", "json"])
      XCTAssertEqual(base.status, 0, base.stderr)
      let baseObject = try XCTUnwrap(
        JSONSerialization.jsonObject(with: Data(base.stdout.utf8)) as? [String: Any])
      XCTAssertEqual(baseObject["differs_in_structure"] as? Bool, false)
    }
  }

  /// A variant whose checks fail (here: a γ planted in place of the derived one) is refused.
  func testVariant_whoseChecksFail_isRefusedWithTheReasons() throws {
    let r = try run([
      "variant", "3b", "--seed", "5", "--trials", "5000", "--param", "gamma=1/sqrt(2)",
    ])
    XCTAssertEqual(r.status, 1)
    XCTAssertEqual(r.stdout, "")
    XCTAssertTrue(
      r.stderr.hasPrefix(
        "psverify: error: variant 5 of problem 3b is not verified, so it is not handed out: "
          + "check gamma-solves-variance-equation failed: Var γ(A + B_1 + B_2 + B_3) = 2 exactly at "
          + "γ = 1/√2"),
      r.stderr)
  }

  func testVariant_badInput_oneLineErrorsAndExitTwo() throws {
    let cases: [([String], String)] = [
      (
        ["variant", "9z", "--seed", "1"],
        "psverify: error: unknown problem '9z'; known: 1, 2, 3a, 3b, 3c, 4\n"
      ),
      (
        ["variant", "3b", "--seed", "1", "--param", "N=3"],
        "psverify: error: unknown parameter 'N' for problem 3b (this variant); known: gamma\n"
      ),
    ]
    for (arguments, message) in cases {
      let r = try run(arguments)
      XCTAssertEqual(r.status, 2, arguments.joined(separator: " "))
      XCTAssertEqual(r.stderr, message)
    }
    let missing = try run(["variant", "3b"])
    XCTAssertEqual(missing.status, 2)
    XCTAssertTrue(missing.stderr.contains("--seed"), missing.stderr)
  }

  func testProblemAndGrade_withVariant_useTheVariantsStructure() throws {
    let run1 = try run(["problem", "1", "--variant", "4", "--no-store", "--format", "json"])
    XCTAssertEqual(run1.status, 0, run1.stderr)
    XCTAssertTrue(run1.stdout.contains("\"id\": \"instrumented-count-"), run1.stdout)
    XCTAssertTrue(run1.stdout.contains("\"printed\": null"), "a variant has no printed solution")
    // Variant 5 of 3b has three branches: γ = 1/2, and the base answer 1/√2 is wrong there.
    var g = try run(["grade", "3b", "--variant", "5", "--answer", "1/2", "--no-store"])
    XCTAssertTrue(g.stdout.hasPrefix("3b  correct  γ = 1/2"), g.stdout)
    g = try run(["grade", "3b", "--variant", "5", "--answer", "1/sqrt(2)", "--no-store"])
    XCTAssertTrue(g.stdout.hasPrefix("3b  incorrect"), g.stdout)
    XCTAssertTrue(g.stdout.contains("This variant: L_{ℓ+1} = γ(A + B_1 + B_2 + B_3)"), g.stdout)
    g = try run(["grade", "--variant", "5", "--answer", "1/2", "--no-store"])
    XCTAssertEqual(g.status, 2)
  }
}

/// `variant --roster`: one set per student, reproducible, recorded, and used by `grade --student`.
extension CLITests {
  func testRosterOfThirty_regeneratesByteIdenticalSets_andGradeUsesTheRecordedVariant() throws {
    let rows = ["id,name"] + (1...30).map { String(format: "s%02d,Student %d", $0, $0) }
    try Data((rows.joined(separator: "\r\n") + "\r\n").utf8)
      .write(to: directory.appendingPathComponent("roster.csv"))
    let arguments = [
      "variant", "--roster", "roster.csv", "--assignment", "hw2", "--trials", "2000",
      "--db", "r.db",
    ]
    let first = try run(arguments + ["--out", "a"])
    XCTAssertEqual(first.status, 0, first.stderr)
    XCTAssertTrue(
      first.stdout.hasPrefix(
        "wrote 30 problem sets (Markdown and HTML), key.json and key.html to a;"),
      first.stdout)
    let second = try run(arguments + ["--out", "b"])
    XCTAssertEqual(second.status, 0, second.stderr)
    let files = try FileManager.default.contentsOfDirectory(
      atPath: directory.appendingPathComponent("a").path
    ).sorted()
    XCTAssertEqual(files.count, 62)
    for name in files {
      let a = try Data(contentsOf: directory.appendingPathComponent("a/\(name)"))
      let b = try Data(contentsOf: directory.appendingPathComponent("b/\(name)"))
      XCTAssertEqual(a, b, name)
    }
    // Different students get different sets.
    XCTAssertNotEqual(
      try Data(contentsOf: directory.appendingPathComponent("a/s01.md")),
      try Data(contentsOf: directory.appendingPathComponent("a/s02.md")))
    // The key names s07's 3b answer; grading s07 with it is correct, through the recorded variant.
    let key = try XCTUnwrap(
      JSONSerialization.jsonObject(
        with: Data(contentsOf: directory.appendingPathComponent("a/key.json"))) as? [String: Any])
    let students = try XCTUnwrap(key["students"] as? [[String: Any]])
    let s07 = try XCTUnwrap(students.first { $0["id"] as? String == "s07" })
    let problems = try XCTUnwrap(s07["problems"] as? [[String: Any]])
    let p3b = try XCTUnwrap(problems.first { $0["problem"] as? String == "3b" })
    let answer = try XCTUnwrap((p3b["answer"] as? [String: Any])?["text"] as? String)
    let seed = try XCTUnwrap(p3b["seed"] as? Int)
    var g = try run([
      "grade", "3b", "--student", "s07", "--assignment", "hw2", "--answer", answer,
      "--db", "r.db", "--no-store",
    ])
    XCTAssertTrue(g.stdout.hasPrefix("3b  correct"), g.stdout + g.stderr)
    // A sheet: 3b and 2 against s07's recorded variants, answered from the key.
    let p2 = try XCTUnwrap(problems.first { $0["problem"] as? String == "2" })
    let video = try XCTUnwrap((p2["answer"] as? [String: Any])?["text"] as? String)
    try Data("3b: \(answer)\n2: \(video)\n".utf8)
      .write(to: directory.appendingPathComponent("s07.txt"))
    let sheet = try run([
      "grade", "--file", "s07.txt", "--student", "s07", "--assignment", "hw2", "--db", "r.db",
      "--no-store",
    ])
    XCTAssertTrue(sheet.stdout.contains("score: 2/2 correct"), sheet.stdout + sheet.stderr)
    let direct = try run([
      "grade", "3b", "--variant", String(seed), "--answer", answer, "--no-store",
    ])
    XCTAssertTrue(direct.stdout.hasPrefix("3b  correct"), direct.stdout)
    try gradeClass_againstRecordedVariants(students)
    g = try run([
      "grade", "3b", "--student", "s99", "--assignment", "hw2", "--answer", "1/2",
      "--db", "r.db", "--no-store",
    ])
    XCTAssertEqual(g.status, 2)
    XCTAssertEqual(
      g.stderr, "psverify: error: student 's99' is not in the recorded set of 'hw2' (run 2)\n")
  }

  /// `grade --csv` and `grade --dir` with `--assignment`: s01–s04 answer their own variants from
  /// the key, s05–s08 the base problems' answers; each is graded against their recorded variant.
  func gradeClass_againstRecordedVariants(_ students: [[String: Any]]) throws {
    let base = [
      "2": "L_{l+1}[b,x,y,t,j] = sigma(K[j,dX,dY,dT,I] L_l[b,s*x+dX,s*y+dY,s*t+dT,I] - B[j])",
      "4": "L_{l+1,s}[b,x,y,j] = sigma(W_{l+1,left}[dX,dY,I,j] L_{l,s+1}[b,x+dX-1,y+dY-1,I] "
        + "+ W_{l+1,up}[dX,dY,I,j] L_{l,s}[b,2x+dX-1,2y+dY-1,I] - B_{l+1}[j])",
    ]
    func problem(_ id: String, _ p: String) throws -> [String: Any] {
      let s = try XCTUnwrap(students.first { $0["id"] as? String == id })
      let problems = try XCTUnwrap(s["problems"] as? [[String: Any]])
      return try XCTUnwrap(problems.first { $0["problem"] as? String == p })
    }
    var rows = ["id,2,4"]
    let sheets = directory.appendingPathComponent("sheets")
    try FileManager.default.createDirectory(at: sheets, withIntermediateDirectories: true)
    var expected: [String: [String: String]] = [:]
    var differing = 0
    for n in 1...8 {
      let id = String(format: "s%02d", n)
      var answers: [String: String] = [:]
      for p in ["2", "4"] {
        let entry = try problem(id, p)
        if n <= 4 {
          answers[p] = try XCTUnwrap((entry["answer"] as? [String: Any])?["text"] as? String)
          expected[id, default: [:]][p] = "correct"
        } else {
          answers[p] = base[p]!
          if entry["differs_in_structure"] as? Bool == true {
            expected[id, default: [:]][p] = "incorrect"
            differing += 1
          }
        }
      }
      rows.append("\(id),\"\(answers["2"]!)\",\"\(answers["4"]!)\"")
      try Data("2: \(answers["2"]!)\n4: \(answers["4"]!)\n".utf8)
        .write(to: sheets.appendingPathComponent("\(id).txt"))
    }
    XCTAssertGreaterThanOrEqual(differing, 3, "too few structural variants among s05–s08")
    try Data((rows.joined(separator: "\n") + "\n").utf8)
      .write(to: directory.appendingPathComponent("class.csv"))
    for input in [["--csv", "class.csv"], ["--dir", "sheets"]] {
      let r = try run(
        ["grade"] + input
          + ["--assignment", "hw2", "--db", "r.db", "--no-store", "--format", "json"])
      XCTAssertEqual(r.status, 0, r.stderr)
      let doc = try XCTUnwrap(
        JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
      XCTAssertTrue(
        (doc["variants"] as? String)?.hasPrefix(
          "each student graded against their recorded variants of 'hw2' (run ") ?? false,
        "\(doc["variants"] ?? "none")")
      let graded = try XCTUnwrap(doc["students"] as? [[String: Any]])
      for (id, verdicts) in expected {
        let row = try XCTUnwrap(graded.first { $0["id"] as? String == id })
        let notes = (row["notes"] as? [String]) ?? []
        XCTAssertTrue(notes.contains { $0.hasPrefix("variants of 'hw2': ") }, "\(notes)")
        let answers = try XCTUnwrap(row["answers"] as? [[String: Any]])
        for (p, verdict) in verdicts {
          let a = try XCTUnwrap(answers.first { $0["problem"] as? String == p })
          XCTAssertEqual(a["verdict"] as? String, verdict, "\(input) \(id) problem \(p): \(a)")
          if verdict == "incorrect" {
            let feedback = (a["feedback"] as? [String] ?? []).joined(separator: " ")
            XCTAssertTrue(feedback.contains("This variant: "), feedback)
          }
        }
      }
    }
  }

  func testRoster_badInput_oneLineErrorsAndExitTwo() throws {
    try Data("email\nx\n".utf8).write(to: directory.appendingPathComponent("bad.csv"))
    let cases: [([String], String)] = [
      (
        ["variant", "--roster", "bad.csv", "--assignment", "hw", "--out", "o", "--no-store"],
        "psverify: error: 'bad.csv' has no student id column; name it one of: id, student, "
          + "student id, student_id, sis user id\n"
      ),
      (
        ["variant", "--roster", "none.csv", "--assignment", "hw", "--out", "o", "--no-store"],
        "psverify: error: cannot read the roster 'none.csv': no such file\n"
      ),
      (
        [
          "grade", "3b", "--student", "s1", "--assignment", "hw", "--answer", "1/2", "--db", "x.db",
        ],
        "psverify: error: there is no results database at 'x.db'; run psverify first, or pass "
          + "--db PATH\n"
      ),
    ]
    for (arguments, message) in cases {
      let r = try run(arguments)
      XCTAssertEqual(r.status, 2, arguments.joined(separator: " "))
      XCTAssertEqual(r.stderr, message)
    }
    let missing = try run(["variant", "--roster", "bad.csv"])
    XCTAssertEqual(missing.status, 2)
    XCTAssertTrue(
      missing.stderr.contains("--roster needs --assignment NAME and --out DIR"), missing.stderr)
  }
}
