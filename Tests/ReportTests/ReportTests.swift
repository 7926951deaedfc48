import Foundation
import P1ConvMultiplies
import P2VideoConv
import P3aBottleneck
import P3bResidualScale
import P3cGradientDecay
import P4ScalePyramid
import ProblemRegistry
import ResultStore
import TestSupport
import Verification
import XCTest

@testable import Report

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reports render a stored run from results.db alone. One small run of all six problems (debug
/// sizes) is stored once and rendered by every test.
final class ReportTests: XCTestCase {
  static let problems: [any Problem] = ProblemRegistry.problems
  static let small: [String: [String: ParameterValue]] = [
    "1": [
      "shapes": .integer(20), "B": .integer(1), "X": .integer(8), "Y": .integer(8),
      "N_in": .integer(2), "N_out": .integer(2),
    ],
    "2": [
      "B": .integer(1), "X": .integer(8), "Y": .integer(8), "T": .integer(4), "N_in": .integer(2),
      "N_out": .integer(2),
    ],
    "3a": [
      "configs": .integer(10), "max_N": .integer(12), "N": .integer(16), "N_bottle": .integer(4),
      "L": .integer(4), "batch": .integer(2),
    ],
    "3b": [
      "N": .integer(16), "N_bottle": .integer(4), "L": .integer(4), "batch": .integer(32),
      "replicates": .integer(2),
    ],
    "3c": ["L": .integer(5), "N": .integer(8), "N_bottle": .integer(3), "seeds": .integer(2)],
    "4": ["k": .integer(3), "batch": .integer(1), "channels": .integer(2)],
  ]

  /// The database and the id of the stored run.
  static let stored: (path: String, run: Int64) = {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("psverify-report-\(ProcessInfo.processInfo.processIdentifier).db")
      .path
    let runner = Runner(seed: 7, trials: 20_000)
    let started = Date()
    let reports = problems.map { p in
      runner.run(
        p, parameters: ParameterValues(specs: p.parameters, overrides: small[p.id]!),
        text: Shipped.text(p.id))
    }
    var record = RunRecord(
      startedAt: started, finishedAt: Date(), version: "test", seed: 7,
      trials: 20_000, parameters: .object([("N", .string("16"))]),
      commandLine: "psverify all --trials 20000 --param N=16", reports: reports)
    record.machine = "test machine"
    let id = try! ResultStore(path: path).store(record)
    return (path, id)
  }()

  func document() throws -> RunDocument {
    try ResultStore(path: Self.stored.path).document(run: Self.stored.run)
  }

  func testHTML_isOnePageWithMathMLAndAFigureForEveryProblemThatHasOne() throws {
    let doc = try document()
    XCTAssertEqual(doc.problems.map(\.id), ["1", "2", "3a", "3b", "3c", "4"])
    let html = HTMLReport.render(doc, problems: Self.problems)
    XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
    XCTAssertFalse(html.contains("<script"), "no JavaScript")
    XCTAssertFalse(
      html.contains("http://") && !html.contains("xmlns=\"http://www.w3.org/2000/svg\""),
      "no external resources")
    for p in doc.problems {
      XCTAssertNotNil(
        ReportText.safeMathML(p.answerMathML), "problem \(p.id) has its answer as MathML")
      // Well-formed XML, by Foundation's parser (a bare `<` in 3a's condition once broke it).
      let parser = XMLParser(data: Data((p.answerMathML ?? "").utf8))
      XCTAssertTrue(parser.parse(), "problem \(p.id): \(parser.parserError.map { "\($0)" } ?? "")")
    }
    XCTAssertEqual(html.components(separatedBy: "<math display=\"block\">").count - 1, 6)
    for figure in [
      "p1-counts", "p3a-counts", "p3a-crossing", "p3b-convergence", "p3b-sweep", "p3b-depth",
      "p3c-decay", "p4-pyramid", "p4-equivariance",
    ] {
      XCTAssertTrue(html.contains("id=\"fig-\(figure)\""), "figure \(figure)")
    }
    // Every figure has a caption, and every chart axes and a legend.
    XCTAssertEqual(
      html.components(separatedBy: "<figure").count,
      html.components(separatedBy: "<figcaption>").count)
    XCTAssertGreaterThanOrEqual(html.components(separatedBy: "<svg").count - 1, 8)
    // Problem 3c's printed exponent is an erratum that stands in the printed solution: it is
    // marked there and listed with a link back.
    XCTAssertTrue(html.contains("<mark id=\"problem-3c-m"), "3c's erratum marked in its solution")
    XCTAssertTrue(html.contains("<span class=\"status fail\">printed answer: incorrect</span>"))
  }

  /// The document depends on the stored run only: two renderings, and a rendering after another
  /// run is stored, are identical.
  func testRendering_isTheSameFromTheSameStoredRun() throws {
    let first = HTMLReport.render(try document(), problems: Self.problems)
    let again = HTMLReport.render(try document(), problems: Self.problems)
    XCTAssertEqual(first, again)
    XCTAssertEqual(
      NotebookReport.ipynb(try document(), problems: Self.problems),
      NotebookReport.ipynb(try document(), problems: Self.problems))
  }

  func testNotebook_isNbformat4WithACommandAndOutputsPerProblem() throws {
    let text = NotebookReport.ipynb(try document(), problems: Self.problems)
    let nb = try JSONValue.parse(text)
    XCTAssertEqual(nb.member("nbformat"), .integer(4))
    guard case .array(let cells)? = nb.member("cells") else { return XCTFail("no cells") }
    let code = cells.filter { $0.member("cell_type")?.string == "code" }
    XCTAssertEqual(code.count, 6)
    guard case .array(let source)? = code[3].member("source") else { return XCTFail("no source") }
    XCTAssertEqual(
      source.first?.string, "!psverify problem 3b --seed 7 --trials 20000 --param N=16")
    guard case .array(let outputs)? = code[3].member("outputs") else {
      return XCTFail("no outputs")
    }
    XCTAssertTrue(
      outputs.contains { $0.member("data")?.member("image/svg+xml") != nil }, "3b's plots")
    try validateWithNbformat(text)
  }

  /// nbformat's own validator, when Python has it (`apt-get install python3-nbformat`).
  func validateWithNbformat(_ text: String) throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("psverify-test.ipynb")
    try text.write(to: path, atomically: true, encoding: .utf8)
    for python in ["/usr/bin/python3", "/usr/local/bin/python3"]
    where FileManager.default.isExecutableFile(atPath: python) {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: python)
      process.arguments = [
        "-c",
        """
        import sys
        try:
            import nbformat
        except ImportError:
            sys.exit(77)
        nb = nbformat.read(sys.argv[1], as_version=4)
        nbformat.validate(nb)
        """, path.path,
      ]
      let errors = Pipe()
      process.standardError = errors
      try process.run()
      process.waitUntilExit()
      if process.terminationStatus == 77 { continue }
      let message = String(
        decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      XCTAssertEqual(process.terminationStatus, 0, "nbformat.validate: \(message)")
      return
    }
    throw XCTSkip(
      "Python's nbformat is not installed (apt-get install python3-nbformat); the notebook was checked as JSON only"
    )
  }

  func testMarkdown_writesItsFiguresBesideIt() throws {
    var written: [String: Data] = [:]
    let text = NotebookReport.markdown(
      try document(), problems: Self.problems,
      figureDirectory: "run-figures"
    ) { name, data in
      written[name] = data
    }
    XCTAssertTrue(text.contains("![Problem 3b: the variance against γ](run-figures/p3b-sweep.svg)"))
    XCTAssertTrue(
      text.contains("$$\\frac{1}{\\sqrt{2}}$$") || text.contains("$$"), "answers in LaTeX")
    XCTAssertNotNil(written["p3c-decay.svg"])
    XCTAssertEqual(
      written["p4-pyramid-0.png"]?.prefix(8),
      Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    let bare = NotebookReport.markdown(
      try document(), problems: Self.problems,
      figureDirectory: nil
    ) { _, _ in }
    XCTAssertTrue(bare.contains("figure(s) left out"))
  }

  /// A database written by psverify 0.1.0 (before runs kept questions and plot data) renders,
  /// without figures, and says why.
  func testRunStoredBefore020_rendersWithoutPlotsAndSaysSo() throws {
    let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .appendingPathComponent("ResultStoreTests/Fixtures/results-v1.db")
    let copy = FileManager.default.temporaryDirectory.appendingPathComponent(
      "psverify-v1-\(UUID()).db")
    try FileManager.default.copyItem(at: fixture, to: copy)
    let doc = try ResultStore(path: copy.path).document(run: nil)
    XCTAssertTrue(doc.storedBeforeReports)
    let html = HTMLReport.render(doc, problems: Self.problems)
    XCTAssertTrue(html.contains("stored by a psverify older than 0.2.0"))
    XCTAssertFalse(html.contains("<svg"))
    XCTAssertTrue(NotebookReport.ipynb(doc, problems: Self.problems).contains("older than 0.2.0"))
  }
}
