import Algebra
import XCTest

@testable import ProblemDocument

/// The border rules (`range-counts`, `lookback-ranges`, `outside-reads`, `padded-lengths`) on
/// documents written for the test: each pair holds a sentence that must be flagged and a
/// look-alike that must not. The values are worked out by hand in the comments.
final class BorderReadingTests: XCTestCase, SmallDocumentAudit {
  /// The header and problem every document here shares, the problem's sentence ending in
  /// `end`.
  static func head(_ end: String = ", with no padding.") -> String {
    """
    Sizes are capital letters.

    **Problem 1.** A filter computes $Y[b,x] = W[\\Delta X] S[b, x + \\Delta X]$ for a signal \
    $S[b,x]$ of length $X$ and a kernel of width $K$, $\\Delta X = 0, \\ldots, K-1$\(end)

    """
  }
  /// The problem's sentence ending with no word of padding.
  static let fits = ", and only outputs whose window fits are kept."

  /// Thousands of correct ranges with two free letters, each compared at many points, after
  /// one wrong range: the rules read them within the document's budget of evaluations and
  /// report the wrong one only. (Before the budget, each line cost hundreds of evaluations
  /// that read the text again; two thousand lines took minutes.)
  func testThousandsOfRangesStayWithinTheBudget() {
    var text =
      Self.head() + "\nThe outputs are $x = 0, \\ldots, X - 1$, that is $X + 1$ positions.\n"
    for _ in 0..<1000 {
      // 1 … AB holds AB values; the lookback ⌊A/3⌋B starts the range ⌊A/3⌋B … X.
      text += "\nThen $1 \\le y \\le A_1 B_2$, that is $A_1 B_2$ positions.\n"
      text +=
        "\nAn output at $x$ needs inputs back to $x - \\lfloor A/3 \\rfloor B$, so "
        + "$x = \\lfloor A/3 \\rfloor B, \\ldots, X$ here.\n"
    }
    let reading = Auditor.reading(ProblemSetDocument(text: text, name: "t.md"), spelling: false)
    let ranges = AuditRules.RangeCounts().findings(in: reading).map(\.location.line)
    let lookbacks = AuditRules.Lookbacks().findings(in: reading)
    // 0 … X − 1 holds X values, not X + 1.
    XCTAssertEqual(ranges, [5])
    XCTAssertEqual(lookbacks.count, 0)
  }

  /// A parsed expression gives the value the text gives with the letters written out:
  /// ⌊A/3⌋B at A = 7, B = 2 is 2·2 = 4; A_1 B_2 at 3, 5 is 15; 2^A is no reading.
  func testPreparedExpressionsEvaluate() {
    let e = AuditRules.RangeCounts.Expression("\\lfloor A/3 \\rfloor B")
    XCTAssertEqual(e?.names, ["A", "B"])
    XCTAssertEqual(e?.value(["A": 7, "B": 2]), Rational(4))
    XCTAssertEqual(
      AuditRules.RangeCounts.Expression("A_1 B_2")?.value(["A_1": 3, "B_2": 5]),
      Rational(15))
    XCTAssertNil(AuditRules.RangeCounts.Expression("2^A")?.value(["A": 3]))
    XCTAssertNil(e?.value(["A": 7]))
  }

  /// A count only in apposition to the range is its count: 0 … X − 1 holds X values, so
  /// "that is X + 1 positions" is wrong, while "doubles them to 2X positions" and "number
  /// X/2 positions" count something else.
  func testOnlyACountInAppositionIsCompared() {
    let wrong =
      Self.head() + "\nThe outputs are $x = 0, \\ldots, X - 1$, that is $X + 1$ positions.\n"
    XCTAssertEqual(findings(wrong, kind: "border-rule"), ["border-rule 5"])
    let copula = Self.head() + "\nThe outputs $x = 0, \\ldots, X - 1$ are $X + 1$ positions.\n"
    XCTAssertEqual(findings(copula, kind: "border-rule"), ["border-rule 5"])
    let doubled =
      Self.head()
      + "\nUpsampling the positions $x = 0, \\ldots, X - 1$ doubles them to $2X$ positions.\n"
    XCTAssertEqual(findings(doubled, kind: "border-rule"), [])
    let even =
      Self.head()
      + "\nThe even positions among $x = 0, \\ldots, X - 1$ number $X/2$ positions.\n"
    XCTAssertEqual(findings(even, kind: "border-rule"), [])
  }

