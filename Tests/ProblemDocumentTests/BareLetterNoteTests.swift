import ProblemDocument
import XCTest

/// A bare letter nothing introduces (`$\lambda$`) is a note, not a finding: problem sets take
/// sizes and constants as known. A tensor written with indices, or an accented name, that nothing
/// introduces is still a finding; a bare accented letter whose subscripted family the set defines
/// (`$\hat m$` for `m̂_t[i]`) names that family.
final class BareLetterNoteTests: XCTestCase, SmallDocumentAudit {
  func penalty(_ term: String) -> String {
    """
    # Decay

    **Problem 1.** A layer computes $y[b,j] = \\sigma(W[j,I]x[b,I] - \\beta[j])$ on inputs $x[b,i]$ with weights $W[j,i]$ and thresholds $\\beta[j]$.

    (a) The loss adds $\(term)W[J,I]W[J,I]$ to the data term. How many multiplies does the penalty take?
    """
  }

  func notes(_ text: String) -> [String] {
    Auditor.audit(ProblemSetDocument(text: text, name: "t.md"), spelling: false).notes
  }

  func testBareLetterNeverIntroduced_isANote() {
    let text = penalty("\\lambda ")
    XCTAssertEqual(findings(text, kind: "undefined-name"), [])
    XCTAssertEqual(unintroduced(text), ["undefined-name 5"])
    XCTAssertEqual(notes(text).filter { $0.contains("λ is used but never introduced") }.count, 1)
  }

  func testTensorOrAccentedNameNeverIntroduced_isAFinding() {
    XCTAssertEqual(findings(penalty("u[J,I]"), kind: "undefined-name"), ["undefined-name 5"])
    XCTAssertEqual(
      findings(penalty("\\tilde{\\lambda} "), kind: "undefined-name"), ["undefined-name 5"])
    XCTAssertEqual(findings(penalty("\\lambda' "), kind: "undefined-name"), ["undefined-name 5"])
  }

  func moments(_ name: String) -> String {
    """
    # Moments

    **Problem 1.** Parameters $\\theta[i]$ have gradients $g[i]$. The moment is $m_t[i] = m_{t-1}[i] + g[i]$ and its scaled form is

    $$\\hat{m}_t[i] = 2\\,m_t[i]$$

    (a) How many multiplies does computing $\(name)$ take for all $N$ parameters?
    """
  }

  func testBareAccentedLetterOfADefinedFamily_namesIt() {
    XCTAssertEqual(unintroduced(moments("\\hat m")), [])
    XCTAssertEqual(findings(moments("\\hat q"), kind: "undefined-name"), ["undefined-name 7"])
  }
}
