import IndexNotation
import TensorCore
import TestSupport
import Verification
import XCTest

@testable import P3cGradientDecay

/// Problem 3c graded both ways.
final class GradientDecayGrading: XCTestCase {
  let setup = GradientDecay.Setup(layers: 6, gamma: 0.5.squareRoot(), width: 8, bottleneck: 3, seeds: 2)

  func run(_ candidate: String, seed: UInt64, backwardGamma: Double? = nil) throws -> [String: CheckOutcome] {
    let checks = GradientDecay.checks(candidateBottom: try PolynomialParser.polynomial(candidate),
                                      setup: setup, backwardGamma: backwardGamma)
    let runner = Runner(seed: seed)
    let root = RandomStream(seed: seed).split("3c")
    return Dictionary(uniqueKeysWithValues: checks.map {
      ($0.id, runner.run($0, stream: root.split($0.id), trials: 1, parameters: ParameterValues(specs: [])))
    })
  }

  func testDerivedExponent_passesForThreeSeeds() throws {
    // Hand derivation: L − 1 blocks lie above the input layer.
    XCTAssertEqual(GradientDecay.bottomExponent, try PolynomialParser.polynomial("L - 1"))
    for seed: UInt64 in [1, 2, 3] {
      for o in try run("L - 1", seed: seed).values { assertStatus(o, .pass) }
    }
  }

  func testWrongExponents_fail() throws {
    for wrong in ["L", "L - 2", "L - 3"] {
      assertStatus(try run(wrong, seed: 1)["bottom-layer-exponent"]!, .fail)
    }
  }

  func testBackpropWithDroppedGamma_failsFiniteDifferences() throws {
    assertStatus(try run("L - 1", seed: 1, backwardGamma: 1)["backprop-finite-difference"]!, .fail)
  }

  func testAudit_printedExponentIsTheSecondLayers() {
    let audit = GradientDecay.audit()
    XCTAssertFalse(audit.agrees)
    XCTAssertTrue(audit.errata[0].message.contains("γ^(L − 2) is the factor at L_1"), audit.errata[0].message)
  }
}
