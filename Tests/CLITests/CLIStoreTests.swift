import Foundation
import XCTest

/// results.db under load and faults, through the built binary.
extension CLITests {
  /// The cheapest full run: problem 4 on a 2 × 2 image.
  var quick: [String] {
    ["problem", "4", "--quiet", "--param", "k=1", "--param", "channels=1", "--param", "batch=1"]
  }

  func sqlite(_ path: String, _ sql: String) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = [
      "python3", "-c",
      "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); "
        + "print('|'.join(str(r[0]) for r in c.execute(sys.argv[2])))", path, sql,
    ]
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    p.waitUntilExit()
    return String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  func testEightProcessesOfTwentyFiveRuns_allTwoHundredStored() throws {
    let db = directory.appendingPathComponent("busy.db").path
    let command =
      "for i in $(seq 25); do \"$0\" " + quick.joined(separator: " ")
      + " --db \"$1\" > /dev/null || echo FAILED $?; done"
    var processes: [Process] = []
    var outputs: [Pipe] = []
    for _ in 0..<8 {
      let p = Process()
      p.executableURL = URL(fileURLWithPath: "/bin/sh")
      p.arguments = ["-c", command, Self.binary.path, db]
      let out = Pipe()
      p.standardOutput = out
      try p.run()
      processes.append(p)
      outputs.append(out)
    }
    for (p, out) in zip(processes, outputs) {
      let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      p.waitUntilExit()
      XCTAssertEqual(text, "", "a run failed to store")
    }
    XCTAssertEqual(try sqlite(db, "SELECT COUNT(*) FROM run"), "200")
    XCTAssertEqual(try sqlite(db, "SELECT COUNT(DISTINCT run_id) FROM problem_result"), "200")
  }

  func testKilledInTheMiddleOfStoring_leavesTheDatabaseConsistent() throws {
    let db = directory.appendingPathComponent("killed.db").path
    XCTAssertEqual(try run(quick + ["--db", db]).status, 0)
    // The second run pauses inside its write transaction; it is killed there.
    let p = try start(quick + ["--db", db], environment: ["PSVERIFY_TEST_PAUSE_IN_STORE": "30"])
    Thread.sleep(forTimeInterval: 3)
    kill(p.0.processIdentifier, SIGKILL)
    p.0.waitUntilExit()
    XCTAssertEqual(try sqlite(db, "PRAGMA integrity_check"), "ok")
    XCTAssertEqual(try sqlite(db, "SELECT COUNT(*) FROM run"), "1")
    XCTAssertEqual(try sqlite(db, "SELECT COUNT(*) FROM problem_result"), "1")
    // And the next run stores normally.
    XCTAssertEqual(try run(quick + ["--db", db]).status, 0)
    XCTAssertEqual(try sqlite(db, "SELECT COUNT(*) FROM run"), "2")
  }

  /// Runs any executable and collects its status and output.
  func execute(_ executable: String, _ arguments: [String], in folder: URL) throws -> Result {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    p.currentDirectoryURL = folder
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    return finish((p, out, err))
  }

