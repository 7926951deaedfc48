import XCTest

@testable import ProblemDocument

/// Two readings of letters: capitals listed after a noun of extent (`sizes $N, R, K$`) are sizes
/// named there; a lowercase letter raised to a power inside brackets (`q^2c`) is a scale of the
/// equation, so written against an index (`qh + e`) it multiplies it, no missing comma.
final class SizeListAndPoweredScaleTests: XCTestCase, SmallDocumentAudit {
  func images(_ words: String) -> String {
    """
    **Problem 1.** The inputs are images $U[n,r,k]$, \(words) $N, R, K$. A layer computes \
    $V[n,r,j] = \\sigma(M[j,K]U[n,r,K] - \\theta[j])$ with $J$ output channels.

    (a) How many multiplies does it take? Answer: $NRJK$.
    """
  }

  /// `sizes $N, R, K$`: each capital of the list is introduced as a size.
  func testCapitalsAfterSizes_areIntroduced() {
    XCTAssertEqual(unintroduced(images("sizes")), [])
  }

  /// `then $N, R, K$`: no noun names the list, so the capitals stay undefined.
  func testCapitalsAfterAnAdverb_stayUndefined() {
    XCTAssertFalse(unintroduced(images("then")).isEmpty)
  }

  func upsampling(_ input: String) -> String {
    """
    **Problem 1.** An upsampling layer reads $A[n,h,k]$ and writes $Q[n,h,c]$ with $C$ channels, \
    for a scale $q$.

    $$Q[n,qh+e,c] = A[n,\(input),q^2c + e]$$

    (a) Which entries of $A$ does one entry of $Q$ read?
    """
  }

  /// `q^2c`: q carries a power, so `qh` is a multiple of h; the equation reads whole.
  func testPoweredLetter_multipliesTheIndexAfterIt() {
    let doc = upsampling("h")
    XCTAssertEqual(findings(doc, kind: "missing-comma"), [])
    XCTAssertEqual(findings(doc, kind: "rank-mismatch"), [])
  }

  /// `h e`: two indices of the equation side by side are still a missing comma.
  func testTwoIndicesBesideAPoweredScale_stillMissAComma() {
    XCTAssertEqual(findings(upsampling("h e"), kind: "missing-comma"), ["missing-comma 3"])
  }
}
