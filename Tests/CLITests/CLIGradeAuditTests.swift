import Foundation
import TestSupport
import XCTest

/// `grade`, `audit` and hostile input through the built binary.
extension CLITests {
  func grade(_ id: String, _ answer: String) throws -> Result {
    try run(["grade", id, "--answer", answer, "--no-store"])
  }

  func testGrade_theIssuesExamples() throws {
    var r = try grade("3b", "sqrt(2)/2")
    XCTAssertEqual(r.status, 0)
    XCTAssertTrue(r.stdout.hasPrefix("3b  correct  γ = 1/√2"), r.stdout)
    r = try grade("3b", "1/2")
    XCTAssertEqual(r.status, 0)
    XCTAssertTrue(
      r.stdout.contains("3b  incorrect") && r.stdout.contains("gives Var γ(A + B) = 2γ² = 0.5"),
      r.stdout)
    r = try grade("1", "B*X*Y*N_in*N_out")
    XCTAssertTrue(
      r.stdout.contains("incorrect")
        && r.stdout.contains("the answer gives 72 multiplies and the verified count is 432"),
      r.stdout)
    r = try grade("3c", "gamma^(L-2)")
    XCTAssertTrue(r.stdout.contains("is the factor at L_1"), r.stdout)
    r = try grade(
      "2", "L_{l+1}[b,x,y,t,j] = sigma(K[j,dX,dY,dT,I] L_l[b,s*x+dX,s*y+dY,t+dT,I] - B[j])")
    XCTAssertTrue(r.stdout.contains("The stride is applied to x and y but not to t."), r.stdout)
    r = try grade("2", "L[b, x = σ(K[j] L[b])")
    XCTAssertEqual(r.status, 0)
    XCTAssertTrue(
      r.stdout.contains("2  unreadable") && r.stdout.contains("line 1, column 8"), r.stdout)
    r = try grade("3b", "-1/sqrt(2)")
    XCTAssertTrue(r.stdout.contains("under the convention: the negative root"), r.stdout)
  }

  func testGradeFile_gradesEachAndStoresTheSubmissions() throws {
    let file = directory.appendingPathComponent("answers.txt")
    try """
    # right, wrong and malformed answers for all six problems
    1: B*X*Y*dX*dY*Nout*Nin
    2: L_{l+1}[b,x,y,t,j] = sigma(K[j,dX,dY,dT,I] L_l[b,s*x+dX,s*y+dY,s*t+dT,I] - B[j])
    3a: 2*N*Nb*(L-1); N^2*(L-1); Nb <= N/2
    3b: 1/2
    3c: gamma^(L-1
    4: L_{\\ell+1,s}[b,x,y,j] = \\sigma(W_{\\ell+1,\\leftarrow}[\\Delta X,\\Delta Y,I,j] L_{\\ell,s+1}[b,x+\\Delta X,y+\\Delta Y,I]
       + W_{\\ell+1,\\uparrow}[\\Delta X,\\Delta Y,I,j] L_{\\ell,s}[b,2x+\\Delta X,2y+\\Delta Y,I] - B_{\\ell+1}[j])
    """.write(to: file, atomically: true, encoding: .utf8)
    let db = directory.appendingPathComponent("g.db").path
    let r = try run(["grade", "--file", file.path, "--format", "json", "--db", db])
    XCTAssertEqual(r.status, 0, r.stderr)
    let object = try json(r.stdout)
    let verdicts = try XCTUnwrap(object["submissions"] as? [[String: Any]]).map {
      "\($0["problem"]!) \($0["verdict"]!)"
    }
    XCTAssertEqual(
      verdicts,
      ["1 correct", "2 correct", "3a incorrect", "3b incorrect", "3c unreadable", "4 correct"])
    XCTAssertEqual(try sqlite(db, "SELECT COUNT(*) FROM submission"), "6")
    XCTAssertEqual(try sqlite(db, "SELECT kind FROM run"), "grade")
    let missing = try run(["grade", "--file", directory.appendingPathComponent("none.txt").path])
    XCTAssertEqual(missing.status, 2)
    XCTAssertTrue(missing.stderr.hasSuffix("no such file\n"), missing.stderr)
    let unknown = try run(["grade", "9z", "--answer", "1"])
    XCTAssertEqual(unknown.status, 2)
    XCTAssertEqual(
      unknown.stderr, "psverify: error: unknown problem '9z'; known: 1, 2, 3a, 3b, 3c, 4\n")
  }

