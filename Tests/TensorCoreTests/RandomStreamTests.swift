import Foundation
import TensorCore
import XCTest

final class RandomStreamTests: XCTestCase {
  func testSplit_sameLabelSameStream_otherLabelOtherStream() {
    let root = RandomStream(seed: 7)
    var a = root.split("check")
    var b = root.split("check")
    var c = root.split("other")
    let xa = (0..<8).map { _ in a.next() }
    let xb = (0..<8).map { _ in b.next() }
    let xc = (0..<8).map { _ in c.next() }
    XCTAssertEqual(xa, xb)
    XCTAssertNotEqual(xa, xc)
    XCTAssertNotEqual(root.split(0).key, root.split(1).key)
  }

  func testSplit_doesNotDependOnParentDraws() {
    var parent = RandomStream(seed: 1)
    let before = parent.split("x").key
    _ = parent.next()
    XCTAssertEqual(parent.split("x").key, before)
  }

  func testNormal_momentsMatchStandardNormal() {
    // 4·10⁵ draws: SE of the mean 0.0016, of the variance ≈ 0.0022, of μ₄ ≈ 0.017 (Var X⁴ = 96).
    var r = RandomStream(seed: 3)
    var m = Moments()
    for _ in 0..<400_000 { m.add(r.nextNormal()) }
    XCTAssertEqual(m.mean, 0, accuracy: 5 * 0.0016)
    XCTAssertEqual(m.variance, 1, accuracy: 5 * 0.0023)
    XCTAssertEqual(m.excessKurtosis, 0, accuracy: 5 * 0.016)
  }

  func testNormal_tailFrequencyBeyondTwo() {
    // P(|Z| > 2) = 0.0455003 (tables); binomial SE at n = 4·10⁵ is 3.3e-4.
    var r = RandomStream(seed: 11)
    var hits = 0
    for _ in 0..<400_000 where abs(r.nextNormal()) > 2 { hits += 1 }
    XCTAssertEqual(Double(hits) / 400_000, 0.0455003, accuracy: 5 * 3.3e-4)
  }

  /// The buffer fill (the ziggurat's inlined fast path) against the normal CDF: a χ² test over
  /// 34 bins of width ¼ on [−4, 4] plus both tails, and the frequency beyond the base layer's
  /// edge R = 3.654 (drawn by the tail algorithm, not by the layers).
  func testGaussianFill_matchesNormalCDF() {
    let n = 1_000_000
    let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
    defer { buffer.deallocate() }
    var r = RandomStream(seed: 19)
    r.fill(buffer, with: .gaussian)
    func cdf(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }
    let edges =
      [-Double.infinity] + stride(from: -4.0, through: 4.0, by: 0.25).map { $0 } + [.infinity]
    var counts = [Int](repeating: 0, count: edges.count - 1)
    var beyondR = 0
    for z in buffer {
      counts[min(counts.count - 1, max(0, Int(((z + 4) / 0.25).rounded(.down)) + 1))] += 1
      if abs(z) > 3.654_152_885_361_008_8 { beyondR += 1 }
    }
    var chi2 = 0.0
    for b in counts.indices {
      let expected = Double(n) * (cdf(edges[b + 1]) - cdf(edges[b]))
      chi2 += (Double(counts[b]) - expected) * (Double(counts[b]) - expected) / expected
    }
    // 34 bins → 33 degrees of freedom; P(χ²₃₃ > 72) ≈ 1e-4.
    XCTAssertLessThan(chi2, 72, "counts \(counts)")
    // P(|Z| > R) = 2.5806e-4: 258 expected, binomial SE 16.
    XCTAssertEqual(
      Double(beyondR), Double(n) * 2 * (1 - cdf(3.654_152_885_361_008_8)), accuracy: 5 * 16)
  }

  /// The fill draws eight lanes side by side (element i from lane i mod 8): neighbours and
  /// elements 8 apart must be uncorrelated, as must two fills from one stream; |r| ≤ 5/√n.
  func testGaussianFill_lanesAreIndependent() {
    let n = 1 << 18
    let a = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
    let b = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
    defer {
      a.deallocate()
      b.deallocate()
    }
    var r = RandomStream(seed: 23)
    r.fill(a, with: .gaussian)
    r.fill(b, with: .gaussian)
    func correlation(_ x: (Int) -> Double, _ y: (Int) -> Double, count: Int) -> Double {
      var sxy = 0.0
      var sxx = 0.0
      var syy = 0.0
      for i in 0..<count {
        sxy += x(i) * y(i)
        sxx += x(i) * x(i)
        syy += y(i) * y(i)
      }
      return sxy / (sxx * syy).squareRoot()
    }
    let limit = 5 / Double(n).squareRoot()
    for lag in [1, 2, 7, 8, 9, 64] {
      let rho = correlation({ a[$0] }, { a[$0 + lag] }, count: n - lag)
      XCTAssertLessThan(abs(rho), limit, "lag \(lag)")
    }
    XCTAssertLessThan(abs(correlation({ a[$0] }, { b[$0] }, count: n)), limit, "two fills")
    var again = RandomStream(seed: 23)
    let c = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
    defer { c.deallocate() }
    again.fill(c, with: .gaussian)
    XCTAssertTrue(a.elementsEqual(c), "the same stream fills the same values")
  }

  func testUniformAndRademacher_haveUnitVariance() {
    var r = RandomStream(seed: 5)
    let n = 100_000
    let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
    defer { buffer.deallocate() }
    r.fill(buffer, with: .uniform)
    XCTAssertTrue(buffer.allSatisfy { abs($0) <= 3.0.squareRoot() })
    let u = Moments(buffer: UnsafeBufferPointer(buffer))
    // Var of X² for uniform(−√3, √3) is 9/5 − 1 = 0.8: SE of s² ≈ 0.0028.
    XCTAssertEqual(u.variance, 1, accuracy: 5 * 0.0028)
    r.fill(buffer, with: .rademacher)
    XCTAssertTrue(buffer.allSatisfy { $0 == 1 || $0 == -1 })
    let s = Moments(buffer: UnsafeBufferPointer(buffer))
    XCTAssertEqual(s.mean, 0, accuracy: 5 * 0.0032)
  }

  func testNextIntBelow_staysInRange() {
    var r = RandomStream(seed: 2)
    var seen = Set<Int>()
    for _ in 0..<1000 { seen.insert(r.nextInt(below: 7)) }
    XCTAssertEqual(seen, Set(0..<7))
  }
}
