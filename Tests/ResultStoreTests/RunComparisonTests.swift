import ResultStore
import Verification
import XCTest

/// `RunComparison`: the z-test and regressions `psverify compare` prints, with expected values
/// worked by hand.
final class RunComparisonTests: XCTestCase {
  func check(
    _ run: Int64, _ id: String, _ status: CheckStatus, measured: Double?,
    se: Double?, problem: String = "3b"
  ) -> StoredCheck {
    StoredCheck(
      run: run, problem: problem, check: id, kind: .monteCarlo, status: status,
      expected: "0.5", measured: measured.map { "\($0)" } ?? "\"n/a\"",
      measuredValue: measured, standardError: se, detail: "")
  }

  func testZ_isTheTwoSampleStatisticWorkedByHand() throws {
    // (1.5 − 1.0) / √(0.3² + 0.4²) = 0.5 / 0.5 = 1.
    XCTAssertEqual(
      try XCTUnwrap(
        RunComparison.z(
          a: 1.0, standardErrorA: 0.3, b: 1.5,
          standardErrorB: 0.4)), 1.0, accuracy: 1e-12)
    // The sign follows b − a.
    XCTAssertEqual(
      try XCTUnwrap(
        RunComparison.z(
          a: 1.5, standardErrorA: 0.4, b: 1.0,
          standardErrorB: 0.3)), -1.0, accuracy: 1e-12)
    // One standard error 0: (10.2 − 10) / 0.04 = 5.
    XCTAssertEqual(
      try XCTUnwrap(
        RunComparison.z(
          a: 10, standardErrorA: 0, b: 10.2,
          standardErrorB: 0.04)), 5.0, accuracy: 1e-9)
    XCTAssertNil(RunComparison.z(a: 1, standardErrorA: 0, b: 2, standardErrorB: 0))
    XCTAssertNil(RunComparison.z(a: 1, standardErrorA: -0.1, b: 2, standardErrorB: 0.1))
  }

  func testRows_significanceChangeAndRegression() throws {
    let checks = [
      // 10 ± 0.03 → 10.2 ± 0.04: z = 0.2 / 0.05 = 4 > 3, significant.
      check(1, "drift", .pass, measured: 10, se: 0.03),
      // 1 ± 0.3 → 1.5 ± 0.4: z = 1, not significant.
      check(1, "steady", .pass, measured: 1, se: 0.3),
      check(1, "count", .pass, measured: 7, se: nil, problem: "1"),
      check(1, "gone", .fail, measured: 1, se: nil),
      check(2, "drift", .pass, measured: 10.2, se: 0.04),
      check(2, "steady", .fail, measured: 1.5, se: 0.4),
      check(2, "count", .pass, measured: 8, se: nil, problem: "1"),
      check(2, "new", .fail, measured: 1, se: nil),
    ]
    let comparison = RunComparison(checks: checks, a: 1, b: 2)
    XCTAssertEqual(
      comparison.rows.map(\.key),
      ["3b drift", "3b steady", "1 count", "3b gone", "3b new"])
    let rows = Dictionary(uniqueKeysWithValues: comparison.rows.map { ($0.key, $0) })
    XCTAssertEqual(try XCTUnwrap(rows["3b drift"]?.z), 4.0, accuracy: 1e-9)
    XCTAssertEqual(rows["3b drift"]?.significant, true)
    XCTAssertEqual(try XCTUnwrap(rows["3b steady"]?.z), 1.0, accuracy: 1e-9)
    XCTAssertEqual(rows["3b steady"]?.significant, false)
    XCTAssertNil(rows["1 count"]?.z)
    XCTAssertNil(rows["1 count"]?.significant)
    XCTAssertEqual(rows["1 count"]?.changed, true)
    // Only pass → fail is a regression; a check in one run only is neither changed nor one.
    XCTAssertEqual(rows["3b steady"]?.regression, true)
    XCTAssertEqual(rows["3b drift"]?.regression, false)
    XCTAssertEqual(rows["3b gone"]?.regression, false)
    XCTAssertEqual(rows["3b gone"]?.changed, false)
    XCTAssertEqual(rows["3b new"]?.regression, false)
    XCTAssertEqual(comparison.regressions, 1)
    // The other way round, the regression is gone and the z changes sign.
    let back = RunComparison(checks: checks, a: 2, b: 1)
    XCTAssertEqual(back.regressions, 0)
    XCTAssertEqual(try XCTUnwrap(back.rows.first?.z), -4.0, accuracy: 1e-9)
  }

  func testBench_pairsTheSameMeasurementThreadsUnitAndTool() {
    func row(
      _ threads: Int, _ median: Double, _ unit: String = "GFLOP/s",
      tool: String = "psverify"
    ) -> BenchRow {
      BenchRow(
        measurement: "gemm", threads: threads, median: median, min: median, max: median,
        unit: unit, n: 7, tool: tool)
    }
    let a = [row(1, 2), row(2, 4), row(1, 9, tool: "numpy")]
    let b = [row(1, 3), row(1, 1, "s")]
    let pairs = RunComparison(checks: [], a: 1, b: 2, benchA: a, benchB: b).bench
    XCTAssertEqual(pairs.count, 1)
    XCTAssertEqual(pairs.first?.a, a[0])
    XCTAssertEqual(pairs.first?.b, b[0])
    XCTAssertEqual(pairs.first?.ratio, 1.5)
  }
}
