import Foundation
import XCTest

/// The reproducers of issue 20 through the built binary: line endings, results.db promises,
/// write failures, bad options, memory refused before it is allocated.
extension CLITests {
  /// Every file in `directory` with its bytes, to compare before and after a command.
  func snapshot() throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
      let path = directory.appendingPathComponent(name).path
      files[name] = FileManager.default.contents(atPath: path) ?? Data()
    }
    return files
  }

  func testSheetLineEndings_crlfCrAndBomGradeAsLf() throws {
    let answers = ["3b: 1/sqrt(2)", "1: B*X*Y*dX*dY*Nout*Nin"]
    for (name, ending, bom) in [
      ("lf", "\n", false), ("crlf", "\r\n", false), ("cr", "\r", false),
      ("bom", "\r\n", true),
    ] {
      let path = directory.appendingPathComponent("\(name).txt").path
      var bytes = Data(bom ? [0xEF, 0xBB, 0xBF] : [])
      bytes.append(Data(answers.map { $0 + ending }.joined().utf8))
      _ = FileManager.default.createFile(atPath: path, contents: bytes)
      let r = try run(["grade", "--file", path, "--no-store"])
      XCTAssertEqual(r.status, 0, name + ": " + r.stderr)
      XCTAssertTrue(r.stdout.contains("score: 2/2 correct"), name + ": " + r.stdout)
    }
  }

  /// Netpbm headers whose comment lines end in CR or CRLF read like LF ones (the single
  /// whitespace byte after the maximum value is the format's own rule and stays one byte).
  func testNetpbmHeaderComments_endAtCrOrLf() throws {
    for (name, ending) in [("lf", "\n"), ("cr", "\r"), ("crlf", "\r\n")] {
      let path = directory.appendingPathComponent("\(name).pgm").path
      var bytes = Data("P5\(ending)# a grey square\(ending)2 2\(ending)255\n".utf8)
      bytes.append(contentsOf: [0, 64, 128, 255])
      _ = FileManager.default.createFile(atPath: path, contents: bytes)
      let r = try run([
        "problem", "4", "--image", path, "--param", "k=1", "--param", "channels=1",
        "--quiet", "--no-store",
      ])
      XCTAssertEqual(r.status, 0, name + ": " + r.stderr)
    }
  }

  /// `history`, `report`, `compare` and `export` leave a 0-byte, a foreign and a psverify
  /// database and their directory byte for byte as they were.
  func testReadCommands_neverWriteOrCreateSideFiles() throws {
    let good = directory.appendingPathComponent("good.db").path
    XCTAssertEqual(try run(quick + ["--db", good]).status, 0)
    XCTAssertEqual(try run(quick + ["--db", good]).status, 0)
    _ = try sqlite(good, "PRAGMA wal_checkpoint(TRUNCATE)")
    _ = try sqlite(good, "PRAGMA journal_mode=DELETE")
    let zero = directory.appendingPathComponent("zero.db").path
    _ = FileManager.default.createFile(atPath: zero, contents: Data())
    let foreign = directory.appendingPathComponent("foreign.db").path
    _ = try sqlite(foreign, "CREATE TABLE t(x)")
    let before = try snapshot()
    XCTAssertEqual(before.keys.sorted(), ["foreign.db", "good.db", "zero.db"])
    for db in [good, zero, foreign] {
      for command in [
        ["history"], ["report", "--format", "html"], ["compare"],
        ["export", "--format", "csv"],
      ] {
        let r = try run(command + ["--db", db])
        XCTAssertTrue([0, 1, 2].contains(r.status), "\(command) \(db): \(r.stderr)")
        XCTAssertEqual(try snapshot(), before, "\(command) changed something with \(db)")
      }
    }
    let history = try run(["history", "--db", good]).stdout
    XCTAssertGreaterThanOrEqual(history.split(separator: "\n").count, 2, history)
  }

  /// A write command refuses someone else's SQLite database (exit 2, unchanged); a 0-byte file
  /// becomes a new database only through a write command.
  func testWriteCommands_refuseAForeignDatabaseAndFillAnEmptyOne() throws {
    let foreign = directory.appendingPathComponent("foreign.db").path
    _ = try sqlite(foreign, "CREATE TABLE t(x)")
    let bytes = FileManager.default.contents(atPath: foreign)
    for command in [quick, ["grade", "3b", "--answer", "1/sqrt(2)"]] {
      let r = try run(command + ["--db", foreign])
      XCTAssertEqual(r.status, 2, r.stderr)
      XCTAssertTrue(r.stderr.contains("without psverify's tables"), r.stderr)
      XCTAssertEqual(FileManager.default.contents(atPath: foreign), bytes)
    }
    let listing = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    XCTAssertEqual(listing, ["foreign.db"])
    let zero = directory.appendingPathComponent("zero.db").path
    _ = FileManager.default.createFile(atPath: zero, contents: Data())
    XCTAssertEqual(try run(quick + ["--db", zero]).status, 0)
    XCTAssertEqual(try sqlite(zero, "SELECT COUNT(*) FROM run"), "1")
  }

  func testWriteFailures_detectedWithOneLineInPsverifysVoice() throws {
    let db = directory.appendingPathComponent("r.db").path
    XCTAssertEqual(try run(quick + ["--db", db]).status, 0)
    let report = try run(["report", "--db", db, "--format", "html", "-o", "/dev/full"])
    XCTAssertEqual(report.status, 2, report.stderr)
    XCTAssertEqual(
      report.stderr,
      "psverify: error: cannot write the report to '/dev/full': no space left on the "
        + "device (the disk is full)\n")
    let full = try execute(
      "/bin/sh",
      ["-c", "exec \"$0\" \"$@\" > /dev/full", Self.binary.path]
        + quick + ["--no-store"], in: directory)
    XCTAssertEqual(full.status, 3, full.stderr)
    XCTAssertTrue(
      full.stderr.contains("could not write the output to standard output: no space"),
      full.stderr)
    let limited = try execute(
      "/bin/sh",
      [
        "-c", "ulimit -f 1; exec \"$0\" \"$@\"", Self.binary.path,
        "report", "--db", db, "-o", "big.html",
      ], in: directory)
    XCTAssertEqual(limited.status, 2, limited.stderr)
    XCTAssertTrue(limited.stderr.contains("the file-size limit was reached"), limited.stderr)
    XCTAssertFalse(limited.stderr.contains("NSCocoaErrorDomain"))
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: directory.path)
        .filter { $0.contains("big.html") }, [])
  }

  func testBadOptions_exitTwoWithTheRuleNamed() throws {
    let empty = try run(quick + ["--db", ""])
    XCTAssertEqual(empty.status, 2)
    XCTAssertEqual(
      empty.stderr,
      "psverify: error: --db '' names no file; pass --db with a path to "
        + "a results database, or --no-store\n")
    let few = try run(["problem", "3b", "--trials", "1", "--no-store"])
    XCTAssertEqual(few.status, 2)
    XCTAssertTrue(few.stderr.contains("use at least 10000"), few.stderr)
    XCTAssertFalse(few.stdout.contains("nan"))
    let newline = try run(["problem", "1", "--param", "B=8\n", "--no-store"])
    XCTAssertEqual(newline.status, 2)
    XCTAssertEqual(newline.stderr.split(separator: "\n").count, 1, newline.stderr)
    XCTAssertTrue(newline.stderr.contains("'8\\n'"), newline.stderr)
  }

  func testParamOverSeveralProblems_saysWhichItAppliedTo() throws {
    let r = try run([
      "problem", "1", "2", "4", "--quiet", "--no-store", "--param", "B=2",
      "--param", "k=1", "--param", "channels=1", "--param", "batch=1",
    ])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stderr.contains("--param B applies to problems 1, 2 only"), r.stderr)
    XCTAssertTrue(r.stderr.contains("--param k applies to problem 4 only"), r.stderr)
  }

  func testAnswerStartingWithDashes_takenWithEqualsOrAfterTerminator() throws {
    for arguments in [["grade", "3b", "--answer=---1"], ["grade", "3b", "--", "---1"]] {
      let r = try run(arguments + ["--no-store"])
      XCTAssertEqual(r.status, 0, r.stderr)
      XCTAssertTrue(r.stdout.hasPrefix("3b  unreadable"), r.stdout)
      XCTAssertTrue(r.stdout.contains("found '-'"), r.stdout)
    }
  }

  /// The peak resident size of psverify run with `arguments` (kB), from wait4's rusage.
  ///
  /// psverify is started by a small forked Python process, not spawned from this test process:
  /// Linux carries the high-water mark of the memory a child shares with its spawner into the child
  /// at exec (posix_spawn runs the child in the spawner's memory until then), so a child spawned
  /// from a test runner that has grown to hundreds of MB would report the runner's peak.
  func peak(_ arguments: [String]) throws -> (status: Int32, kilobytes: Int) {
    let launcher = """
      import os, sys
      pid = os.fork()
      if pid == 0:
          null = os.open(os.devnull, os.O_WRONLY)
          os.dup2(null, 1)
          os.dup2(null, 2)
          os.execv(sys.argv[1], sys.argv[1:])
      _, status, usage = os.wait4(pid, 0)
      print(os.waitstatus_to_exitcode(status), usage.ru_maxrss)
      """
    let r = try execute(
      "/usr/bin/env", ["python3", "-c", launcher, Self.binary.path] + arguments,
      in: directory)
    let fields = r.stdout.split(separator: " ").compactMap {
      Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    guard r.status == 0, fields.count == 2 else {
      XCTFail("the launcher failed: \(r.stderr)")
      return (-1, 0)
    }
    return (Int32(fields[0]), fields[1])
  }

  /// Problem 2's estimate against the measured peak: the shape B=96 allocates a
  /// 96·32·32·16·16-element input (Float plus its Double draws: 12 B each, 302 MiB), an output of
  /// 96·15·15·7·16 Floats (9 MiB) and a small kernel; the estimate adds 64 MiB for the process.
  /// B=4096 is refused before anything is allocated.
  func testProblem2Memory_estimateCoversThePeakAndHugeShapesAreRefusedFirst() throws {
    let input = 96 * 32 * 32 * 16 * 16
    let output = 96 * 15 * 15 * 7 * 16
    let estimateKB = (input * 12 + output * 4 + 16 * 27 * 16 * 16 + (64 << 20)) / 1024
    let measured = try peak(["problem", "2", "--param", "B=96", "--no-store", "--quiet"])
    XCTAssertEqual(measured.status, 0)
    XCTAssertLessThanOrEqual(measured.kilobytes, estimateKB)
    // The draws and the input dominate: the peak is at least what they hold.
    XCTAssertGreaterThanOrEqual(measured.kilobytes, input * 12 / 1024)
    let refused = try peak(["problem", "2", "--param", "B=4096", "--no-store", "--quiet"])
    XCTAssertEqual(refused.status, 2)
    XCTAssertLessThan(refused.kilobytes, 300 * 1024)
    let r = try run(["problem", "2", "--param", "B=4096", "--no-store"])
    XCTAssertTrue(r.stderr.contains("needs 12745 MiB at its peak"), r.stderr)
    let limited = try execute(
      "/bin/sh",
      [
        "-c", "ulimit -v 4194304; exec \"$0\" \"$@\"",
        Self.binary.path, "problem", "2", "--param", "B=2048",
        "--no-store",
      ], in: directory)
    XCTAssertEqual(limited.status, 2, limited.stderr)
    XCTAssertTrue(limited.stderr.contains("address-space limit (ulimit -v)"), limited.stderr)
    XCTAssertFalse(limited.stderr.contains("Fatal error"))
  }
}

extension CLITests {
  /// Problem 1's estimate against the measured peak for B=16, 56 × 56, 64 → 64 channels, `same`:
  /// input and output 16·56·56·64 elements each (12 B and 4 B), a kernel of 64·3·3·64 (16 B),
  /// 64 MiB for the process.
  func testProblem1Memory_estimateCoversThePeak() throws {
    let elements = 16 * 56 * 56 * 64
    let estimateKB = (elements * 16 + 64 * 9 * 64 * 16 + (64 << 20)) / 1024
    let measured = try peak([
      "problem", "1", "--param", "B=16", "--param", "X=56", "--param",
      "Y=56", "--no-store", "--quiet",
    ])
    XCTAssertEqual(measured.status, 0)
    XCTAssertLessThanOrEqual(measured.kilobytes, estimateKB)
    XCTAssertGreaterThanOrEqual(measured.kilobytes, elements * 12 / 1024)
  }
}
