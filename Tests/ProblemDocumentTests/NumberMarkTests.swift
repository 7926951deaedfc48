import XCTest

@testable import ProblemDocument

/// The numeric evaluator writes `\frac` and π as characters of its own, so a size whose letter
/// is `P` (a padding) or `F` (a filter count) is read as a letter, never as π or a fraction.
/// Each document is written for the test.
final class NumberMarkTests: XCTestCase, SmallDocumentAudit {
  /// `$P = 2$` gives a padding its value; it is no claim that π is 2. The look-alike writes
  /// `\pi = 3`, which is wrong (π ≈ 3.14159) and still an arithmetic finding.
  func testPaddingLetterP_isNoPi() {
    let padding = """
      **Problem 1.** A row of $X = 4$ values is padded by $P = 2$ on each side.

      **Solution**: The padded row has $X + 2P = 8$ values.
      """
    XCTAssertEqual(findings(padding, kind: "arithmetic"), [])
    let pi = """
      **Problem 1.** A circle of radius $1$ has area $\\pi = 3$.

      **Solution**: The area is $\\pi$.
      """
    XCTAssertEqual(findings(pi, kind: "arithmetic"), ["arithmetic 1"])
  }

  /// `$F = 8$` gives a filter count; `\frac{3}{4} \cdot 8 = 5` is wrong (it is 6) and still
  /// found.
  func testFilterLetterF_isNoFraction() {
    let filters = """
      **Problem 1.** A layer has $F = 8$ filters of width $3$.

      **Solution**: It holds $3F = 24$ weights per input channel.
      """
    XCTAssertEqual(findings(filters, kind: "arithmetic"), [])
    let fraction = """
      **Problem 1.** A quarter of the units are dropped.

      **Solution**: The kept units are $\\frac{3}{4} \\cdot 8 = 5$.
      """
    XCTAssertEqual(findings(fraction, kind: "arithmetic"), ["arithmetic 3"])
  }

  /// The evaluator itself: a letter `P` or `F` is no number, `\pi` and `\frac` still are.
  func testEvaluator_readsMarksNotLetters() {
    XCTAssertNil(NumericValue.read("P"))
    XCTAssertNil(NumericValue.read("F12"))
    XCTAssertEqual(NumericValue.read("\\frac{3}{4}")?.approximate, 0.75)
    XCTAssertEqual(NumericValue.read("2\\pi")?.approximate, 2 * Double.pi)
  }
}

/// The evaluator's own marks typed into a text are no π and no fraction.
final class NumberMarkInputTests: XCTestCase {
  /// U+F8F1 and U+F8F0 written in the text: the side is not read (before, π and a fraction).
  func testMarksInTheText_areNotRead() {
    XCTAssertNil(NumericValue.read("2\u{F8F1}"))
    XCTAssertNil(NumericValue.read("\u{F8F0}34"))
    XCTAssertEqual(NumericValue.read("2\\pi")?.approximate, 2 * Double.pi)
  }
}
