import ArgumentParser
import Foundation
import ResultStore
import Verification

/// `psverify compare`: two stored runs check by check (the statistics are `RunComparison`'s).
struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Compare two runs check by check (default: the last two).",
    discussion: "Exit 1 when a check went from pass to fail.")

  @Argument(help: "Two run ids.", transform: parseRunID)
  var ids: [Int64] = []

  @OptionGroup var options: StoreOptions

  func run() throws {
    try options.formats(["text", "json"])
    guard ids.isEmpty || ids.count == 2 else {
      throw UsageError(message: "compare takes two run ids, or none for the last two runs")
    }
    let store = options.store
    let pair = try storeQuery { () throws(StoreError) in
      ids.isEmpty ? try store.runs(last: 2) : try store.runs(ids: ids)
    }
    guard pair.count == 2 else {
      throw UsageError(message: "compare needs two stored runs; \(store.path) holds \(pair.count)")
    }
    let (a, b) = (pair[0], pair[1])
    let comparison = try storeQuery { () throws(StoreError) in
      RunComparison(
        checks: try store.checks(runs: [a.id, b.id]), a: a.id, b: b.id,
        benchA: try store.bench(run: a.id), benchB: try store.bench(run: b.id))
    }
    if options.format == "json" {
      let rows = comparison.rows.map(json) + comparison.bench.map(json)
      print(
        JSONValue.object([
          ("run_a", .integer(Int(a.id))), ("run_b", .integer(Int(b.id))),
          ("rows", .array(rows)),
          ("regressions", .integer(comparison.regressions)),
        ])
        .serialized(pretty: true))
    } else {
      print(
        "run \(a.id) (\(a.startedAt), seed \(a.seed)) → "
          + "run \(b.id) (\(b.startedAt), seed \(b.seed))")
      for row in comparison.rows { print(line(row)) }
      for row in comparison.bench { print(line(row)) }
      print(
        "\(comparison.regressions) check(s) went from pass to fail; |z| > "
          + "\(Int(RunComparison.zLimit)) marks a significant change of a Monte Carlo estimate "
          + "(false alarm 0.27% each)")
    }
    if comparison.regressions > 0 { throw ExitCode(1) }
  }

  func line(_ row: RunComparison.Row) -> String {
    var note = ""
    if let z = row.z {
      note = "z = \(Value.format(z, digits: 3))" + (row.significant == true ? " significant" : "")
    } else if row.changed {
      note = "changed"
    }
    if row.regression { note += (note.isEmpty ? "" : "; ") + "REGRESSION pass → fail" }
    let (x, y) = (row.a, row.b)
    return "\(row.key.padding(toLength: 44, withPad: " ", startingAt: 0)) "
      + "\((x?.status.rawValue ?? "—").padding(toLength: 5, withPad: " ", startingAt: 0)) → "
      + "\((y?.status.rawValue ?? "—").padding(toLength: 5, withPad: " ", startingAt: 0))  "
      + "\(short(x?.measured)) → \(short(y?.measured))  \(note)"
  }

  func line(_ pair: RunComparison.BenchPair) -> String {
    let (m, n) = (pair.a, pair.b)
    let who = m.tool == "psverify" ? "" : " [\(m.tool)]"
    return "bench \(m.measurement)\(who) T=\(m.threads): \(Value.format(m.median, digits: 4)) → "
      + "\(Value.format(n.median, digits: 4)) \(m.unit) (×\(Value.format(pair.ratio, digits: 3)))"
  }

  func json(_ row: RunComparison.Row) -> JSONValue {
    .object([
      ("check", .string(row.key)), ("status_a", row.a.map { .string($0.status.rawValue) } ?? .null),
      ("status_b", row.b.map { .string($0.status.rawValue) } ?? .null),
      ("measured_a", row.a.map { .string($0.measured) } ?? .null),
      ("measured_b", row.b.map { .string($0.measured) } ?? .null),
      ("z", row.z.map { .number($0) } ?? .null),
      ("significant", row.significant.map { .bool($0) } ?? .null),
    ])
  }

  func json(_ pair: RunComparison.BenchPair) -> JSONValue {
    let (m, n) = (pair.a, pair.b)
    return .object([
      ("bench", .string(m.measurement)), ("tool", .string(m.tool)),
      ("threads", .integer(m.threads)), ("unit", .string(m.unit)),
      ("median_a", .number(m.median)), ("median_b", .number(n.median)),
      ("ratio", .number(pair.ratio)),
    ])
  }

  func short(_ s: String?) -> String {
    guard let s else { return "—" }
    return s.count > 24 ? String(s.prefix(23)) + "…" : s
  }
}
