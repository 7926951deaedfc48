import ResultStore
import Verification

/// A run document as one JSON object: `run`, `problems` and `summary` (DESIGN.md, command-line
/// contract). The same emitter serves a live run (`all --format json`) and a stored one
/// (`report --format json`); both are the one `RunDocument`.
public enum JSONReport {
  /// The run as pretty-printed JSON ending in a newline: `run` (id, seed, trials, version,
  /// started_at, stored), `problems` and `summary` (checks, failed, errata).
  ///
  /// Exact integers stay exact; numbers the store kept as null (non-finite) print as null.
  /// - Parameters:
  ///   - document: the run.
  ///   - storage: where the run was stored, or why it was not ("stored as run 12 in results.db").
  /// - Complexity: linear in the size of the document.
  public static func render(_ document: RunDocument, storage: String) -> String {
    json(document, storage: storage).serialized(pretty: true) + "\n"
  }

  /// The object `render` prints.
  public static func json(_ document: RunDocument, storage: String) -> JSONValue {
    let checks = document.problems.flatMap(\.checks)
    return .object([
      (
        "run",
        .object([
          ("id", document.id.map { .integer(Int($0)) } ?? .null),
          ("seed", .integer(Int(document.seed))),
          ("trials", document.trials.map { .integer($0) } ?? .null),
          ("version", .string(document.version)),
          ("started_at", .string(secondsTimestamp(document.startedAt))),
          ("stored", .string(storage)),
        ])
      ),
      ("problems", .array(document.problems.map(json))),
      (
        "summary",
        .object([
          ("checks", .integer(checks.count)),
          ("failed", .integer(checks.filter { $0.status == .fail }.count)),
          ("errata", .integer(document.problems.reduce(0) { $0 + $1.errata.count })),
        ])
      ),
    ])
  }

  /// A stored timestamp (`2026-11-29T16:32:01.123Z`) to the second (`2026-11-29T16:32:01Z`), as
  /// the contract prints `started_at`.
  static func secondsTimestamp(_ text: String) -> String {
    guard text.hasSuffix("Z"), let dot = text.lastIndex(of: ".") else { return text }
    let fraction = text[text.index(after: dot)..<text.index(before: text.endIndex)]
    guard !fraction.isEmpty, fraction.allSatisfy(\.isASCII), fraction.allSatisfy(\.isNumber)
    else { return text }
    return String(text[..<dot]) + "Z"
  }

  /// One problem: status, parameters sorted by name, derivation, answer, printed solution,
  /// errata, notes, checks, probes and seconds.
  static func json(_ p: RunDocument.Problem) -> JSONValue {
    let answer: JSONValue =
      p.answerText.map { text in
        .object([
          ("text", .string(text)), ("latex", .string(p.answerLatex ?? "")),
          ("typed", p.answerTyped ?? .null),
        ])
      } ?? .null
    // A run with a printed solution judged always stores whether it agrees.
    let printed: JSONValue =
      p.printedAgrees.map { agrees in
        .object([
          ("text", .string(p.printedText ?? "")), ("location", .string(p.printedLocation ?? "")),
          ("answer", p.printedAnswer.map { .string($0) } ?? .null),
          ("reading", .string(p.printedReading ?? "")), ("agrees", .bool(agrees)),
          ("grade", p.printedGrade ?? .null),
        ])
      } ?? .null
    return .object([
      ("id", .string(p.id)), ("title", .string(p.title)), ("status", .string(p.status.rawValue)),
      ("question", p.question.map { .string($0) } ?? .null), ("parameters", p.parameters),
      ("derivation", .array(p.derivationSteps.map { .string($0.text) })),
      ("derivation_error", p.derivationError.map { .string($0) } ?? .null),
      ("answer", answer), ("printed", printed),
      ("errata", .array(p.errata.map(json))), ("notes", .array(p.notes.map { .string($0) })),
      ("checks", .array(p.checks.map(json))), ("probes", .array(p.probes.map(json))),
      ("seconds", .number(p.seconds)),
    ])
  }

  /// An erratum: kind, message, location, evidence, line, column, source.
  static func json(_ e: RunDocument.Erratum) -> JSONValue {
    .object([
      ("kind", .string(e.kind.rawValue)), ("message", .string(e.message)),
      ("location", .string(e.location)), ("evidence", e.evidence.map { .string($0) } ?? .null),
      ("line", e.line.map { .integer($0) } ?? .null),
      ("column", e.column.map { .integer($0) } ?? .null),
      ("source", e.source.map { .string($0) } ?? .null),
    ])
  }

  /// A check: ids, status, parameters, expected and measured values, standard error, tolerance,
  /// detail, stream key (a decimal string), seconds and series sorted by name.
  static func json(_ c: RunDocument.Check) -> JSONValue {
    .object([
      ("id", .string(c.id)), ("kind", .string(c.kind.rawValue)),
      ("status", .string(c.status.rawValue)), ("summary", .string(c.summary)),
      ("params", c.params), ("expected", c.expected), ("measured", c.measured),
      ("standard_error", c.standardError.map { .number($0) } ?? .null),
      ("tolerance", c.tolerance), ("detail", .string(c.detail)),
      ("stream_key", .string(c.streamKey)), ("seconds", .number(c.seconds)),
      ("series", series(c.series)),
    ])
  }

  /// A probe, with the same member names as a check where they agree.
  static func json(_ p: RunDocument.Probe) -> JSONValue {
    .object([
      ("id", .string(p.id)), ("summary", .string(p.summary)), ("params", p.params),
      ("detail", .string(p.detail)), ("stream_key", .string(p.streamKey)),
      ("seconds", .number(p.seconds)), ("series", series(p.series)),
    ])
  }

  static func series(_ series: [String: [Double]]) -> JSONValue {
    .object(
      series.sorted { $0.key < $1.key }.map { ($0.key, .array($0.value.map { .number($0) })) })
  }
}
