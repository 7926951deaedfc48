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

  func insert(_ run: RunRecord, _ db: Database) throws -> Int64 {
    precondition(run.seed <= UInt64(Int64.max), "seed \(run.seed) exceeds Int64.max")
    try db.execute(
      sql: """
        INSERT INTO run (started_at, finished_at, version, seed, trials, parameters, command_line,
          kind, exit_status, seconds)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [Self.timestamp(run.startedAt),
                  Self.timestamp(run.finishedAt), run.version, Int64(run.seed),
                  run.trials, run.parameters.serialized(), run.commandLine, run.kind,
                  run.exitStatus, run.finishedAt.timeIntervalSince(run.startedAt)])
    let runID = db.lastInsertedRowID
    for b in run.bench {
      try db.execute(
        sql: """
          INSERT INTO bench_result (run_id, measurement, threads, median, min, max, unit, n)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [runID, b.measurement, b.threads, b.median, b.min, b.max, b.unit, b.n])
    }
    for report in run.reports {
      try db.execute(
        sql: """
          INSERT INTO problem_result (run_id, problem_id, title, status, parameters, answer_text,
            answer_latex, derivation_error, printed_text, printed_reading, printed_agrees, seconds)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [runID, report.id, report.title, report.status.rawValue,
                    JSONValue.object(report.parameters.values.sorted { $0.key < $1.key }
                      .map { ($0.key, $0.value.asValue.json) }).serialized(),
                    report.derivation?.answer, report.derivation?.answerLatex,
                    report.derivationError, report.audit?.printed.quote, report.audit?.reading,
                    report.audit?.agrees, report.seconds])
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
                      String(outcome.streamKey),
                      JSONValue.object(m.series.sorted { $0.key < $1.key }
                        .map { ($0.key, .array($0.value.map { .number($0) })) }).serialized(),
                      outcome.seconds])
      }
      for erratum in report.errata {
        try db.execute(
          sql: """
            INSERT INTO erratum (problem_result_id, kind, message, location, evidence)
            VALUES (?, ?, ?, ?, ?)
            """,
          arguments: [resultID, erratum.kind.rawValue, erratum.message, erratum.location,
                      erratum.evidence])
      }
      for note in report.notes {
        try db.execute(sql: "INSERT INTO note (problem_result_id, text) VALUES (?, ?)",
                       arguments: [resultID, note])
      }
    }
    return runID
  }

}

private func finite(_ d: Double) -> Double? { d.isFinite ? d : nil }
