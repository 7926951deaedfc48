import ArgumentParser
import Foundation
import ProblemDocument
import Report
import ResultStore
import TensorCore
import Verification

/// Runs the selected problems, prints the report, stores the run, and picks the exit code.
struct RunDriver {
  let options: RunOptions
  let problems: [any Problem]
  /// Whether the printed solutions are graded (not for a variant, which has none).
  var auditPrinted = true

  func execute() throws {
    if let trials = options.trials {
      for problem in problems where trials < problem.minimumTrials {
        throw UsageError(
          message: "--trials \(trials) is too few for problem \(problem.id)'s Monte "
            + "Carlo checks to hold their stated false-alarm rate; use at least "
            + "\(problem.minimumTrials) (the default is \(problem.defaultTrials))")
      }
    }
    let parameters = try options.parameterValues(for: problems)
    for note in options.parameterNotes(for: problems) { Terminal.warning(note) }
    var reportFormat: ReportWriter.Format?
    if let report = options.report {
      guard !options.storage.noStore else {
        throw UsageError(
          message: "--report renders the stored run, so it cannot go with --no-store")
      }
      reportFormat = try ReportWriter.format(explicit: nil, path: report)
      try ReportWriter.checkWritable(report)
    }
    let store = try options.storage.checkedStore()
    let startedAt = Date()
    let progress = Progress(enabled: Terminal.stderrIsTerminal && !options.quiet)
    let runner = Runner(seed: options.seed, trials: options.trials) { progress.handle($0) }
    // The problems' statements and printed solutions come from the shipped document; its audit
    // (notation rules; spelling is `psverify audit`'s) gives each problem the findings in its text.
    let document = Catalog.document
    let audit = Auditor.audit(document, spelling: false)
    // Problems run side by side on the cores (each draws from its own streams, so the results
    // do not depend on the order or the number of cores); reports come back in problem order.
    let problems = self.problems
    let texts = problems.map { problem in
      (auditPrinted ? document.item(problem.id) : nil).map {
        ProblemText(document: document, item: $0, findings: audit.findings(for: problem.id))
      }
    }
    // Later problems run longer (3b's networks and Monte Carlo most): start from the end, so the
    // short ones fill in around them.
    let reversed = Parallel.map(problems.count) { j in
      let i = problems.count - 1 - j
      return runner.run(problems[i], parameters: parameters[problems[i].id]!, text: texts[i])
    }
    let reports = Array(reversed.reversed())
    progress.finish()

    let failed = reports.contains { $0.status == .failed }
    let errata = reports.reduce(0) { $0 + $1.errata.count }
    let exitStatus: Int32 = failed || (options.strict && errata > 0) ? 1 : 0
    var record = RunRecord(
      startedAt: startedAt, finishedAt: Date(), version: Version.current, seed: options.seed,
      trials: options.trials, parameters: options.parametersJSON,
      commandLine: (["psverify"] + CommandLine.arguments.dropFirst()).joined(separator: " "),
      reports: reports)
    record.exitStatus = exitStatus
    record.machine = Machine.description
    let stored = StoreAttempt(storing: record, in: store)
    let runID = stored.runID
    // Every format is an emitter of the one run document, the same `psverify report` renders
    // from results.db; a run not stored gets its document without a database.
    let runDocument = RunDocument(live: record, id: runID)
    switch options.format {
    case .json: print(JSONReport.render(runDocument, storage: stored.storage), terminator: "")
    case .markdown:
      print(
        NotebookReport.markdown(runDocument, problems: Catalog.problems, figureDirectory: nil) {
          _, _ in
        },
        terminator: "")
    case .text:
      let text = TextReport(colour: Terminal.colour)
      print(
        options.quiet
          ? text.summary(runDocument, storage: stored.storage)
          : text.render(runDocument, storage: stored.storage, problems: Catalog.problems),
        terminator: "")
    }
    if stored.failed { Terminal.error(stored.storage) }
    if let path = options.report, let format = reportFormat, let store, let runID {
      let document = try storeQuery { () throws(StoreError) in try store.document(run: runID) }
      try ReportWriter.write(
        document, format: format, to: path, storage: "stored as run \(runID) in \(store.path)")
    }
    if exitStatus != 0 { throw ExitCode(exitStatus) }
    if stored.failed { throw ExitCode(3) }
  }
}
