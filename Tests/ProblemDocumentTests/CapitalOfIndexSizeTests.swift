import XCTest

@testable import ProblemDocument

/// The notation's convention that a size is written as the capital of the index that runs over
/// it, and letters a written set gives their values. Documents written for the test, each
/// beside a look-alike that comes out the other way.
final class CapitalOfIndexSizeTests: XCTestCase, SmallDocumentAudit {
  /// A capital whose lowercase indexes the problem's tensors is that index's range; a capital
  /// no index of the problem echoes is still a size nothing introduces.
  func testCapitalOfAnIndex_isItsSize() {
    let doc = """
      **Problem 1.** A dense layer maps $u[b,i]$ to $v[b,k] = \\sigma(A[k,I]\\,u[b,I] - c[k])$ for a batch of $B$ rows with $I$ inputs.

      (a) How many multiplies does the layer take?

      **Solution:** There are $B%@$ outputs, each a sum of $I$ products.
      """
    XCTAssertEqual(
      findings(doc.replacingOccurrences(of: "%@", with: "K"), kind: "undefined-name"), [])
    XCTAssertEqual(
      findings(doc.replacingOccurrences(of: "%@", with: "G"), kind: "undefined-name"),
      ["undefined-name 5"])
  }

  /// Letters given their values by membership in a written set are introduced there; a letter
  /// of the same formula that the set leaves out is still never introduced.
  func testLettersOfASetMembership_areIntroduced() {
    let doc = """
      **Problem 1.** Two taps have weights $w_1 = 2$ and $w_2 = 3$.

      (a) The reachable values are $w_1 p + w_2 q$ with $%@ \\in \\{-1,1\\}$. How many are there?
      """
    XCTAssertEqual(
      findings(doc.replacingOccurrences(of: "%@", with: "p,q"), kind: "undefined-name"), [])
    XCTAssertEqual(
      findings(doc.replacingOccurrences(of: "%@", with: "p"), kind: "undefined-name"),
      ["undefined-name 3"])
  }
}
