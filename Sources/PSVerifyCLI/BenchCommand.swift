import ArgumentParser
import Foundation
import IndexNotation
import Models
import TensorCore
import ResultStore
import Verification

/// `psverify bench`: the workloads of `shared/bench/perf_anchor.py`, timed the same way (warm-up,
/// then repetitions; median, min, max), to read side by side with the NumPy/JAX/PyTorch anchors.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Time psverify's kernels on the workloads of the performance anchors.",
    discussion: "Run `python3 ../shared/bench/perf_anchor.py` on the same machine to compare.")

  enum Group: String, ExpressibleByArgument, CaseIterable {
    case notation, mc, matmul, conv2d, conv3d, mlp
  }

  @Option(parsing: .upToNextOption,
          help: "Groups to run: notation, mc, matmul, conv2d, conv3d, mlp (default all).")
  var only: [Group] = Group.allCases

  @Option(help: "Timed repetitions after warm-up (5…100).")
  var reps: Int = 7

  @Option(parsing: .upToNextOption, help: "Thread counts to time (1 and/or 2).")
  var threads: [Int] = [1, 2]

  @Option(help: "Output format: text or json.")
  var format: OutputFormat = .text

  @Option(help: "Results database for the bench run (default: $PSVERIFY_DB or ./results.db).")
  var db: String?

  @Flag(help: "Do not store the bench run.")
  var noStore = false

  @Option(help: ArgumentHelp(
    "Also run the NumPy/JAX/PyTorch anchors script on the same groups, after psverify's rows.",
    valueName: "perf_anchor.py"))
  var anchors: String?

  @Option(help: "The Python that runs the anchors script (one with numpy and jax installed).")
  var python: String = "python3"

  struct Row {
    var measurement: String
    var threads: Int
    var times: [Double]
    var unit: String
    var work: Double?  // FLOPs or items per call
    var workUnit: String?
  }

  func validate() throws {
    guard (5...100).contains(reps) else { throw ValidationError("--reps must be from 5 to 100") }
    guard threads.allSatisfy({ $0 == 1 || $0 == 2 }) else {
      throw ValidationError("--threads accepts 1 and 2")
    }
  }

  func run() throws {
    let store = noStore ? nil
      : ResultStore(path: db ?? ProcessInfo.processInfo.environment["PSVERIFY_DB"] ?? "results.db")
    if let store {
      do { try store.validate() } catch { throw UsageError(message: error.description) }
    }
    if let anchors, !FileManager.default.fileExists(atPath: anchors) {
      throw UsageError(message: "no anchors script at '\(anchors)'; pass the path of shared/bench/perf_anchor.py")
    }
    let started = Date()
    var rows: [Row] = []
    if only.contains(.notation) {
      // Problem 2's corrected equation plus problem 4's two branches: 300+ characters.
      let text = "L_{ℓ+1}[b, x, y, t, j] = σ(K_{ℓ+1}[j, ΔX, ΔY, ΔT, I] L_ℓ[b, sx + ΔX, sy + ΔY, st + ΔT, I] − B_{ℓ+1}[j]) + γ(M_ℓ[b, x, y, t, j] + \\hat{L}_{\\ell}[b, x, y, t, j]) + W_{ℓ+1,←}[ΔX, ΔY, I, j] P_{ℓ,s+1}[b, x + ΔX, y + ΔY, t, I] + W_{ℓ+1,↑}[ΔX, ΔY, I, j] P_{ℓ,s}[b, 2x + ΔX, 2y + ΔY, t, I] − Q[b, x, y, t, j]"
      precondition(text.count >= 300, "the benchmark equation must have 300 characters")
      let times = timeit(reps: max(reps, 50)) {
        var p = Parser(text)
        if let eq = try? p.parseEquation() { _ = Checker.check(eq) }
      }
      rows.append(Row(measurement: "parse + check a \(text.count)-character equation", threads: 1,
                      times: times, unit: "µs"))
    }
    for t in threads {
      Parallel.limitWorkers(t)
      defer { Parallel.limitWorkers(0) }
      if only.contains(.mc) {
        let n = 10_000_000
        let stream = RandomStream(seed: 12345)
        let times = timeit(reps: reps) {
          let m = ChunkedSampling.moments(count: n, stream: stream) { r, a, b in
            r.fill(a, with: .gaussian)
            r.fill(b, with: .gaussian)
            let g = 1 / 2.0.squareRoot()
            for i in a.indices { a[i] = g * (a[i] + b[i]) }
          }
          precondition(m.count == n)
        }
        rows.append(Row(measurement: "MC n=1e7 pairs, mean/var of (a+b)/sqrt2", threads: t,
                        times: times, unit: "ms", work: Double(n), workUnit: "samples/s"))
      }
      if only.contains(.matmul) {
        let n = 2048
        var r = RandomStream(seed: 1)
        let a = Tensor<Float>.normal(shape: [n, n], random: &r)
        let b = Tensor<Float>.normal(shape: [n, n], random: &r)
        let times = timeit(reps: reps) { _ = a.dense(weight: b) }
        rows.append(Row(measurement: "matmul 2048^3 f32", threads: t, times: times, unit: "ms",
                        work: 2 * pow(Double(n), 3), workUnit: "GFLOP/s"))
      }
      if only.contains(.conv2d) {
        let (b, h, w, ci, co, k) = (8, 56, 56, 64, 64, 3)
        var r = RandomStream(seed: 5)
        let x = Tensor<Float>.normal(shape: [b, h, w, ci], random: &r)
        let kernel = Tensor<Float>.normal(shape: [co, k, k, ci], random: &r)
        let axes = [ConvolutionAxis(input: h, filter: k, padding: .same),
                    ConvolutionAxis(input: w, filter: k, padding: .same)]
        let times = timeit(reps: reps) {
          _ = Convolution.forward(input: x, kernel: kernel, thresholds: nil, axes: axes)
        }
        rows.append(Row(measurement: "conv2d NHWC B8 56x56 64->64 3x3 s1 SAME", threads: t,
                        times: times, unit: "ms", work: Double(2 * b * h * w * k * k * ci * co),
                        workUnit: "GFLOP/s"))
      }
      if only.contains(.conv3d) {
        let (b, tt, h, w, ci, co, k) = (2, 16, 56, 56, 64, 64, 3)
        var r = RandomStream(seed: 6)
        let x = Tensor<Float>.normal(shape: [b, h, w, tt, ci], random: &r)
        let kernel = Tensor<Float>.normal(shape: [co, k, k, k, ci], random: &r)
        for (padding, s) in [(Padding.same, 1), (Padding.valid, 2)] {
          let axes = [ConvolutionAxis(input: h, filter: k, stride: s, padding: padding),
                      ConvolutionAxis(input: w, filter: k, stride: s, padding: padding),
                      ConvolutionAxis(input: tt, filter: k, stride: s, padding: padding)]
          let outputs = axes.map(\.output).reduce(1, *)
          let times = timeit(reps: min(reps, 7), warmup: 1) {
            _ = Convolution.forward(input: x, kernel: kernel, thresholds: nil, axes: axes)
          }
          let label = s == 1 ? "s1 SAME" : "s2 VALID (out \(axes[2].output)x\(axes[0].output)x\(axes[1].output))"
          rows.append(Row(measurement: "conv3d NDHWC B2 T16 56x56 64->64 3^3 \(label)", threads: t,
                          times: times, unit: "ms",
                          work: Double(2 * b * outputs * k * k * k * ci * co), workUnit: "GFLOP/s"))
        }
      }
      if only.contains(.mlp) {
        let (depth, width, bottleneck, batch) = (50, 512, 128, 64)
        let net = BottleneckResidualMLP.random(
          width: width, bottleneck: bottleneck, layers: depth + 1, gamma: Float(1 / 2.0.squareRoot()),
          initialization: .init(w1: 1 / Float(width).squareRoot(),
                                w2: 1 / Float(bottleneck).squareRoot(), thresholds: 0),
          random: RandomStream(seed: 3))
        var r = RandomStream(seed: 4)
        let x = Tensor<Float>.normal(shape: [batch, width], random: &r)
        let times = timeit(reps: reps) { _ = net.forward(x) }
        rows.append(Row(measurement: "resid bottleneck MLP forward D50 N512 Nb128 B64", threads: t,
                        times: times, unit: "ms",
                        work: Double(2 * 2 * batch * width * bottleneck * depth), workUnit: "GFLOP/s"))
      }
    }
    let table = report(rows)
    if let store {
      var record = RunRecord(startedAt: started, finishedAt: Date(), version: Version.current,
                             seed: 0, trials: nil, parameters: .object([]),
                             commandLine: (["psverify"] + CommandLine.arguments.dropFirst())
                               .joined(separator: " "), reports: [])
      record.kind = "bench"
      record.bench = table
      do {
        let id = try store.store(record)
        if format == .text { print("stored as run \(id) in \(store.path)") }
      } catch {
        Terminal.error("NOT STORED: \(error.description)")
        throw ExitCode(3)
      }
    }
    if let anchors { try runAnchors(anchors) }
  }

  /// Runs the anchors script for the same groups and prints its table beside ours.
  func runAnchors(_ script: String) throws {
    let groups = only.map(\.rawValue).filter { $0 != "notation" }
    guard !groups.isEmpty else { return }  // the script has no notation workload
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("psverify-anchors.md")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [python, script, "--only"] + groups
      + ["--reps", String(max(5, reps)), "--threads"] + threads.map(String.init) + ["--out", out.path]
    print("\nanchors (\(script)):")
    fflush(nil)  // flush every stream: our table first, then the script's own output
    try process.run()
    process.waitUntilExit()
    if process.terminationStatus != 0 {
      Terminal.error("the anchors script exited with \(process.terminationStatus)")
    }
  }

  func timeit(reps: Int, warmup: Int = 2, _ body: () -> Void) -> [Double] {
    for _ in 0..<warmup { body() }
    let clock = ContinuousClock()
    return (0..<reps).map { _ in
      let start = clock.now
      body()
      return (clock.now - start).seconds
    }
  }

  @discardableResult
  func report(_ rows: [Row]) -> [BenchRow] {
    var table: [BenchRow] = []
    func stats(_ xs: [Double]) -> (Double, Double, Double) {
      let s = xs.sorted()
      let median = s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
      return (median, s.first!, s.last!)
    }
    var json: [JSONValue] = []
    if format == .text {
      print("measurement".padding(toLength: 62, withPad: " ", startingAt: 0)
        + " T   median      min      max  unit")
    }
    for row in rows {
      let scale = row.unit == "µs" ? 1e6 : 1e3
      let (median, lo, hi) = stats(row.times.map { $0 * scale })
      var lines = [(row.unit, median, lo, hi)]
      if let work = row.work, let workUnit = row.workUnit {
        let div = workUnit == "GFLOP/s" ? 1e9 : 1
        let (m, _, _) = stats(row.times.map { work / $0 / div })
        lines.append((workUnit, m, work / row.times.max()! / div, work / row.times.min()! / div))
      }
      for (unit, m, a, b) in lines {
        if format == .text {
          print(row.measurement.padding(toLength: 62, withPad: " ", startingAt: 0)
            + " \(row.threads) " + [m, a, b].map { Value.format($0, digits: 4)
              .padding(toLength: 10, withPad: " ", startingAt: 0) }.joined(separator: " ")
            + " \(unit)")
        }
        table.append(BenchRow(measurement: row.measurement, threads: row.threads, median: m,
                              min: a, max: b, unit: unit, n: row.times.count))
        json.append(.object([("measurement", .string(row.measurement)), ("threads", .integer(row.threads)),
                             ("median", .number(m)), ("min", .number(a)), ("max", .number(b)),
                             ("unit", .string(unit)), ("n", .integer(row.times.count))]))
      }
    }
    if format == .json { print(JSONValue.array(json).serialized(pretty: true)) }
    return table
  }
}
