import TensorCore
import XCTest

final class ConvolutionTests: XCTestCase {
  /// Hand-written loops for every padding, against the kernel, with counts.
  func testConv2d_allPaddingsMatchNaiveLoopsAndCount() {
    var r = RandomStream(seed: 21)
    for padding in Padding.allCases {
      for (w, h, fx, fy) in [(6, 5, 3, 2), (4, 4, 5, 1), (7, 3, 1, 4), (2, 2, 7, 7)] {
        let (b, nIn, nOut) = (2, 3, 2)
        let input = Tensor<Float>.normal(shape: [b, w, h, nIn], random: &r)
        let kernel = Tensor<Float>.normal(shape: [nOut, fx, fy, nIn], random: &r)
        let ax = ConvolutionAxis(input: w, filter: fx, padding: padding)
        let ay = ConvolutionAxis(input: h, filter: fy, padding: padding)
        let counter = MultiplyCounter()
        let out = Convolution.forward(input: input, kernel: kernel, thresholds: nil, axes: [ax, ay],
                                      counter: counter)
        var taps = 0
        for bb in 0..<b { for x in 0..<ax.output { for y in 0..<ay.output { for j in 0..<nOut {
          var acc = 0.0
          for dx in 0..<fx { for dy in 0..<fy {
            let sx = x + dx - (padding == .valid ? 0 : (fx - 1) / 2)
            let sy = y + dy - (padding == .valid ? 0 : (fy - 1) / 2)
            let inside = sx >= 0 && sx < w && sy >= 0 && sy < h
            if inside || padding == .same { taps += nIn }
            guard inside else { continue }
            for i in 0..<nIn { acc += Double(kernel[j, dx, dy, i]) * Double(input[bb, sx, sy, i]) }
          } }
          XCTAssertEqual(Double(out[bb, x, y, j]), acc, accuracy: 1e-4 * (1 + abs(acc)))
        } } } }
        XCTAssertEqual(counter.value, taps, "\(padding) \(w)×\(h) filter \(fx)×\(fy)")
      }
    }
  }

  func testOutputExtents() {
    XCTAssertEqual(Padding.valid.outputExtent(input: 7, filter: 3, stride: 2), 3)
    XCTAssertEqual(Padding.valid.outputExtent(input: 8, filter: 3, stride: 2), 3)
    XCTAssertEqual(Padding.valid.outputExtent(input: 2, filter: 3, stride: 1), 0)
    XCTAssertEqual(Padding.same.outputExtent(input: 7, filter: 3, stride: 2), 4)
  }
}
