import Models
import XCTest

@testable import TensorCore

final class DenseTests: XCTestCase {
  func testDense_handExample() {
    // x = [[1, 2, 3]], W = [[1, 0, −1], [2, 1, 0]], B = [1, −1]:
    // W·x − B = [1 − 3 − 1, 2 + 2 + 1] = [−3, 5]; ReLU gives [0, 5].
    let x = Tensor<Float>(shape: [1, 3], storage: [1, 2, 3])
    let w = Tensor<Float>(shape: [2, 3], storage: [1, 0, -1, 2, 1, 0])
    let b = Tensor<Float>(shape: [2], storage: [1, -1])
    let counter = MultiplyCounter()
    XCTAssertEqual(x.dense(weight: w, threshold: b).storage, [-3, 5])
    XCTAssertEqual(
      x.dense(weight: w, threshold: b, activation: .relu, counter: counter).storage,
      [0, 5])
    XCTAssertEqual(counter.value, 6)
  }

  static func naive(_ x: Tensor<Float>, _ w: Tensor<Float>) -> [Double] {
    let (rows, inputs, outputs) = (x.shape[0], x.shape[1], w.shape[0])
    var out = [Double](repeating: 0, count: rows * outputs)
    for b in 0..<rows {
      for j in 0..<outputs {
        var acc = 0.0
        for i in 0..<inputs { acc += Double(x[b, i]) * Double(w[j, i]) }
        out[b * outputs + j] = acc
      }
    }
    return out
  }

  /// Shapes around the 8 × 32 tile, the 96-row block and the 512-deep K slice, on one worker and
  /// on two: equal to loops in Double, bit-identical between worker counts, counted exactly.
  func testDense_matchesLoopsOnEveryEdgeAndSplitAndCounts() {
    var r = RandomStream(seed: 4)
    let shapes = [
      (9, 7, 35), (4, 16, 16), (13, 3, 17), (1, 1, 1), (8, 33, 48), (97, 257, 33),
      (200, 20, 65), (7, 300, 70), (1, 513, 16),
    ]
    for (batch, inputs, outputs) in shapes {
      let x = Tensor<Float>.normal(shape: [batch, inputs], random: &r)
      let w = Tensor<Float>.normal(shape: [outputs, inputs], random: &r)
      let reference = Self.naive(x, w)
      var results: [[Float]] = []
      for workers in [1, 2] {
        Parallel.limitWorkers(workers)
        defer { Parallel.limitWorkers(0) }
        let packed = PackedWeight(w)
        var out = [Float](repeating: .nan, count: batch * outputs)
        var count = 0
        x.storage.withUnsafeBufferPointer { xb in
          out.withUnsafeMutableBufferPointer { ob in
            // A threshold of 0 splits even these small products whenever two workers are allowed.
            count = GEMM.run(
              DenseSource(base: xb.baseAddress!, ld: inputs), rows: batch, weight: packed,
              out: ob.baseAddress!, minimumParallelWork: 0)
          }
        }
        XCTAssertEqual(count, batch * inputs * outputs, "\(batch)×\(inputs)→\(outputs)")
        for (k, value) in out.enumerated() {
          XCTAssertEqual(
            Double(value), reference[k], accuracy: 1e-4 * (1 + abs(reference[k])),
            "\(batch)×\(inputs)→\(outputs) element \(k)")
        }
        results.append(out)
      }
      XCTAssertEqual(results[0], results[1], "bit-identical on one and two workers")
    }
  }

  func testTransposedWeight_isTheTranspose() {
    var r = RandomStream(seed: 9)
    let w = Tensor<Float>.normal(shape: [37, 5], random: &r)
    let x = Tensor<Float>.normal(shape: [3, 37], random: &r)
    // x · (Wᵀ)ᵀ … i.e. y[b, i] = Σ_j x[b, j] W[j, i].
    let y = x.dense(weight: PackedWeight(w).transposed())
    for b in 0..<3 {
      for i in 0..<5 {
        let acc = (0..<37).reduce(0.0) { $0 + Double(x[b, $1]) * Double(w[$1, i]) }
        XCTAssertEqual(Double(y[b, i]), acc, accuracy: 1e-4 * (1 + abs(acc)))
      }
    }
  }

  /// A planted extra or missing multiply changes the count the kernel reports: the count is of
  /// what ran, not a product of sizes.
  func testPlantedFaults_changeTheCount() {
    var r = RandomStream(seed: 5)
    let x = Tensor<Float>.normal(shape: [10, 40], random: &r)
    let w = Tensor<Float>.normal(shape: [3, 40], random: &r)
    for (fault, delta) in [(KernelFaults.Fault.extraMultiply, 1), (.missingMultiply, -8 * 3)] {
      KernelFaults.set(fault)
      defer { KernelFaults.set(nil) }
      let counter = MultiplyCounter()
      _ = x.dense(weight: w, counter: counter)
      XCTAssertEqual(counter.value, 10 * 40 * 3 + delta, "\(fault)")
    }
  }

  func testResidualMLP_countsMultiplies() {
    // (L − 1) blocks · B · (2·N·N_bottle + N): 3 · 5 · (2·8·3 + 8) = 840.
    let net = BottleneckResidualMLP.random(
      width: 8, bottleneck: 3, layers: 4, gamma: 0.5,
      initialization: .init(w1: 1, w2: 1, thresholds: 0), random: RandomStream(seed: 1))
    var r = RandomStream(seed: 2)
    let counter = MultiplyCounter()
    _ = net.forward(.normal(shape: [5, 8], random: &r), counter: counter)
    XCTAssertEqual(counter.value, 840)
  }

  func testParallelMap_keepsIndexOrder() {
    XCTAssertEqual(Parallel.map(100) { $0 * $0 }, (0..<100).map { $0 * $0 })
  }
}
