import Foundation
import GRDB
import Verification

extension ResultStore {
  /// An ISO 8601 timestamp with milliseconds, UTC.
  static func timestamp(_ date: Date) -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return f.string(from: date)
  }

  static func json(_ series: [String: [Double]]) -> String {
    JSONValue.object(series.sorted { $0.key < $1.key }.map { ($0.key, .array($0.value.map { .number($0) })) })
      .serialized()
  }

  func insert(_ run: RunRecord, _ db: Database) throws -> Int64 {
    precondition(run.seed <= UInt64(Int64.max), "seed \(run.seed) exceeds Int64.max")
    try db.execute(
      sql: """
        INSERT INTO run (started_at, finished_at, version, seed, trials, parameters, command_line,
          kind, exit_status, seconds, machine)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [Self.timestamp(run.startedAt),
                  Self.timestamp(run.finishedAt), run.version, Int64(run.seed),
                  run.trials, run.parameters.serialized(), run.commandLine, run.kind,
                  run.exitStatus, run.finishedAt.timeIntervalSince(run.startedAt), run.machine])
    let runID = db.lastInsertedRowID
    for b in run.bench {
      try db.execute(
        sql: """
          INSERT INTO bench_result (run_id, measurement, threads, median, min, max, unit, n, tool)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [runID, b.measurement, b.threads, b.median, b.min, b.max, b.unit, b.n, b.tool])
    }
    for report in run.reports { try insert(report, runID: runID, db) }
    for s in run.submissions {
      let g = s.grade
      try db.execute(
        sql: """
          INSERT INTO submission (run_id, problem_id, answer, verdict, reading, feedback, convention,
            issues, typed)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [runID, s.problem, s.answer, g.verdict.rawValue, g.reading,
                    JSONValue.array(g.feedback.map { .string($0) }).serialized(), g.convention,
                    g.json.member("issues")?.serialized() ?? "[]", g.answer?.json.serialized()])
    }
    if let c = run.classResult { try insert(c, runID: runID, db) }
    for audit in run.audits {
      try db.execute(
        sql: """
          INSERT INTO audited_document (run_id, name, sha256, bytes, problems, notes)
          VALUES (?, ?, ?, ?, ?, ?)
          """,
        arguments: [runID, audit.name, audit.sha256, audit.bytes, audit.problems,
                    JSONValue.array(audit.notes.map { .string($0) }).serialized()])
      let documentID = db.lastInsertedRowID
      for f in audit.findings {
        try db.execute(
          sql: """
            INSERT INTO audit_finding (document_id, kind, message, line, "column", problem, item,
              section, excerpt, evidence)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
          arguments: [documentID, f.kind.rawValue, f.message, f.location.line, f.location.column,
                      f.problem, f.item, f.sectionLabel, f.excerpt, f.evidence])
      }
    }
    return runID
  }

  func insert(_ report: ProblemReport, runID: Int64, _ db: Database) throws {
    let steps = JSONValue.array((report.derivation?.steps ?? []).map { step in
      .object([("text", .string(step.text)), ("latex", step.latex.map { .string($0) } ?? .null)])
    })
    try db.execute(
      sql: """
        INSERT INTO problem_result (run_id, problem_id, title, status, parameters, answer_text,
          answer_latex, derivation_error, printed_text, printed_reading, printed_agrees, seconds,
          question, derivation_steps, answer_typed, answer_mathml, printed_answer, printed_location,
          printed_grade)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [runID, report.id, report.title, report.status.rawValue,
                  JSONValue.object(report.parameters.values.sorted { $0.key < $1.key }
                    .map { ($0.key, $0.value.asValue.json) }).serialized(),
                  report.derivation?.summary, report.derivation?.answer.latex,
                  report.derivationError, report.audit?.printed.quote, report.audit?.reading,
                  report.audit?.agrees, report.seconds, report.question, steps.serialized(),
                  report.derivation?.answer.json.serialized(), report.derivation?.answer.mathML,
                  report.audit?.printed.answer, report.audit?.printed.location,
                  report.audit?.grade?.json.serialized()])
    let resultID = db.lastInsertedRowID
    for outcome in report.outcomes {
      let m = outcome.measurement
      try db.execute(
        sql: """
          INSERT INTO check_outcome (problem_result_id, check_id, kind, status, summary, params,
            expected, measured, measured_value, standard_error, tolerance, detail, stream_key,
            series, seconds)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [resultID, outcome.id, outcome.kind.rawValue, outcome.status.rawValue,
                    outcome.summary, outcome.paramsJSON.serialized(), m.expected.json.serialized(),
                    m.measured.json.serialized(), m.measured.doubleValue.flatMap(finite),
                    m.standardError.flatMap(finite), m.tolerance.json.serialized(), m.detail,
                    String(outcome.streamKey), Self.json(m.series), outcome.seconds])
    }
    for probe in report.probes {
      try db.execute(
        sql: """
          INSERT INTO probe_outcome (problem_result_id, probe_id, summary, params, detail, stream_key,
            series, seconds)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [resultID, probe.id, probe.summary,
                    JSONValue.object(probe.params.map { ($0.0, $0.1.json) }).serialized(),
                    probe.result.detail, String(probe.streamKey), Self.json(probe.result.series),
                    probe.seconds])
    }
    for erratum in report.errata {
      try db.execute(
        sql: """
          INSERT INTO erratum (problem_result_id, kind, message, location, evidence, line, "column",
            excerpt, source)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [resultID, erratum.kind.rawValue, erratum.message, erratum.location,
                    erratum.evidence, erratum.line, erratum.column, erratum.excerpt, erratum.source])
    }
    for note in report.notes {
      try db.execute(sql: "INSERT INTO note (problem_result_id, text) VALUES (?, ?)",
                     arguments: [resultID, note])
    }
  }
}

private func finite(_ d: Double) -> Double? { d.isFinite ? d : nil }
