import ResultStore
import Verification

/// psverify's rows beside the anchors': one line per workload and thread count, each anchor
/// family's best median with the ratio of psverify's throughput to it, and the target it is held
/// to (issue 15's, at 2 threads).
enum BenchSideBySide {
  static let families = ["numpy", "jax", "torch"]

  struct Line {
    var measurement: String
    var threads: Int
    var unit: String
    var ours: Double
    /// Per family: "248 (1.52×)" and, for a targeted ratio, whether it meets the target.
    var cells: [String]
    var verdicts: [String]
  }

  static func lines(ours: [BenchRow], ratios: [BenchAnchors.Ratio]) -> [Line] {
    var lines: [Line] = []
    for row in ours
    where ratios.contains(where: {
      $0.measurement == row.measurement && $0.threads == row.threads && $0.unit == row.unit
    }) {
      var cells: [String] = []
      var verdicts: [String] = []
      for family in families {
        guard
          let r = ratios.first(where: {
            $0.measurement == row.measurement && $0.threads == row.threads && $0.unit == row.unit
              && $0.family == family
          })
        else {
          cells.append("—")
          continue
        }
        cells.append("\(number(r.theirs)) (\(Value.format(r.ratio, digits: 3))×)")
        if let target = BenchAnchors.target(for: r) {
          let met = r.ratio >= target.minimum
          verdicts.append(
            "\(met ? "meets" : "MISSES") ≥\(Value.format(target.minimum, digits: 3))× \(family)"
              + (met
                ? "" : " (at \(Value.format(r.ratio / target.minimum * 100, digits: 3))% of it)"))
        }
      }
      lines.append(
        Line(
          measurement: row.measurement, threads: row.threads, unit: row.unit,
          ours: row.median, cells: cells, verdicts: verdicts))
    }
    return lines
  }

  static func number(_ x: Double) -> String {
    x >= 1e5 ? Value.format(x, digits: 3) : Value.format((x * 10).rounded() / 10, digits: 4)
  }

  static func text(ours: [BenchRow], ratios: [BenchAnchors.Ratio]) -> String {
    var out = [
      "side by side (medians; (r×) = psverify's throughput ÷ the anchor's, above 1 "
        + "psverify is faster; each family's fastest variant)"
    ]
    let header =
      "workload".padding(toLength: 52, withPad: " ", startingAt: 0) + " T  "
      + "unit".padding(toLength: 10, withPad: " ", startingAt: 0)
      + "psverify".padding(toLength: 11, withPad: " ", startingAt: 0)
      + families.map { $0.padding(toLength: 19, withPad: " ", startingAt: 0) }.joined()
    out.append(header)
    for line in lines(ours: ours, ratios: ratios) {
      out.append(
        String(line.measurement.prefix(52)).padding(toLength: 52, withPad: " ", startingAt: 0)
          + " \(line.threads)  " + line.unit.padding(toLength: 10, withPad: " ", startingAt: 0)
          + number(line.ours).padding(toLength: 11, withPad: " ", startingAt: 0)
          + line.cells.map { $0.padding(toLength: 19, withPad: " ", startingAt: 0) }.joined()
          + (line.verdicts.isEmpty ? "" : "  " + line.verdicts.joined(separator: "; ")))
    }
    return out.joined(separator: "\n")
  }

  static func markdown(ours: [BenchRow], ratios: [BenchAnchors.Ratio], info: JSONValue?) -> String {
    var out: [String] = []
    if ratios.isEmpty {
      out.append("| measurement | T | median | min | max | unit |")
      out.append("|---|---|---|---|---|---|")
      for r in ours {
        out.append(
          "| \(r.measurement) | \(r.threads) | \(number(r.median)) | \(number(r.min)) | "
            + "\(number(r.max)) | \(r.unit) |")
      }
      return out.joined(separator: "\n")
    }
    out.append(
      "| workload | T | unit | psverify | " + families.joined(separator: " | ") + " | targets |")
    out.append("|---|---|---|---|" + families.map { _ in "---|" }.joined() + "---|")
    for line in lines(ours: ours, ratios: ratios) {
      out.append(
        "| \(line.measurement) | \(line.threads) | \(line.unit) | \(number(line.ours)) | "
          + line.cells.joined(separator: " | ") + " | \(line.verdicts.joined(separator: "; ")) |")
    }
    if let info, let versions = versions(info) {
      out.append("")
      out.append(versions)
    }
    return out.joined(separator: "\n")
  }

  /// "NumPy 2.4.6 (OpenBLAS 0.3.31 Haswell), JAX 0.10.2, PyTorch 2.15.0" from the script's info.
  static func versions(_ info: JSONValue) -> String? {
    func s(_ key: String) -> String? {
      if case .string(let v)? = info.member(key) { return v }
      return nil
    }
    var parts: [String] = []
    if let cpu = s("cpu") { parts.append("CPU \(cpu)") }
    if let v = s("python") { parts.append("Python \(v)") }
    if let v = s("numpy") { parts.append("NumPy \(v)") }
    if let v = s("jax") { parts.append("JAX \(v)") }
    if let v = s("torch") { parts.append("PyTorch \(v)") }
    return parts.isEmpty ? nil : "Anchors: " + parts.joined(separator: ", ") + "."
  }
}
