import Algebra
import Foundation
import ImageIO
import IndexNotation
import TensorCore
import TestSupport
import Verification
import XCTest

@testable import P4ScalePyramid

/// Problem 4 graded both ways: equations evaluated against psverify's pyramid level under the
/// answer's own offset convention and weight layout.
final class ScalePyramidGrading: XCTestCase {
  let problem = ScalePyramid.problem
  let setup = ScalePyramid.Setup(k: 3, batch: 1, channels: 2, filter: 3)

  static let right =
    "L_{ℓ+1,s}[b, x, y, j] = σ(W_{ℓ+1,←}[ΔX, ΔY, I, j] L_{ℓ,s+1}[b, x + ΔX − 1, y + ΔY − 1, I] "
    + "+ W_{ℓ+1,↑}[ΔX, ΔY, I, j] L_{ℓ,s}[b, 2x + ΔX − 1, 2y + ΔY − 1, I] − B_{ℓ+1}[j])"

  func testRightEquations_inPlainUnicodeAndLaTeX_areCorrect() {
    assertGrade(problem, Self.right, .correct)
    assertGrade(
      problem,
      #"L_{\ell+1,s}[b,x,y,j] = \sigma(W_{\ell+1,\leftarrow}[\Delta X,\Delta Y,I,j] L_{\ell,s+1}[b,x+\Delta X-1,y+\Delta Y-1,I] + W_{\ell+1,\uparrow}[\Delta X,\Delta Y,I,j] L_{\ell,s}[b,2x+\Delta X-1,2y+\Delta Y-1,I] - B_{\ell+1}[j])"#,
      .correct)
    assertGrade(
      problem,
      "L_{l+1,s}[b,x,y,j] = sigma(W_{l+1,left}[dX,dY,I,j] L_{l,s+1}[b,x+dX-p,y+dY-p,I] + W_{l+1,up}[dX,dY,I,j] L_{l,s}[b,2x+dX-p,2y+dY-p,I] - B_{l+1}[j])",
      .correct)
    // Weights in the answer's own index order.
    assertGrade(
      problem,
      "L_{ℓ+1,s}[b, x, y, j] = σ(W_{ℓ+1,←}[j, I, ΔX, ΔY] L_{ℓ,s+1}[b, x + ΔX − 1, y + ΔY − 1, I] "
        + "+ W_{ℓ+1,↑}[j, I, ΔX, ΔY] L_{ℓ,s}[b, 2x + ΔX − 1, 2y + ΔY − 1, I] − B_{ℓ+1}[j])",
      .correct)
    // Offsets from 0 to F − 1, not centred: the other evident convention, named.
    assertGrade(
      problem,
      "L_{ℓ+1,s}[b, x, y, j] = σ(W_{ℓ+1,←}[ΔX, ΔY, I, j] L_{ℓ,s+1}[b, x + ΔX, y + ΔY, I] "
        + "+ W_{ℓ+1,↑}[ΔX, ΔY, I, j] L_{ℓ,s}[b, 2x + ΔX, 2y + ΔY, I] − B_{ℓ+1}[j])", .correct,
      convention: "offsets ΔX, ΔY from 0 to F − 1")
  }

  func testWrongEquations_areIncorrectWithWhatDiffers() {
    assertGrade(
      problem, Self.right.replacingOccurrences(of: "2x + ΔX − 1, 2y", with: "x + ΔX − 1, y"),
      .incorrect,
      mentions: ["L_{ℓ,s} is twice as large as L_{ℓ+1,s}: read it at 2x + Δx"])
    assertGrade(
      problem,
      Self.right.replacingOccurrences(of: "W_{ℓ+1,←}", with: "W_{ℓ+1,X}")
        .replacingOccurrences(of: "W_{ℓ+1,↑}", with: "W_{ℓ+1,←}").replacingOccurrences(
          of: "W_{ℓ+1,X}", with: "W_{ℓ+1,↑}"),
      .incorrect, mentions: ["W_{ℓ+1,←} and W_{ℓ+1,↑} are swapped"])
    assertGrade(
      problem, Self.right.replacingOccurrences(of: "− B_{ℓ+1}[j]", with: "+ B_{ℓ+1}[j]"),
      .incorrect,
      mentions: ["The threshold is added"])
    assertGrade(
      problem, Self.right.replacingOccurrences(of: "W_{ℓ+1,←}", with: "W_{ℓ+1,←,s}"), .incorrect,
      mentions: ["depend on the scale s"])
    assertGrade(
      problem,
      Self.right.replacingOccurrences(
        of: "L_{ℓ,s+1}[b, x + ΔX − 1, y + ΔY − 1, I]",
        with: "L_{ℓ,s+1}[b, x + ΔX − 1, y + ΔY − 1, I, j]"),
      .incorrect, mentions: ["has rank 4 but is used with 5 indices"])
    assertGrade(
      problem,
      Self.right.replacingOccurrences(
        of: " + W_{ℓ+1,↑}[ΔX, ΔY, I, j] L_{ℓ,s}[b, 2x + ΔX − 1, 2y + ΔY − 1, I]",
        with: ""), .incorrect,
      mentions: [
        "the answer lacks L_{ℓ,s} (typed L_{l,s}), W_{ℓ+1,↑} (typed W_{l+1,^} or W_{l+1,up})"
      ])
  }

