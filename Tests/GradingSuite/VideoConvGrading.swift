import IndexNotation
import TensorCore
import TestSupport
import Verification
import XCTest

@testable import P2VideoConv

/// Problem 2 graded both ways: equations are read, diagnosed, then evaluated against the conv3d
/// kernel; wrong ones fail with what differs.
final class VideoConvGrading: XCTestCase {
  let problem = VideoConv.problem

  func testRightEquations_inPlainUnicodeAndLaTeX_areCorrect() {
    assertGrade(
      problem, "L_{l+1}[b,x,y,t,j] = sigma(K[j,dX,dY,dT,I] L_l[b,s*x+dX,s*y+dY,s*t+dT,I] - B[j])",
      .correct)
    assertGrade(
      problem,
      "L_{ℓ+1}[b, x, y, t, j] = σ(K_{ℓ+1}[j, ΔX, ΔY, ΔT, I] L_ℓ[b, s·x + ΔX, s·y + ΔY, s·t + ΔT, I] − B_{ℓ+1}[j])",
      .correct)
    assertGrade(
      problem,
      #"L_{\ell+1}[b,x,y,t,j] = \sigma(K_{\ell+1}[j,\Delta X,\Delta Y,\Delta T,I] L_{\ell}[b,sx+\Delta X,sy+\Delta Y,st+\Delta T,I] - B_{\ell+1}[j])"#,
      .correct)
    // The stride written after its variable.
    assertGrade(
      problem, "L_{l+1}[b,x,y,t,j] = sigma(K[j,dX,dY,dT,I] L_l[b,x*s+dX,dY+y*s,t*s+dT,I] - B[j])",
      .correct)
    // The filter's index order is the answer's own layout.
    assertGrade(
      problem,
      "L_{ℓ+1}[b, x, y, t, j] = σ(W[ΔX, ΔY, ΔT, I, j] L_ℓ[b, sx + ΔX, sy + ΔY, st + ΔT, I] − B[j])",
      .correct)
    // Centred filters with zeros outside: another evident border rule, named.
    assertGrade(
      problem,
      "L_{ℓ+1}[b, x, y, t, j] = σ(K[j, ΔX, ΔY, ΔT, I] L_ℓ[b, sx + ΔX − 1, sy + ΔY − 1, st + ΔT − 1, I] − B[j])",
      .correct, convention: "`same` borders")
  }

  func testWrongEquations_areIncorrectWithWhatDiffers() {
    assertGrade(
      problem,
      "L_{ℓ+1}[b, x, y, t, j] = σ(K[j, ΔX, ΔY, ΔT, I] L_ℓ[b, sx + ΔX, sy + ΔY, t + ΔT, I] − B[j])",
      .incorrect, mentions: ["The stride is applied to x and y but not to t."])
    assertGrade(
      problem,
      "L_{ℓ+1}[b, x, y, t, j] = σ(K[j, ΔX, ΔY, ΔT, I] L_ℓ[b, x + ΔX, y + ΔY, t + ΔT, I] − B[j])",
      .incorrect, mentions: ["The stride s is applied to none of x, y, t"])
    assertGrade(
      problem,
      "L_{ℓ+1}[b, x, y, t, j] = σ(K[j, ΔX, ΔY, ΔT, I] L_ℓ[b, sx + ΔX, sy + ΔY, st + ΔT, I] + B[j])",
      .incorrect, mentions: ["The threshold is added"])
    assertGrade(
      problem, "L_{ℓ+1}[b, x, y, t, j] = σ(K[j, ΔX, ΔY, I] L_ℓ[b, sx + ΔX, sy + ΔY, st, I] − B[j])",
      .incorrect, mentions: ["lacks t offset"])
    assertGrade(
      problem,
      "L_{ℓ+1}[b, x, y, t, j] = K[j, ΔX, ΔY, ΔT, I] L_ℓ[b, sx + ΔX, sy + ΔY, st + ΔT, I] − B[j]",
      .incorrect, mentions: ["There is no activation"])
    assertGrade(
      problem,
      "L_{ℓ+1}[b, x, y, t, j] = σ(K[j, ΔX, ΔY, ΔT, I] L_ℓ[b, sx + ΔX, sy + ΔY, st + ΔT, I])",
      .incorrect, mentions: ["There is no threshold"])
    assertGrade(
      problem, "L_{ℓ+1}[b, x, y, j] = σ(K[j, ΔX, ΔY, I] L_ℓ[b, sx + ΔX, sy + ΔY, I] − B[j])",
      .incorrect, mentions: ["five indices"])
  }