  /// A lookback x − E read where positions are numbered from 1: the first x with every read
  /// inside is E + 1, so a range from E + 1 is right there and one from E is not; numbered
  /// from 0, the range from E + 1 is the wrong one.
  func testLookbackReadsTheNumberingConvention() {
    let text =
      Self.head() + """

        %@An output at $x$ needs inputs back to $x - E$, so the outputs are \
        $x = %@, \\ldots, X$.

        """
    func doc(_ convention: String, _ first: String) -> String {
      String(format: text, convention, first)
    }
    let fromOne = "Positions are numbered from 1. "
    XCTAssertEqual(findings(doc(fromOne, "E + 1"), kind: "border-rule"), [])
    XCTAssertEqual(findings(doc(fromOne, "E"), kind: "border-rule"), ["border-rule 5"])
    XCTAssertEqual(findings(doc("", "E + 1"), kind: "border-rule"), ["border-rule 5"])
  }

  /// A lookback worded with any "inputs … to" is read as "back to" is: inputs down to x − E
  /// make E the first output, so a range from E − 1 is wrong and one from E is right.
  func testLookbackWordedDownTo() {
    let text =
      Self.head() + """

        An output at $x$ depends on inputs down to $x - E$, so $x$ ranges over \
        $%@, \\ldots, X$.

        """
    XCTAssertEqual(
      findings(String(format: text, "E - 1"), kind: "border-rule"), ["border-rule 5"])
    XCTAssertEqual(findings(String(format: text, "E"), kind: "border-rule"), [])
  }

  /// Positions read past an unpadded input of X = 8: position 8 exists only when positions
  /// are numbered from 1 (then 9 does not), and "unpadded" or "no zero padding" states no
  /// padding as "no padding" does; positions of another signal ("of its output") are not
  /// the input's.
  func testOutsideReadsNumberingPaddingAndWhoseSignal() {
    func doc(_ sentence: String) -> String {
      Self.head(Self.fits) + "\n**Solution.** Take $X = 8$\(sentence)\n"
    }
    for padding in [" with no padding.", ", unpadded.", " with no zero padding."] {
      let wrong = doc(padding + " The last output reads positions $7$ and $8$ of the input.")
      XCTAssertEqual(findings(wrong, kind: "border-rule"), ["border-rule 5"], padding)
    }
    let fromOne =
      "Positions are numbered from 1. "
      + doc(" with no padding. The last output reads positions $%@, \\ldots, %@$.")
    XCTAssertEqual(findings(String(format: fromOne, "6", "8"), kind: "border-rule"), [])
    XCTAssertEqual(
      findings(String(format: fromOne, "7", "9"), kind: "border-rule"), ["border-rule 5"])
    let output = doc(
      " with no padding. A transposed convolution then covers positions $0, \\ldots, 16$ of "
        + "its output.")
    XCTAssertEqual(findings(output, kind: "border-rule"), [])
    let input = output.replacingOccurrences(of: "its output", with: "its input")
    XCTAssertEqual(findings(input, kind: "border-rule"), ["border-rule 5"])
  }

  /// Four zeros each side and a kernel of nine samples leave X + 8 − 9 + 1 = X outputs: the
  /// padded input's length X + 8 is no output length, while an output length of X − 8 is
  /// wrong.
  func testPaddedLengthReadsTheOutputsLengthOnly() {
    let right =
      Self.head(Self.fits) + """

        **Solution.** Padding with $4$ zeros on each side gives a padded input of length \
        $X + 8$, and a kernel that spans $9$ samples then leaves $X$ outputs.

        """
    XCTAssertEqual(findings(right, kind: "border-rule"), [])
    let wrong = right.replacingOccurrences(of: "$X$ outputs", with: "$X - 8$ outputs")
    XCTAssertEqual(findings(wrong, kind: "border-rule"), ["border-rule 5"])
  }
}