  func testAudit_shippedSetTextJsonAndSarif() throws {
    let text = try run(["audit", "--no-store", "--no-spelling"])
    XCTAssertEqual(text.status, 1, text.stderr)
    XCTAssertTrue(
      text.stdout.contains("[missing-comma]") && text.stdout.contains("line 19, column 76"),
      text.stdout)
    let sarif = try run(["audit", "--no-store", "--no-spelling", "--format", "sarif"])
    let object = try json(sarif.stdout)
    XCTAssertEqual(object["version"] as? String, "2.1.0")
    let run0 = try XCTUnwrap((object["runs"] as? [[String: Any]])?.first)
    let results = try XCTUnwrap(run0["results"] as? [[String: Any]])
    let jsonOut = try json(
      try run(["audit", "--no-store", "--no-spelling", "--format", "json"]).stdout)
    XCTAssertEqual(results.count, (jsonOut["findings"] as? [Any])?.count)
    let region = try XCTUnwrap(
      ((results.first?["locations"] as? [[String: Any]])?.first?["physicalLocation"]
        as? [String: Any])?["region"] as? [String: Any])
    XCTAssertNotNil(region["startLine"] as? Int)
  }

  func testAudit_storesFindingsUnderTheDocumentsHash() throws {
    let db = directory.appendingPathComponent("a.db").path
    XCTAssertEqual(try run(["audit", "--no-spelling", "--db", db]).status, 1)
    XCTAssertEqual(try sqlite(db, "SELECT kind FROM run"), "audit")
    XCTAssertEqual(try sqlite(db, "SELECT length(sha256) FROM audited_document"), "64")
    XCTAssertNotEqual(try sqlite(db, "SELECT COUNT(*) FROM audit_finding"), "0")
  }

