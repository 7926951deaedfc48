import IndexNotation
import TensorCore
import TestSupport
import Verification
import XCTest

@testable import P2VideoConv

/// Problem 2 graded both ways: wrong equations fail because their values differ from the kernel.
final class VideoConvGrading: XCTestCase {
  func outcome(_ equation: String, seed: UInt64) -> CheckOutcome {
    let check = VideoConv.equationCheck(id: "equation-equals-kernel", summary: "", text: equation)
    return Runner(seed: seed).run(check, stream: RandomStream(seed: seed).split("2"), trials: 1,
                                  parameters: ParameterValues(specs: []))
  }

  func testVerifiedEquation_passesForThreeSeeds() {
    for seed: UInt64 in [1, 2, 3] { assertStatus(outcome(VideoConv.equation, seed: seed), .pass) }
  }

  func testPlantedEquations_fail() {
    let planted = [
      // stride on space only
      "L_{ℓ+1}[b, x, y, t, j] = σ(K_{ℓ+1}[j, ΔX, ΔY, ΔT, I] L_ℓ[b, sx + ΔX, sy + ΔY, t + ΔT, I] − B_{ℓ+1}[j])",
      // ΔT missing
      "L_{ℓ+1}[b, x, y, t, j] = σ(K_{ℓ+1}[j, ΔX, ΔY, I] L_ℓ[b, sx + ΔX, sy + ΔY, st, I] − B_{ℓ+1}[j])",
      // + B in place of − B
      "L_{ℓ+1}[b, x, y, t, j] = σ(K_{ℓ+1}[j, ΔX, ΔY, ΔT, I] L_ℓ[b, sx + ΔX, sy + ΔY, st + ΔT, I] + B_{ℓ+1}[j])",
      // permuted kernel indices
      "L_{ℓ+1}[b, x, y, t, j] = σ(K_{ℓ+1}[j, ΔY, ΔX, ΔT, I] L_ℓ[b, sx + ΔX, sy + ΔY, st + ΔT, I] − B_{ℓ+1}[j])",
    ]
    for text in planted { assertStatus(outcome(text, seed: 1), .fail) }
  }

  func testAudit_findsTheMissingCommaAtItsColumn() {
    let audit = VideoConv.audit()
    XCTAssertFalse(audit.agrees)
    let defect = audit.errata.first { $0.kind == .defect }
    XCTAssertEqual(defect?.location, "problem 2, solution, line 1, column 74")
  }
}