  func testMalformedEquation_isUnreadableWithALocatedDiagnostic() {
    let g = grade(problem, "L_{ℓ+1,s}[b, x, y, j] = σ(W_{ℓ+1,←}[ΔX, ΔY, I, j")
    XCTAssertEqual(g.verdict, .unreadable)
    XCTAssertEqual(g.issues.first?.column, 49)  // the end of the 48 characters
  }

  func testPrintedSolution_isIncorrectForItsRanksAndThreshold() throws {
    let g = try printedGrade(problem)
    XCTAssertEqual(g.verdict, .incorrect)
    XCTAssertTrue(
      g.feedback.joined().contains("L_{ℓ,s+1} has rank 4 but is used with 5 indices"),
      "\(g.feedback)")
    XCTAssertTrue(
      g.feedback.contains("The threshold is added; the course's unit subtracts it: σ(W·L − B)."))
  }

  func testStatementPyramid_equalsTheMeanItDescribes() {
    XCTAssertEqual(ScalePyramid.pyramidFinding(Shipped.text("4")).count, 0)
  }

  /// Every check of `psverify all` for problem 4 fails on a planted input or a broken kernel.
  func testEveryCheck_failsOnAPlantedInputOrBrokenKernel() throws {
    var parser = Parser(ScalePyramid.equation(p: 1), parameters: [])
    let derived = try parser.parseEquation()
    let all = ScalePyramid.checks(
      candidate: derived, sideExponent: ScalePyramid.sideExponent, setup: setup)
    for check in all { assertStatus(runCheck(check), .pass) }
    var failing = Set<String>()
    var wrongParser = Parser(ScalePyramid.equation(p: 0), parameters: [])
    let planted = ScalePyramid.checks(
      candidate: try wrongParser.parseEquation(), sideExponent: .symbol("k") - .symbol("ℓ"),
      setup: setup,
      scaleDependence: 0.1, controlDependence: 0,
      pyramid:
        "I_{s+1}[b, x, y, c] = 1/4 (I_s[b, 2x, 2y, c] + I_s[b, 2x + 1, 2y, c] + I_s[b, 2x, 2y + 1, c])"
    )
    for check in planted
    where !["instrumented-count", "pyramid-keeps-the-mean"].contains(check.id) {
      assertStatus(runCheck(check), .fail)
      failing.insert(check.id)
    }
    for check in all where check.id == "pyramid-keeps-the-mean" {
      assertStatus(runCheck(check, with: .poolingDivisor), .fail)
      failing.insert(check.id)
    }
    for check in all where check.id == "instrumented-count" {
      assertStatus(runCheck(check, with: .extraMultiply), .fail)
      assertStatus(runCheck(check, with: .missingMultiply), .fail)
      failing.insert(check.id)
    }
    assertEveryCheckFails(all, failing: failing)
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
      XCTAssertEqual(
        "\($0)", "the image 't.ppm' is truncated: its header promises 18 bytes of pixels, it has 14"
      )
    }
    XCTAssertThrowsError(try Netpbm.parse(Data("GIF89a".utf8), path: "x.gif")) {
      XCTAssertEqual(
        "\($0)", "'x.gif' is not a binary netpbm image; --image accepts PGM (P5) and PPM (P6) files"
      )
    }
    let grey = try Netpbm.parse(
      Data(Array("P5 2 2 255\n".utf8) + [0, 255, 51, 102]), path: "g.pgm")
    XCTAssertEqual(grey[0, 1, 0, 1], 1)
    XCTAssertEqual(Netpbm.fit(grey, side: 4)[0, 2, 1, 0], 1)  // centred: offset 1 in x and y
  }

  /// The weights have plain-text names (`W_{l+1,<-}`, `W_{l+1,^}`, `left`, `up`), and the
  /// feedback for a missing one says how to type it.
  func testPlainTextArrows_readAndOfferedInFeedback() {
    for (left, up) in [("<-", "^"), ("left", "up")] {
      assertGrade(
        problem,
        "L_{l+1,s}[b,x,y,j] = sigma(W_{l+1,\(left)}[dX,dY,I,j] L_{l,s+1}[b,x+dX,y+dY,I] "
          + "+ W_{l+1,\(up)}[dX,dY,I,j] L_{l,s}[b,2x+dX,2y+dY,I] - B_{l+1}[j])", .correct,
        convention: "offsets ΔX, ΔY from 0 to F − 1")
    }
    assertGrade(
      problem,
      "L_{l+1,s}[b,x,y,j] = sigma(W_{l+1,left}[dX,dY,I,j] L_{l,s+1}[b,x+dX,y+dY,I] - B_{l+1}[j])",
      .incorrect, mentions: ["W_{ℓ+1,↑} (typed W_{l+1,^} or W_{l+1,up})"])
  }
}
