import Foundation
import GRDB
import Verification

/// Everything results.db holds about one run, as `report` renders it: read from the database
/// alone, never recomputed. Columns a run's schema did not have yet read as nil or empty.
public struct RunDocument: Sendable {
  public struct Problem: Sendable {
    public var id: String
    public var title: String
    public var status: String
    public var parameters: JSONValue
    public var question: String?
    public var derivationSteps: [(text: String, latex: String?)]
    public var answerText: String?
    public var answerLatex: String?
    public var answerMathML: String?
    public var derivationError: String?
    public var printedText: String?
    public var printedAnswer: String?
    public var printedLocation: String?
    public var printedAgrees: Bool?
    /// The printed answer's grade as stored (verdict, reading, feedback, …).
    public var printedGrade: JSONValue?
    public var checks: [Check]
    public var probes: [Probe]
    public var errata: [Erratum]
    public var notes: [String]
    public var seconds: Double
  }

  public struct Check: Sendable {
    public var id: String
    public var kind: String
    public var status: String
    public var summary: String
    public var params: JSONValue
    public var expected: JSONValue
    public var measured: JSONValue
    public var measuredValue: Double?
    public var standardError: Double?
    public var tolerance: JSONValue
    public var detail: String
    public var series: [String: [Double]]
    public var seconds: Double
  }

  public struct Probe: Sendable {
    public var id: String
    public var summary: String
    public var detail: String
    public var series: [String: [Double]]
  }

  public struct Erratum: Sendable {
    public var kind: String
    public var message: String
    public var location: String
    public var evidence: String?
    public var line: Int?
    public var column: Int?
    public var excerpt: String?
    public var source: String?
  }

  public struct Submission: Sendable {
    public var problem: String
    public var answer: String
    public var verdict: String
    public var reading: String?
    public var feedback: [String]
    public var convention: String?
  }

  public struct AuditedDocument: Sendable {
    public var name: String
    public var sha256: String
    public var bytes: Int
    public var problems: Int
    public var notes: [String]
    public var findings: [Finding]
  }

  public struct Finding: Sendable {
    public var kind: String
    public var message: String
    public var line: Int
    public var column: Int
    public var problem: String?
    public var section: String
    public var excerpt: String
    public var evidence: String?
  }

  public var id: Int64
  public var kind: String
  public var startedAt: String
  public var finishedAt: String
  public var version: String
  public var seed: Int64
  public var trials: Int?
  public var commandLine: String
  public var parameters: JSONValue
  public var machine: String?
  public var exitStatus: Int?
  public var seconds: Double?
  /// The schema the database had when read (`PRAGMA user_version`: 0 before v3).
  public var schemaVersion: Int
  public var problems: [Problem]
  /// A run stored before runs kept the question, the derivation and plot data (psverify 0.1.0):
  /// every problem of it lacks the question.
  public var storedBeforeReports: Bool {
    kind == "verify" && !problems.isEmpty && problems.allSatisfy { $0.question == nil }
  }
  public var submissions: [Submission]
  public var audits: [AuditedDocument]
  public var bench: [BenchRow]
}

extension ResultStore {
  /// The run `id` (the last stored run when nil) with everything stored about it.
  /// - Throws: `StoreError.noDatabase`, `.unknownRun`, `.noRuns`, or what `validate` refuses.
  public func document(run id: Int64?) throws(StoreError) -> RunDocument {
    let benchRows: [BenchRow]
    var document = try read { db -> RunDocument in
      let ids = try Self.existing(id.map { [$0] } ?? [], db)
      guard let runID = id ?? ids.last else { throw StoreError.noRuns(path: path) }
      let runColumns = Set(try db.columns(in: "run").map(\.name))
      func has(_ c: String, _ set: Set<String>) -> Bool { set.contains(c) }
      let row = try Row.fetchOne(db, sql: "SELECT * FROM run WHERE id = ?", arguments: [runID])!
      let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
      var doc = RunDocument(
        id: runID, kind: has("kind", runColumns) ? row["kind"] : "verify",
        startedAt: row["started_at"], finishedAt: row["finished_at"], version: row["version"],
        seed: row["seed"], trials: row["trials"], commandLine: row["command_line"],
        parameters: Self.parseJSON(row["parameters"]) ?? .object([]),
        machine: has("machine", runColumns) ? row["machine"] : nil,
        exitStatus: has("exit_status", runColumns) ? row["exit_status"] : nil,
        seconds: has("seconds", runColumns) ? row["seconds"] : nil, schemaVersion: version,
        problems: [], submissions: [], audits: [], bench: [])
      doc.problems = try Self.problems(run: runID, db)
      if try db.tableExists("submission") {
        doc.submissions = try Row.fetchAll(db, sql: """
          SELECT problem_id, answer, verdict, reading, feedback, convention FROM submission
          WHERE run_id = ? ORDER BY id
          """, arguments: [runID]).map {
          RunDocument.Submission(problem: $0[0], answer: $0[1], verdict: $0[2], reading: $0[3],
                                 feedback: Self.strings($0[4]), convention: $0[5])
        }
      }
      if try db.tableExists("audited_document") {
        for d in try Row.fetchAll(db, sql: """
          SELECT id, name, sha256, bytes, problems, notes FROM audited_document WHERE run_id = ?
          ORDER BY id
          """, arguments: [runID]) {
          let findings = try Row.fetchAll(db, sql: """
            SELECT kind, message, line, "column", problem, section, excerpt, evidence
            FROM audit_finding WHERE document_id = ? ORDER BY id
            """, arguments: [d[0] as Int64]).map {
            RunDocument.Finding(kind: $0[0], message: $0[1], line: $0[2], column: $0[3],
                                problem: $0[4], section: $0[5], excerpt: $0[6], evidence: $0[7])
          }
          doc.audits.append(RunDocument.AuditedDocument(
            name: d[1], sha256: d[2], bytes: d[3], problems: d[4], notes: Self.strings(d[5]),
            findings: findings))
        }
      }
      return doc
    }
    benchRows = try bench(run: document.id)
    document.bench = benchRows
    return document
  }

