import XCTest

@testable import ProblemDocument

/// A condition given for a saving, judged against the costs or the ratio the text wrote just
/// before it. Documents written for the test, each beside a look-alike that comes out the other
/// way.
final class SavingConditionTests: XCTestCase, SmallDocumentAudit {
  /// A ratio 3/M saves only where M > 3 (at M = 3 the two costs tie), whichever cost is on
  /// top: "whenever M > 2" includes the tie, "whenever M > 3" does not.
  func testRatioSaving_mustStayOnOneSideOfOne() {
    let doc = """
      **Problem 1.** A lookup table of size $M$ is split into three passes.

      (a) When does splitting save work?

      **Solution:** One pass costs $N M$ and the split costs $3N$. The ratio is $3/M$, so splitting saves work whenever %@.
      """
    XCTAssertEqual(
      premises(doc.replacingOccurrences(of: "%@", with: "$M > 2$")), ["premise-condition 5"])
    XCTAssertEqual(premises(doc.replacingOccurrences(of: "%@", with: "$M > 3$")), [])
    XCTAssertEqual(premises(doc.replacingOccurrences(of: "%@", with: "$M \\ge 4$")), [])
  }

  /// Given as the same condition, the saving region must be one side of one exactly.
  func testRatioSaving_equivalence() {
    let doc = """
      **Problem 1.** A lookup table of size $M$ is split into three passes.

      (a) When does splitting save work?

      **Solution:** The ratio of the two costs is $3/M$, so splitting saves work exactly when %@.
      """
    XCTAssertEqual(
      premises(doc.replacingOccurrences(of: "%@", with: "$M \\ge 3$")), ["premise-condition 5"])
    XCTAssertEqual(premises(doc.replacingOccurrences(of: "%@", with: "$M > 3$")), [])
  }

  /// Two costs, then in the next sentence the one named as subject (its words written beside
  /// the first cost) said to take less than the other: the condition must give first < second.
  func testSubjectOfTheNextSentence_ordersTheCosts() {
    let doc = """
      **Problem 1.** A cache keeps one table per head.

      (a) How much memory does the cache take?

      **Solution:** Storing every cached table takes $H D^2$ floats, compared with $H N D$ floats for the running sums. So the cached tables take less memory than the running sums whenever %@.
      """
    XCTAssertEqual(
      premises(doc.replacingOccurrences(of: "%@", with: "$D > N$")), ["premise-condition 5"])
    XCTAssertEqual(premises(doc.replacingOccurrences(of: "%@", with: "$D < N$")), [])
  }

  /// The same sentence with its subject the second cost's: the order turns, and so do the
  /// verdicts.
  func testSubjectOfTheSecondCost_turnsTheOrder() {
    let doc = """
      **Problem 1.** A cache keeps one table per head.

      (a) How much memory does the cache take?

      **Solution:** Storing every cached table takes $H D^2$ floats, compared with $H N D$ floats for the running sums. So the running sums take less memory than the cached tables whenever %@.
      """
    XCTAssertEqual(
      premises(doc.replacingOccurrences(of: "%@", with: "$D < N$")), ["premise-condition 5"])
    XCTAssertEqual(premises(doc.replacingOccurrences(of: "%@", with: "$D > N$")), [])
  }

  /// A sentence whose words match neither cost cannot be oriented: silent either way.
  func testUnmatchedSubject_isSilent() {
    let doc = """
      **Problem 1.** A cache keeps one table per head.

      (a) How much memory does the cache take?

      **Solution:** Storing every cached table takes $H D^2$ floats, compared with $H N D$ floats for the running sums. So this design takes less memory than that one whenever $D > N$.
      """
    XCTAssertEqual(premises(doc), [])
  }

  /// Two costs set side by side in one sentence, then said of the second ("so the running sums
  /// take less … than the cached tables"): the thing after "than" is the first cost's, so the
  /// order turns and the condition must give second < first.
  func testComparedCosts_thanNamingTheFirst_turnsTheOrder() {
    let doc = """
      **Problem 1.** A cache keeps one table per head.

      (a) How much memory does the cache take?

      **Solution:** The cached tables take $H D^2$ floats, compared with $H N D$ floats for the running sums, so the running sums take less memory than the cached tables exactly when %@.
      """
    XCTAssertEqual(premises(doc.replacingOccurrences(of: "%@", with: "$N < D$")), [])
    XCTAssertEqual(
      premises(doc.replacingOccurrences(of: "%@", with: "$D < N$")), ["premise-condition 5"])
  }
}
