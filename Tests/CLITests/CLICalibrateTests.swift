import Foundation
import XCTest

/// `psverify calibrate` (what `Scripts/calibrate.sh` runs): one row per selected check with the
/// failures over the seeds, the rate and the limit it states.
extension CLITests {
  func testCalibrate_selectedChecksOnly_withTheirStatedRateAndLimit() throws {
    let r = try run([
      "calibrate", "3b", "--seeds", "3", "--check", "gaussian-sampler-maximum",
      "--check", "network-unit-variance", "--trials", "10000",
      "--param", "N=16", "--param", "N_bottle=4", "--param", "L=2",
      "--param", "batch=16", "--param", "replicates=8",
    ])
    XCTAssertEqual(r.status, 0, r.stderr)
    let rows = r.stdout.split(separator: "\n").filter { $0.hasPrefix("3b ") }
    XCTAssertEqual(
      rows.map { $0.split(separator: " ")[1] },
      ["gaussian-sampler-maximum", "network-unit-variance"], r.stdout)
    // The sampler maximum's limit is |z| ≤ 5, whose two-sided false alarm is 5.7e-07.
    XCTAssertTrue(rows[0].hasSuffix("| 3 | 0 | 0 (0–0.71) | 5.7e-07 | 5"), String(rows[0]))
    // The network check pools 8 networks × 16 units, less any dead ones: its t limit has tens
    // of degrees of freedom (5.3 at 100), not the 7 of one value per network (17.1). Its
    // pooled values are right-skewed, so its low limit (first) lies beyond its high one.
    let limits = rows[1].split(separator: "|").last!.split(separator: "/").compactMap {
      Double($0.trimmingCharacters(in: .whitespaces))
    }
    XCTAssertEqual(limits.count, 2, String(rows[1]))
    for limit in limits {
      XCTAssertGreaterThan(limit, 5)
      XCTAssertLessThan(limit, 6.5)
    }
    XCTAssertGreaterThan(limits.first ?? 0, limits.last ?? 0)
    // The looser limits name both sides too.
    XCTAssertTrue(r.stdout.contains("at t < −"), r.stdout)
  }

  /// `--extremes z` lists each seed whose statistic lies beyond ±z, with its reference: at z = 0
  /// every seed, at z = 100 none.
  func testCalibrate_extremes_listEverySeedBeyondTheValue() throws {
    func extremes(_ z: String) throws -> [Substring] {
      let r = try run([
        "calibrate", "3b", "--seeds", "2", "--check", "network-unit-variance", "--trials", "10000",
        "--param", "N=16", "--param", "N_bottle=1", "--param", "L=2",
        "--param", "batch=16", "--param", "replicates=8", "--extremes", z,
      ])
      XCTAssertEqual(r.status, 0, r.stderr)
      return r.stdout.split(separator: "\n").filter { $0.hasPrefix("  extreme | ") }
    }
    let all = try extremes("0")
    XCTAssertEqual(all.count, 2, "\(all)")
    XCTAssertTrue(all[0].hasPrefix("  extreme | seed 1 | t = "), String(all[0]))
    XCTAssertTrue(all[1].hasPrefix("  extreme | seed 2 | t = "), String(all[1]))
    XCTAssertTrue(all[0].contains("| skewness 0.0"), String(all[0]))
    XCTAssertEqual(try extremes("100").count, 0)
  }
}
