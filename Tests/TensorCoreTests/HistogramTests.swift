import TensorCore
import XCTest

final class HistogramTests: XCTestCase {
  /// The vector binning against a scalar walk over the edges, on values that sit on edges, are
  /// negative, zero, NaN or infinite, for lengths that are and are not multiples of 8.
  func testAddAbsolute_matchesScalarBinning() {
    let edges: [Double] = [0.5, 1, 1.5, 3.8]
    var r = RandomStream(seed: 5)
    for length in [0, 1, 7, 8, 9, 64, 1001] {
      var values = (0..<length).map { _ in r.nextNormal() * 2 }
      let specials: [Double] = [0, -0.0, 0.5, -0.5, 1, -3.8, 3.8, .nan, .infinity, -.infinity]
      for (i, s) in specials.enumerated() where i < length { values[i * length / 10] = s }
      var expected = [Int](repeating: 0, count: edges.count + 1)
      var positive = 0
      for x in values {
        let a = abs(x)
        var bin = 0
        while bin < edges.count && a >= edges[bin] { bin += 1 }
        expected[bin] += 1
        if x > 0 { positive += 1 }
      }
      var counts = [Int](repeating: 1, count: edges.count + 1)  // adds to what is there
      let got = values.withUnsafeBufferPointer {
        Histogram.addAbsolute($0, edges: edges, to: &counts)
      }
      XCTAssertEqual(counts, expected.map { $0 + 1 }, "length \(length)")
      XCTAssertEqual(got, positive, "length \(length)")
    }
  }
}
