import Foundation
import IndexNotation
import TensorCore
import TestSupport
import Verification
import XCTest

@testable import P4ScalePyramid

/// Problem 4 graded both ways.
final class ScalePyramidGrading: XCTestCase {
  let setup = ScalePyramid.Setup(k: 3, batch: 1, channels: 2, filter: 3)

  func run(_ check: Check, seed: UInt64) -> CheckOutcome {
    Runner(seed: seed).run(check, stream: RandomStream(seed: seed).split("4"), trials: 1,
                           parameters: ParameterValues(specs: []))
  }

  func testVerifiedEquation_passesForThreeSeeds() {
    for seed: UInt64 in [1, 2, 3] {
      for check in ScalePyramid.checks(candidate: ScalePyramid.equation(p: 1), setup: setup,
                                       scaleDependence: 0) {
        assertStatus(run(check, seed: seed), .pass)
      }
    }
  }

  func testWrongEquations_fail() {
    let planted = [
      // the stride on the wrong term
      "L_{ℓ+1,s}[b, x, y, j] = σ(W_{ℓ+1,←}[ΔX, ΔY, I, j] L_{ℓ,s+1}[b, 2x + ΔX − 1, 2y + ΔY − 1, I] + W_{ℓ+1,↑}[ΔX, ΔY, I, j] L_{ℓ,s}[b, x + ΔX − 1, y + ΔY − 1, I] − B_{ℓ+1}[j])",
      // the scale index swapped
      "L_{ℓ+1,s}[b, x, y, j] = σ(W_{ℓ+1,←}[ΔX, ΔY, I, j] L_{ℓ,s}[b, x + ΔX − 1, y + ΔY − 1, I] + W_{ℓ+1,↑}[ΔX, ΔY, I, j] L_{ℓ,s+1}[b, 2x + ΔX − 1, 2y + ΔY − 1, I] − B_{ℓ+1}[j])",
      // the weights swapped between the terms
      "L_{ℓ+1,s}[b, x, y, j] = σ(W_{ℓ+1,↑}[ΔX, ΔY, I, j] L_{ℓ,s+1}[b, x + ΔX − 1, y + ΔY − 1, I] + W_{ℓ+1,←}[ΔX, ΔY, I, j] L_{ℓ,s}[b, 2x + ΔX − 1, 2y + ΔY − 1, I] − B_{ℓ+1}[j])",
    ]
    for text in planted {
      assertStatus(run(ScalePyramid.equationCheck(text, setup), seed: 1), .fail)
    }
  }

  func testWeightsThatDependOnScale_failEquivariance() {
    assertStatus(run(ScalePyramid.equivarianceCheck(setup, "random", scaleDependence: 0.1), seed: 1), .fail)
  }

  func testNetpbm_readsGeneratedImagesAndRejectsBadOnes() throws {
    // A 3 × 2 PPM written by hand: pixel (x, y) has red 10·x, green 100, blue 50·y.
    var bytes = Array("P6\n# made by the test\n3 2\n255\n".utf8)
    for y in 0..<2 { for x in 0..<3 { bytes += [UInt8(10 * x), 100, UInt8(50 * y)] } }
    let image = try Netpbm.parse(Data(bytes), path: "t.ppm")
    XCTAssertEqual(image.shape, [1, 3, 2, 3])
    XCTAssertEqual(image[0, 2, 1, 0], 20 / 255, accuracy: 1e-7)
    XCTAssertEqual(image[0, 2, 1, 2], 50 / 255, accuracy: 1e-7)
    XCTAssertThrowsError(try Netpbm.parse(Data(bytes.dropLast(4)), path: "t.ppm")) {
      XCTAssertEqual("\($0)", "the image 't.ppm' is truncated: its header promises 18 bytes of pixels, it has 14")
    }
    XCTAssertThrowsError(try Netpbm.parse(Data("GIF89a".utf8), path: "x.gif")) {
      XCTAssertEqual("\($0)", "'x.gif' is not a binary netpbm image; --image accepts PGM (P5) and PPM (P6) files")
    }
    let grey = try Netpbm.parse(Data(Array("P5 2 2 255\n".utf8) + [0, 255, 51, 102]), path: "g.pgm")
    XCTAssertEqual(grey[0, 1, 0, 1], 1)
    XCTAssertEqual(Netpbm.fit(grey, side: 4)[0, 2, 1, 0], 1)  // centred: offset 1 in x and y
  }
}
