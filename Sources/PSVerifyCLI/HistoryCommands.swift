import ArgumentParser
import Foundation
import ResultStore
import Verification

/// Options of the commands that read results.db.
struct StoreOptions: ParsableArguments {
  @OptionGroup var database: DatabaseOption

  @Option(help: "Output format: text or json (export: csv or json).")
  var format: String = "text"

  var store: ResultStore { database.store }

  func formats(_ accepted: [String]) throws {
    guard accepted.contains(format) else {
      throw UsageError(
        message: "unknown format '\(format)'; accepted: " + accepted.joined(separator: ", "))
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
    let runs = try storeQuery { () throws(StoreError) in
      try options.store.runs(ids: ids, last: last)
    }
    let checks = try storeQuery { () throws(StoreError) in
      try options.store.checks(runs: runs.map(\.id))
    }
    if options.format == "json" {
      print(
        JSONValue.array(
          runs.map { r in
            .object([
              ("id", .integer(Int(r.id))), ("started_at", .string(r.startedAt)),
              ("version", .string(r.version)), ("seed", .integer(Int(r.seed))),
              ("trials", r.trials.map { .integer($0) } ?? .null),
              ("kind", .string(r.kind.rawValue)),
              ("exit_status", r.exitStatus.map { .integer($0) } ?? .null),
              (
                "problems",
                .array(
                  r.problems.map { p in
                    .object([
                      ("id", .string(p.id)), ("status", .string(p.status)),
                      ("passed", .integer(p.passed)), ("checks", .integer(p.checks)),
                      ("key", .string(key(p.id, r.id, checks))),
                    ])
                  })
              ),
            ])
          }
        ).serialized(pretty: true))
      return
    }
    if runs.isEmpty { print("no runs stored in \(options.store.path)") }
    for r in runs {
      print(
        "run \(r.id)  \(r.startedAt)  psverify \(r.version)  seed \(r.seed)"
          + (r.trials.map { "  trials \($0)" } ?? "")
          + (r.kind == .verify ? "" : "  [\(r.kind.rawValue)]"))
      for p in r.problems {
        print(
          "  \(p.id.padding(toLength: 3, withPad: " ", startingAt: 0)) "
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
    if let count = mine.first(where: { $0.kind == .instrumented }) {
      return "\(count.check) \(count.measured)"
    }
    return ""
  }
}

struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export", abstract: "Export stored check outcomes as CSV or JSON.")

  @Option(
    name: .customLong("run"), help: "Only this run (default: every run).",
    transform: parseRunID)
  var runID: Int64?

  @OptionGroup var options: StoreOptions

  func run() throws {
    try options.formats(["csv", "json"])
    let checks = try storeQuery { () throws(StoreError) in
      try options.store.checks(runs: runID.map { [$0] })
    }
    if options.format == "json" {
      print(
        JSONValue.array(
          checks.map { c in
            .object([
              ("run", .integer(Int(c.run))), ("problem", .string(c.problem)),
              ("check", .string(c.check)), ("kind", .string(c.kind.rawValue)),
              ("status", .string(c.status.rawValue)),
              ("expected", .string(c.expected)), ("measured", .string(c.measured)),
              ("measured_value", c.measuredValue.map { .number($0) } ?? .null),
              ("standard_error", c.standardError.map { .number($0) } ?? .null),
              ("detail", .string(c.detail)),
            ])
          }
        ).serialized(pretty: true))
      return
    }
    print("run,problem,check,kind,status,expected,measured,measured_value,standard_error,detail")
    for c in checks {
      let fields = [
        String(c.run), c.problem, c.check, c.kind.rawValue, c.status.rawValue,
        c.expected, c.measured,
        c.measuredValue.map { "\($0)" } ?? "", c.standardError.map { "\($0)" } ?? "",
        c.detail,
      ]
      print(fields.map(csv).joined(separator: ","))
    }
  }

  /// RFC 4180 quoting.
  func csv(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return field
    }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
