import ArgumentParser
import Foundation
import ResultStore
import TensorCore
import Verification

/// `psverify bench`: the workloads of `shared/bench/perf_anchor.py`, timed the same way (warm-up,
/// then repetitions; median, min, max), and with `--anchors` the NumPy/JAX/PyTorch rows measured
/// right after on the same machine, with the ratio of psverify's throughput to each.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Time psverify's kernels on the workloads of the performance anchors.",
    discussion: """
      With --anchors PATH/perf_anchor.py, the anchors script runs right after psverify's rows on \
      the same groups and threads, and a side-by-side table gives each ratio (psverify's \
      throughput ÷ the anchor's; above 1 psverify is faster) and the project's targets.
      """)

  @Option(
    parsing: .upToNextOption,
    help: "Groups to run: notation, mc, matmul, conv2d, conv3d, mlp (default all).")
  var only: [String] = BenchWorkloads.Group.allCases.map(\.rawValue)

  @Option(help: "Timed repetitions after warm-up (5…100).")
  var reps: Int = 7

  @Option(parsing: .upToNextOption, help: "Thread counts to time (1 and/or 2).")
  var threads: [Int] = [1, 2]

  @Option(help: "Output format: text, json or markdown.")
  var format: OutputFormat = .text

  @OptionGroup var storage: StorageOptions

  @Option(
    help: ArgumentHelp(
      "Also run the NumPy/JAX/PyTorch anchors script on the same groups, after psverify's rows.",
      valueName: "perf_anchor.py"))
  var anchors: String?

  @Option(help: "The Python that runs the anchors script (one with numpy, jax and torch).")
  var python: String = "python3"

  var groups: [BenchWorkloads.Group] { only.compactMap(BenchWorkloads.Group.init(rawValue:)) }

  func validate() throws {
    let known = BenchWorkloads.Group.allCases.map(\.rawValue)
    for group in only where !known.contains(group) {
      throw ValidationError("unknown group '\(group)'; known: \(known.joined(separator: ", "))")
    }
    guard (5...100).contains(reps) else { throw ValidationError("--reps must be from 5 to 100") }
    guard !threads.isEmpty, threads.allSatisfy({ $0 == 1 || $0 == 2 }) else {
      throw ValidationError("--threads accepts 1 and 2")
    }
  }

  func run() throws {
    let store = try storage.checkedStore()
    if let anchors {
      guard FileManager.default.fileExists(atPath: anchors) else {
        throw UsageError(
          message: "no anchors script at '\(anchors)'; pass the path of shared/bench/perf_anchor.py"
        )
      }
      guard BenchAnchors.resolve(python: python) != nil else {
        throw UsageError(message: BenchAnchors.Failure.noPython(python).description)
      }
    }
    let started = Date()
    let measured = BenchWorkloads.run(groups, threads: threads, reps: reps) { name in
      if format == .text { Terminal.status("bench: \(name)") }
    }
    if format == .text { Terminal.status(nil) }
    let ours = measured.flatMap(Self.rows)
    var anchorReport: BenchAnchors.Report?
    var anchorFailure: BenchAnchors.Failure?
    let anchorGroups = groups.map(\.rawValue).filter { $0 != "notation" }
    if let anchors, !anchorGroups.isEmpty {
      if format == .text { printTable(ours) }
      if format == .text { print("\nanchors (\(anchors)), on the same machine right after:") }
      fflush(nil)  // every stream: our rows first, then the script's
      do {
        // The script's own progress lines: on standard output for text, standard error otherwise.
        anchorReport = try BenchAnchors.run(
          script: anchors, python: python, groups: anchorGroups, reps: reps, threads: threads,
          progressTo: format == .text ? .standardOutput : .standardError)
      } catch {
        anchorFailure = error
      }
    }
    let ratios = BenchAnchors.ratios(ours: ours, anchors: anchorReport?.rows ?? [])
    switch format {
    case .text:
      if anchorReport == nil { printTable(ours) }
      if !ratios.isEmpty {
        print("")
        print(BenchSideBySide.text(ours: ours, ratios: ratios))
      }
    case .markdown:
      print(BenchSideBySide.markdown(ours: ours, ratios: ratios, info: anchorReport?.info))
    case .json:
      print(json(ours: ours, anchors: anchorReport, ratios: ratios).serialized(pretty: true))
    }
    let stored = StoreAttempt(
      storing: {
        var record = RunRecord(
          startedAt: started, finishedAt: Date(), version: Version.current,
          seed: 0, trials: nil,
          parameters: .object([("anchors", anchorReport?.info ?? .null)]),
          commandLine: (["psverify"] + CommandLine.arguments.dropFirst())
            .joined(separator: " "), reports: [])
        record.kind = .bench
        record.machine = Machine.description
        record.bench = ours + (anchorReport?.rows ?? [])
        return record
      }(), in: store)
    if stored.runID != nil && format == .text { print(stored.storage) }
    try stored.finish()
    if let anchorFailure {
      Terminal.error(anchorFailure.description)
      throw ExitCode(2)
    }
  }

  /// A measurement as stored rows: its time, and its throughput when it has one.
  static func rows(_ m: BenchWorkloads.Measurement) -> [BenchRow] {
    let scale = m.unit == "µs" ? 1e6 : 1e3
    let (median, low, high) = stats(m.times.map { $0 * scale })
    var rows = [
      BenchRow(
        measurement: m.name, threads: m.threads, median: median, min: low,
        max: high, unit: m.unit, n: m.times.count)
    ]
    if let work = m.work, let workUnit = m.workUnit {
      let div = workUnit == "GFLOP/s" ? 1e9 : 1
      let (rate, slowest, fastest) = stats(m.times.map { work / $0 / div })
      rows.append(
        BenchRow(
          measurement: m.name, threads: m.threads, median: rate, min: slowest,
          max: fastest, unit: workUnit, n: m.times.count))
    }
    return rows
  }

  /// Median, min and max (the median of an even count is the mean of the middle two, as
  /// Python's `statistics.median`).
  static func stats(_ xs: [Double]) -> (Double, Double, Double) {
    let s = xs.sorted()
    let median = s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    return (median, s.first!, s.last!)
  }

  func printTable(_ rows: [BenchRow]) {
    print(
      "measurement".padding(toLength: 62, withPad: " ", startingAt: 0)
        + " T   median      min        max        unit")
    for row in rows {
      print(
        row.measurement.padding(toLength: 62, withPad: " ", startingAt: 0)
          + " \(row.threads) "
          + [row.median, row.min, row.max].map {
            Value.format($0, digits: 4).padding(toLength: 10, withPad: " ", startingAt: 0)
          }.joined(separator: " ") + " \(row.unit)")
    }
  }

  func json(ours: [BenchRow], anchors: BenchAnchors.Report?, ratios: [BenchAnchors.Ratio])
    -> JSONValue
  {
    func row(_ r: BenchRow) -> JSONValue {
      .object([
        ("measurement", .string(r.measurement)), ("tool", .string(r.tool)),
        ("threads", .integer(r.threads)), ("median", .number(r.median)),
        ("min", .number(r.min)), ("max", .number(r.max)), ("unit", .string(r.unit)),
        ("n", .integer(r.n)),
      ])
    }
    return .object([
      ("machine", .string(Machine.description)),
      ("rows", .array(ours.map(row))),
      (
        "anchors",
        anchors.map { .object([("info", $0.info), ("rows", .array($0.rows.map(row)))]) }
          ?? .null
      ),
      (
        "ratios",
        .array(
          ratios.map { r in
            let target = BenchAnchors.target(for: r)
            return .object([
              ("measurement", .string(r.measurement)), ("threads", .integer(r.threads)),
              ("unit", .string(r.unit)), ("psverify", .number(r.ours)), ("anchor", .string(r.tool)),
              ("anchor_median", .number(r.theirs)), ("ratio", .number(r.ratio)),
              ("target", target.map { .number($0.minimum) } ?? .null),
              ("meets_target", target.map { .bool(r.ratio >= $0.minimum) } ?? .null),
            ])
          })
      ),
    ])
  }
}
