import XCTest

@testable import ProblemDocument

/// A condition on a name the problem defined by a formula, tied to a condition on the
/// formula's own names, is read with the formula in the name's place. Documents written for
/// the test, each beside a look-alike that comes out the other way.
final class DefinedConditionTests: XCTestCase, SmallDocumentAudit {
  /// q = kM/N, so q ≤ 1 exactly when kM ≤ N: the reversed inequality is a finding, the right
  /// one is not.
  func testConditionOnDefinedName_readWithItsFormula() {
    let doc = """
      **Problem 1.** A sampler draws $k$ items from each of $M$ groups out of $N$ slots.

      (a) What is the load per slot? **Solution:** The load is $$q = \\frac{k M}{N}$$

      (b) When is the load at most one? **Solution:** $q \\le 1$ exactly when %@.
      """
    XCTAssertEqual(
      premises(doc.replacingOccurrences(of: "%@", with: "$k M \\ge N$")), ["premise-condition 5"])
    XCTAssertEqual(premises(doc.replacingOccurrences(of: "%@", with: "$k M \\le N$")), [])
  }

  /// Without a formula for q the two conditions share no name: nothing is judged.
  func testUndefinedName_isNotJudged() {
    let doc = """
      **Problem 1.** A sampler draws $k$ items from each of $M$ groups out of $N$ slots.

      (a) When is the load $q$ at most one? **Solution:** $q \\le 1$ exactly when $k M \\ge N$.
      """
    XCTAssertEqual(premises(doc), [])
  }

  /// A value at stated sizes (`q = 3/4`) is no formula: it is not put in q's place.
  func testValueAtStatedSizes_isNoFormula() {
    let doc = """
      **Problem 1.** A sampler draws $k$ items from each of $M$ groups out of $N$ slots.

      (a) For $k = 3$, $M = 1$ and $N = 4$ the load is $q = 3/4$.

      (b) When is the load at most one? **Solution:** $q \\le 1$ exactly when $k M \\ge N$.
      """
    XCTAssertEqual(premises(doc), [])
  }
}
