import TensorCore
import XCTest

final class RandomStreamTests: XCTestCase {
  func testSplit_sameLabelSameStream_otherLabelOtherStream() {
    let root = RandomStream(seed: 7)
    var a = root.split("check"), b = root.split("check"), c = root.split("other")
    let xa = (0..<8).map { _ in a.next() }, xb = (0..<8).map { _ in b.next() }
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
