import IndexNotation
import TensorCore
import TestSupport
import Verification
import XCTest

@testable import P1ConvMultiplies

/// Problem 1 graded both ways: the derived count passes on several seeds; planted wrong counts fail.
final class ConvMultipliesGrading: XCTestCase {
  let user = ConvMultiplies.UserShape(ParameterValues(
    specs: ConvMultiplies.problem.parameters,
    overrides: ["B": .integer(2), "X": .integer(9), "Y": .integer(7), "N_in": .integer(3),
                "N_out": .integer(2)]))

  func outcomes(_ candidate: Polynomial, seed: UInt64) throws -> [CheckOutcome] {
    let counts = try ConvMultiplies.counts()
    let runner = Runner(seed: seed)
    let root = RandomStream(seed: seed).split("1")
    return ConvMultiplies.checks(candidate: candidate, counts: counts, user: user, shapes: 60)
      .map { runner.run($0, stream: root.split($0.id), trials: 1,
                        parameters: ParameterValues(specs: [])) }
  }

  func testDerivedCount_passesForThreeSeeds() throws {
    let derived = try ConvMultiplies.counts().same
    // Hand-derived: one multiply per (b, x, y, n_out, Δx, Δy, n_in).
    XCTAssertEqual(derived, try PolynomialParser.polynomial("B X Y ΔX ΔY N_out N_in"))
    for seed: UInt64 in [1, 2, 3] {
      for o in try outcomes(derived, seed: seed) { assertStatus(o, .pass) }
    }
  }

  func testPlantedCounts_fail() throws {
    for planted in ["B X Y ΔX ΔY N_out", "X Y ΔX ΔY N_out N_in", "B X Y ΔX N_out N_in",
                    "B X Y ΔX ΔY N_out N_in + B X Y N_out"] {
      let candidate = try PolynomialParser.polynomial(planted)
      let same = try outcomes(candidate, seed: 1).first { $0.id == "instrumented-count-same" }!
      assertStatus(same, .fail)
      let user = try outcomes(candidate, seed: 1).first { $0.id == "user-shape-count" }!
      assertStatus(user, .fail)
    }
  }

  func testSkipClosedForm_handValues() {
    // Width 5, filter 3 (p = 1): outputs 0…4 see 2, 3, 3, 3, 2 taps = 13 = 3·5 − (9 − 1)/4.
    XCTAssertEqual(ConvMultiplies.skipTaps(input: 5, filter: 3), 13)
    // Width 2, filter 7 (p = 3): each output sees both pixels: 4.
    XCTAssertEqual(ConvMultiplies.skipTaps(input: 2, filter: 7), 4)
  }

  func testAudit_readsPrintedAnswerAndAgrees() {
    let audit = ConvMultiplies.audit()
    XCTAssertTrue(audit.agrees)
    XCTAssertEqual(audit.errata.map(\.kind), [.ambiguity])
  }
}