  static func problems(run: Int64, _ db: Database) throws -> [RunDocument.Problem] {
    let columns = Set(try db.columns(in: "problem_result").map(\.name))
    let errataColumns = Set(try db.columns(in: "erratum").map(\.name))
    let probes = try db.tableExists("probe_outcome")
    var out: [RunDocument.Problem] = []
    for row in try Row.fetchAll(db, sql: "SELECT * FROM problem_result WHERE run_id = ? ORDER BY id",
                                arguments: [run]) {
      let pid: Int64 = row["id"]
      func column<T: DatabaseValueConvertible>(_ name: String) -> T? {
        columns.contains(name) ? row[name] : nil
      }
      let steps: [(text: String, latex: String?)]
      if case .array(let items)? = Self.parseJSON(column("derivation_steps")) {
        steps = items.compactMap { item in
          guard let text = item.member("text")?.string else { return nil }
          return (text, item.member("latex")?.string)
        }
      } else {
        steps = []
      }
      let checks = try Row.fetchAll(db, sql: """
        SELECT check_id, kind, status, summary, params, expected, measured, measured_value,
          standard_error, tolerance, detail, series, seconds
        FROM check_outcome WHERE problem_result_id = ? ORDER BY id
        """, arguments: [pid]).map { c in
        RunDocument.Check(
          id: c[0], kind: c[1], status: c[2], summary: c[3],
          params: Self.parseJSON(c[4]) ?? .null, expected: Self.parseJSON(c[5]) ?? .null,
          measured: Self.parseJSON(c[6]) ?? .null, measuredValue: c[7], standardError: c[8],
          tolerance: Self.parseJSON(c[9]) ?? .null, detail: c[10], series: Self.series(c[11]),
          seconds: c[12])
      }
      let probeRows = probes ? try Row.fetchAll(db, sql: """
        SELECT probe_id, summary, detail, series FROM probe_outcome WHERE problem_result_id = ?
        ORDER BY id
        """, arguments: [pid]).map {
        RunDocument.Probe(id: $0[0], summary: $0[1], detail: $0[2], series: Self.series($0[3]))
      } : []
      let located = errataColumns.contains("line")
      let errata = try Row.fetchAll(db, sql: """
        SELECT kind, message, location, evidence\
        \(located ? ", line, \"column\", excerpt, source" : "") FROM erratum
        WHERE problem_result_id = ? ORDER BY id
        """, arguments: [pid]).map { e in
        RunDocument.Erratum(kind: e[0], message: e[1], location: e[2], evidence: e[3],
                            line: located ? e[4] : nil, column: located ? e[5] : nil,
                            excerpt: located ? e[6] : nil, source: located ? e[7] : nil)
      }
      let notes = try String.fetchAll(db, sql: "SELECT text FROM note WHERE problem_result_id = ? ORDER BY id",
                                      arguments: [pid])
      let agrees: Int? = row["printed_agrees"]
      out.append(RunDocument.Problem(
        id: row["problem_id"], title: row["title"], status: row["status"],
        parameters: Self.parseJSON(row["parameters"]) ?? .object([]), question: column("question"),
        derivationSteps: steps, answerText: row["answer_text"], answerLatex: row["answer_latex"],
        answerMathML: column("answer_mathml"), derivationError: row["derivation_error"],
        printedText: row["printed_text"], printedAnswer: column("printed_answer"),
        printedLocation: column("printed_location"), printedAgrees: agrees.map { $0 != 0 },
        printedGrade: Self.parseJSON(column("printed_grade")), checks: checks, probes: probeRows,
        errata: errata, notes: notes, seconds: row["seconds"]))
    }
    return out
  }

  static func parseJSON(_ text: String?) -> JSONValue? {
    guard let text else { return nil }
    return try? JSONValue.parse(text)
  }

  static func strings(_ text: String?) -> [String] {
    guard case .array(let items)? = parseJSON(text) else { return [] }
    return items.compactMap(\.string)
  }

  static func series(_ text: String?) -> [String: [Double]] {
    guard case .object(let members)? = parseJSON(text) else { return [:] }
    var out: [String: [Double]] = [:]
    for (key, value) in members { if let numbers = value.numbers { out[key] = numbers } }
    return out
  }
}