  func testMalformedEquation_isUnreadableWithALocatedDiagnostic() {
    let g = grade(problem, "L[b, x = σ(K[j] L[b])")
    XCTAssertEqual(g.verdict, .unreadable)
    XCTAssertEqual(g.issues.first?.column, 8)
    XCTAssertTrue(g.issues.first!.excerpt.hasSuffix("       ^"), g.issues.first!.excerpt)
  }

  func testPrintedSolution_missingComma_isIncorrectButRightOnceRepaired() throws {
    let g = try printedGrade(problem)
    XCTAssertEqual(g.verdict, .incorrect)
    XCTAssertTrue(
      g.feedback[0].contains("a comma is probably missing between them (column 74)"), g.feedback[0])
    XCTAssertTrue(
      g.feedback[0].contains("Read with that repaired, it equals the conv3d kernel"), g.feedback[0])
  }

  /// Every check of `psverify all` for problem 2 fails on a planted equation or a broken kernel.
  func testEveryCheck_failsOnAPlantedAnswerOrBrokenKernel() throws {
    let user = VideoConv.Shape(
      batch: 1, width: 6, height: 5, frames: 4, inputs: 2, outputs: 3,
      filterX: 3, filterY: 2, filterT: 2, stride: 2)
    var parser = Parser(VideoConv.equation)
    let derived = try parser.parseEquation()
    var plantedParser = Parser(
      "L_{ℓ+1}[b, x, y, t, j] = σ(K_{ℓ+1}[j, ΔX, ΔY, I] L_ℓ[b, sx + ΔX, sy + ΔY, st, I] − B_{ℓ+1}[j])"
    )
    let planted = try plantedParser.parseEquation()
    let all = VideoConv.checks(candidate: derived, user: user, padding: .valid)
    for check in all { assertStatus(runCheck(check), .pass) }
    var failing = Set<String>()
    for check in VideoConv.checks(candidate: planted, user: user, padding: .valid)
    where ["equation-equals-kernel", "instrumented-count", "user-shape-count"].contains(check.id) {
      assertStatus(runCheck(check), .fail)
      failing.insert(check.id)
    }
    for check in all where ["reduces-to-2d", "sum-of-2d-slices"].contains(check.id) {
      assertStatus(runCheck(check, with: .corruptVideoPacking), .fail)
      failing.insert(check.id)
    }
    for check in all where check.id == "output-sizes" {
      assertStatus(runCheck(check, with: .validExtentOffByOne), .fail)
      failing.insert(check.id)
    }
    assertEveryCheckFails(all, failing: failing)
  }

  /// Swapped axes and a stride applied to the offsets too (a dilation) are named as what they
  /// are, not as a missing stride; a multiple of a parenthesized index sum is read.
  func testSwappedAxesAndDilation_namedAsSuch() {
    assertGrade(
      problem, "L_{l+1}[b,x,y,t,j] = sigma(K[j,dX,dY,dT,I] L_l[b,s*y+dY,s*x+dX,s*t+dT,I] - B[j])",
      .incorrect, mentions: ["The axes are swapped"])
    let swapped = grade(
      problem, "L_{l+1}[b,x,y,t,j] = sigma(K[j,dX,dY,dT,I] L_l[b,s*y+dY,s*x+dX,s*t+dT,I] - B[j])")
    XCTAssertFalse(
      swapped.feedback.joined().contains("stride is applied to"), swapped.feedback.joined())
    assertGrade(
      problem,
      "L_{l+1}[b,x,y,t,j] = sigma(K[j,dX,dY,dT,I] L_l[b,s*(x+dX),s*(y+dY),s*(t+dT),I] - B[j])",
      .incorrect, mentions: ["dilates the filter by s"])
    // The product read inside the index: s·(x + ΔX) is s·x + s·ΔX.
    var parser = Parser("L[b, s(x + ΔX)] = K[ΔX] M[b, x]", parameters: ["s"])
    XCTAssertEqual((try? parser.parseEquation())?.description, "L[b, sx + sΔX] = K[ΔX] M[b, x]")
  }
}
