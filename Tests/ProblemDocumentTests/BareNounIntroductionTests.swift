import ProblemDocument
import XCTest

/// A bare noun after `at`, `with` or `has` names the name after it (`at temperature $τ$`,
/// `has dilation $d[r]$`); the same name after the preposition alone, or after `at least`, is
/// still used without an introduction.
final class BareNounIntroductionTests: XCTestCase, SmallDocumentAudit {
  func doc(_ phrase: String) -> String {
    """
    # Soft pooling

    **Problem 1.** The input is a tensor $x[b,j]$.

    (a) Pool the entries softly \(phrase) $\\kappa > 0$.

    (b) What does the pooled value approach as $\\kappa$ shrinks?
    """
  }

  func testBareNounAfterAt_introducesTheName() {
    XCTAssertEqual(unintroduced(doc("at temperature")), [])
    XCTAssertEqual(unintroduced(doc("at")), ["undefined-name 5"])
    XCTAssertEqual(unintroduced(doc("for at least")), ["undefined-name 5"])
  }

  func testBareNounAfterHas_introducesATensor() {
    func dilated(_ phrase: String) -> String {
      """
      # Branches

      **Problem 1.** The input is a tensor $x[b,t,i]$.

      (a) Branch $r$ \(phrase) $d[r]$. How far back does it reach?
      """
    }
    XCTAssertEqual(unintroduced(dilated("has dilation")), [])
    XCTAssertEqual(unintroduced(dilated("reaches by")), ["undefined-name 5"])
  }
}
