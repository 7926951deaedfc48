import IndexNotation
import TensorCore
import TestSupport
import Verification
import XCTest

@testable import P3bResidualScale

/// Problem 3b graded both ways: the derived γ passes for several seeds, planted wrong answers fail.
final class ResidualScaleGrading: XCTestCase {
  /// A network small enough for debug builds; the checks are the same code as in a full run.
  let network = ResidualScale.NetworkShape(width: 32, bottleneck: 8, layers: 4, batch: 64,
                                           replicates: 4)
  let trials = ResidualScale.problem.defaultTrials

  func outcomes(_ gamma: ScalarValue, seed: UInt64, only ids: Set<String>? = nil) -> [CheckOutcome] {
    let runner = Runner(seed: seed, trials: trials)
    let parameters = ParameterValues(specs: ResidualScale.problem.parameters)
    let root = RandomStream(seed: seed).split("3b")
    return ResidualScale.checks(candidate: gamma, network: network)
      .filter { ids?.contains($0.id) ?? true }
      .map { runner.run($0, stream: root.split($0.id), trials: trials, parameters: parameters) }
  }

  func testDerivedGamma_passesEveryCheckForFiveSeeds() {
    let derived = ScalarValue.exact(ResidualScale.derivedGamma)
    for seed: UInt64 in [1, 2, 3, 4, 5] {
      for outcome in outcomes(derived, seed: seed) { assertStatus(outcome, .pass) }
    }
  }

  func testPlantedWrongGammas_failMonteCarloAndSymbolicChecks() throws {
    let planted = ["1/2", "1", "1/sqrt(3)"]
    let mustFail: Set<String> = ["gamma-solves-variance-equation", "variance-monte-carlo-gaussian",
                                 "variance-monte-carlo-uniform", "variance-monte-carlo-rademacher",
                                 "gamma-sweep", "network-unit-variance"]
    for text in planted {
      let gamma = try ScalarExpression.evaluate(text)
      for outcome in outcomes(gamma, seed: 1, only: mustFail) {
        assertStatus(outcome, .fail)
      }
    }
  }

  func testNegativeRoot_failsOnlyTheSignCondition() throws {
    let gamma = try ScalarExpression.evaluate("-1/sqrt(2)")
    let symbolic = outcomes(gamma, seed: 1, only: ["gamma-solves-variance-equation"])
    assertStatus(symbolic[0], .fail)
    XCTAssertTrue(symbolic[0].measurement.detail.contains("γ ≤ 0"))
  }

  func testApproximateGamma_judgedWithinStatedRounding() throws {
    let close = outcomes(.approximate(0.5.squareRoot()), seed: 1,
                         only: ["gamma-solves-variance-equation"])
    assertStatus(close[0], .pass)
    let typo = outcomes(.approximate(0.7071), seed: 1, only: ["gamma-solves-variance-equation"])
    assertStatus(typo[0], .fail)
  }
}
