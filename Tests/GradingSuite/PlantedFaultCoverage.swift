import P1ConvMultiplies
import P3aBottleneck
import P3bResidualScale
import P4ScalePyramid
import TensorCore
import Verification
import XCTest

/// Kernel bugs planted through the test-only faults (debug builds) make `psverify all`'s checks
/// fail: each bug below is caught by at least two checks of the run, and the run passes without
/// it.
final class PlantedFaultCoverage: XCTestCase {
  struct Case {
    var fault: KernelFaults.Fault
    var problem: any Problem
    var overrides: [String: ParameterValue]
    var caughtBy: Set<String>
  }

  let small: [String: ParameterValue] = [
    "N": .integer(16), "N_bottle": .integer(4), "L": .integer(3), "batch": .integer(32),
    "replicates": .integer(4),
  ]

  var cases: [Case] {
    [
      Case(
        fault: .denseThresholdSign, problem: Bottleneck.problem, overrides: [:],
        caughtBy: ["network-forward-reference"]),
      Case(
        fault: .denseThresholdSign, problem: ResidualScale.problem, overrides: small,
        caughtBy: ["network-forward-reference"]),
      Case(
        fault: .poolingDivisor, problem: ScalePyramid.problem,
        overrides: ["k": .integer(3), "batch": .integer(1), "channels": .integer(2)],
        caughtBy: ["pyramid-equals-equation", "pyramid-keeps-the-mean"]),
      Case(
        fault: .skipCountExtra, problem: ConvMultiplies.problem, overrides: [:],
        caughtBy: ["instrumented-count-skip", "skip-count-equals-output-sum"]),
      Case(
        fault: .varianceBias, problem: ResidualScale.problem, overrides: small,
        caughtBy: ["moment-estimators-known", "network-unit-variance"]),
      Case(
        fault: .zigguratBaseBoundary, problem: ResidualScale.problem, overrides: small,
        caughtBy: ["gaussian-sampler-tails", "gaussian-sampler-maximum"]),
      Case(
        fault: .strictRelationNonStrict, problem: Bottleneck.problem, overrides: [:],
        caughtBy: ["condition-exhaustive", "condition-equals-polynomials"]),
    ]
  }

  func failing(_ c: Case, fault: KernelFaults.Fault?) -> Set<String> {
    KernelFaults.set(fault)
    defer { KernelFaults.set(nil) }
    let report = Runner(seed: 11, trials: 20_000).run(
      c.problem, parameters: ParameterValues(specs: c.problem.parameters, overrides: c.overrides))
    return Set(report.outcomes.filter { $0.status == .fail }.map(\.id))
  }

  func testEachPlantedBug_failsItsChecksAndNothingFailsWithoutIt() {
    var catchers: [Int: Set<String>] = [:]
    for c in cases {
      XCTAssertEqual(failing(c, fault: nil), [], "\(c.problem.id) fails without a fault")
      let failed = failing(c, fault: c.fault)
      XCTAssertTrue(c.caughtBy.isSubset(of: failed), "\(c.fault) in \(c.problem.id): \(failed)")
      catchers[c.fault.rawValue, default: []].formUnion(failed.map { "\(c.problem.id) \($0)" })
    }
    // Every planted bug is seen by at least two checks of the run.
    for fault in Set(cases.map(\.fault)) {
      XCTAssertGreaterThanOrEqual(catchers[fault.rawValue, default: []].count, 2, "\(fault)")
    }
  }
}
