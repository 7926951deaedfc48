import ArgumentParser
import Foundation
import ResultStore
import Verification

/// Options of the commands that read results.db.
struct StoreOptions: ParsableArguments {
  @Option(help: "Results database (default: $PSVERIFY_DB or ./results.db).")
  var db: String?

  @Option(help: "Output format: text or json (export: csv or json).")
  var format: String = "text"

  var store: ResultStore {
    ResultStore(path: db ?? ProcessInfo.processInfo.environment["PSVERIFY_DB"] ?? "results.db")
  }

  func formats(_ accepted: [String]) throws {
    guard accepted.contains(format) else {
      throw UsageError(message: "unknown format '\(format)'; accepted: " + accepted.joined(separator: ", "))
    }
  }
}

func parseRunID(_ text: String) throws -> Int64 {
  guard let id = Int64(text), id > 0 else {
    throw ValidationError("expected a run id, a whole number from 1")
  }
  return id
}

/// Runs a store query, turning its errors into exit codes: 2 for bad input, 3 for unreadable.
func storeQuery<T>(_ body: () throws(StoreError) -> T) throws -> T {
  do {
    return try body()
  } catch {
    if error.isUsage { throw UsageError(message: error.description) }
    Terminal.error(error.description)
    throw ExitCode(3)
  }
}

struct HistoryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history", abstract: "List stored runs: when, version, seed, trials, verdicts.")

  @Argument(help: "Run ids (default: every run).", transform: parseRunID)
  var ids: [Int64] = []

  @Option(help: "Only the last N runs.")
  var last: Int?

  @OptionGroup var options: StoreOptions

  func run() throws {
    try options.formats(["text", "json"])
    if let last, last < 1 { throw UsageError(message: "--last takes a whole number from 1") }
    let runs = try storeQuery { () throws(StoreError) in try options.store.runs(ids: ids, last: last) }
    let checks = try storeQuery { () throws(StoreError) in
      try options.store.checks(runs: runs.map(\.id))
    }
    if options.format == "json" {
      print(JSONValue.array(runs.map { r in
        .object([
          ("id", .integer(Int(r.id))), ("started_at", .string(r.startedAt)),
          ("version", .string(r.version)), ("seed", .integer(Int(r.seed))),
          ("trials", r.trials.map { .integer($0) } ?? .null), ("kind", .string(r.kind)),
          ("exit_status", r.exitStatus.map { .integer($0) } ?? .null),
          ("problems", .array(r.problems.map { p in
            .object([("id", .string(p.id)), ("status", .string(p.status)),
                     ("passed", .integer(p.passed)), ("checks", .integer(p.checks)),
                     ("key", .string(key(p.id, r.id, checks)))])
          })),
        ])
      }).serialized(pretty: true))
      return
    }
    if runs.isEmpty { print("no runs stored in \(options.store.path)") }
    for r in runs {
      print("run \(r.id)  \(r.startedAt)  psverify \(r.version)  seed \(r.seed)"
        + (r.trials.map { "  trials \($0)" } ?? "") + (r.kind == "verify" ? "" : "  [\(r.kind)]"))
      for p in r.problems {
        print("  \(p.id.padding(toLength: 3, withPad: " ", startingAt: 0)) "
          + "\(p.status.padding(toLength: 21, withPad: " ", startingAt: 0)) \(p.passed)/\(p.checks)  "
          + key(p.id, r.id, checks))
      }
    }
  }

  /// A problem's key measurement: its first Monte Carlo estimate with its error, or its first
  /// instrumented count.
  func key(_ problem: String, _ run: Int64, _ checks: [StoredCheck]) -> String {
    let mine = checks.filter { $0.run == run && $0.problem == problem }
    if let mc = mine.first(where: { $0.standardError != nil && $0.measuredValue != nil }) {
      return "\(mc.check) \(Value.format(mc.measuredValue!)) ± \(Value.format(mc.standardError!))"
    }
    if let count = mine.first(where: { $0.kind == "instrumented" }) {
      return "\(count.check) \(count.measured)"
    }
    return ""
  }
}

struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Compare two runs check by check (default: the last two).",
    discussion: "Exit 1 when a check went from pass to fail.")

  @Argument(help: "Two run ids.", transform: parseRunID)
  var ids: [Int64] = []

  @OptionGroup var options: StoreOptions

  /// |z| > 3 flags a difference: two-sided false alarm 0.27% per compared estimate.
  static let zLimit = 3.0

  func run() throws {
    try options.formats(["text", "json"])
    guard ids.isEmpty || ids.count == 2 else {
      throw UsageError(message: "compare takes two run ids, or none for the last two runs")
    }
    let pair = try storeQuery { () throws(StoreError) in
      ids.isEmpty ? try options.store.runs(last: 2) : try options.store.runs(ids: ids)
    }
    guard pair.count == 2 else {
      throw UsageError(message: "compare needs two stored runs; \(options.store.path) holds \(pair.count)")
    }
    let (a, b) = (pair[0], pair[1])
    let checks = try storeQuery { () throws(StoreError) in try options.store.checks(runs: [a.id, b.id]) }
    let benchA = try storeQuery { () throws(StoreError) in try options.store.bench(run: a.id) }
    let benchB = try storeQuery { () throws(StoreError) in try options.store.bench(run: b.id) }
    var rows: [JSONValue] = [], lines: [String] = [], regressions = 0
    let keyed = { (run: Int64) in
      Dictionary(checks.filter { $0.run == run }.map { ("\($0.problem) \($0.check)", $0) },
                 uniquingKeysWith: { x, _ in x })
    }
    let left = keyed(a.id), right = keyed(b.id)
    let keys = checks.map { "\($0.problem) \($0.check)" }.reduce(into: [String]()) {
      if !$0.contains($1) { $0.append($1) }
    }
    for key in keys {
      let x = left[key], y = right[key]
      var note = ""
      var z: Double?
      if let x, let y, let mx = x.measuredValue, let my = y.measuredValue,
         let sx = x.standardError, let sy = y.standardError, sx > 0 || sy > 0 {
        z = (my - mx) / (sx * sx + sy * sy).squareRoot()
        note = "z = \(Value.format(z!, digits: 3))" + (abs(z!) > Self.zLimit ? " significant" : "")
      } else if let x, let y, x.measured != y.measured {
        note = "changed"
      }
      if x?.status == "pass" && y?.status == "fail" {
        regressions += 1
        note += (note.isEmpty ? "" : "; ") + "REGRESSION pass → fail"
      }
      lines.append("\(key.padding(toLength: 44, withPad: " ", startingAt: 0)) "
        + "\((x?.status ?? "—").padding(toLength: 5, withPad: " ", startingAt: 0)) → "
        + "\((y?.status ?? "—").padding(toLength: 5, withPad: " ", startingAt: 0))  "
        + "\(short(x?.measured)) → \(short(y?.measured))  \(note)")
      rows.append(.object([
        ("check", .string(key)), ("status_a", x.map { .string($0.status) } ?? .null),
        ("status_b", y.map { .string($0.status) } ?? .null),
        ("measured_a", x.map { .string($0.measured) } ?? .null),
        ("measured_b", y.map { .string($0.measured) } ?? .null),
        ("z", z.map { .number($0) } ?? .null),
        ("significant", z.map { .bool(abs($0) > Self.zLimit) } ?? .null),
      ]))
    }
    for m in benchA {
      guard let n = benchB.first(where: { $0.measurement == m.measurement && $0.threads == m.threads
        && $0.unit == m.unit && $0.tool == m.tool }) else { continue }
      let ratio = n.median / m.median
      let who = m.tool == "psverify" ? "" : " [\(m.tool)]"
      lines.append("bench \(m.measurement)\(who) T=\(m.threads): \(Value.format(m.median, digits: 4)) → "
        + "\(Value.format(n.median, digits: 4)) \(m.unit) (×\(Value.format(ratio, digits: 3)))")
      rows.append(.object([("bench", .string(m.measurement)), ("tool", .string(m.tool)),
                           ("threads", .integer(m.threads)),
                           ("unit", .string(m.unit)), ("median_a", .number(m.median)),
                           ("median_b", .number(n.median)), ("ratio", .number(ratio))]))
    }
    if options.format == "json" {
      print(JSONValue.object([("run_a", .integer(Int(a.id))), ("run_b", .integer(Int(b.id))),
                              ("rows", .array(rows)), ("regressions", .integer(regressions))])
        .serialized(pretty: true))
    } else {
      print("run \(a.id) (\(a.startedAt), seed \(a.seed)) → run \(b.id) (\(b.startedAt), seed \(b.seed))")
      lines.forEach { print($0) }
      print("\(regressions) check(s) went from pass to fail; |z| > \(Int(Self.zLimit)) marks a "
        + "significant change of a Monte Carlo estimate (false alarm 0.27% each)")
    }
    if regressions > 0 { throw ExitCode(1) }
  }

  func short(_ s: String?) -> String {
    guard let s else { return "—" }
    return s.count > 24 ? String(s.prefix(23)) + "…" : s
  }
}

struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export", abstract: "Export stored check outcomes as CSV or JSON.")

  @Option(name: .customLong("run"), help: "Only this run (default: every run).",
          transform: parseRunID)
  var runID: Int64?

  @OptionGroup var options: StoreOptions

  func run() throws {
    try options.formats(["csv", "json"])
    let checks = try storeQuery { () throws(StoreError) in
      try options.store.checks(runs: runID.map { [$0] })
    }
    if options.format == "json" {
      print(JSONValue.array(checks.map { c in
        .object([("run", .integer(Int(c.run))), ("problem", .string(c.problem)),
                 ("check", .string(c.check)), ("kind", .string(c.kind)), ("status", .string(c.status)),
                 ("expected", .string(c.expected)), ("measured", .string(c.measured)),
                 ("measured_value", c.measuredValue.map { .number($0) } ?? .null),
                 ("standard_error", c.standardError.map { .number($0) } ?? .null),
                 ("detail", .string(c.detail))])
      }).serialized(pretty: true))
      return
    }
    print("run,problem,check,kind,status,expected,measured,measured_value,standard_error,detail")
    for c in checks {
      let fields = [String(c.run), c.problem, c.check, c.kind, c.status, c.expected, c.measured,
                    c.measuredValue.map { "\($0)" } ?? "", c.standardError.map { "\($0)" } ?? "",
                    c.detail]
      print(fields.map(csv).joined(separator: ","))
    }
  }

  /// RFC 4180 quoting.
  func csv(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
