import XCTest

@testable import ProblemDocument

/// "$A$, which holds for every $C$" gives C as enough for A, as "which holds for $C$" does.
/// Documents written for the test, each beside a look-alike that comes out the other way.
final class QuantifiedLinkTests: XCTestCase, SmallDocumentAudit {
  /// A condition that no value satisfies, said to hold for every value in a range, is a
  /// finding; one that does hold there is not.
  func testHoldsForEvery_isJudgedAsEnough() {
    let doc = """
      **Problem 1.** A factored layer costs $a + m$ per position and a plain one costs $am$.

      (a) Is the factored layer cheaper when $a = 1$?

      **Solution:** With $a = 1$ the condition becomes $%@$, which holds for every $m \\ge 2$.
      """
    XCTAssertEqual(
      findings(doc.replacingOccurrences(of: "%@", with: "1 + m < m"), kind: "premise-condition"),
      ["premise-condition 5"])
    XCTAssertEqual(
      findings(doc.replacingOccurrences(of: "%@", with: "1 + m < 2m"), kind: "premise-condition"),
      [])
  }
}
