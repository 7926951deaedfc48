import XCTest

@testable import ProblemDocument

/// A condition solved from one the answer itself states: a comparison with factors divided
/// out, a condition given as enough for another, a comparison continued by an equation, and a
/// value compared with a bound in words. Each document is written for the test and shown beside
/// a look-alike that comes out the other way; the points are worked out by hand in comments.
final class SolvedConditionTests: XCTestCase, SmallDocumentAudit {
  /// 5BTK < 4BTN is K < 4N/5 for positive B, T: at K = N = 1 (B = T = 1) it is false while
  /// K < 5N/4 is true. K < 4N/5 agrees everywhere, whatever B and T.
  func testDividedOutFactors_aSolvedCostComparison() {
    let doc = """
      **Problem 1.** A gated block costs $5BTK$ multiplies and a plain block $4BTN$.

      (a) When is the gated block cheaper?

      **Solution:** We need $5BTK < 4BTN$, i.e. $K < %@$.
      """
    XCTAssertEqual(
      premises(doc.replacingOccurrences(of: "%@", with: "5N/4")), ["premise-condition 5"])
    XCTAssertEqual(premises(doc.replacingOccurrences(of: "%@", with: "4N/5")), [])
  }

  /// 3^L ≥ 500 needs L ≥ 6 (3^5 = 243, 3^6 = 729): "which holds for L ≥ 5" fails at L = 5,
  /// "which holds for L ≥ 6" is enough.
  func testSufficientCondition_whichHoldsFor() {
    let doc = """
      **Problem 2.** A stack of $L$ layers each triples the receptive field.

      (a) How many layers reach $500$ positions?

      **Solution:** We need $3^L \\ge 500$, which holds for $L \\ge %@$.
      """
    XCTAssertEqual(premises(doc.replacingOccurrences(of: "%@", with: "5")), ["premise-condition 5"])
    XCTAssertEqual(premises(doc.replacingOccurrences(of: "%@", with: "6")), [])
  }

  /// r/4 ≥ 2^{2.5} ≈ 5.66 is r ≥ 22.6: "hence every offset with r ≥ 16" fails at r = 16
  /// (4 < 5.66), "with r ≥ 24" is enough. The equation and the rounded value after the
  /// comparison are one value, and the new sentence opens with "Hence".
  func testSufficientCondition_everyCaseWithAfterAnEquationAndARoundedValue() {
    let doc = """
      **Problem 3.** Offsets are put in buckets.

      (a) Which offsets share the last bucket?

      **Solution:** It is reached when $r/4 \\ge 2^{5/2} = 2^{2.5} \\approx 5.66$. Hence every offset \
      with $r \\ge %@$ share it.
      """
    XCTAssertEqual(
      premises(doc.replacingOccurrences(of: "%@", with: "16")), ["premise-condition 5"])
    XCTAssertEqual(premises(doc.replacingOccurrences(of: "%@", with: "24")), [])
  }

  /// 1/(2K+1) < 5% is 2K + 1 > 20, K ≥ 10 for whole K: "K ≥ 5" differs at K = 5 (1/11 is not
  /// below 0.05), "K ≥ 10" is the same condition.
  func testBoundInWords_aPercentage() {
    let doc = """
      **Problem 4.** A mixer spends part of its work on smoothing.

      (a) When is the smoothing share small?

      **Solution:** The share is $\\frac{2BJ}{4BJK + 2BJ} = \\frac{1}{2K+1}$.

      That share stays below 5% exactly when $K \\ge %@$.
      """
    XCTAssertEqual(premises(doc.replacingOccurrences(of: "%@", with: "5")), ["premise-condition 7"])
    XCTAssertEqual(premises(doc.replacingOccurrences(of: "%@", with: "10")), [])
  }

