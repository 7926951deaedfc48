import Foundation
import ResultStore
import Verification

/// The NumPy/JAX/PyTorch anchors (`shared/bench/perf_anchor.py`), run right after psverify's own
/// rows on the same machine, and the ratios between the two.
enum BenchAnchors {
  /// What the anchors script reported: its machine and library versions, and its rows.
  struct Report {
    var info: JSONValue
    var rows: [BenchRow]
  }

  enum Failure: Error, CustomStringConvertible {
    case noPython(String)
    case script(status: Int32, detail: String)
    case output(String)

    var description: String {
      switch self {
      case .noPython(let p):
        "no Python at '\(p)'; pass --python with the path of a Python that has numpy, jax and "
          + "torch (e.g. a venv's bin/python)"
      case .script(let status, let detail):
        "the anchors script exited with status \(status)" + (detail.isEmpty ? "" : ": \(detail)")
      case .output(let what): "could not read the anchors' results: \(what)"
      }
    }
  }

  /// The path of `python` if it names an executable, directly or on PATH.
  static func resolve(python: String) -> String? {
    let fm = FileManager.default
    if python.contains("/") { return fm.isExecutableFile(atPath: python) ? python : nil }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for dir in path.split(separator: ":") where fm.isExecutableFile(atPath: "\(dir)/\(python)") {
      return "\(dir)/\(python)"
    }
    return nil
  }

  /// Runs the script on `groups` (the script's own progress goes to `progressTo`) and reads the
  /// JSON it writes beside its Markdown table.
  static func run(
    script: String, python: String, groups: [String], reps: Int, threads: [Int],
    progressTo output: FileHandle
  ) throws(Failure) -> Report {
    guard let executable = resolve(python: python) else { throw .noPython(python) }
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("psverify-anchors-\(ProcessInfo.processInfo.processIdentifier)")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let markdown = directory.appendingPathComponent("anchors.md")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments =
      [script, "--only"] + groups
      + ["--reps", String(max(5, reps)), "--threads"] + threads.map(String.init)
      + ["--out", markdown.path]
    process.standardOutput = output
    let errors = Pipe()
    process.standardError = errors
    do { try process.run() } catch { throw .script(status: -1, detail: "\(error)") }
    let stderr = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      let text = String(decoding: stderr, as: UTF8.self)
      throw .script(
        status: process.terminationStatus,
        detail: text.split(separator: "\n").last.map(String.init) ?? "")
    }
    let jsonURL = directory.appendingPathComponent("anchors.json")
    guard let data = try? Data(contentsOf: jsonURL) else {
      throw .output("the script wrote no \(jsonURL.lastPathComponent)")
    }
    return try parse(data)
  }

  /// Reads the script's JSON: `{"info": {…}, "rows": [{measurement, tool, threads, median, min,
  /// max, unit, n, note}, …]}`. Python writes a failed measurement's NaN as a bare `NaN`, which
  /// JSON cannot hold; such rows are dropped.
  static func parse(_ data: Data) throws(Failure) -> Report {
    let text = String(decoding: data, as: UTF8.self)
      .replacingOccurrences(of: ": NaN", with: ": null")
    guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)),
      let top = object as? [String: Any], let rows = top["rows"] as? [[String: Any]]
    else {
      throw .output("not the script's JSON (an object with 'rows')")
    }
    var parsed: [BenchRow] = []
    for row in rows {
      guard let measurement = row["measurement"] as? String, let tool = row["tool"] as? String,
        let threads = row["threads"] as? Int, let median = row["median"] as? Double,
        let low = row["min"] as? Double, let high = row["max"] as? Double,
        let unit = row["unit"] as? String, let n = row["n"] as? Int
      else { continue }
      parsed.append(
        BenchRow(
          measurement: measurement, threads: threads, median: median, min: low,
          max: high, unit: unit, n: n, tool: tool))
    }
    return Report(info: json(top["info"] ?? NSNull()), rows: parsed)
  }

  static func json(_ any: Any) -> JSONValue {
    switch any {
    case let s as String: return .string(s)
    case let i as Int: return .integer(i)
    case let d as Double: return .number(d)
    case let a as [Any]: return .array(a.map(json))
    case let o as [String: Any]: return .object(o.keys.sorted().map { ($0, json(o[$0]!)) })
    default: return .null
    }
  }

  /// The library an anchor row belongs to: the first word of its tool ("numpy", "jax", "torch").
  static func family(_ tool: String) -> String {
    String(tool.prefix { $0 != " " && $0 != "[" })
  }

  /// psverify's throughput against one anchor family's best row for the same work.
  struct Ratio {
    var measurement: String
    var threads: Int
    var unit: String
    var ours: Double
    var family: String
    var tool: String
    var theirs: Double
    /// ours ÷ theirs: above 1, psverify does the work faster.
    var ratio: Double { ours / theirs }
  }

  static func ratios(ours: [BenchRow], anchors: [BenchRow]) -> [Ratio] {
    var out: [Ratio] = []
    for row in ours where row.unit == "GFLOP/s" || row.unit == "samples/s" {
      let matching = anchors.filter {
        $0.measurement == row.measurement && $0.threads == row.threads && $0.unit == row.unit
          && $0.median.isFinite && $0.median > 0
      }
      var families: [String] = []
      for a in matching where !families.contains(family(a.tool)) { families.append(family(a.tool)) }
      for f in families {
        // The family's fastest variant (JAX's lax.scan vs unrolled, say): the fair bar.
        let best = matching.filter { family($0.tool) == f }.max { $0.median < $1.median }!
        out.append(
          Ratio(
            measurement: row.measurement, threads: row.threads, unit: row.unit,
            ours: row.median, family: f, tool: best.tool, theirs: best.median))
      }
    }
    return out
  }

  /// The project's speed targets (issue 15), each a minimum ratio to an anchor family measured
  /// in the same run, at 2 threads.
  struct Target {
    var prefix: String
    var family: String
    var minimum: Double
  }

  static let targets: [Target] = [
    Target(prefix: "conv", family: "torch", minimum: 0.7),
    Target(prefix: "conv", family: "numpy", minimum: 2),
    Target(prefix: "conv", family: "jax", minimum: 2),
    Target(prefix: "matmul", family: "numpy", minimum: 0.85),
    Target(prefix: "resid bottleneck MLP fwd+bwd", family: "torch", minimum: 1),
    Target(prefix: "MC", family: "numpy", minimum: 10),
  ]

  /// The target a ratio is held to, if any.
  static func target(for ratio: Ratio) -> Target? {
    guard ratio.threads == 2 else { return nil }
    return targets.first { ratio.measurement.hasPrefix($0.prefix) && ratio.family == $0.family }
  }
}
