import XCTest

@testable import TensorCore

/// The reference distributions behind stated false-alarm rates, against SciPy 1.x values
/// (`scipy.stats.t.sf`, `t.isf`, `beta.ppf`, `binom.cdf`), and the shared text normalisation.
final class StatisticsReferenceTests: XCTestCase {
  func testStudentT_tailsAndLimitMatchScipy() {
    // 2·t.sf(3, 7) and 2·t.sf(8.27, 15).
    XCTAssertEqual(
      StudentT.twoSidedTail(3, degreesOfFreedom: 7), 0.019942126131992536,
      accuracy: 1e-12)
    XCTAssertEqual(
      StudentT.twoSidedTail(8.27, degreesOfFreedom: 15), 5.708006021658938e-07,
      accuracy: 1e-16)
    // t.isf(erfc(5/√2)/2, 15): the limit the network check uses with 16 replicates.
    XCTAssertEqual(
      StudentT.twoSidedLimit(falseAlarm: 5.733031437583892e-07, degreesOfFreedom: 15),
      8.267096139649908, accuracy: 1e-7)
    let t = ZTest.student(
      estimate: 1, standardError: 1, hypothesis: 0, zLimit: 5,
      degreesOfFreedom: 15)
    XCTAssertEqual(t.falseAlarmProbability, 5.733031437583892e-07, accuracy: 1e-15)
    XCTAssertEqual(t.statisticName, "t")
  }

  func testClopperPearson_matchesBetaQuantiles() {
    // beta.ppf(0.025, 3, 998) and beta.ppf(0.975, 4, 997); k = 0: 1 − 0.025^(1/1000).
    let (lo, hi) = Binomial.clopperPearson(3, n: 1000)
    XCTAssertEqual(lo, 0.0006190999316495713, accuracy: 1e-12)
    XCTAssertEqual(hi, 0.008742023238478303, accuracy: 1e-12)
    XCTAssertEqual(Binomial.clopperPearson(0, n: 1000).upper, 0.00368208389686564, accuracy: 1e-12)
    XCTAssertEqual(Binomial.cdf(3, n: 20, p: 0.1), 0.8670466765656649, accuracy: 1e-12)
  }

  func testTextInput_everyLineEndingAndABomReadAsLf() {
    XCTAssertEqual(TextInput.normalizedLineEndings("a\r\nb\rc\nd"), "a\nb\nc\nd")
    XCTAssertEqual(TextInput.normalizedLineEndings("\u{FEFF}x\r\n"), "x\n")
    XCTAssertEqual(TextInput.normalizedLineEndings("\r\r\n\n"), "\n\n\n")
    XCTAssertEqual(TextInput.normalizedLineEndings("plain"), "plain")
    XCTAssertEqual(TextInput.lines("1: a\r\n2: b\r").map(String.init), ["1: a", "2: b", ""])
    // A BOM only at the start is an encoding mark; elsewhere it is text.
    XCTAssertEqual(TextInput.normalizedLineEndings("a\u{FEFF}"), "a\u{FEFF}")
  }

  func testPlantedFaults_biasTheVarianceAndCutTheTail() {
    var m = Moments()
    for x in [1.0, 2, 4, 8, 16] { m.add(x) }
    KernelFaults.set(.varianceBias)
    let biased = m.variance
    KernelFaults.set(.zigguratBaseBoundary)
    var r = RandomStream(seed: 7)
    var draws = [Double](repeating: 0, count: 1 << 18)
    draws.withUnsafeMutableBufferPointer { r.fill($0, with: .gaussian) }
    KernelFaults.set(nil)
    XCTAssertEqual(biased, 186.0 / 5 * 15 / 5, accuracy: 1e-9)  // s² = 186/5, times (5+10)/5
    XCTAssertEqual(m.variance, 186.0 / 5, accuracy: 1e-12)
    XCTAssertLessThanOrEqual(draws.map(abs).max()!, 3.654_152_885_361_008_8)
  }
}