  /// A ratio R/S is smaller than one only for R < S: "smaller whenever R ≤ S" fails at R = S,
  /// "whenever R < S" is enough.
  func testBoundInWords_aRatioSmallerThanOne() {
    let doc = """
      **Problem 5.** A cache keeps $R$ heads instead of $S$ heads.

      (a) When is it smaller?

      **Solution:** The ratio of the two is $R/S$, so the new store is smaller whenever $R %@ S$.
      """
    XCTAssertEqual(
      premises(doc.replacingOccurrences(of: "%@", with: "\\le")), ["premise-condition 5"])
    XCTAssertEqual(premises(doc.replacingOccurrences(of: "%@", with: "<")), [])
  }

  /// 3BNK set against 2BN² is cheaper iff 3K < 2N, K < 2N/3: "exactly when K < 3N/2" differs
  /// at K = N = 1 (3B < 2B false, 1 < 1.5 true) for every B; "K < 2N/3" is the same condition.
  /// `BN^2` is B·N², not (BN)²: at B = 3 the second reading would agree with the wrong one.
  func testComparedCosts_aConditionForTheCheaperOne() {
    let doc = """
      **Problem 6.** A new block replaces a dense one.

      (a) When is it cheaper?

      **Solution:** The new block costs $3BNK$ multiplies in all.

      Set against $2BN^2$ and divided by $BN$, the new block is cheaper exactly when $K < %@$.
      """
    XCTAssertEqual(
      premises(doc.replacingOccurrences(of: "%@", with: "3N/2")), ["premise-condition 7"])
    XCTAssertEqual(premises(doc.replacingOccurrences(of: "%@", with: "2N/3")), [])
  }

  /// Two costs with no word of comparing between them are not set side by side: the same
  /// wrong condition after "then add" stays silent.
  func testComparedCosts_needAWordOfComparing() {
    let doc = """
      **Problem 7.** A new block replaces a dense one.

      (a) When is it cheaper?

      **Solution:** The new block costs $3BNK$ multiplies in all.

      Then add $2BN^2$ and divide by $BN$, the new block is cheaper exactly when $K < 3N/2$.
      """
    XCTAssertEqual(premises(doc), [])
  }

  /// K(D + 1) < 2D is K < 2D/(D+1), under 2 for every D: after an aside on D, "so … whenever
  /// K ≤ 2" is drawn from the solved bound (the comparison on K before the aside) and fails at
  /// K = 2 for D = 1, 3 and 1000 alike; "whenever K ≤ 1" holds for every D ≥ 1 but one.
  func testSufficientCondition_afterAnAsideOnOtherNames() {
    let doc = """
      **Problem 8.** A factored layer keeps $K(D+1)$ weights instead of $2D$.

      (a) When does it keep fewer?

      **Solution:** Fewer weights need $K(D + 1) < 2D$, i.e. $K < 2D/(D+1)$. As $D \\gg 1$ the \
      bound is close to $2$, so the factored form saves weights whenever $K \\le %@$.
      """
    XCTAssertEqual(premises(doc.replacingOccurrences(of: "%@", with: "2")), ["premise-condition 5"])
    XCTAssertEqual(premises(doc.replacingOccurrences(of: "%@", with: "1")), [])
  }

  /// r/4 ≥ 5.66 is r ≥ 22.64: "hence every offset with r ≥ 16" fails at r = 16, "with r ≥ 24" is
  /// enough. The comparison is followed by six thousand rounded values; all of them are one
  /// rounding, read away at once (a reading that removed one per call ran out of stack here).
  func testSufficientCondition_manyTrailingRoundingsReadAtOnce() {
    let tail = String(repeating: " \\approx 5.7", count: 6_000)
    let doc = """
      **Problem 6.** Offsets are put in buckets.

      (a) Which offsets share the last bucket?

      **Solution:** It is reached when $r/4 \\ge 5.66\(tail)$. Hence every offset \
      with $r \\ge %@$ share it.
      """
    XCTAssertEqual(
      premises(doc.replacingOccurrences(of: "%@", with: "16")), ["premise-condition 5"])
    XCTAssertEqual(premises(doc.replacingOccurrences(of: "%@", with: "24")), [])
  }
}
