import Foundation
import Verification

extension RunDocument {
  /// The document of a finished run, made exactly as `ResultStore.document(run:)` makes it from
  /// the stored rows: the run is turned into its rows (JSON serialized, timestamps to the
  /// millisecond, non-finite numbers dropped) and the document is read from those.
  /// - Parameters:
  ///   - run: the finished run.
  ///   - id: its id in results.db, or nil when it was not stored.
  public init(live run: RunRecord, id: Int64?) {
    var rows = RunRows(run)
    rows.run.id = id
    self.init(rows: rows, bench: run.bench, schemaVersion: Schema.currentUserVersion)
  }

  /// The document the rows of one run make. Linear in the number of rows.
  init(rows: RunRows, bench: [BenchRow], schemaVersion: Int) {
    let run = rows.run
    self.init(
      id: run.id, kind: run.kind ?? .verify, startedAt: run.startedAt,
      finishedAt: run.finishedAt, version: run.version, seed: run.seed, trials: run.trials,
      commandLine: run.commandLine, parameters: Self.parseJSON(run.parameters) ?? .object([]),
      machine: run.machine, exitStatus: run.exitStatus, seconds: run.seconds,
      schemaVersion: schemaVersion, problems: rows.problems.map(Self.problem),
      submissions: rows.submissions.map { s in
        Submission(
          problem: s.problemID, answer: s.answer, verdict: s.verdict, reading: s.reading,
          feedback: Self.strings(s.feedback), convention: s.convention)
      },
      audits: rows.audits.map { a in
        AuditedDocument(
          name: a.document.name, sha256: a.document.sha256, bytes: a.document.bytes,
          problems: a.document.problems, notes: Self.strings(a.document.notes),
          findings: a.findings.map { f in
            Finding(
              kind: f.kind, message: f.message, line: f.line, column: f.column,
              problem: f.problem, section: f.section, excerpt: f.excerpt,
              evidence: f.evidence)
          })
      },
      bench: bench)
  }

  static func problem(_ rows: RunRows.ProblemRows) -> Problem {
    let row = rows.result
    let steps: [(text: String, latex: String?)]
    if case .array(let items)? = parseJSON(row.derivationSteps) {
      steps = items.compactMap { item in
        guard let text = item.member("text")?.string else { return nil }
        return (text, item.member("latex")?.string)
      }
    } else {
      steps = []
    }
    return Problem(
      id: row.problemID, title: row.title, status: row.status,
      parameters: parseJSON(row.parameters) ?? .object([]), question: row.question,
      derivationSteps: steps, answerText: row.answerText, answerLatex: row.answerLatex,
      answerMathML: row.answerMathML, answerTyped: parseJSON(row.answerTyped),
      derivationError: row.derivationError, printedText: row.printedText,
      printedAnswer: row.printedAnswer, printedLocation: row.printedLocation,
      printedAnswerLine: row.printedAnswerLine, printedReading: row.printedReading,
      printedAgrees: row.printedAgrees,
      printedGrade: parseJSON(row.printedGrade),
      checks: rows.checks.map { c in
        Check(
          id: c.checkID, kind: c.kind, status: c.status, summary: c.summary,
          params: parseJSON(c.params) ?? .null, expected: parseJSON(c.expected) ?? .null,
          measured: parseJSON(c.measured) ?? .null, measuredValue: c.measuredValue,
          standardError: c.standardError, tolerance: parseJSON(c.tolerance) ?? .null,
          detail: c.detail, streamKey: c.streamKey, series: series(c.series),
          seconds: c.seconds)
      },
      probes: rows.probes.map { p in
        Probe(
          id: p.probeID, summary: p.summary, params: parseJSON(p.params) ?? .null,
          detail: p.detail, streamKey: p.streamKey, series: series(p.series), seconds: p.seconds)
      },
      errata: rows.errata.map { e in
        Erratum(
          kind: e.kind, message: e.message, location: e.location, evidence: e.evidence,
          line: e.line, column: e.column, excerpt: e.excerpt, source: e.source)
      },
      notes: rows.notes.map(\.text), seconds: row.seconds)
  }

  static func parseJSON(_ text: String?) -> JSONValue? {
    guard let text else { return nil }
    return try? JSONValue.parse(text)
  }

  static func strings(_ text: String?) -> [String] {
    guard case .array(let items)? = parseJSON(text) else { return [] }
    return items.compactMap(\.string)
  }

  /// A stored `{"name": [numbers]}` object; members that are not arrays of numbers are dropped.
  static func series(_ text: String?) -> [String: [Double]] {
    guard case .object(let members)? = parseJSON(text) else { return [:] }
    var out: [String: [Double]] = [:]
    for (key, value) in members { if let numbers = value.numbers { out[key] = numbers } }
    return out
  }
}
