import TensorCore
import XCTest

final class ConvolutionTests: XCTestCase {
  /// Hand-written loops for every border rule, strides 1–3 and one to three spatial axes, on
  /// shapes that are not multiples of the tile sizes, against the kernel, with counts.
  func testConv_allBordersStridesAndRanksMatchNaiveLoopsAndCount() {
    var r = RandomStream(seed: 21)
    let cases: [[(Int, Int)]] = [  // (input, filter) per axis
      [(6, 3), (5, 2)], [(4, 5), (4, 1)], [(7, 1), (3, 4)], [(2, 7), (2, 7)],
      [(9, 3)], [(5, 3), (6, 2), (4, 3)], [(11, 4), (3, 3), (2, 1)],
    ]
    for padding in Padding.allCases {
      for stride in 1...3 {
        for geometry in cases {
          let (b, nIn, nOut) = (2, 3, 5)
          let axes = geometry.map { ConvolutionAxis(input: $0.0, filter: $0.1, stride: stride, padding: padding) }
          guard axes.allSatisfy({ $0.output > 0 }) else { continue }
          let input = Tensor<Float>.normal(shape: [b] + geometry.map(\.0) + [nIn], random: &r)
          let kernel = Tensor<Float>.normal(shape: [nOut] + geometry.map(\.1) + [nIn], random: &r)
          let counter = MultiplyCounter()
          let out = Convolution.forward(input: input, kernel: kernel, thresholds: nil, axes: axes,
                                        counter: counter)
          let (reference, multiplies) = naive(input, kernel, axes)
          XCTAssertEqual(counter.value, multiplies, "\(padding) s=\(stride) \(geometry)")
          XCTAssertEqual(out.count, reference.count)
          for i in reference.indices {
            XCTAssertEqual(Double(out.storage[i]), reference[i], accuracy: 1e-4 * (1 + abs(reference[i])),
                           "\(padding) s=\(stride) \(geometry) element \(i)")
          }
        }
      }
    }
  }

  /// A filter placed with its tap 0 on x (offsets 0…F−1, zeros past the far border).
  func testConv_uncentredOriginMatchesLoops() {
    var r = RandomStream(seed: 3)
    let input = Tensor<Float>.normal(shape: [1, 5, 1], random: &r)
    let kernel = Tensor<Float>.normal(shape: [1, 3, 1], random: &r)
    let out = Convolution.forward(input: input, kernel: kernel, thresholds: nil,
                                  axes: [ConvolutionAxis(input: 5, filter: 3, padding: .same, lowPad: 0)])
    for x in 0..<5 {
      var acc: Float = 0
      for d in 0..<3 where x + d < 5 { acc += kernel[0, d, 0] * input[0, x + d, 0] }
      XCTAssertEqual(out[0, x, 0], acc, accuracy: 1e-5)
    }
  }

  /// out[b, x…, j] = Σ_{taps, i} K[j, taps…, i] · in[b, s·x + tap − pad…, i], and the multiplies
  /// each convention performs: every tap for `same` and `valid`, in-range taps for `skip`.
  func naive(_ input: Tensor<Float>, _ kernel: Tensor<Float>, _ axes: [ConvolutionAxis]) -> ([Double], Int) {
    let d = axes.count, b = input.shape[0], nIn = input.shape[d + 1], nOut = kernel.shape[0]
    let outs = axes.map(\.output), taps = axes.map(\.filter)
    var result: [Double] = [], multiplies = 0
    func each(_ extents: [Int], _ body: ([Int]) -> Void) {
      var index = [Int](repeating: 0, count: extents.count)
      guard extents.allSatisfy({ $0 > 0 }) else { return }
      while true {
        body(index)
        var a = extents.count - 1
        while a >= 0 {
          index[a] += 1
          if index[a] < extents[a] { break }
          index[a] = 0
          a -= 1
        }
        if a < 0 { return }
      }
    }
    for bb in 0..<b {
      each(outs) { x in
        for j in 0..<nOut {
          var acc = 0.0
          each(taps) { t in
            let source = (0..<d).map { axes[$0].stride * x[$0] + t[$0] - axes[$0].lowPad }
            let inside = (0..<d).allSatisfy { source[$0] >= 0 && source[$0] < axes[$0].input }
            if inside || axes[0].padding != .skip { multiplies += nIn }
            guard inside else { return }
            for i in 0..<nIn {
              acc += Double(kernel[[j] + t + [i]]) * Double(input[[bb] + source + [i]])
            }
          }
          result.append(acc)
        }
      }
    }
    return (result, multiplies)
  }

  func testOutputExtents() {
    XCTAssertEqual(Padding.valid.outputExtent(input: 7, filter: 3, stride: 2), 3)
    XCTAssertEqual(Padding.valid.outputExtent(input: 8, filter: 3, stride: 2), 3)
    XCTAssertEqual(Padding.valid.outputExtent(input: 2, filter: 3, stride: 1), 0)
    XCTAssertEqual(Padding.same.outputExtent(input: 7, filter: 3, stride: 2), 4)
  }
}

extension Tensor {
  subscript(_ indices: [Int]) -> Scalar { storage[offset(indices)] }
}
