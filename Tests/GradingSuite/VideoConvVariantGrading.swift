import IndexNotation
import TensorCore
import TestSupport
import Verification
import XCTest

@testable import P2VideoConv

/// Problem 2's family: strides in space and time, centred or `valid` borders, causal time
/// filters; each equation composed from the structure and checked against the conv3d kernel run
/// with it, graded through the base grader's roles.
final class VideoConvVariantGrading: XCTestCase {
  let family = VideoConv.problem

  func testVariants_ofSixSeeds_passEveryCheck_andDifferInStructure() throws {
    var differing = 0
    var kinds = Set<String>()
    for seed in UInt64(1)...6 {
      let v = family.variant(seed: seed)
      if v.differsInStructure { differing += 1 }
      kinds.insert(v.kind)
      let parameters = ParameterValues(
        specs: v.problem.parameters, overrides: ["clips": .integer(4)])
      let d = try v.problem.derive(parameters)
      let checks = v.problem.checks(d, parameters)
      XCTAssertGreaterThanOrEqual(checks.count, 2)
      for check in checks {
        let o = runCheck(check, seed: seed)
        XCTAssertEqual(
          o.status, .pass, "seed \(seed) (\(v.summary)) \(o.id): \(o.measurement.detail)")
      }
    }
    XCTAssertGreaterThanOrEqual(differing, 3)
    XCTAssertGreaterThanOrEqual(kinds.count, 2, "\(kinds)")
    XCTAssertFalse(family.variant(seed: 0).differsInStructure)
  }

  /// Stride 2 in space, 3 in time, causal: written by hand in Unicode and in plain text.
  func testSeparateStridesCausal_rightInTwoSpellings_baseRejected() {
    let p = VideoConvVariantProblem(
      VideoStructure(spaceStride: 2, timeStride: 3, space: .valid, time: .causal))
    assertGrade(
      p,
      "L_{ℓ+1}[b, x, y, t, j] = σ(K_{ℓ+1}[j, ΔX, ΔY, ΔT, I] L_ℓ[b, 2x + ΔX, 2y + ΔY, 3t − ΔT, I] "
        + "− B_{ℓ+1}[j])", .correct, mentions: ["This variant: stride 2 in space, 3 in time"])
    assertGrade(
      p, "L_{l+1}[b,x,y,t,j] = sigma(K[j,dT,dX,dY,I] L_l[b,2*x+dX,2*y+dY,3*t-dT,I] - B[j])",
      .correct)
    assertGrade(
      p, "L_{l+1}[b,x,y,t,j] = sigma(K[j,dX,dY,dT,I] L_l[b,s*x+dX,s*y+dY,s*t+dT,I] - B[j])",
      .incorrect, mentions: ["no single stride s", "causal time filter"])
    // Forward in time instead of back: the kernel's values differ, and the feedback says why.
    assertGrade(
      p, "L_{l+1}[b,x,y,t,j] = sigma(K[j,dX,dY,dT,I] L_l[b,2*x+dX,2*y+dY,3*t+dT,I] - B[j])",
      .incorrect, mentions: ["a causal filter reads ΔT frames back"])
  }

  /// One stride 2, centred spatial and time filters (3 taps, zeros outside).
  func testCentred_rightInTwoSpellings_baseRejected() {
    let p = VideoConvVariantProblem(
      VideoStructure(spaceStride: 2, timeStride: 2, space: .centred, time: .centred))
    assertGrade(
      p,
      #"L_{\ell+1}[b,x,y,t,j] = \sigma(K_{\ell+1}[j,\Delta X,\Delta Y,\Delta T,I] "#
        + #"L_{\ell}[b,2x+\Delta X-1,2y+\Delta Y-1,2t+\Delta T-1,I] - B_{\ell+1}[j])"#, .correct)
    assertGrade(
      p, "L_{l+1}[b,x,y,t,j] = sigma(K[j,dX,dY,dT,I] L_l[b,s*x+dX-1,s*y+dY-1,s*t+dT-1,I] - B[j])",
      .correct)
    assertGrade(
      p, "L_{l+1}[b,x,y,t,j] = sigma(K[j,dX,dY,dT,I] L_l[b,s*x+dX,s*y+dY,s*t+dT,I] - B[j])",
      .incorrect, mentions: ["the 3 taps are centred", "This variant: stride 2 in space and time"])
  }

  /// The base problem's equation fails the variant's equation check; a kernel doing an extra
  /// multiply fails the count check; a kernel that reads forward in time (a centred time filter)
  /// fails the causality check.
  func testEveryVariantCheck_failsOnTheBaseEquationOrANonCausalKernel() throws {
    let v = VideoStructure(spaceStride: 1, timeStride: 2, space: .centred, time: .causal)
    let right = try VideoConv.derivation(v)
    guard case .equation(let eq) = right.answer else { return XCTFail("not an equation") }
    let all = VideoConv.variantChecks(candidate: eq, structure: v, clips: 4)
    XCTAssertEqual(
      all.map(\.id), ["equation-equals-kernel", "instrumented-count", "causal-past-only"])
    for check in all { assertStatus(runCheck(check), .pass) }
    var parser = Parser(
      "L_{ℓ+1}[b, x, y, t, j] = σ(K_{ℓ+1}[j, ΔX, ΔY, ΔT, I] L_ℓ[b, x + ΔX, y + ΔY, 2t + ΔT, I] "
        + "− B_{ℓ+1}[j])")
    let base = try parser.parseEquation()
    var failing = Set<String>()
    let wrong = VideoConv.variantChecks(candidate: base, structure: v, clips: 4)
    assertStatus(runCheck(wrong[0]), .fail)
    failing.insert(wrong[0].id)
    // A kernel doing (and counting) one multiply more than the convolution needs.
    let count = all[1]
    assertStatus(runCheck(count, with: .extraMultiply), .fail)
    failing.insert(count.id)
    let centredTime = VideoStructure(spaceStride: 1, timeStride: 2, space: .centred, time: .centred)
    let notCausal = VideoConv.causalityCheck(centredTime)
    assertStatus(runCheck(notCausal), .fail)
    failing.insert(notCausal.id)
    assertEveryCheckFails(all, failing: failing)
  }

  /// By hand: a 1-frame clip with a causal 3-tap filter reads zeros before frame 0, so the
  /// output at t = 0 is σ(K[…, 0, …]·L[…, 0, …] − B) alone.
  func testCausalKernel_byHand() {
    let v = VideoStructure(spaceStride: 1, timeStride: 1, space: .valid, time: .causal)
    let s = VideoConv.Shape(
      batch: 1, width: 1, height: 1, frames: 2, inputs: 1, outputs: 1, filterX: 1, filterY: 1,
      filterT: 3, stride: 1)
    let data = VideoConv.Data(
      input: Tensor(shape: [1, 1, 1, 2, 1], storage: [2, 5]),
      kernel: Tensor(shape: [1, 1, 1, 3, 1], storage: [1, 10, 100]),
      thresholds: Tensor(shape: [1], storage: [0]))
    let out = VideoConv.forward(v, s, data, activation: .identity)
    // t = 0: lag 0 reads frame 0 → 1·2; t = 1: lag 0 frame 1 (1·5) + lag 1 frame 0 (10·2).
    XCTAssertEqual(out.storage, [2, 25])
  }
}
