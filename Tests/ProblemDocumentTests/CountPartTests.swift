import Algebra
import XCTest

@testable import ProblemDocument

/// Count questions that name no tensor of their problem: two of them whose printed counts are
/// the counts of separate groups of the statement's equations each ask about a part (a note,
/// no finding), and so does a count listed beside another step's; a single question for the
/// whole whose count leaves an equation out disagrees.
final class CountPartTests: XCTestCase, SmallDocumentAudit {
  /// A two-stage model whose equations share one display, asked about in two questions.
  func model(_ first: String, _ second: String) -> String {
    """
    **Problem 1.** The model computes, with $B, I, J, K$ the numbers of values of $b, i, j, k$:

    $$h[b,j] = \\sigma(W[j,I]\\,x[b,I] - a[j]) \\qquad y[b,k] = V[k,J]\\,h[b,J]$$

    (a) How many multiplies does the hidden stage take on the batch?

    **Solution.** \(first)

    (b) How many multiplies does the final stage take on the batch?

    **Solution.** \(second)
    """
  }

  /// Each question's printed count is one equation's, and the two equations differ: each asks
  /// about its part. Silent, with a note naming the equation each count is.
  func testTwoQuestionsCountingSeparateEquations_areParts() {
    let text = model("It takes $BJI$ multiplies.", "It takes $BKJ$ multiplies.")
    XCTAssertEqual(counts(text), [])
    let notes = Auditor.audit(ProblemSetDocument(text: text, name: "t.md"), spelling: false).notes
    let part = { (item: String, name: String) in
      notes.contains {
        $0.hasPrefix("problem \(item):") && $0.contains("alone, those for \(name) (")
      }
    }
    XCTAssertTrue(part("1a", "h"))
    XCTAssertTrue(part("1b", "y"))
  }

  /// Both printed counts are the same equation's: no separate group, so nothing says either
  /// asks about a part, and both disagree with the whole.
  func testTwoQuestionsCountingTheSameEquation_disagree() {
    let text = model("It takes $BJI$ multiplies.", "It takes $BJI$ multiplies.")
    XCTAssertEqual(counts(text), ["count-disagreement 7", "count-disagreement 11"])
  }

  /// One question for the whole model whose count leaves the second equation out: a finding.
  func testOneQuestionForTheWholeModel_leavingAnEquationOut_disagrees() {
    let text = """
      **Problem 1.** The model computes, with $B, I, J, K$ the numbers of values of $b, i, j, k$:

      $$h[b,j] = \\sigma(W[j,I]\\,x[b,I] - a[j]) \\qquad y[b,k] = V[k,J]\\,h[b,J]$$

      (a) How many multiplies does the whole model take on the batch?

      **Solution.** It takes $BJI$ multiplies.

      (b) Is the model linear in $x$?

      **Solution.** No: $\\sigma$ is not linear.
      """
    XCTAssertEqual(counts(text), ["count-disagreement 7"])
    let right = text.replacingOccurrences(of: "$BJI$ multiplies", with: "$BJI + BKJ$ multiplies")
    XCTAssertNotEqual(right, text)
    XCTAssertEqual(counts(right), [])
  }

  /// A question for the whole model whose solution lists each equation's cost and prints no
  /// sum: the count read is the last listed, one part of a breakdown (a note, no finding).
  /// The same list closed by a total that repeats one of its parts disagrees.
  func testCostsListedPerEquation_areABreakdown_unlessATotalRepeatsOne() {
    let listed = """
      **Problem 1.** The model computes, with $B, I, J, K$ the numbers of values of $b, i, j, k$:

      $$h[b,j] = \\sigma(W[j,I]\\,x[b,I] - a[j]) \\qquad y[b,k] = V[k,J]\\,h[b,J]$$

      (a) How many multiplies does the whole model take on the batch?

      **Solution.** The hidden stage takes $BJI$ and the final stage $BKJ$.
      """
    XCTAssertEqual(counts(listed), [])
    let notes = Auditor.audit(ProblemSetDocument(text: listed, name: "t.md"), spelling: false)
      .notes
    XCTAssertTrue(notes.contains { $0.hasPrefix("problem 1a:") && $0.contains("those for y (") })
    let repeated = listed.replacingOccurrences(of: "$BKJ$.", with: "$BKJ$, so $BJI$ in all.")
    XCTAssertNotEqual(repeated, listed)
    XCTAssertEqual(counts(repeated), ["count-disagreement 7"])
  }

  /// The groups whose summed count is the printed one, read from hand-written counts.
  func testMatchingGroups_sumsEveryProperGroup() {
    let a = Polynomial.symbol("A")
    let b = Polynomial.symbol("B")
    let c = Polynomial.symbol("C")
    // Groups as bit masks over (A, B, C): {A, B} is 0b011, {C} is 0b100; the whole is not
    // a proper group.
    XCTAssertEqual(CountPart.matchingGroups([[a, b, a + b]], printed: a + b), [0b011, 0b100])
    XCTAssertEqual(CountPart.matchingGroups([[a, b, c]], printed: a + b + c), [])
    XCTAssertNil(CountPart.matchingGroups([[a]], printed: a))
  }
}
