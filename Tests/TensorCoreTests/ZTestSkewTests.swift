import XCTest

@testable import TensorCore

/// The skew-adjusted limits of a studentized mean against values worked outside psverify
/// (Φ, φ and Student's tail from a reference library, the Edgeworth sum by hand).
final class ZTestSkewTests: XCTestCase {
  /// Φ(−5) + 0.06 · 51 · φ(5) / 6 = 2.8665157e-7 + 0.51 · 1.4867195e-6 = 1.0448785e-6, so the
  /// normal-based limit for that one-sided probability at κ = 0.06 is 5; likewise
  /// Φ(−3) + 0.12 · 19 · φ(3) / 6 = 1.3498980e-3 + 0.38 · 4.4318484e-3 = 3.0340004e-3 gives 3.
  func testEdgeworthLimit_normalBase_handValues() {
    XCTAssertEqual(
      ZTest.edgeworthLimit(
        sideProbability: 1.044_878_524_393_685_2e-6, degreesOfFreedom: nil, skewness: 0.06),
      5, accuracy: 1e-9)
    XCTAssertEqual(
      ZTest.edgeworthLimit(
        sideProbability: 3.034_000_428_166_536e-3, degreesOfFreedom: nil, skewness: 0.12),
      3, accuracy: 1e-9)
    XCTAssertEqual(
      ZTest.edgeworthSideTail(5, degreesOfFreedom: nil, skewness: 0.06),
      1.044_878_524_393_685_2e-6, accuracy: 1e-17)
  }

  /// Student base, ν = 127: P(T > 5) + 0.065 · 51 · φ(5) / 6 = 1.7522555e-6; and the c with
  /// P(T > c) + 0.065(2c² + 1)φ(c)/6 = Φ(−5) is 5.3930943 (a reference root finder), where the
  /// symmetric Student limit is q = 5.2676834. The check's low limit is the Cornish–Fisher
  /// q + 0.065(2q² + 1)/6 = 5.8797340.
  func testEdgeworthLimit_studentBase_handValues() {
    XCTAssertEqual(
      ZTest.edgeworthSideTail(5, degreesOfFreedom: 127, skewness: 0.065),
      1.752_255_469_301_676_4e-6, accuracy: 1e-15)
    XCTAssertEqual(
      ZTest.edgeworthLimit(
        sideProbability: 2.866_515_718_791_933e-7, degreesOfFreedom: 127, skewness: 0.065),
      5.393_094_329_481_455, accuracy: 1e-7)
    let test = ZTest.skewAdjusted(
      estimate: 1, standardError: 0.1, hypothesis: 1, zLimit: 5, degreesOfFreedom: 127,
      skewness: 0.065)
    XCTAssertEqual(test.lowerLimit, 5.879_733_996_487_914, accuracy: 1e-7)
    XCTAssertEqual(test.limit, 5.267_683_411_748_926, accuracy: 1e-7)
    // The two sides together keep the stated 2 Φ(−5) = 5.733e-7.
    XCTAssertEqual(test.falseAlarmProbability, 5.733_031_437_583_866e-7, accuracy: 1e-13)
  }

  func testZeroSkewness_givesTheSymmetricStudentLimits() {
    let adjusted = ZTest.skewAdjusted(
      estimate: 0, standardError: 1, hypothesis: 0, zLimit: 5, degreesOfFreedom: 40, skewness: 0)
    let student = ZTest.student(
      estimate: 0, standardError: 1, hypothesis: 0, zLimit: 5, degreesOfFreedom: 40)
    XCTAssertEqual(adjusted.limit, student.limit, accuracy: 1e-10)
    XCTAssertEqual(adjusted.lowerLimit, student.limit, accuracy: 1e-10)
    XCTAssertEqual(student.lowerLimit, student.limit)
    XCTAssertEqual(
      ZTest.edgeworthLimit(sideProbability: 0.005, degreesOfFreedom: nil, skewness: 0),
      2.575_829_303_548_900_4, accuracy: 1e-9)
  }

  /// Right skew moves the low limit out and leaves the high one at Student's; left skew mirrors.
  func testSkewSign_decidesTheHeavySide() {
    func test(_ z: Double, _ kappa: Double) -> ZTest {
      ZTest.skewAdjusted(
        estimate: z, standardError: 1, hypothesis: 0, zLimit: 5, degreesOfFreedom: 127,
        skewness: kappa)
    }
    XCTAssertGreaterThan(test(0, 0.065).lowerLimit, test(0, 0.065).limit)
    XCTAssertEqual(test(0, -0.065).limit, test(0, 0.065).lowerLimit, accuracy: 1e-12)
    XCTAssertEqual(test(0, -0.065).lowerLimit, test(0, 0.065).limit, accuracy: 1e-12)
    // −5.35 lies between the two limits (5.27, 5.88): a pass when the low side is the heavy one.
    XCTAssertTrue(test(-5.35, 0.065).passes)
    XCTAssertFalse(test(-5.35, -0.065).passes)
    XCTAssertFalse(test(5.35, 0.065).passes)
    XCTAssertTrue(test(5.35, -0.065).passes)
    XCTAssertFalse(test(-5.95, 0.065).passes)
    XCTAssertFalse(test(.nan, 0.065).passes)
  }

  /// {0, 0, 0, 3}: a Bernoulli(¼) sample scaled by 3, skewness (1 − 2p)/√(p(1 − p)) = 2/√3.
  func testSampleSkewness_handValues() {
    XCTAssertEqual(ZTest.sampleSkewness([0, 0, 0, 3]), 2 / 3.0.squareRoot(), accuracy: 1e-12)
    XCTAssertEqual(ZTest.sampleSkewness([3, 3, 3, 0]), -2 / 3.0.squareRoot(), accuracy: 1e-12)
    XCTAssertEqual(ZTest.sampleSkewness([1, 2, 3]), 0, accuracy: 1e-15)
    XCTAssertEqual(ZTest.sampleSkewness([2, 2, 2]), 0)
    XCTAssertEqual(ZTest.sampleSkewness([1, 5]), 0)
  }

  /// c(q) = q + κ(2q² + 1)/6: at q = 3, κ = 0.12, c = 3 + 0.02 · 19 = 3.38; the inverse returns 3,
  /// and at κ = 0 both are the identity.
  func testCornishFisher_handValueAndInverse() {
    XCTAssertEqual(ZTest.cornishFisherLimit(3, skewness: 0.12), 3.38, accuracy: 1e-12)
    XCTAssertEqual(ZTest.cornishFisherInverse(3.38, skewness: 0.12), 3, accuracy: 1e-12)
    XCTAssertEqual(ZTest.cornishFisherInverse(4.2, skewness: 0), 4.2)
    // The heavy side's reference tail at its own limit is the base tail at q.
    let test = ZTest.skewAdjusted(
      estimate: 0, standardError: 1, hypothesis: 0, zLimit: 5, degreesOfFreedom: 127,
      skewness: 0.065)
    XCTAssertEqual(
      test.sideTail(test.lowerLimit, below: true), 2.866_515_718_791_933e-7, accuracy: 1e-15)
  }
}
