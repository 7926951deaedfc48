import XCTest

@testable import ProblemDocument

/// A condition an answer writes again: a supposition of the question given back as a reason,
/// and a condition rewritten as an equivalent one. Each document is written for the test and
/// shown beside a look-alike that comes out the other way; the expected points are worked out
/// by hand in the comments.
final class ConditionRestatementTests: XCTestCase, SmallDocumentAudit {
  /// The question supposes w[b] = 4; a reason "since w[b] = 2" contradicts it (at w[b] = 4 the
  /// supposition holds and the reason does not), "since w[b] = 4" repeats it.
  func testRestatedPremise_aConstantGivenBackAsAnother() {
    let doc = """
      **Problem 1.** A unit outputs $y[b] = \\sigma(w[b] - \\beta)$.

      (a) Suppose the weight is saturated, $w[b] = 4$ for every $b$. What is $y[b]$?

      **Solution:** Since $w[b] = %@$, the output is $\\sigma(4 - \\beta)$.
      """
    XCTAssertEqual(premises(doc.replacingOccurrences(of: "%@", with: "2")), ["premise-condition 5"])
    XCTAssertEqual(premises(doc.replacingOccurrences(of: "%@", with: "4")), [])
  }

  /// s[b] < K/2 supposed; "because s[b] ≥ K/2" allows only s[b] − K/2 ≥ 0, the supposition only
  /// s[b] − K/2 < 0: no value satisfies both. "Because s[b] < K/2" agrees; "if s[b] ≥ K/2" is a
  /// new hypothesis, not a reason, and stays silent.
  func testRestatedPremise_aComparisonTurnedRound() {
    let doc = """
      **Problem 2.** A counter holds $s[b]$ out of $K$ slots.

      Suppose instead that every count satisfies $s[b] < K/2$. What happens?

      **Answer.** %@ $s[b] %@ K/2$ for every $b$, fewer than half the slots are used.
      """
    func with(_ word: String, _ relation: String) -> String {
      var text = doc
      text = text.replacingOccurrences(of: "%@ $", with: word + " $")
      return text.replacingOccurrences(of: "] %@ K", with: "] " + relation + " K")
    }
    XCTAssertEqual(premises(with("Because", "\\geq")), ["premise-condition 5"])
    XCTAssertEqual(premises(with("Because", "<")), [])
    XCTAssertEqual(premises(with("If", "\\geq")), [])
  }

  /// 64/G ≥ 8 holds for G = 1, …, 8, so "i.e. G ≥ 8" disagrees at G = 1 (64 ≥ 8 true, 1 ≥ 8
  /// false); "i.e. G ≤ 8" is the same condition.
  func testEquivalentCondition_aDivisionSolvedTheWrongWay() {
    let doc = """
      **Problem 1.** A layer of $64$ channels is split into $G$ groups.

      (a) When does every group hold at least $8$ channels?

      **Solution:** A group holds $64/G$ channels. We need $64/G \\ge 8$, i.e. $G \\%@ 8$.
      """
    XCTAssertEqual(
      premises(doc.replacingOccurrences(of: "%@", with: "ge")), ["premise-condition 5"])
    XCTAssertEqual(premises(doc.replacingOccurrences(of: "%@", with: "le")), [])
  }

  /// 3/K ≤ 0.1 exactly when K ≥ 30; "K ≤ 30" disagrees at K = 1 (3 ≤ 0.1 false, 1 ≤ 30 true).
  /// p/(1−p) > 1 exactly when p > 1/2 for p < 1 (the divisor is positive); "p < 1/2" disagrees
  /// at p = 1/4 (1/3 > 1 false, 1/4 < 1/2 true).
  func testEquivalentCondition_exactlyWhenAndAPositiveDivisor() {
    let ratio = """
      **Problem 1.** The extra cost of a layer with $K$ inputs is $3/K$ of its cost.

      **Solution:** The overhead is small when $3/K \\le 0.1$, which holds exactly when $K %@ 30$.
      """
    XCTAssertEqual(
      premises(ratio.replacingOccurrences(of: "%@", with: "\\le")), ["premise-condition 3"])
    XCTAssertEqual(premises(ratio.replacingOccurrences(of: "%@", with: "\\ge")), [])
    let odds = """
      **Problem 1.** A coin lands heads with probability $p$.

      **Solution:** The odds favour heads iff $p/(1-p) > 1$, iff $p %@ 1/2$.
      """
    XCTAssertEqual(
      premises(odds.replacingOccurrences(of: "%@", with: "<")), ["premise-condition 3"])
    XCTAssertEqual(premises(odds.replacingOccurrences(of: "%@", with: ">")), [])
  }

