import Foundation
import IndexNotation
import Models
import TensorCore
import Verification

/// The workloads of `shared/bench/perf_anchor.py`, same sizes and same measurement names, so
/// that each psverify row meets the anchors' rows for the same work.
enum BenchWorkloads {
  enum Group: String, CaseIterable {
    case notation, mc, matmul, conv2d, conv3d, mlp
  }

  /// One timed workload: the seconds of each repetition and the work one call does.
  struct Measurement {
    var name: String
    var threads: Int
    var times: [Double]
    /// "ms" or "µs": how the times are shown.
    var unit: String
    /// FLOPs (or samples) per call, when a throughput applies.
    var work: Double?
    var workUnit: String?
  }

  /// Times `groups` on each of `threads`; `progress` hears each workload's name before it runs.
  static func run(
    _ groups: [Group], threads: [Int], reps: Int,
    progress: (String) -> Void
  ) -> [Measurement] {
    var rows: [Measurement] = []
    if groups.contains(.notation) {
      progress("notation")
      rows.append(notation(reps: reps))
    }
    for t in threads {
      Parallel.limitWorkers(t)
      defer { Parallel.limitWorkers(0) }
      for group in groups where group != .notation {
        progress("\(group.rawValue) T=\(t)")
        switch group {
        case .notation: break
        case .mc: rows.append(monteCarlo(threads: t, reps: reps))
        case .matmul: rows.append(matmul(threads: t, reps: reps))
        case .conv2d: rows.append(conv2d(threads: t, reps: reps))
        case .conv3d: rows += conv3d(threads: t, reps: reps)
        case .mlp: rows += mlp(threads: t, reps: reps)
        }
      }
    }
    return rows
  }

  /// Warm-up calls, then `reps` timed calls (the anchors' `timeit`).
  static func timeit(reps: Int, warmup: Int = 2, _ body: () -> Void) -> [Double] {
    for _ in 0..<warmup { body() }
    let clock = ContinuousClock()
    return (0..<reps).map { _ in
      let start = clock.now
      body()
      return (clock.now - start).seconds
    }
  }

  /// Problem 2's corrected equation plus problem 4's two branches: 300+ characters.
  static func notation(reps: Int) -> Measurement {
    let text =
      "L_{ℓ+1}[b, x, y, t, j] = σ(K_{ℓ+1}[j, ΔX, ΔY, ΔT, I] L_ℓ[b, sx + ΔX, sy + ΔY, st + ΔT, I] − B_{ℓ+1}[j]) + γ(M_ℓ[b, x, y, t, j] + \\hat{L}_{\\ell}[b, x, y, t, j]) + W_{ℓ+1,←}[ΔX, ΔY, I, j] P_{ℓ,s+1}[b, x + ΔX, y + ΔY, t, I] + W_{ℓ+1,↑}[ΔX, ΔY, I, j] P_{ℓ,s}[b, 2x + ΔX, 2y + ΔY, t, I] − Q[b, x, y, t, j]"
    precondition(text.count >= 300, "the benchmark equation must have 300 characters")
    let times = timeit(reps: max(reps, 50)) {
      var p = Parser(text)
      if let eq = try? p.parseEquation() { _ = Checker.check(eq) }
    }
    return Measurement(
      name: "parse + check a \(text.count)-character equation", threads: 1,
      times: times, unit: "µs")
  }

  static func monteCarlo(threads: Int, reps: Int) -> Measurement {
    let n = 10_000_000
    let stream = RandomStream(seed: 12345)
    let g = 1 / 2.0.squareRoot()
    let times = timeit(reps: reps, warmup: 1) {
      let m = ChunkedSampling.moments(count: n, stream: stream) { r, a, b in
        r.fill(a, with: .gaussian)
        r.fill(b, with: .gaussian)
        for i in a.indices { a[i] = g * (a[i] + b[i]) }
      }
      precondition(m.count == n)
    }
    return Measurement(
      name: "MC n=1e7 pairs, mean/var of (a+b)/sqrt2", threads: threads,
      times: times, unit: "ms", work: Double(n), workUnit: "samples/s")
  }

  static func matmul(threads: Int, reps: Int) -> Measurement {
    let n = 2048
    var r = RandomStream(seed: 1)
    let a = Tensor<Float>.normal(shape: [n, n], random: &r)
    let b = Tensor<Float>.normal(shape: [n, n], random: &r)
    // Packing b is inside the timed call, as it is inside a BLAS call.
    let times = timeit(reps: reps) { _ = a.dense(weight: b) }
    return Measurement(
      name: "matmul 2048^3 f32", threads: threads, times: times, unit: "ms",
      work: 2 * pow(Double(n), 3), workUnit: "GFLOP/s")
  }

