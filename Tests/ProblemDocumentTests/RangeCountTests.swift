import XCTest

@testable import ProblemDocument

/// `range-counts`: a range of an index and the number of values stated right beside it must
/// agree. Each document is written for the test; the values are worked out by hand in the
/// comments.
final class RangeCountTests: XCTestCase, SmallDocumentAudit {
  /// Width-two windows at stride two with one cell of padding: 0 ≤ u ≤ ⌊N/2⌋ holds ⌊N/2⌋ + 1
  /// values, one more than ⌈N/2⌉ when N is even (N = 2: two values against one). The range
  /// 0 ≤ u ≤ ⌊(N − 2)/2⌋ holds ⌊N/2⌋ values, as the look-alike states.
  func testFloorRangeAgainstCeilingWidth() {
    let wrong = """
      **Problem 1.** Pairs of cells $q[u] = \\max(h[2u], h[2u+1])$ of a row $h$ of $N$ cells.

      **Answer**: we need $2u + 1 \\le N$, so $0 \\le u \\le \\lfloor N/2 \\rfloor$. Output \
      width $\\lceil N/2 \\rceil$.
      """
    XCTAssertEqual(findings(wrong, kind: "border-rule"), ["border-rule 3"])
    let right = wrong.replacingOccurrences(of: "\\lfloor N/2", with: "\\lfloor (N-2)/2")
      .replacingOccurrences(of: "\\lceil N/2 \\rceil", with: "\\lfloor N/2 \\rfloor")
    XCTAssertEqual(findings(right, kind: "border-rule"), [])
  }

  /// A count just before a list: 0 … 36 is 37 values, not 36; 0 … 35 is 36.
  func testCountBeforeAList() {
    let text = """
      **Problem 2.** A filter of five taps slides over a signal of $M = 40$ samples.

      **Answer**: it fits at $M - 4 = 36$ positions, $u = 0, \\ldots, %@$, one per output.
      """
    let wrong = text.replacingOccurrences(of: "%@", with: "36")
    XCTAssertEqual(findings(wrong, kind: "border-rule"), ["border-rule 3"])
    let right = text.replacingOccurrences(of: "%@", with: "35")
    XCTAssertEqual(findings(right, kind: "border-rule"), [])
  }

  /// A symbolic list and a count after it: 3 … N − 1 holds N − 3 values.
  func testSymbolicListAndCountAfterIt() {
    let text = """
      **Problem 3.** A causal filter of four taps reads $v[s - 3]$ to $v[s]$ of a signal $v$ \
      of $N$ samples.

      **Answer**: the index $s$ runs over $3, \\ldots, N - 1$ and there are $%@$ outputs.
      """
    let wrong = text.replacingOccurrences(of: "%@", with: "N - 4")
    XCTAssertEqual(findings(wrong, kind: "border-rule"), ["border-rule 3"])
    let right = text.replacingOccurrences(of: "%@", with: "N - 3")
    XCTAssertEqual(findings(right, kind: "border-rule"), [])
  }

  /// A list in steps of two is not a range of consecutive values: 0, 2, …, 10 is six values,
  /// and stating six is silent; a count with a letter the range lacks is not compared.
  func testStepsOtherThanOneAndForeignLettersAreNotCompared() {
    let text = """
      **Problem 4.** Windows start at $0, 2, \\ldots, 10$, six positions in all.

      The outputs are $t = 0, \\ldots, T - 1$, giving $L$ frames.
      """
    XCTAssertEqual(findings(text, kind: "border-rule"), [])
  }
}

/// `lookback-ranges` and `outside-reads`: a range against the lookback stated before it, and
/// input positions said to be read against the size of an unpadded input. Documents written
/// for the test; the positions are worked out by hand in the comments.
final class LookbackAndOutsideReadTests: XCTestCase, SmallDocumentAudit {
  /// Reading back to s − 40 from an input indexed from 0 needs s ≥ 40: a range from 41 is a
  /// finding, one from 40 is not.
  func testLookbackFixesTheFirstIndex() {
    let text = """
      **Problem 1.** A stack of causal layers with no padding maps a signal $v$ of $N$ samples \
      to outputs $o[s]$.

      **Answer**: the output at $s$ needs samples back to $s - 40$, so $s$ takes the values \
      $%@, \\ldots, N - 1$.
      """
    let wrong = text.replacingOccurrences(of: "%@", with: "41")
    XCTAssertEqual(findings(wrong, kind: "border-rule"), ["border-rule 3"])
    let right = text.replacingOccurrences(of: "%@", with: "40")
    XCTAssertEqual(findings(right, kind: "border-rule"), [])
  }

  /// Twenty columns without padding are columns 0 … 19: a window said to read columns
  /// 17, …, 20 reads one that is not there; 16, …, 19 stays inside.
  func testReadBeyondAnUnpaddedInput() {
    let text = """
      **Problem 2.** Windows of four columns slide with step three and no padding over a map \
      of $W = 20$ columns.

      **Answer**: the sixth window reads columns $%@$.
      """
    let wrong = text.replacingOccurrences(of: "%@", with: "17, \\ldots, 20")
    XCTAssertEqual(findings(wrong, kind: "border-rule"), ["border-rule 3"])
    let right = text.replacingOccurrences(of: "%@", with: "16, \\ldots, 19")
    XCTAssertEqual(findings(right, kind: "border-rule"), [])
  }

  /// With padding stated, a position past the end may be a padded one: not judged.
  func testPaddedInputIsNotJudged() {
    let text = """
      **Problem 3.** Windows of four columns slide with step three over a map of $W = 20$ \
      columns padded with two zero columns at the right.

      **Answer**: the last window reads columns $18, \\ldots, 21$.
      """
    XCTAssertEqual(findings(text, kind: "border-rule"), [])
  }
}

/// `padded-lengths`: an output length stated with the padding and the kernel span it follows
/// from. Documents written for the test; L + 2P − S + 1 worked out by hand in the comments.
final class PaddedLengthTests: XCTestCase, SmallDocumentAudit {
  /// A kernel spanning 7 with 2 zeros on each side: N + 4 − 7 + 1 = N − 2, not N; with 3
  /// zeros on each side the length is N.
  func testPaddingAndSpanGiveTheLength() {
    let text = """
      **Problem 1.** A filter of seven taps at stride 1 runs over a signal of $N$ samples.

      **Answer**: The filter spans $7$ samples, so %@ zeros are added on each side and the \
      output length is $N$.
      """
    let wrong = text.replacingOccurrences(of: "%@", with: "2")
    XCTAssertEqual(findings(wrong, kind: "border-rule"), ["border-rule 3"])
    let right = text.replacingOccurrences(of: "%@", with: "3")
    XCTAssertEqual(findings(right, kind: "border-rule"), [])
  }

  /// At stride two the length is no `N + c`: not judged by the stride-one count.
  /// The same sentence judged at stride 1 (3 each side, span 7: N + 6 − 7 + 1 = N, not N + 1)
  /// and not judged where the problem states stride 2 (the length there is no L + c).
  func testAStrideOtherThanOneIsNotJudged() {
    let text = """
      **Problem 2.** A filter of seven taps at stride %@ runs over a signal of $N$ samples.

      **Answer**: The filter spans $7$ samples, so 3 zeros are added on each side and the \
      output length is $N + 1$.
      """
    let one = text.replacingOccurrences(of: "%@", with: "1")
    XCTAssertEqual(findings(one, kind: "border-rule"), ["border-rule 3"])
    let two = text.replacingOccurrences(of: "%@", with: "2")
    XCTAssertEqual(findings(two, kind: "border-rule"), [])
  }
}
