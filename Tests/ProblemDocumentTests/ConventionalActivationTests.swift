import ProblemDocument
import XCTest

/// σ, the letter the course's notation writes for the activation, applied without a word about
/// it is noted, not reported; any other letter applied without a word stays a finding.
final class ConventionalActivationTests: XCTestCase, SmallDocumentAudit {
  private func doc(_ f: String) -> String {
    """
    **Problem 1.** A layer reads $x[b,i]$ with weights $W[j,i]$ and thresholds $\\beta[j]$:
    $$y[b,j] = \(f)(W[j,I]\\,x[b,I] - \\beta[j])$$
    (a) How many multiplies does the layer take?
    """
  }

  func testUnsaidSigma_isANoteNotAFinding() {
    let text = doc("\\sigma")
    XCTAssertEqual(findings(text, kind: "undefined-function"), [])
    let notes = Auditor.audit(ProblemSetDocument(text: text, name: "t.md"), spelling: false).notes
    XCTAssertEqual(notes.filter { $0.contains("σ is applied") }.count, 1, "\(notes)")
  }

  func testUnsaidOtherLetter_isStillAFinding() {
    let text = doc("\\phi")
    XCTAssertEqual(findings(text, kind: "undefined-function"), ["undefined-function 2"])
    let notes = Auditor.audit(ProblemSetDocument(text: text, name: "t.md"), spelling: false).notes
    XCTAssertEqual(notes.filter { $0.contains("is applied") }, [])
  }
}
