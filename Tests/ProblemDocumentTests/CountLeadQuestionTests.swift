import XCTest

@testable import ProblemDocument

/// Count questions asked once by a problem's lead for short parts listed under it, over layers an
/// earlier problem defined. Each document has a look-alike with a wrong count that fires.
final class CountLeadQuestionTests: XCTestCase, SmallDocumentAudit {
  /// A lead that asks for multiplies, parts that only name a layer of the problem before: each
  /// part's printed count is judged against that layer's equation.
  func testLabelPartsUnderACountingLead_areCounted() {
    let right = """
      **Problem 1.** A two-stage map of an input $v[n,i]$.

      (a) Write both stages.

      **Solution:** $$g[n,k] = \\mathrm{ReLU}(P[k,I]\\,v[n,I] - a[k])$$ and $$q[n,m] = S[m,K]\\,g[n,K]$$

      **Problem 2.** Count the multiplies over all $N$ inputs.

      (a) The first stage $g$.

      **Solution:** $NKI$.

      (b) The second stage $q$.

      **Solution:** $NMK$.
      """
    XCTAssertEqual(counts(right), [])
    let wrong = right.replacingOccurrences(of: "$NMK$", with: "$NMI$")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(counts(wrong), ["count-disagreement 15"])
  }

  /// A part that asks a question of its own under a counting lead (`Show …`) is not a label:
  /// its formulas are not read as the lead's count.
  func testPartWithItsOwnQuestion_isNotALabel() {
    XCTAssertTrue(Auditor.isLabelPart("The first stage $g$."))
    XCTAssertFalse(Auditor.isLabelPart("Show that the second stage is linear in $g$."))
    XCTAssertFalse(Auditor.isLabelPart("Which stage costs more?"))
  }

  /// In a dialogue without answer markers, the other speaker's turn after the turn that asks
  /// for the count is its answer; an earlier reply's equation is part of the question.
  func testDialogueTurnAfterTheAsking_isTheAnswer() {
    let right = """
      **Problem 1.** A short oral exam.

      **Tutor:** Map the inputs $u[n,k]$ to outputs with weights $F[m,k]$.

      **Pupil:** $$v[n,m] = F[m,K]\\,u[n,K]$$

      **Tutor:** How many multiplies does that take on all $N$ inputs?

      **Pupil:** It takes $NMK$ multiplies.

      **Tutor:** Good.
      """
    XCTAssertEqual(counts(right), [])
    let wrong = right.replacingOccurrences(of: "$NMK$", with: "$NMKM$")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(counts(wrong), ["count-disagreement 9"])
    XCTAssertEqual(Auditor.speaker("**Tutor:** Good."), "tutor")
    XCTAssertNil(Auditor.speaker("**Note.** Nothing here."))
  }
}
