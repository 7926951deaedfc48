import Algebra
import Foundation
import IndexNotation
import PSVerifyCLI
import ProblemRegistry
import Verification
import XCTest

/// A problem defined only in the tests (`PoolingToy`), registered beside the registry's for one
/// invocation: it is listed, run by `all` and `problem`, rendered with its figure in every
/// report format, and graded, with no edit anywhere in Sources.
final class CLIToyProblemTests: XCTestCase {
  var folder: URL!

  override func setUpWithError() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("psverify-toy-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

  /// Runs psverify in this process over `problems`, with standard output captured.
  func run(_ arguments: [String], problems: [any Problem]) throws -> (status: Int32, out: String) {
    let file = folder.appendingPathComponent("stdout-\(UUID()).txt")
    FileManager.default.createFile(atPath: file.path, contents: nil)
    let handle = try FileHandle(forWritingTo: file)
    fflush(nil)
    let saved = dup(STDOUT_FILENO)
    dup2(handle.fileDescriptor, STDOUT_FILENO)
    let status = PSVerifyMain.run(arguments: arguments, problems: problems)
    fflush(nil)
    dup2(saved, STDOUT_FILENO)
    close(saved)
    try handle.close()
    return (status, try String(contentsOf: file, encoding: .utf8))
  }

  func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

  func testToyProblem_listedRunReportedWithItsFigureAndGraded() throws {
    let withToy = ProblemRegistry.problems + [PoolingToy()]
    let list = try run(["list"], problems: withToy)
    XCTAssertEqual(list.status, 0)
    XCTAssertTrue(list.out.contains("toy-pool"), list.out)
    XCTAssertTrue(list.out.contains("3b"), "the registry's problems are still listed")
    XCTAssertFalse(try run(["list"], problems: ProblemRegistry.problems).out.contains("toy-pool"))

    // `all` runs every problem it is given (here the toy alone, to keep a debug test short);
    // `problem` finds the toy among the registry's.
    let db = path("toy.db")
    let all = try run(
      ["all", "--db", db, "--seed", "3", "--format", "json"], problems: [PoolingToy()])
    XCTAssertEqual(all.status, 0, all.out)
    let json = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(all.out.utf8)) as? [String: Any])
    let problems = try XCTUnwrap(json["problems"] as? [[String: Any]])
    XCTAssertEqual(problems.map { $0["id"] as? String }, ["toy-pool"])
    XCTAssertEqual(problems.first?["status"] as? String, "verified")
    let one = try run(["problem", "toy-pool", "--no-store", "--format", "json"], problems: withToy)
    XCTAssertEqual(one.status, 0, one.out)
    XCTAssertTrue(one.out.contains("\"toy-pool-count\""), one.out)

    // Every report format draws the toy's figure from the series its check stored.
    for (name, mark) in [("r.html", "fig-toy-pool-counts"), ("r.ipynb", "image/svg+xml")] {
      XCTAssertEqual(
        try run(["report", "--db", db, "-o", path(name)], problems: withToy).status, 0)
      let text = try String(contentsOfFile: path(name), encoding: .utf8)
      XCTAssertTrue(text.contains(mark), "\(name) has the toy's figure")
      XCTAssertTrue(text.contains("Toy: pooling multiplies counted against derived"), name)
    }
    XCTAssertEqual(
      try run(["report", "--db", db, "-o", path("r.md")], problems: withToy).status, 0)
    let markdown = try String(contentsOfFile: path("r.md"), encoding: .utf8)
    XCTAssertTrue(markdown.contains("](r-figures/toy-pool-counts.svg)"), markdown)
    let svg = try String(contentsOfFile: path("r-figures/toy-pool-counts.svg"), encoding: .utf8)
    XCTAssertTrue(svg.hasPrefix("<svg"))
    // Without the toy registered, the report has the run but no one to draw its figure.
    XCTAssertEqual(
      try run(["report", "--db", db, "-o", path("bare.html")], problems: ProblemRegistry.problems)
        .status, 0)
    XCTAssertFalse(
      try String(contentsOfFile: path("bare.html"), encoding: .utf8).contains("fig-toy-pool"))

    let right = try run(
      ["grade", "toy-pool", "--answer", "B*C*Xout*Yout", "--no-store", "--format", "json"],
      problems: withToy)
    XCTAssertEqual(right.status, 0, right.out)
    XCTAssertTrue(right.out.contains("\"correct\""), right.out)
    XCTAssertFalse(right.out.contains("\"incorrect\""), right.out)
    let wrong = try run(
      ["grade", "toy-pool", "--answer", "B*C*Xout", "--no-store", "--format", "json"],
      problems: withToy)
    XCTAssertTrue(wrong.out.contains("\"incorrect\""), wrong.out)
  }

  /// The toy's check is real: a toy whose derivation carries an extra factor C (right only
  /// when every random shape has one channel) fails it, and `all` says so with exit 1.
  func testToyProblem_aWrongDerivationFailsItsCheck() throws {
    var wrong = PoolingToy()
    wrong.formula = PoolingToy.right * .symbol("C")
    let all = try run(["all", "--no-store", "--seed", "3", "--format", "json"], problems: [wrong])
    XCTAssertEqual(all.status, 1, all.out)
    XCTAssertTrue(all.out.contains("\"failed\""), all.out)
  }
}
