import XCTest

@testable import ProblemDocument

/// The ninth round's review, mended: each test holds a correct document the round's code
/// flagged (or a defect it silenced) beside a look-alike that comes out the other way. Every
/// document is written for the test; values are worked out in the comments.
final class ReviewMendsR9Tests: XCTestCase, SmallDocumentAudit {
  /// Sizes stated as 3, 5 and 12 contradict `AB = N` (15 ≠ 12), and `NA = 40` is wrong for
  /// the stated N = 12, A = 3 (36): the relation must not switch the stated numbers off.
  func testContradictedRelation_keepsTheStatedNumbers() {
    let text = """
      **Problem 1.** There are $A = 3$ heads, $B = 5$ groups and $N = 12$ tokens.

      **Solution**: Each head sees every group, so $AB = N$. Then $NA = %@$ products are needed.
      """
    XCTAssertEqual(
      counts(text.replacingOccurrences(of: "%@", with: "40")), ["count-disagreement 3"])
    XCTAssertEqual(counts(text.replacingOccurrences(of: "%@", with: "36")), [])
  }

  /// Two comparisons a sentence apart on two subjects are two claims, not a restatement:
  /// `N < K` for one and `2N > 2K` for the other are both right. A restatement names the step
  /// that turns one into the other (dividing by I): EI + KI < 2IH is E + K < 2H, i.e.
  /// 2H > E + K; written `2H < E + K` it is reversed.
  func testReversedCondition_needsTheStepBetween() {
    let twoClaims = """
      **Problem 1.** Which layer is cheaper?

      **Solution**: Attention is cheaper when $N < K$. The MLP is cheaper exactly when $2N > 2K$.
      """
    XCTAssertEqual(premises(twoClaims), [])
    let restated = """
      **Problem 1.** When is the sparse layer cheaper?

      **Solution**: We need $EI + KI < 2IH$. Dividing by $I$, it is cheaper exactly when %@.
      """
    XCTAssertEqual(premises(restated.replacingOccurrences(of: "%@", with: "$2H > E + K$")), [])
    XCTAssertEqual(
      premises(restated.replacingOccurrences(of: "%@", with: "$2H < E + K$")),
      ["premise-condition 3"])
  }

  /// `N_{out} = N` of a size (the number of tokens kept) is no output left unchanged; the same
  /// equation of a tensor the document writes (`N[b,i]`) is, and "equivariant" beside it is
  /// contradicted.
  func testLabelledCopy_ofASizeIsNoOutput() {
    let size = """
      **Problem 1.** A layer permutes $N$ tokens. Is it equivariant?

      **Solution**: It is equivariant: $N_{\\text{out}} = N$ tokens come out, permuted like the input.
      """
    XCTAssertEqual(findings(size, kind: "property-word"), [])
    let tensor = """
      **Problem 1.** A layer normalizes $N[b,i]$ over the channels. Is it equivariant to scaling?

      **Solution**: It is equivariant: $N_{cL} = N$ for every scale $c$.
      """
    XCTAssertEqual(findings(tensor, kind: "property-word"), ["property-word 3"])
  }

  /// A total after a clause that changes the parts (`; caching halves each`) is not their sum
  /// to judge; the same total right after its parts (`so the total is`) is, and 2BTJ² + BTIJ
  /// is not BTIJ + BTJ².
  func testSummedParts_judgesATotalRightAfterItsParts() {
    let clause = """
      **Problem 1.** How many multiplies?

      **Solution**: Costs $BTIJ$ and $2BTJ^2$ if computed naively; caching halves the second, for a total of $BTIJ + BTJ^2$.
      """
    XCTAssertEqual(counts(clause), [])
    let direct = """
      **Problem 1.** How many multiplies?

      **Solution**: The input map costs $BTIJ$ and the recurrent map $2BTJ^2$, so the total is $BTIJ + BTJ^2$.
      """
    XCTAssertEqual(counts(direct), ["count-disagreement 3"])
  }

  /// The tensor an ungiven read should have been is one the text gives (introduces or
  /// defines), never another ungiven read: x̂ beside an undefined z is not "meant to be z".
  /// The undefined z itself, beside the given input x, is.
  func testUngivenInput_peerIsAGivenTensor() {
    let text = """
      Sizes: $B$ batch, $I$ width, $J$ outputs. The input is $x[b,i]$.

      **Problem 1.** Write the layer.

      **Solution**: $$y[b,j] = W[j,I] z[b,I]$$

      **Problem 2.** Write the normalized layer.

      **Solution**: $$y[b,j] = W[j,I] \\hat{x}[b,I]$$ where the hat marks the normalized input.
      """
    XCTAssertEqual(findings(text, kind: "input-letter"), ["input-letter 5"])
  }
}

/// The final re-read's mends: reversed-conditions' search is bounded per document.
final class ReversedConditionBudgetTests: XCTestCase, SmallDocumentAudit {
  /// EI + KI < 2IH restated, after dividing by I, as 2H < E + K (reversed): found with the
  /// document's budget of points, not found when the budget is spent — the search stops, it
  /// does not run on.
  func testSearch_stopsWhenItsBudgetIsSpent() throws {
    let text = """
      **Problem 1.** When is the sparse layer cheaper?

      **Solution**: We need $EI + KI < 2IH$. Dividing by $I$, it is cheaper exactly when $2H < E + K$.
      """
    XCTAssertEqual(premises(text), ["premise-condition 3"])
    let doc = ProblemSetDocument(text: text, name: "t.md")
    let solution = try XCTUnwrap(doc.sections.first { $0.kind == .solution })
    let stated = solution.fragments.compactMap(AuditRules.EquivalentConditions.entryStated)
    XCTAssertEqual(stated.count, 2)
    var plenty = AuditRules.ReversedConditions.pointsTried
    XCTAssertNotNil(AuditRules.ReversedConditions.opposite(stated[0], stated[1], budget: &plenty))
    var spent = 100
    XCTAssertNil(AuditRules.ReversedConditions.opposite(stated[0], stated[1], budget: &spent))
    XCTAssertEqual(spent, 0)
  }
}
