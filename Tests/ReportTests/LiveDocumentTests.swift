import Foundation
import P1ConvMultiplies
import P4ScalePyramid
import ProblemRegistry
import ResultStore
import TestSupport
import Verification
import XCTest

@testable import Report

/// A finished run renders the same document live (`all --format markdown`) as from results.db
/// (`report`): both are emitters of one `RunDocument`.
final class LiveDocumentTests: XCTestCase {
  /// Problems 1 and 4 at debug sizes, run once and stored.
  static let run: (record: RunRecord, path: String, id: Int64) = {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("psverify-live-\(ProcessInfo.processInfo.processIdentifier).db").path
    let runner = Runner(seed: 11)
    let started = Date()
    let problems: [any Problem] = [ConvMultiplies.problem, ScalePyramid.problem]
    let reports: [ProblemReport] = problems.map { p in
      let values = ParameterValues(specs: p.parameters, overrides: ReportTests.small[p.id]!)
      return runner.run(p, parameters: values, text: Shipped.text(p.id))
    }
    var record = RunRecord(
      startedAt: started, finishedAt: Date(), version: "test", seed: 11,
      trials: nil, parameters: .object([("k", .string("3"))]),
      commandLine: "psverify problem 1 4 --param k=3", reports: reports)
    record.exitStatus = 0
    record.machine = "test machine"
    let id = try! ResultStore(path: path).store(record)
    return (record, path, id)
  }()

  let problems: [any Problem] = ProblemRegistry.problems

  func markdown(_ doc: RunDocument) -> String {
    NotebookReport.markdown(doc, problems: problems, figureDirectory: nil) { _, _ in }
  }

  func testLiveAndStored_renderTheSameInEveryFormat() throws {
    let (record, path, id) = Self.run
    let stored = try ResultStore(path: path).document(run: id)
    let live = RunDocument(live: record, id: id)
    XCTAssertEqual(markdown(live), markdown(stored))
    XCTAssertEqual(
      NotebookReport.ipynb(live, problems: problems),
      NotebookReport.ipynb(stored, problems: problems))
    XCTAssertEqual(
      HTMLReport.render(live, problems: problems),
      HTMLReport.render(stored, problems: problems))
    XCTAssertEqual(
      JSONReport.render(live, storage: "here"), JSONReport.render(stored, storage: "here"))
    let text = TextReport(colour: false)
    XCTAssertEqual(
      text.render(live, storage: "here", problems: problems),
      text.render(stored, storage: "here", problems: problems))
    XCTAssertTrue(markdown(live).hasPrefix("# psverify report — run \(id)\n"))
    // Typed as the run had them.
    XCTAssertEqual(stored.kind, .verify)
    XCTAssertEqual(stored.problems.map(\.status), record.reports.map(\.status))
    XCTAssertEqual(
      stored.problems.flatMap { $0.checks.map(\.kind) },
      record.reports.flatMap { $0.outcomes.map(\.kind) })
    XCTAssertEqual(
      stored.problems.flatMap { $0.checks.map(\.status) },
      record.reports.flatMap { $0.outcomes.map(\.status) })
  }

  /// The comparison can fail: a run that differs in one recorded field renders differently.
  func testADifferentRun_rendersDifferently() throws {
    let (record, path, id) = Self.run
    let stored = try ResultStore(path: path).document(run: id)
    var other = record
    other.commandLine += " --seed 12"
    XCTAssertNotEqual(markdown(RunDocument(live: other, id: id)), markdown(stored))
    XCTAssertNotEqual(markdown(RunDocument(live: record, id: id + 1)), markdown(stored))
    XCTAssertNotEqual(
      JSONReport.render(RunDocument(live: record, id: id + 1), storage: "here"),
      JSONReport.render(stored, storage: "here"))
  }

  func testUnstoredRun_saysSo() {
    let text = markdown(RunDocument(live: Self.run.record, id: nil))
    XCTAssertTrue(text.hasPrefix("# psverify report — an unstored run\n"), text)
    XCTAssertTrue(text.contains("Not stored in a results database."))
    XCTAssertFalse(text.contains("Rendered from the results database"))
  }
}
