import Algebra
import IndexNotation
import TensorCore
import TestSupport
import Verification
import XCTest

@testable import P4ScalePyramid

/// Problem 4's family: pyramid factor, filter side, recurrence; each equation composed from the
/// structure and checked against the network run with it.
final class ScalePyramidVariantGrading: XCTestCase {
  let family = ScalePyramid.problem

  func testVariants_ofSixSeeds_passEveryCheck_andDifferInStructure() throws {
    var differing = 0
    var kinds = Set<String>()
    for seed in UInt64(1)...6 {
      let v = family.variant(seed: seed)
      if v.differsInStructure { differing += 1 }
      kinds.insert(v.kind)
      let parameters = ParameterValues(specs: v.problem.parameters, overrides: ["k": .integer(2)])
      let d = try v.problem.derive(parameters)
      let checks = v.problem.checks(d, parameters)
      XCTAssertEqual(checks.count, 4)
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

  /// Factor 3, 5 × 5 filters, two scales: typed by hand in Unicode and in LaTeX.
  func testFactorThree_rightInTwoSpellings_baseRejected() {
    let p = ScalePyramidVariantProblem(
      PyramidStructure(factor: 3, filter: 5, recurrence: .twoScales))
    assertGrade(
      p,
      "L_{ℓ+1,s}[b, x, y, j] = σ(W_{ℓ+1,←}[ΔX, ΔY, I, j] L_{ℓ,s+1}[b, x + ΔX − 2, y + ΔY − 2, I] "
        + "+ W_{ℓ+1,↑}[ΔX, ΔY, I, j] L_{ℓ,s}[b, 3x + ΔX − 2, 3y + ΔY − 2, I] − B_{ℓ+1}[j])",
      .correct, mentions: ["This variant: pyramid factor 3"])
    assertGrade(
      p,
      #"L_{\ell+1,s}[b,x,y,j] = \sigma(W_{\ell+1,\uparrow}[\Delta X,\Delta Y,I,j] "#
        + #"L_{\ell,s}[b,3x+\Delta X-2,3y+\Delta Y-2,I] "#
        + #"+ W_{\ell+1,\leftarrow}[j,I,\Delta X,\Delta Y] "#
        + #"L_{\ell,s+1}[b,x+\Delta X-2,y+\Delta Y-2,I] - B_{\ell+1}[j])"#, .correct)
    // The base problem's answer: stride 2 and a 3 × 3 centring.
    assertGrade(
      p,
      "L_{ℓ+1,s}[b, x, y, j] = σ(W_{ℓ+1,←}[ΔX, ΔY, I, j] L_{ℓ,s+1}[b, x + ΔX − 1, y + ΔY − 1, I] "
        + "+ W_{ℓ+1,↑}[ΔX, ΔY, I, j] L_{ℓ,s}[b, 2x + ΔX − 1, 2y + ΔY − 1, I] − B_{ℓ+1}[j])",
      .incorrect, mentions: ["the stride is 3, not 2", "starts 2 before the position"])
  }

  func testUpwardOnly_rightInTwoSpellings_baseRejected() {
    let p = ScalePyramidVariantProblem(
      PyramidStructure(factor: 2, filter: 3, recurrence: .upwardOnly))
    assertGrade(
      p,
      "L_{ℓ+1,s}[b, x, y, j] = σ(W_{ℓ+1,↑}[ΔX, ΔY, I, j] L_{ℓ,s}[b, 2x + ΔX − 1, 2y + ΔY − 1, I] "
        + "− B_{ℓ+1}[j])", .correct, mentions: ["each unit reading L_{ℓ,s} only"])
    assertGrade(
      p,
      "L_{l+1,s}[b,x,y,j] = sigma(W_{l+1,up}[dX,dY,I,j] L_{l,s}[b,2x+dX-1,2y+dY-1,I] "
        + "- B_{l+1}[j])",
      .correct)
    assertGrade(
      p,
      "L_{ℓ+1,s}[b, x, y, j] = σ(W_{ℓ+1,←}[ΔX, ΔY, I, j] L_{ℓ,s+1}[b, x + ΔX − 1, y + ΔY − 1, I] "
        + "+ W_{ℓ+1,↑}[ΔX, ΔY, I, j] L_{ℓ,s}[b, 2x + ΔX − 1, 2y + ΔY − 1, I] − B_{ℓ+1}[j])",
      .incorrect, mentions: ["reads L_{ℓ,s} alone"])
  }

  /// The base equation fails the factor-3 network's equation check; sizes measured against a
  /// wrong exponent fail; weights that depend on s fail equivariance; the control run without
  /// that dependence fails.
  func testEveryVariantCheck_failsOnAWrongEquationOrAScaleDependentNetwork() throws {
    let v = PyramidStructure(factor: 3, filter: 3, recurrence: .twoScales)
    guard case .equation(let eq) = try ScalePyramid.derivation(v).answer else {
      return XCTFail("not an equation")
    }
    let all = ScalePyramid.variantChecks(candidate: eq, structure: v, k: 2)
    for check in all { assertStatus(runCheck(check), .pass) }
    var failing = Set<String>()
    var parser = Parser(ScalePyramid.equation(p: 1), parameters: [])
    let wrong = ScalePyramid.variantEquationCheck(try parser.parseEquation(), v, k: 2)
    assertStatus(runCheck(wrong), .fail)
    failing.insert(wrong.id)
    let dependent = ScalePyramid.variantEquivarianceCheck(v, k: 2, dependence: 0.1, control: false)
    assertStatus(runCheck(dependent), .fail)
    failing.insert(dependent.id)
    let control = ScalePyramid.variantEquivarianceCheck(v, k: 2, dependence: 0, control: true)
    assertStatus(runCheck(control), .fail)
    failing.insert(control.id)
    let sizes = ScalePyramid.variantSizeCheck(
      v, k: 2, exponent: ScalePyramid.sideExponent + Polynomial(1))
    assertStatus(runCheck(sizes), .fail)
    failing.insert(sizes.id)
    assertEveryCheckFails(all, failing: failing)
  }

  /// By hand: factor-3 pooling of a 3 × 3 image of 1…9 is their mean, 5.
  func testPooling_byHand() {
    let v = PyramidStructure(factor: 3, filter: 1, recurrence: .upwardOnly)
    let image = Tensor<Float>(shape: [1, 3, 3, 1], storage: (1...9).map(Float.init))
    XCTAssertEqual(v.pool(image).storage, [5])
  }
}