  func testAudit_hostileDocumentsEndWithAMessageOrFindings() throws {
    func write(_ name: String, _ bytes: [UInt8]) -> String {
      let path = directory.appendingPathComponent(name).path
      _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
      return path
    }
    let empty = write("empty.md", Array("Just some notes, no problems.\n".utf8))
    var r = try run(["audit", empty, "--no-store", "--no-spelling"])
    XCTAssertEqual(r.status, 0)
    XCTAssertTrue(r.stdout.hasPrefix("no problems found in empty.md"), r.stdout)
    r = try run(["audit", write("bin.md", [0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]), "--no-store"])
    XCTAssertEqual(r.status, 2)
    XCTAssertTrue(r.stderr.contains("is not a text document (a NUL byte at byte 4)"), r.stderr)
    r = try run(["audit", write("latin1.md", Array("caf".utf8) + [0xe9]), "--no-store"])
    XCTAssertEqual(r.status, 2)
    XCTAssertTrue(r.stderr.contains("is not UTF-8 text (invalid byte at byte 3)"), r.stderr)
    r = try run([
      "audit", write("dollar.md", Array("**Problem 1.** Let $x[i] = W[i,J] v[J] be.\n".utf8)),
      "--no-store", "--no-spelling",
    ])
    XCTAssertEqual(r.status, 1)
    XCTAssertTrue(r.stdout.contains("[unclosed-math]"), r.stdout)
    r = try run(["audit", directory.appendingPathComponent("none.md").path, "--no-store"])
    XCTAssertEqual(r.status, 2)
    XCTAssertTrue(r.stderr.hasSuffix("no such file\n"), r.stderr)
    // 2 MB: the problem set repeated, every problem of it read (a debug build reads about 0.5 MB
    // a second; `Fuzz/run.sh document` and the README's figures cover the 10 MB limit in release).
    let big = String(
      repeating: try String(
        contentsOf: URL(fileURLWithPath: #filePath)
          .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
          .appendingPathComponent("Problems/ttic31230-cnn-2019.md"), encoding: .utf8) + "\n",
      count: 320)
    let path = write("big.md", Array(big.utf8))
    XCTAssertGreaterThan(big.utf8.count, 2_000_000)
    r = try run(["audit", path, "--no-store", "--no-spelling", "--format", "json"])
    XCTAssertEqual(r.status, 1, r.stderr)  // findings, within the watchdog: no hang
  }

  /// The commands that trapped or hung in 0.1.0: each ends within seconds with exit 0, 1 or 2.
  func testHostileCommands_neverTrapNorHang() throws {
    let j = (0..<64).map { "A[J_{\($0)}]" }.joined(separator: " ")
    let cases: [[String]] = [
      ["notation", "y[i] = A[i,j]", "--shape", "A=2,2", "--shape", "y=2"],
      ["notation", "y[i] = A[i] B[j]", "--shape", "A=2", "--shape", "B=2", "--shape", "y=2"],
      ["notation", "y[i] = A[i] + B[J]", "--shape", "A=2", "--shape", "B=2", "--shape", "y=2"],
      [
        "notation", "y[x] = A[999999999999999999sx]", "--shape", "A=8", "--shape", "y=2", "--param",
        "s=1000000",
      ],
      [
        "notation", "y[x] = A[4611686018427387903x+4611686018427387903x+4611686018427387903x]",
        "--shape", "A=8", "--shape", "y=2",
      ],
      ["notation", "y[i] = A[i,J] x[J]", "--shape", "A=65536,65536", "--shape", "x=65536"],
      [
        "notation", "y[i] = A[i,J,K,M] x[J]", "--shape", "A=1048576,1048576,1048576,1048576",
        "--shape", "x=4",
      ],
      ["notation", "y[i] = " + String(repeating: "x", count: 100_000)],
      ["notation", "y[" + String(repeating: "i", count: 100_000) + "] = A[i]"],
      ["notation", "y[i] = \(j)", "--shape", "A=2", "--shape", "y=2"],
    ]
    for arguments in cases {
      let r = try run(arguments)  // the watchdog fails the test on a hang
      let label = String(arguments.joined(separator: " ").prefix(80))
      XCTAssertTrue(
        [0, 1, 2].contains(r.status), "\(label): exit \(r.status)\n\(r.stderr.prefix(500))")
      if r.status == 2 { XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr) }
    }
  }

  /// No JSON output repeats a key within one object (grade repeated `answer`); `list` names the
  /// plain-text spellings.
  func testJSONOutputs_noRepeatedKeys_andListShowsSpellings() throws {
    let outputs = [
      try run([
        "grade", "3a", "--answer", "2*N*Nb*(L-1); N^2*(L-1); Nb < N/2", "--format", "json",
        "--no-store",
      ]),
      try run(["audit", "--no-store", "--no-spelling", "--format", "json"]),
      try run(["audit", "--no-store", "--no-spelling", "--format", "sarif"]),
      try run(["notation", "L[b, x] = W[x, ΔX] v[b, x + ΔX]", "--format", "json"]),
    ]
    for r in outputs {
      XCTAssertEqual(try duplicateJSONKeys(r.stdout), [], r.stdout)
    }
    let grade = try json(outputs[0].stdout)
    let first = try XCTUnwrap((grade["submissions"] as? [[String: Any]])?.first)
    XCTAssertEqual(first["submitted"] as? String, "2*N*Nb*(L-1); N^2*(L-1); Nb < N/2")
    XCTAssertNotNil(first["answer"])
    XCTAssertTrue(try duplicateJSONKeys(#"{"a": 1, "b": {"a": 2, "a": 3}}"#) == ["$.b.a"])
    let words = try run([
      "audit", "--no-store", "--words", directory.appendingPathComponent("none.txt").path,
    ])
    XCTAssertEqual(words.status, 2)
    XCTAssertTrue(words.stderr.contains("--words takes a UTF-8 text file"), words.stderr)
    let list = try run(["list"])
    XCTAssertTrue(list.stdout.contains("← <- or left"), list.stdout)
  }
}
