import Foundation
import TestSupport
import XCTest

/// End-to-end tests that run the built `psverify` binary.
final class CLITests: XCTestCase {
  var directory: URL!
  /// Arguments that keep the debug-build runs short; the checks are the same code.
  let small = [
    "--trials", "10000", "--param", "N=16", "--param", "N_bottle=4", "--param", "L=3",
    "--param", "batch=32", "--param", "replicates=8",
  ]

  override func setUpWithError() throws {
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("psverify-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: directory)
  }

  static var binary: URL {
    // Test bundles sit beside the products in .build/<configuration>/.
    var url = Bundle(for: CLITests.self).bundleURL
    while url.pathComponents.count > 1 {
      let candidate = url.appendingPathComponent("psverify")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      url = url.deletingLastPathComponent()
    }
    fatalError("psverify binary not found near \(Bundle(for: CLITests.self).bundleURL.path)")
  }

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
    /// Whether the watchdog had to stop the process.
    var hung = false
  }

  /// A debug build that has not finished a command in this long is hung: the watchdog stops it
  /// and the test fails (a watchdog, not a timing: nothing asserts how long a command takes).
  static let watchdogSeconds = 300.0

  func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
    let process = try start(arguments, environment: environment)
    return finish(process)
  }

  func start(_ arguments: [String], environment: [String: String] = [:]) throws
    -> (Process, Pipe, Pipe)
  {
    let process = Process()
    process.executableURL = Self.binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    env["PSVERIFY_DB"] = nil
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    return (process, out, err)
  }

  func finish(_ p: (Process, Pipe, Pipe)) -> Result {
    let process = p.0
    let stopped = DispatchSemaphore(value: 0)
    let watchdog = DispatchWorkItem {
      if process.isRunning {
        process.terminate()
        stopped.signal()
      }
    }
    DispatchQueue.global().asyncAfter(deadline: .now() + Self.watchdogSeconds, execute: watchdog)
    let out = p.1.fileHandleForReading.readDataToEndOfFile()
    let err = p.2.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    watchdog.cancel()
    let hung = stopped.wait(timeout: .now()) == .success
    XCTAssertFalse(
      hung, "psverify \(process.arguments?.joined(separator: " ").prefix(120) ?? "") hung")
    return Result(
      status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
      stderr: String(decoding: err, as: UTF8.self), hung: hung)
  }

  func testList_showsEveryProblemInOrder() throws {
    let r = try run(["list"])
    XCTAssertEqual(r.status, 0)
    XCTAssertTrue(r.stdout.hasPrefix("1\t"))
    XCTAssertTrue(r.stdout.contains("\n3a\t"))
    let ids = r.stdout.split(separator: "\n").filter { !$0.hasPrefix("\t") }
      .map { String($0.split(separator: "\t")[0]) }
    XCTAssertEqual(ids, ["1", "2", "3a", "3b", "3c", "4"])
  }

  func testBadInput_oneLineErrorsAndExitTwo() throws {
    let cases: [([String], String)] = [
      (["problem", "9z"], "psverify: error: unknown problem '9z'; known: 1, 2, 3a, 3b, 3c, 4\n"),
      (
        ["problem", "2", "--param", "T=2", "--param", "DT=3"],
        "psverify: error: the filter ΔT = 3 is longer than the clip (2); under valid padding no output fits: use a filter of at most 2, or --param padding=same\n"
      ),
      (
        ["problem", "2", "--param", "s=0"],
        "psverify: error: invalid value '0' for parameter s: expected a whole number from 1 to 64\n"
      ),
      (
        ["problem", "1", "--param", "X=0"],
        "psverify: error: invalid value '0' for parameter X: expected a whole number from 1 to 8192\n"
      ),
      (
        ["problem", "1", "--param", "X=2.5"],
        "psverify: error: invalid value '2.5' for parameter X: expected a whole number from 1 to 8192\n"
      ),
      (
        ["problem", "1", "--param", "padding=wrap"],
        "psverify: error: invalid value 'wrap' for parameter padding: expected one of same, valid, skip\n"
      ),
      // 2⁴⁴ input elements · 12 B + 2⁴⁴ outputs · 4 B = 2⁴⁸ B = 268435456 MiB, + 64 MiB for the
      // process + 0.56 MiB of kernel.
      (
        ["problem", "1", "--param", "B=4096", "--param", "X=8192", "--param", "Y=8192"],
        "psverify: error: the shape B=4096 X=8192 Y=8192 N_in=64 N_out=64 ΔX=3 ΔY=3 with same padding needs 268435520 MiB at its peak; psverify runs up to 8192 MiB: use a smaller B, X, Y or N\n"
      ),
      (
        ["problem", "3a", "--param", "N=-1"],
        "psverify: error: invalid value '-1' for parameter N: expected a whole number from 1 to 4096\n"
      ),
      (
        ["problem", "3b", "--trials", "0"],
        "psverify: error: The value '0' is invalid for '--trials <trials>': expected a whole number from 1 to 10000000000, written with digits only\n"
      ),
      (
        ["problem", "3b", "--trials", "-3"],
        "psverify: error: The value '-3' is invalid for '--trials <trials>': expected a whole number from 1 to 10000000000, written with digits only\n"
      ),
      (
        ["problem", "3b", "--trials", "abc"],
        "psverify: error: The value 'abc' is invalid for '--trials <trials>': expected a whole number from 1 to 10000000000, written with digits only\n"
      ),
      (
        ["problem", "3b", "--seed", "x"],
        "psverify: error: The value 'x' is invalid for '--seed <seed>': expected a whole number from 0 to 9223372036854775807, written with digits only\n"
      ),
      (
        ["problem", "3b", "--param", "nonsense"],
        "psverify: error: invalid --param 'nonsense': expected NAME=VALUE, e.g. --param N=64\n"
      ),
      (
        ["problem", "3b", "--param", "K=3"],
        "psverify: error: unknown parameter 'K' for problem 3b; known: L, N, N_bottle, batch, gamma, replicates\n"
      ),
      (
        ["problem", "3b", "--param", "N=-4"],
        "psverify: error: invalid value '-4' for parameter N: expected a whole number from 2 to 2048\n"
      ),
      (
        ["problem", "3B"],
        "psverify: error: unknown problem '3B'; known: 1, 2, 3a, 3b, 3c, 4 (ids are exact: did you mean 3b?)\n"
      ),
      (
        ["problem", "1", "--param", "B= 8"],
        "psverify: error: invalid value ' 8' for parameter B: expected a whole number from 1 to 4096, written without spaces or a + sign\n"
      ),
      (
        ["problem", "1", "--param", "B=+8"],
        "psverify: error: invalid value '+8' for parameter B: expected a whole number from 1 to 4096, written without spaces or a + sign\n"
      ),
      (
        ["problem", "3b", "--seed", "+5"],
        "psverify: error: The value '+5' is invalid for '--seed <seed>': expected a whole number from 0 to 9223372036854775807, written with digits only\n"
      ),
      (
        ["notation", "y[i] = A[i]", "--shape", "W=4,,3"],
        "psverify: error: invalid --shape 'W=4,,3': expected extents from 1 to 1048576 separated by commas\n"
      ),
    ]
    for (arguments, message) in cases {
      let r = try run(arguments)
      XCTAssertEqual(r.status, 2, arguments.joined(separator: " "))
      XCTAssertEqual(r.stderr, message, arguments.joined(separator: " "))
      XCTAssertEqual(r.stdout, "")
    }
  }

  func testDatabaseInMissingDirectory_exitTwoBeforeRunning() throws {
    let r = try run([
      "problem", "3b", "--db", directory.appendingPathComponent("no/such/r.db").path,
    ])
    XCTAssertEqual(r.status, 2)
    XCTAssertTrue(r.stderr.contains("its directory does not exist"), r.stderr)
    XCTAssertEqual(r.stdout, "")
  }

  func testNotSQLiteDatabase_exitTwoAndFileUntouched() throws {
    let path = directory.appendingPathComponent("results.db").path
    let bytes = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 * 7) })
    _ = FileManager.default.createFile(atPath: path, contents: bytes)
    let r = try run(["problem", "3b"] + small)
    XCTAssertEqual(r.status, 2)
    XCTAssertEqual(
      r.stderr,
      "psverify: error: 'results.db' is not a SQLite database, so psverify "
        + "will not write to it; pass --db with a new path or a psverify results.db\n")
    XCTAssertEqual(FileManager.default.contents(atPath: path), bytes)
  }

  func testRun_storesAndSameSeedReproducesMeasurements() throws {
    let a = try run(["problem", "3b", "--format", "json", "--seed", "7"] + small)
    let b = try run(["problem", "3b", "--format", "json", "--seed", "7"] + small)
    let c = try run(["problem", "3b", "--format", "json", "--seed", "8"] + small)
    XCTAssertEqual(a.status, 0, a.stderr)
    XCTAssertEqual(b.status, 0, b.stderr)
    XCTAssertEqual(c.status, 0, c.stderr)
    XCTAssertEqual(try measured(a.stdout), try measured(b.stdout))
    XCTAssertNotEqual(try measured(a.stdout), try measured(c.stdout))
    let runA = try runID(a.stdout)
    let runB = try runID(b.stdout)
    XCTAssertEqual(runB, runA + 1)
  }

  func testTwoProcessesAtOnce_bothStore() throws {
    let db = directory.appendingPathComponent("shared.db").path
    let args = ["problem", "3b", "--format", "json", "--db", db] + small
    let p1 = try start(args)
    let p2 = try start(args)
    let r1 = finish(p1)
    let r2 = finish(p2)
    XCTAssertEqual(r1.status, 0, r1.stderr)
    XCTAssertEqual(r2.status, 0, r2.stderr)
    XCTAssertEqual(Set([try runID(r1.stdout), try runID(r2.stdout)]), [1, 2])
  }

  func testPlantedAnswer_exitsOne() throws {
    let r = try run(["problem", "3b", "--no-store", "--param", "gamma=1/2"] + small)
    XCTAssertEqual(r.status, 1)
    XCTAssertTrue(r.stdout.contains("✗ variance-monte-carlo-gaussian"), r.stdout)
    XCTAssertFalse(r.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
  }

  /// The decimal a user types is judged alike by `problem 3b --param` and by `grade 3b`: the
  /// printed value of 1/√2 to double precision passes every check and grades correct, and a
  /// decimal off in its stated last digit fails both.
  func testDecimalGamma_judgedAlikeByProblemParamAndByGrade() throws {
    for (text, right) in [("0.7071067811865476", true), ("0.7072", false)] {
      let p = try run(["problem", "3b", "--no-store", "--param", "gamma=\(text)"] + small)
      XCTAssertEqual(p.status, right ? 0 : 1, p.stdout + p.stderr)
      let g = try run(["grade", "3b", "--no-store", "--answer", text])
      XCTAssertEqual(g.status, 0, g.stdout + g.stderr)
      XCTAssertTrue(g.stdout.hasPrefix(right ? "3b  correct" : "3b  incorrect"), g.stdout)
    }
  }

  func testStrict_turnsErrataIntoExitOne() throws {
    let r = try run(["problem", "3b", "--no-store", "--strict", "--quiet"] + small)
    XCTAssertEqual(r.status, 1)
    XCTAssertTrue(r.stdout.contains("errata"))
  }

  func testDirectoryAsStore_exitTwoBeforeRunning() throws {
    let blocked = directory.appendingPathComponent("blocked.db")
    try FileManager.default.createDirectory(at: blocked, withIntermediateDirectories: true)
    let r = try run(["problem", "3b", "--db", blocked.path] + small)
    XCTAssertEqual(r.status, 2, r.stderr)
    XCTAssertEqual(r.stdout, "")
    XCTAssertTrue(r.stderr.contains("is not a regular file"), r.stderr)
  }

  func testUserShape_problem1PrintsDerivedAndCounted() throws {
    let r = try run([
      "problem", "1", "--no-store", "--format", "json", "--param", "B=2",
      "--param", "X=9", "--param", "Y=7", "--param", "N_in=3", "--param", "N_out=2",
      "--param", "shapes=5",
    ])
    XCTAssertEqual(r.status, 0, r.stderr)
    let problems = try XCTUnwrap(try json(r.stdout)["problems"] as? [[String: Any]])
    let checks = try XCTUnwrap(problems.first?["checks"] as? [[String: Any]])
    let user = try XCTUnwrap(checks.first { $0["id"] as? String == "user-shape-count" })
    // Hand value: 2·9·7·2·3·3·3 = 6804 multiplies under same padding.
    XCTAssertEqual(user["expected"] as? Int, 6804)
    XCTAssertEqual(user["measured"] as? Int, 6804)
  }

  func testNotation_jsonDiagnosticsAndCount() throws {
    let r = try run(["notation", "L[b, x] = W[x ΔX] v[b, x + ΔX]", "--format", "json"])
    XCTAssertEqual(r.status, 1)
    let object = try json(r.stdout)
    let diagnostics = try XCTUnwrap(object["diagnostics"] as? [[String: Any]])
    XCTAssertEqual(diagnostics.first?["kind"] as? String, "missing-comma")
    XCTAssertEqual(diagnostics.first?["column"] as? Int, 15)
    let ok = try run([
      "notation", "y[b, x, j] = K[j, ΔX, I] v[b, x + ΔX, I]", "--shape", "K=2,3,4",
      "--shape", "v=5,9,4", "--shape", "y=5,7,2", "--format", "json",
    ])
    XCTAssertEqual(ok.status, 0, ok.stdout + ok.stderr)
    let counted = try json(ok.stdout)
    XCTAssertEqual(counted["count"] as? String, "B·I·J·X·ΔX")
    XCTAssertEqual(counted["count_value"] as? Int, 5 * 7 * 2 * 3 * 4)
    let bad = try run(["notation", "L[x = 3"])
    XCTAssertEqual(bad.status, 2)
    XCTAssertTrue(
      bad.stderr.hasPrefix("psverify: error: cannot read the equation: expected"), bad.stderr)
  }

  func testProblem3c_paramLChangesTheExponents() throws {
    let r = try run([
      "problem", "3c", "--no-store", "--format", "json", "--param", "L=4",
      "--param", "seeds=1",
    ])
    XCTAssertEqual(r.status, 0, r.stderr)
    let problems = try XCTUnwrap(try json(r.stdout)["problems"] as? [[String: Any]])
    let checks = try XCTUnwrap(problems.first?["checks"] as? [[String: Any]])
    let exponents = try XCTUnwrap(checks.first { $0["id"] as? String == "direct-path-exponents" })
    XCTAssertEqual(exponents["measured"] as? [Int], [3, 2, 1, 0])
  }

  func testProblem4_imageErrorsExitTwo() throws {
    let truncated = directory.appendingPathComponent("cut.ppm").path
    _ = FileManager.default.createFile(
      atPath: truncated, contents: Data("P6 4 4 255\n".utf8 + [1, 2, 3]))
    let text = directory.appendingPathComponent("notes.txt").path
    _ = FileManager.default.createFile(atPath: text, contents: Data("hello".utf8))
    let cases: [([String], String)] = [
      (["--image", directory.appendingPathComponent("none.pgm").path], "no such file"),
      (["--image", truncated], "is truncated: its header promises 48 bytes of pixels, it has 3"),
      (
        ["--image", text],
        "is not a binary netpbm image; --image accepts PGM (P5) and PPM (P6) files"
      ),
      (
        ["--param", "k=12", "--param", "batch=64"], "needs 540672 MiB; psverify runs up to 8192 MiB"
      ),
    ]
    for (arguments, fragment) in cases {
      let r = try run(["problem", "4", "--no-store"] + arguments)
      XCTAssertEqual(r.status, 2, arguments.joined(separator: " "))
      XCTAssertTrue(r.stderr.contains(fragment), r.stderr)
      XCTAssertFalse(r.stderr.contains("\n") && r.stderr.split(separator: "\n").count > 1)
    }
  }

  func testProblem4_realImageRuns() throws {
    // A 20 × 12 grey gradient; k = 3 takes its centre 8 × 8.
    var bytes = Array("P5\n20 12\n255\n".utf8)
    for y in 0..<12 { for x in 0..<20 { bytes.append(UInt8(x * 10 + y)) } }
    let path = directory.appendingPathComponent("photo.pgm").path
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    let r = try run(["problem", "4", "--no-store", "--image", path, "--param", "k=3"])
    XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
    XCTAssertTrue(r.stdout.contains("on the image"), r.stdout)
    XCTAssertTrue(r.stdout.replacingOccurrences(of: "\n      ", with: " ").contains(path), r.stdout)
  }

  /// Every JSON output read here is also checked for keys repeated within one object.
  func json(_ text: String) throws -> [String: Any] {
    XCTAssertEqual(try duplicateJSONKeys(text), [], "a key repeated in one JSON object")
    return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  func runID(_ text: String) throws -> Int {
    let run = try XCTUnwrap(try json(text)["run"] as? [String: Any])
    return try XCTUnwrap(run["id"] as? Int)
  }

  func measured(_ text: String) throws -> [String] {
    let problems = try XCTUnwrap(try json(text)["problems"] as? [[String: Any]])
    let checks = try XCTUnwrap(problems.first?["checks"] as? [[String: Any]])
    return checks.map { "\($0["id"]!)=\($0["measured"]!)" }
  }
}
