import Foundation
import GRDB
import Verification

/// A run as the rows results.db holds for it: built from a finished run (`init(_:)`) or read from
/// the database (`fetch`). `RunDocument` is made from these rows only, so a live run and a stored
/// one become the same document.
struct RunRows: Sendable {
  /// One problem's row with the rows that belong to it.
  struct ProblemRows: Sendable {
    var result: ProblemResultRow
    var checks: [CheckOutcomeRow]
    var probes: [ProbeOutcomeRow]
    var errata: [ErratumRow]
    var notes: [NoteRow]
  }

  /// One audited document's row with its findings.
  struct AuditRows: Sendable {
    var document: AuditedDocumentRow
    var findings: [AuditFindingRow]
  }

  var run: RunRow
  var problems: [ProblemRows]
  var submissions: [SubmissionRow]
  var audits: [AuditRows]
}

extension RunRows {
  /// The rows `run` is stored as (ids nil until inserted).
  /// - Precondition: `run.seed ≤ Int64.max`.
  init(_ run: RunRecord) {
    precondition(run.seed <= UInt64(Int64.max), "seed \(run.seed) exceeds Int64.max")
    self.run = RunRow(
      id: nil, startedAt: ResultStore.timestamp(run.startedAt),
      finishedAt: ResultStore.timestamp(run.finishedAt), version: run.version,
      seed: Int64(run.seed), trials: run.trials, parameters: run.parameters.serialized(),
      commandLine: run.commandLine, kind: run.kind, exitStatus: run.exitStatus.map(Int.init),
      seconds: run.finishedAt.timeIntervalSince(run.startedAt), machine: run.machine)
    problems = run.reports.map(Self.rows)
    submissions = run.submissions.map { s in
      let g = s.grade
      return SubmissionRow(
        id: nil, runID: 0, problemID: s.problem, answer: s.answer, verdict: g.verdict.rawValue,
        reading: g.reading, feedback: JSONValue.array(g.feedback.map { .string($0) }).serialized(),
        convention: g.convention, issues: g.json.member("issues")?.serialized() ?? "[]",
        typed: g.answer?.json.serialized(), student: nil, points: nil, maxPoints: nil,
        groupKey: nil)
    }
    audits = run.audits.map { audit in
      AuditRows(
        document: AuditedDocumentRow(
          id: nil, runID: 0, name: audit.name, sha256: audit.sha256, bytes: audit.bytes,
          problems: audit.problems,
          notes: JSONValue.array(audit.notes.map { .string($0) }).serialized()),
        findings: audit.findings.map { f in
          AuditFindingRow(
            id: nil, documentID: 0, kind: f.kind, message: f.message,
            line: f.location.line, column: f.location.column, problem: f.problem, item: f.item,
            section: f.sectionLabel, excerpt: f.excerpt, evidence: f.evidence)
        })
    }
  }

  static func rows(_ report: ProblemReport) -> ProblemRows {
    let steps = JSONValue.array(
      (report.derivation?.steps ?? []).map { step in
        .object([("text", .string(step.text)), ("latex", step.latex.map { .string($0) } ?? .null)])
      })
    let result = ProblemResultRow(
      id: nil, runID: 0, problemID: report.id, title: report.title, status: report.status,
      parameters: JSONValue.object(
        report.parameters.values.sorted { $0.key < $1.key }
          .map { ($0.key, $0.value.asValue.json) }
      ).serialized(),
      answerText: report.derivation?.summary, answerLatex: report.derivation?.answer.latex,
      derivationError: report.derivationError, printedText: report.audit?.printed.quote,
      printedReading: report.audit?.reading, printedAgrees: report.audit?.agrees,
      seconds: report.seconds, question: report.question, derivationSteps: steps.serialized(),
      answerTyped: report.derivation?.answer.json.serialized(),
      answerMathML: report.derivation?.answer.mathML,
      printedAnswer: report.audit?.printed.answer, printedLocation: report.audit?.printed.location,
      printedGrade: report.audit?.grade?.json.serialized(),
      printedAnswerLine: report.audit?.printed.answerLocation?.line)
    let checks = report.outcomes.map { outcome in
      let m = outcome.measurement
      return CheckOutcomeRow(
        id: nil, problemResultID: 0, checkID: outcome.id, kind: outcome.kind,
        status: outcome.status, summary: outcome.summary,
        params: outcome.paramsJSON.serialized(), expected: m.expected.json.serialized(),
        measured: m.measured.json.serialized(),
        measuredValue: m.measured.doubleValue.flatMap(finite),
        standardError: m.standardError.flatMap(finite), tolerance: m.tolerance.json.serialized(),
        detail: m.detail, streamKey: String(outcome.streamKey),
        series: ResultStore.json(m.series), seconds: outcome.seconds)
    }
    let probes = report.probes.map { probe in
      ProbeOutcomeRow(
        id: nil, problemResultID: 0, probeID: probe.id, summary: probe.summary,
        params: JSONValue.object(probe.params.map { ($0.0, $0.1.json) }).serialized(),
        detail: probe.result.detail, streamKey: String(probe.streamKey),
        series: ResultStore.json(probe.result.series), seconds: probe.seconds)
    }
    let errata = report.errata.map { e in
      ErratumRow(
        id: nil, problemResultID: 0, kind: e.kind, message: e.message,
        location: e.location, evidence: e.evidence, line: e.line, column: e.column,
        excerpt: e.excerpt, source: e.source)
    }
    let notes = report.notes.map { NoteRow(id: nil, problemResultID: 0, text: $0) }
    return ProblemRows(result: result, checks: checks, probes: probes, errata: errata, notes: notes)
  }