  static func conv2d(threads: Int, reps: Int) -> Measurement {
    let (b, h, w, ci, co, k) = (8, 56, 56, 64, 64, 3)
    var r = RandomStream(seed: 5)
    let x = Tensor<Float>.normal(shape: [b, h, w, ci], random: &r)
    let kernel = Tensor<Float>.normal(shape: [co, k, k, ci], random: &r)
    let axes = [
      ConvolutionAxis(input: h, filter: k, padding: .same),
      ConvolutionAxis(input: w, filter: k, padding: .same),
    ]
    let times = timeit(reps: reps) {
      _ = Convolution.forward(input: x, kernel: kernel, thresholds: nil, axes: axes)
    }
    return Measurement(
      name: "conv2d NHWC B8 56x56 64->64 3x3 s1 SAME", threads: threads,
      times: times, unit: "ms", work: Double(2 * b * h * w * k * k * ci * co),
      workUnit: "GFLOP/s")
  }

  static func conv3d(threads: Int, reps: Int) -> [Measurement] {
    let (b, tt, h, w, ci, co, k) = (2, 16, 56, 56, 64, 64, 3)
    var r = RandomStream(seed: 6)
    let x = Tensor<Float>.normal(shape: [b, h, w, tt, ci], random: &r)
    let kernel = Tensor<Float>.normal(shape: [co, k, k, k, ci], random: &r)
    var rows: [Measurement] = []
    for (padding, s) in [(Padding.same, 1), (Padding.valid, 2)] {
      let axes = [
        ConvolutionAxis(input: h, filter: k, stride: s, padding: padding),
        ConvolutionAxis(input: w, filter: k, stride: s, padding: padding),
        ConvolutionAxis(input: tt, filter: k, stride: s, padding: padding),
      ]
      let outputs = axes.map(\.output).reduce(1, *)
      // The anchors time the s1 convolution min(reps, 7) times after one warm-up.
      let times =
        s == 1
        ? timeit(reps: min(reps, 7), warmup: 1) {
          _ = Convolution.forward(input: x, kernel: kernel, thresholds: nil, axes: axes)
        }
        : timeit(reps: reps) {
          _ = Convolution.forward(input: x, kernel: kernel, thresholds: nil, axes: axes)
        }
      let label =
        s == 1
        ? "s1 SAME" : "s2 VALID (out \(axes[2].output)x\(axes[0].output)x\(axes[1].output))"
      rows.append(
        Measurement(
          name: "conv3d NDHWC B2 T16 56x56 64->64 3^3 \(label)",
          threads: threads, times: times, unit: "ms",
          work: Double(2 * b * outputs * k * k * k * ci * co),
          workUnit: "GFLOP/s"))
    }
    return rows
  }

  /// The anchors' residual bottleneck MLP: forward + backward to the input of Σ out² (their row),
  /// and the forward pass alone.
  static func mlp(threads: Int, reps: Int) -> [Measurement] {
    let (depth, width, bottleneck, batch) = (50, 512, 128, 64)
    let net = BottleneckResidualMLP.random(
      width: width, bottleneck: bottleneck, layers: depth + 1, gamma: Float(1 / 2.0.squareRoot()),
      initialization: .init(
        w1: 1 / Float(width).squareRoot(),
        w2: 1 / Float(bottleneck).squareRoot(), thresholds: 0),
      random: RandomStream(seed: 3)
    ).preparedForBackpropagation()
    var r = RandomStream(seed: 4)
    let x = Tensor<Float>.normal(shape: [batch, width], random: &r)
    let gemm = Double(2 * batch * width * bottleneck * depth)  // FLOPs of one GEMM per block
    let both = timeit(reps: max(reps, 11)) { _ = net.gradient(x, loss: .sumOfSquares) }
    let forward = timeit(reps: max(reps, 11)) { _ = net.forward(x) }
    return [
      Measurement(
        name: "resid bottleneck MLP fwd+bwd D50 N512 Nb128 B64", threads: threads,
        times: both, unit: "ms", work: 4 * gemm, workUnit: "GFLOP/s"),
      Measurement(
        name: "resid bottleneck MLP forward D50 N512 Nb128 B64", threads: threads,
        times: forward, unit: "ms", work: 2 * gemm, workUnit: "GFLOP/s"),
    ]
  }
}