  /// A² < AB holds exactly when A < B (A, B ≥ 1); "so … only when A > B" fails at A = 1, B = 2,
  /// where A² < AB holds. "Only when A < B" follows.
  func testEquivalentCondition_aConsequenceDrawnTheWrongWay() {
    let doc = """
      **Problem 1.** Plan one costs $A^2$ and plan two costs $AB$.

      **Solution:** Plan one is cheaper iff $A^2 < AB$, so plan one wins only when $A %@ B$.
      """
    XCTAssertEqual(premises(doc.replacingOccurrences(of: "%@", with: ">")), ["premise-condition 3"])
    XCTAssertEqual(premises(doc.replacingOccurrences(of: "%@", with: "<")), [])
  }

  /// 1/(K − m) is undefined at m = K, which "every m ≤ K" includes (K − m = 0 there); "every
  /// m < K" keeps K − m positive.
  func testDefinedRange_aBoundClaimedWhereItDividesByZero() {
    let doc = """
      **Problem 1.** A sampler has $K$ slots and fills $m$ of them.

      **Solution:** Each free slot gets at least $1/(K-m)$ of the mass. This bound holds for every $m %@ K$.
      """
    XCTAssertEqual(
      premises(doc.replacingOccurrences(of: "%@", with: "\\le")), ["premise-condition 3"])
    XCTAssertEqual(premises(doc.replacingOccurrences(of: "%@", with: "<")), [])
  }

  /// A condition on a tensor entry is read like one on a scalar: x[b]/(1 − x[b]) > 1 exactly
  /// when x[b] > 1/2 (for x[b] < 1); "x[b] < 1/2" disagrees at x[b] = 1/4 (1/3 > 1 false,
  /// 1/4 < 1/2 true).
  func testEquivalentCondition_onATensorEntry() {
    let doc = """
      **Problem 1.** A gate passes example $b$ with probability $x[b]$.

      **Solution:** The gate favours passing iff $x[b]/(1-x[b]) > 1$, iff $x[b] %@ 1/2$.
      """
    XCTAssertEqual(premises(doc.replacingOccurrences(of: "%@", with: "<")), ["premise-condition 3"])
    XCTAssertEqual(premises(doc.replacingOccurrences(of: "%@", with: ">")), [])
  }

  /// A condition under "if" in a question is not a supposition: "If r < K, … since r ≥ K" is an
  /// answer reasoning against the question, while "Suppose r < K" makes the same reason a
  /// contradiction (at r − K = −1 the supposition holds, r ≥ K does not).
  func testRestatedPremise_aQuestionsConditionIsNoSupposition() {
    let doc = """
      **Problem 1.** A buffer keeps $r$ of $K$ rows. %@ $r < K$, is a row dropped?

      **Answer:** No, since $r \\ge K$ every row fits.
      """
    XCTAssertEqual(premises(doc.replacingOccurrences(of: "%@", with: "If")), [])
    XCTAssertEqual(
      premises(doc.replacingOccurrences(of: "%@", with: "Suppose")), ["premise-condition 3"])
  }

  /// An arrow inside one fragment is a consequence: 2K ≤ N gives K ≤ N/2, but not K ≥ N/2,
  /// which fails at K = 1, N = 3 (2 ≤ 3 true, 1 ≥ 3/2 false).
  func testEquivalentCondition_anArrowInsideOneFragment() {
    let doc = """
      **Problem 1.** Each of $K$ pairs takes two of the $N$ slots.

      **Solution:** Every pair fits when $2K \\le N \\implies K \\%@ N/2$.
      """
    XCTAssertEqual(
      premises(doc.replacingOccurrences(of: "%@", with: "ge")), ["premise-condition 3"])
    XCTAssertEqual(premises(doc.replacingOccurrences(of: "%@", with: "le")), [])
  }
}
