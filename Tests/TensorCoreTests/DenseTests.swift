import TensorCore
import XCTest

final class DenseTests: XCTestCase {
  func testDense_handExample() {
    // x = [[1, 2, 3]], W = [[1, 0, −1], [2, 1, 0]], B = [1, −1]:
    // W·x − B = [1 − 3 − 1, 2 + 2 + 1] = [−3, 5]; ReLU gives [0, 5].
    let x = Tensor<Float>(shape: [1, 3], storage: [1, 2, 3])
    let w = Tensor<Float>(shape: [2, 3], storage: [1, 0, -1, 2, 1, 0])
    let b = Tensor<Float>(shape: [2], storage: [1, -1])
    let counter = MultiplyCounter()
    XCTAssertEqual(x.dense(weight: w, threshold: b).storage, [-3, 5])
    XCTAssertEqual(x.dense(weight: w, threshold: b, activation: .relu, counter: counter).storage,
                   [0, 5])
    XCTAssertEqual(counter.value, 6)
  }

  func testDense_blockedKernelMatchesNaiveLoops() {
    var r = RandomStream(seed: 4)
    for (batch, inputs, outputs) in [(9, 7, 35), (4, 16, 16), (13, 3, 17), (1, 1, 1), (8, 33, 48)] {
      let x = Tensor<Float>.normal(shape: [batch, inputs], random: &r)
      let w = Tensor<Float>.normal(shape: [outputs, inputs], random: &r)
      let y = x.dense(weight: w)
      for b in 0..<batch {
        for j in 0..<outputs {
          var acc = 0.0
          for i in 0..<inputs { acc += Double(x[b, i]) * Double(w[j, i]) }
          XCTAssertEqual(Double(y[b, j]), acc, accuracy: 1e-4 * (1 + abs(acc)),
                         "shape \(batch)×\(inputs)→\(outputs) at [\(b), \(j)]")
        }
      }
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

@testable import TensorCore

final class GEMMPathTests: XCTestCase {
  /// Every split of the work (serial, by panels, by rows) against naive loops.
  func testAllPartitionsMatchNaiveLoops() {
    var r = RandomStream(seed: 8)
    for (rows, inputs, outputs) in [(7, 300, 70), (200, 20, 33), (9, 513, 16)] {
      let x = Tensor<Float>.normal(shape: [rows, inputs], random: &r)
      let w = Tensor<Float>.normal(shape: [outputs, inputs], random: &r)
      let packed = PackedWeight(w)
      for threshold in [Int.max, 0] {
        var out = [Float](repeating: 0, count: rows * outputs)
        x.storage.withUnsafeBufferPointer { xb in
          out.withUnsafeMutableBufferPointer { ob in
            GEMM.multiply(x: xb.baseAddress!, rows: rows, weight: packed, out: ob.baseAddress!,
                          parallelThreshold: threshold)
          }
        }
        for b in 0..<rows {
          for j in 0..<outputs {
            var acc = 0.0
            for i in 0..<inputs { acc += Double(x[b, i]) * Double(w[j, i]) }
            XCTAssertEqual(Double(out[b * outputs + j]), acc, accuracy: 1e-4 * (1 + abs(acc)))
          }
        }
      }
    }
  }
}