  /// Inserts every row, parents first, giving each child its parent's new id.
  /// - Returns: the run's id.
  mutating func insert(_ db: Database) throws -> Int64 {
    try run.insert(db)
    let runID = run.id!
    for i in problems.indices {
      problems[i].result.runID = runID
      try problems[i].result.insert(db)
      let parent = problems[i].result.id!
      for j in problems[i].checks.indices {
        problems[i].checks[j].problemResultID = parent
        try problems[i].checks[j].insert(db)
      }
      for j in problems[i].probes.indices {
        problems[i].probes[j].problemResultID = parent
        try problems[i].probes[j].insert(db)
      }
      for j in problems[i].errata.indices {
        problems[i].errata[j].problemResultID = parent
        try problems[i].errata[j].insert(db)
      }
      for j in problems[i].notes.indices {
        problems[i].notes[j].problemResultID = parent
        try problems[i].notes[j].insert(db)
      }
    }
    for i in submissions.indices {
      submissions[i].runID = runID
      try submissions[i].insert(db)
    }
    for i in audits.indices {
      audits[i].document.runID = runID
      try audits[i].document.insert(db)
      for j in audits[i].findings.indices {
        audits[i].findings[j].documentID = audits[i].document.id!
        try audits[i].findings[j].insert(db)
      }
    }
    return runID
  }

  /// The rows of run `id`, in storage order, from a database at the current schema.
  /// - Returns: nil when no run has that id.
  static func fetch(run id: Int64, _ db: Database) throws -> RunRows? {
    guard let run = try RunRow.fetchOne(db, key: id) else { return nil }
    let results = try ProblemResultRow.filter(ProblemResultRow.Columns.runID == id)
      .order(ProblemResultRow.Columns.id).fetchAll(db)
    let problems = try results.map { result in
      let parent = result.id!
      return ProblemRows(
        result: result,
        checks: try CheckOutcomeRow.filter(CheckOutcomeRow.Columns.problemResultID == parent)
          .order(CheckOutcomeRow.Columns.id).fetchAll(db),
        probes: try ProbeOutcomeRow.filter(ProbeOutcomeRow.Columns.problemResultID == parent)
          .order(ProbeOutcomeRow.Columns.id).fetchAll(db),
        errata: try ErratumRow.filter(ErratumRow.Columns.problemResultID == parent)
          .order(ErratumRow.Columns.id).fetchAll(db),
        notes: try NoteRow.filter(NoteRow.Columns.problemResultID == parent)
          .order(NoteRow.Columns.id).fetchAll(db))
    }
    let submissions = try SubmissionRow.filter(SubmissionRow.Columns.runID == id)
      .order(SubmissionRow.Columns.id).fetchAll(db)
    let audits = try AuditedDocumentRow.filter(AuditedDocumentRow.Columns.runID == id)
      .order(AuditedDocumentRow.Columns.id).fetchAll(db).map { document in
        AuditRows(
          document: document,
          findings: try AuditFindingRow.filter(AuditFindingRow.Columns.documentID == document.id!)
            .order(AuditFindingRow.Columns.id).fetchAll(db))
      }
    return RunRows(run: run, problems: problems, submissions: submissions, audits: audits)
  }
}

private func finite(_ d: Double) -> Double? { d.isFinite ? d : nil }