  func testFullDisk_exitThreeWithReportPrinted() throws {
    // A 2 KiB file-size limit: SQLite's first page write fails as on a full disk.
    let db = directory.appendingPathComponent("full.db").path
    let r = try execute(
      "/bin/sh",
      ["-c", "ulimit -f 2; exec \"$0\" \"$@\"", Self.binary.path]
        + quick + ["--db", db], in: directory)
    XCTAssertEqual(r.status, 3, r.stderr)
    XCTAssertTrue(r.stdout.contains("NOT STORED"), r.stdout)
    // The database it could not complete is not left half-made.
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
        $0.hasPrefix("full.db")
      }, [])
  }

  /// A results.db psverify cannot trust is refused before the run, left byte for byte, and
  /// nothing is created beside it.
  func testUntrustedDatabases_exitTwoAndNothingChanges() throws {
    let db = directory.appendingPathComponent("good.db").path
    XCTAssertEqual(try run(quick + ["--db", db]).status, 0)
    _ = try sqlite(db, "PRAGMA wal_checkpoint(TRUNCATE)")
    _ = try sqlite(db, "PRAGMA journal_mode=DELETE")
    let full = try XCTUnwrap(FileManager.default.contents(atPath: db))
    var future = full
    future.replaceSubrange(60..<64, with: [0, 0, 0, 99])  // user_version 99
    for (name, bytes) in [("short.db", full.dropLast()), ("future.db", future)] {
      let path = directory.appendingPathComponent(name).path
      _ = FileManager.default.createFile(atPath: path, contents: bytes)
      let listing = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
      let r = try run(quick + ["--db", path])
      XCTAssertEqual(r.status, 2, name + ": " + r.stderr)
      XCTAssertEqual(r.stdout, "")
      XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
      XCTAssertEqual(FileManager.default.contents(atPath: path), bytes, name)
      XCTAssertEqual(
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted(), listing, name)
    }
    let null = try run(quick + ["--db", "/dev/null"])
    XCTAssertEqual(null.status, 2)
    XCTAssertTrue(null.stderr.contains("is not a regular file"), null.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: "/dev/null-journal"))
  }

  func testReadOnlyFileAndDirectory_exitThreeAsAnOrdinaryUser() throws {
    // Root ignores permissions: run psverify as nobody through setpriv (util-linux).
    let setpriv = "/usr/bin/setpriv"
    try XCTSkipUnless(
      getuid() != 0 || FileManager.default.isExecutableFile(atPath: setpriv),
      "root without setpriv cannot test permissions")
    let prefix = getuid() == 0 ? [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"] : []
    let readable = FileManager.default.isReadableFile(atPath: Self.binary.path)
    try XCTSkipUnless(readable)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
    let file = directory.appendingPathComponent("locked.db").path
    XCTAssertEqual(try run(quick + ["--db", file]).status, 0)
    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: file)
    for db in [file, directory.appendingPathComponent("new.db").path] {
      let r = try execute(
        prefix.first ?? Self.binary.path,
        Array(prefix.dropFirst()) + (prefix.isEmpty ? [] : [Self.binary.path])
          + quick + ["--db", db], in: URL(fileURLWithPath: "/"))
      let (stdout, stderr) = (r.stdout, r.stderr)
      if stderr.contains("Permission denied") && stdout.isEmpty {
        throw XCTSkip("nobody cannot reach the psverify binary here: \(stderr)")
      }
      XCTAssertEqual(r.status, 3, db + ": " + stderr)
      XCTAssertTrue(stdout.contains("NOT STORED"), stdout)
    }
    XCTAssertEqual(try sqlite(file, "SELECT COUNT(*) FROM run"), "1")
  }

  func testHistoryCompareExport_jsonAndUnknownRuns() throws {
    let db = directory.appendingPathComponent("h.db").path
    for seed in ["1", "2"] {
      XCTAssertEqual(try run(["problem", "3b", "--db", db, "--seed", seed] + small).status, 0)
    }
    let history = try run(["history", "--db", db, "--format", "json"])
    XCTAssertEqual(history.status, 0, history.stderr)
    let runs = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
    XCTAssertEqual(runs.map { $0["seed"] as? Int }, [1, 2])
    let compare = try run(["compare", "--db", db, "--format", "json"])
    XCTAssertEqual(compare.status, 0, compare.stderr)
    let rows = try XCTUnwrap(try json(compare.stdout)["rows"] as? [[String: Any]])
    let variance = try XCTUnwrap(
      rows.first { $0["check"] as? String == "3b variance-monte-carlo-gaussian" })
    XCTAssertNotNil(variance["z"] as? Double)
    let export = try run(["export", "--db", db, "--run", "2", "--format", "csv"])
    XCTAssertEqual(export.status, 0)
    XCTAssertEqual(export.stdout.split(separator: "\n").count, 11)  // header + 10 checks of 3b
    for args in [
      ["history", "5"], ["compare", "1", "9"], ["export", "--run", "4", "--format", "json"],
    ] {
      let r = try run(args + ["--db", db])
      XCTAssertEqual(r.status, 2, args.joined(separator: " "))
      XCTAssertTrue(
        r.stderr.contains("unknown run") && r.stderr.contains("stored runs: 1…2"), r.stderr)
    }
  }

  func testCompare_exitOneWhenACheckWentFromPassToFail() throws {
    let db = directory.appendingPathComponent("c.db").path
    XCTAssertEqual(try run(["problem", "3b", "--db", db] + small).status, 0)
    XCTAssertEqual(
      try run(["problem", "3b", "--db", db, "--param", "gamma=1/2"] + small).status, 1)
    let r = try run(["compare", "--db", db])
    XCTAssertEqual(r.status, 1)
    XCTAssertTrue(r.stdout.contains("REGRESSION pass → fail"))
  }
}
