import TensorCore
import XCTest

final class MomentsTests: XCTestCase {
  // Data 1, 2, 3, 4, 10: mean 4, deviations −3 −2 −1 0 6, so by hand
  // M2 = 9+4+1+0+36 = 50, M3 = −27−8−1+0+216 = 180, M4 = 81+16+1+0+1296 = 1394.
  let data: [Double] = [1, 2, 3, 4, 10]

  func testWelfordAdd_matchesHandComputedMoments() {
    var m = Moments()
    for x in data { m.add(x) }
    assertHandMoments(m)
  }

  func testChunk_matchesHandComputedMoments() {
    assertHandMoments(Moments(data))
    data.withUnsafeBufferPointer { assertHandMoments(Moments(buffer: $0)) }
  }

  func testMerge_ofSplitsMatchesWhole() {
    for cut in 0...data.count {
      var m = Moments(data[..<cut])
      m.merge(Moments(data[cut...]))
      assertHandMoments(m)
    }
  }

  func testVarianceAndErrors() {
    let m = Moments(data)
    XCTAssertEqual(m.variance, 12.5, accuracy: 1e-12)  // 50 / 4
    XCTAssertEqual(m.standardErrorOfMean, (12.5 / 5).squareRoot(), accuracy: 1e-12)
    // (μ₄ − s⁴ (n−3)/(n−1)) / n with μ₄ = 1394/5, s⁴ = 156.25: (278.8 − 78.125) / 5 = 40.135
    XCTAssertEqual(m.standardErrorOfVariance, 40.135.squareRoot(), accuracy: 1e-12)
  }

  func testZTest_tailProbabilities() {
    // Normal tables: P(|Z| > 5) = 5.7330e-7, P(|Z| > 1.959964) = 0.05.
    XCTAssertEqual(ZTest.twoSidedTail(5), 5.7330e-7, accuracy: 1e-10)
    XCTAssertEqual(ZTest.twoSidedTail(1.959964), 0.05, accuracy: 1e-6)
    let t = ZTest(estimate: 1.1, standardError: 0.02, hypothesis: 1, limit: 5)
    XCTAssertEqual(t.z, 5, accuracy: 1e-9)
    XCTAssertFalse(ZTest(estimate: .nan, standardError: 1, hypothesis: 0, limit: 5).passes)
    XCTAssertFalse(ZTest(estimate: 2, standardError: 0, hypothesis: 1, limit: 5).passes)
  }

  func testChunkedSampling_isIndependentOfChunkScheduling() {
    let stream = RandomStream(seed: 9)
    let a = ChunkedSampling.moments(count: 10_000, chunkSize: 1000, stream: stream) { r, b, _ in
      r.fill(b, with: .gaussian)
    }
    let b = ChunkedSampling.moments(count: 10_000, chunkSize: 1000, stream: stream) { r, b, _ in
      r.fill(b, with: .gaussian)
    }
    XCTAssertEqual(a, b)
    XCTAssertEqual(a.count, 10_000)
  }

  private func assertHandMoments(_ m: Moments, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(m.count, 5, file: file, line: line)
    XCTAssertEqual(m.mean, 4, accuracy: 1e-12, file: file, line: line)
    XCTAssertEqual(m.m2, 50, accuracy: 1e-9, file: file, line: line)
    XCTAssertEqual(m.m3, 180, accuracy: 1e-9, file: file, line: line)
    XCTAssertEqual(m.m4, 1394, accuracy: 1e-9, file: file, line: line)
  }
}
