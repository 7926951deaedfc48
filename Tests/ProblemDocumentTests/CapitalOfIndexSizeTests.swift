import XCTest

@testable import ProblemDocument

/// Letters a written set gives their values. Documents written for the test, each beside a
/// look-alike that comes out the other way.
final class CapitalOfIndexSizeTests: XCTestCase, SmallDocumentAudit {
  /// Letters given their values by membership in a written set are introduced there; a letter
  /// of the same formula that the set leaves out is still never introduced.
  func testLettersOfASetMembership_areIntroduced() {
    let doc = """
      **Problem 1.** Two taps have weights $w_1 = 2$ and $w_2 = 3$.

      (a) The reachable values are $w_1 p + w_2 q$ with $%@ \\in \\{-1,1\\}$. How many are there?
      """
    XCTAssertEqual(
      unintroduced(doc.replacingOccurrences(of: "%@", with: "p,q")), [])
    XCTAssertEqual(
      unintroduced(doc.replacingOccurrences(of: "%@", with: "p")),
      ["undefined-name 3"])
  }
}
