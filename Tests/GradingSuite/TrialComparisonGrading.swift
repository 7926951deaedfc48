import P2VideoConv
import P4ScalePyramid
import TensorCore
import Verification
import XCTest

/// Problems 2 and 4's trial comparisons (what the served page shows under an equation) run the
/// grader's own trials: the largest difference they record is the one the grader's feedback
/// states, a wrong equation has a first differing output, a right one agrees on every trial.
final class TrialComparisonGrading: XCTestCase {
  let runner = Runner(seed: 7)

  func check(
    _ problem: any Problem, wrong: String, right: String,
    comparisons: (String, RandomStream) -> [TrialComparison],
    trials: Int
  ) throws {
    let stream = runner.gradingStream(problem.id)
    let parameters = ParameterValues(specs: problem.parameters)
    let graded = runner.grade(problem, answer: wrong, parameters: parameters).grade
    XCTAssertEqual(graded.verdict, .incorrect)
    let feedback = try XCTUnwrap(graded.feedback.last)
    let wrongTrials = comparisons(wrong, stream)
    XCTAssertEqual(wrongTrials.count, 2, "both conventions tried, neither agrees")
    // The grader's feedback states each convention's largest difference; the comparisons
    // record the same trials, so the same numbers.
    var rest = feedback[...]
    for c in wrongTrials {
      let stated = " \(Value.format(c.largest)) "
      guard let r = rest.range(of: stated) else {
        return XCTFail("\(stated) not stated, in order, in: \(feedback)")
      }
      rest = rest[r.upperBound...]
    }
    for c in wrongTrials {
      XCTAssertEqual(c.trials, trials)
      XCTAssertLessThan(c.agreed, c.trials)
      let d = try XCTUnwrap(c.first)
      XCTAssertGreaterThan(abs(d.answer - d.reference), 1e-4, "the shown values differ")
      XCTAssertEqual(d.position.count, d.indexNames.count)
      XCTAssertGreaterThanOrEqual(d.trial, 1)
    }
    XCTAssertEqual(
      runner.grade(problem, answer: right, parameters: parameters).grade.verdict,
      .correct)
    let rightTrials = comparisons(right, stream)
    let agreed = try XCTUnwrap(rightTrials.last)
    XCTAssertEqual(agreed.agreed, trials)
    XCTAssertEqual(agreed.trials, trials)
    XCTAssertNil(agreed.first)
    XCTAssertLessThanOrEqual(agreed.largest, agreed.bound)
    XCTAssertEqual(comparisons("L[b,x] = ", stream), [], "an unreadable answer has no trials")
  }

  func testVideoConv_comparisonsAreTheGradersTrials() throws {
    // The x offset subtracted: the structure reads as a strided convolution, the values differ.
    try check(
      VideoConv.problem,
      wrong: "L_{l+1}[b,x,y,t,j] = sigma(K[j,dX,dY,dT,I] L_l[b,s*x-dX,s*y+dY,s*t+dT,I] - B[j])",
      right: "L_{l+1}[b,x,y,t,j] = sigma(K[j,dX,dY,dT,I] L_l[b,s*x+dX,s*y+dY,s*t+dT,I] - B[j])",
      comparisons: VideoConv.comparisons, trials: 12)
  }

  func testScalePyramid_comparisonsAreTheGradersTrials() throws {
    // The coarse layer read without the centring shift.
    try check(
      ScalePyramid.problem,
      wrong: "L_{ℓ+1,s}[b, x, y, j] = σ(W_{ℓ+1,←}[ΔX, ΔY, I, j] L_{ℓ,s+1}[b, x + ΔX, y + ΔY, I] "
        + "+ W_{ℓ+1,↑}[ΔX, ΔY, I, j] L_{ℓ,s}[b, 2x + ΔX − 1, 2y + ΔY − 1, I] − B_{ℓ+1}[j])",
      right: "L_{ℓ+1,s}[b, x, y, j] = σ(W_{ℓ+1,←}[ΔX, ΔY, I, j] "
        + "L_{ℓ,s+1}[b, x + ΔX − 1, y + ΔY − 1, I] "
        + "+ W_{ℓ+1,↑}[ΔX, ΔY, I, j] L_{ℓ,s}[b, 2x + ΔX − 1, 2y + ΔY − 1, I] − B_{ℓ+1}[j])",
      comparisons: ScalePyramid.comparisons, trials: 3)
  }

  func testPosition_isRowMajor() {
    XCTAssertEqual(TrialComparison.position(0, shape: [2, 3, 4]), [0, 0, 0])
    XCTAssertEqual(TrialComparison.position(23, shape: [2, 3, 4]), [1, 2, 3])
    XCTAssertEqual(TrialComparison.position(13, shape: [2, 3, 4]), [1, 0, 1])
  }
}
