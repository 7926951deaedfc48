import TensorCore
import Verification
import XCTest

@testable import P3bResidualScale

/// Problem 3b's memory estimate and its size floor, against figures worked out by hand.
final class ResidualScaleResourceTests: XCTestCase {
  let defaults = ResidualScale.NetworkShape(
    width: 256, bottleneck: 64, layers: 24, batch: 512,
    replicates: 16)

  /// One default network by hand: 23 blocks · 256 · 64 · 16 B = 6 029 312, the Double draws of
  /// one weight tensor 256 · 64 · 8 = 131 072, activations 512 · 256 · 28 = 3 670 016 and
  /// 512 · 64 · 4 = 131 072: 9 961 472 B. Two measurements side by side, each with
  /// min(workers, 16) networks alive, plus 64 MiB = 67 108 864.
  func testEstimate_countsEveryNetworkAliveInBothMeasurements() {
    XCTAssertEqual(ResidualScale.estimatedBytes(defaults, workers: 1), 2 * 9_961_472 + 67_108_864)
    XCTAssertEqual(ResidualScale.estimatedBytes(defaults, workers: 2), 4 * 9_961_472 + 67_108_864)
    // More workers than replicates: 16 networks per measurement at most.
    XCTAssertEqual(
      ResidualScale.estimatedBytes(defaults, workers: 64),
      32 * 9_961_472 + 67_108_864)
  }

  /// The estimate's multiplier is the number of network measurements 3b really runs: every
  /// check or probe that takes the network's replicates builds networks at once with the others.
  func testConcurrentMeasurements_areTheChecksAndProbesThatBuildNetworks() throws {
    let problem = ResidualScale.problem
    let values = ParameterValues(specs: problem.parameters, overrides: [:])
    let derivation = try problem.derive(values)
    let takesReplicates: ([(String, Value)]) -> Bool = { $0.contains { $0.0 == "replicates" } }
    let networks =
      problem.checks(derivation, values).filter { takesReplicates($0.params) }.count
      + problem.probes(derivation, values).filter { takesReplicates($0.params) }.count
    XCTAssertEqual(networks, 2)
    XCTAssertEqual(ResidualScale.concurrentNetworkMeasurements, networks)
  }

  /// Sizes whose t-test cannot keep its stated false alarm are refused, naming the minimum.
  func testValidate_refusesANetworkTooSmallForItsTTest() {
    let problem = ResidualScale.problem
    func validate(_ o: [String: ParameterValue]) -> String? {
      do {
        try problem.validate(ParameterValues(specs: problem.parameters, overrides: o))
        return nil
      } catch { return "\(error)" }
    }
    let batch = validate(["batch": .integer(8)])
    XCTAssertTrue(batch?.contains("batch ≥ 16") == true, batch ?? "accepted")
    let units = validate(["N": .integer(2), "N_bottle": .integer(1), "replicates": .integer(8)])
    XCTAssertTrue(units?.contains("replicates × N ≥ 128") == true, units ?? "accepted")
    XCTAssertNil(
      validate([
        "N": .integer(16), "N_bottle": .integer(1), "L": .integer(2),
        "batch": .integer(16), "replicates": .integer(8),
      ]))
    XCTAssertNotNil(
      validate(["N": .integer(15), "replicates": .integer(8), "batch": .integer(16)]))
  }
}
