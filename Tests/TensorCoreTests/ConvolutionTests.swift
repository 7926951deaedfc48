import XCTest

@testable import TensorCore

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
          let axes = geometry.map {
            ConvolutionAxis(input: $0.0, filter: $0.1, stride: stride, padding: padding)
          }
          guard axes.allSatisfy({ $0.output > 0 }) else { continue }
          let input = Tensor<Float>.normal(shape: [b] + geometry.map(\.0) + [nIn], random: &r)
          let kernel = Tensor<Float>.normal(shape: [nOut] + geometry.map(\.1) + [nIn], random: &r)
          let counter = MultiplyCounter()
          let out = Convolution.forward(
            input: input, kernel: kernel, thresholds: nil, axes: axes,
            counter: counter)
          let (reference, multiplies) = naive(input, kernel, axes)
          XCTAssertEqual(counter.value, multiplies, "\(padding) s=\(stride) \(geometry)")
          XCTAssertEqual(out.count, reference.count)
          for i in reference.indices {
            XCTAssertEqual(
              Double(out.storage[i]), reference[i], accuracy: 1e-4 * (1 + abs(reference[i])),
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
    let out = Convolution.forward(
      input: input, kernel: kernel, thresholds: nil,
      axes: [ConvolutionAxis(input: 5, filter: 3, padding: .same, lowPad: 0)])
    for x in 0..<5 {
      var acc: Float = 0
      for d in 0..<3 where x + d < 5 { acc += kernel[0, d, 0] * input[0, x + d, 0] }
      XCTAssertEqual(out[0, x, 0], acc, accuracy: 1e-5)
    }
  }

  /// out[b, x…, j] = Σ_{taps, i} K[j, taps…, i] · in[b, s·x + tap − pad…, i], and the multiplies
  /// each convention performs: every tap for `same` and `valid`, in-range taps for `skip`.
  func naive(_ input: Tensor<Float>, _ kernel: Tensor<Float>, _ axes: [ConvolutionAxis]) -> (
    [Double], Int
  ) {
    let d = axes.count
    let b = input.shape[0]
    let nIn = input.shape[d + 1]
    let nOut = kernel.shape[0]
    let outs = axes.map(\.output)
    let taps = axes.map(\.filter)
    var result: [Double] = []
    var multiplies = 0
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

  /// A 2-D `same` convolution by flat loops in Double: in [B, H, W, C], kernel [J, kh, kw, C].
  func reference2D(_ input: Tensor<Float>, _ kernel: Tensor<Float>, stride s: Int) -> [Double] {
    let (b, h, w, c) = (input.shape[0], input.shape[1], input.shape[2], input.shape[3])
    let (j, kh, kw) = (kernel.shape[0], kernel.shape[1], kernel.shape[2])
    let (oh, ow) = ((h + s - 1) / s, (w + s - 1) / s)
    var out = [Double](repeating: 0, count: b * oh * ow * j)
    for bb in 0..<b {
      for y in 0..<oh {
        for x in 0..<ow {
          for o in 0..<j {
            var acc = 0.0
            for dy in 0..<kh {
              for dx in 0..<kw {
                let sy = s * y + dy - (kh - 1) / 2
                let sx = s * x + dx - (kw - 1) / 2
                guard sy >= 0, sy < h, sx >= 0, sx < w else { continue }
                let ib = ((bb * h + sy) * w + sx) * c
                let kb = ((o * kh + dy) * kw + dx) * c
                for i in 0..<c {
                  acc += Double(input.storage[ib + i]) * Double(kernel.storage[kb + i])
                }
              }
            }
            out[((bb * oh + y) * ow + x) * j + o] = acc
          }
        }
      }
    }
    return out
  }

  /// The tap GEMM on shapes that exercise every part of it: output channels over several 32-wide
  /// panels with a partial last one, rows over several 128-row items with a partial last strip,
  /// strides, a kernel too large for one L2 sweep (panels taken one at a time), and the split over
  /// two workers (forced on these small sizes), which must give the same bits as one worker.
  func testTapGEMM_panelsItemsSweepsAndWorkers_matchLoopsBitForBit() {
    var r = RandomStream(seed: 33)
    for (shape, filter, nOut, stride) in [
      ([3, 13, 11, 17], (3, 3), 70, 1), ([2, 9, 12, 5], (5, 2), 33, 2),
      ([1, 4, 5, 520], (3, 3), 40, 1),
    ] {
      let input = Tensor<Float>.normal(shape: shape, random: &r)
      let kernel = Tensor<Float>.normal(shape: [nOut, filter.0, filter.1, shape[3]], random: &r)
      let axes = [
        ConvolutionAxis(input: shape[1], filter: filter.0, stride: stride, padding: .same),
        ConvolutionAxis(input: shape[2], filter: filter.1, stride: stride, padding: .same),
      ]
      let reference = reference2D(input, kernel, stride: stride)
      let rows = shape[0] * axes[0].output * axes[1].output
      let k = filter.0 * filter.1 * shape[3]
      let weight = PackedWeight(outputs: nOut, inputs: k, storage: kernel.storage)
      if k > 4096 {
        XCTAssertGreaterThan(k * GEMM.nr * 4, GEMM.tapWeightBytes, "one panel per sweep")
      }
      var results: [[Float]] = []
      for workers in [1, 2] {
        Parallel.limitWorkers(workers)
        defer { Parallel.limitWorkers(0) }
        var out = [Float](repeating: .nan, count: rows * nOut)
        let zeros = [Float](repeating: 0, count: 2 * shape[3])
        var count = 0
        input.storage.withUnsafeBufferPointer { src in
          zeros.withUnsafeBufferPointer { z in
            out.withUnsafeMutableBufferPointer { o in
              let source = TapSource(
                src: src.baseAddress!, strides: input.strides, axes: axes,
                outExtents: axes.map(\.output), nIn: shape[3], zeros: z.baseAddress!)
              count = GEMM.runTaps(
                source, rows: rows, weight: weight, out: o.baseAddress!,
                minimumParallelWork: 0)
            }
          }
        }
        XCTAssertEqual(count, rows * k * nOut, "\(shape) → \(nOut)")
        for i in reference.indices {
          XCTAssertEqual(
            Double(out[i]), reference[i], accuracy: 1e-4 * (1 + abs(reference[i])),
            "\(shape) → \(nOut) element \(i)")
        }
        results.append(out)
      }
      XCTAssertEqual(results[0], results[1], "\(shape): bit-identical on one and two workers")
    }
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
