import XCTest

@testable import ProblemDocument

/// `window-sizes`: the words that state a border convention are read as whole phrases (a word
/// of no padding is not also a word of padding), a count along a window's own letter is not an
/// output size, and "the same size" in a clause of contrast is not a claim. Each document is
/// written for the test; the sizes are worked out by hand in the comments.
final class WindowSizeConventionTests: XCTestCase, SmallDocumentAudit {
  /// "unpadded" holds "padded", "no zero padding" holds "zero pad": the phrase of no padding
  /// alone is read, so X − ΔX positions (one too few: X − ΔX + 1) is a finding.
  func testUnpaddedWords_areNotAlsoWordsOfPadding() {
    let text = """
      **Problem 1.** A kernel $K[\\Delta x]$ of $\\Delta X$ taps reads a row $u[x]$ of $X$ cells.

      **Solution**: With %@ the output has $X - \\Delta X$ positions.
      """
    for words in ["an unpadded convolution", "no zero padding"] {
      let wrong = findings(text.replacingOccurrences(of: "%@", with: words))
      XCTAssertTrue(wrong.contains("border-rule 3"), "\(words): \(wrong)")
    }
    // Padding stated without a width is not read.
    let padded = findings(text.replacingOccurrences(of: "%@", with: "a padded convolution"))
    XCTAssertFalse(padded.contains { $0.hasPrefix("border-rule") }, "\(padded)")
  }

  /// "wrap" inside "wrapper" or "wrapped in a function" is not a grid that wraps around; the
  /// same count under "wraps around" keeps every position and X − ΔX + 1 is a finding there.
  func testWrapWord_isReadWhole() {
    let text = """
      **Problem 1.** A kernel $K[\\Delta x]$ of $\\Delta X$ taps reads a row $u[x]$ of $X$ cells.

      **Solution**: The code %@, and the output has $X - \\Delta X + 1$ positions.
      """
    let wrapper = findings(text.replacingOccurrences(of: "%@", with: "is wrapped in a function"))
    XCTAssertFalse(wrapper.contains { $0.hasPrefix("border-rule") }, "\(wrapper)")
    let wraps = findings(text.replacingOccurrences(of: "%@", with: "lets the row wrap around"))
    XCTAssertTrue(wraps.contains("border-rule 3"), "\(wraps)")
  }

  /// A range over a filter's own taps, 0 ≤ k ≤ K (K + 1 values), in a problem whose grid is
  /// taken modulo N, counts taps, not output positions; the same range over the grid's axis N
  /// (N + 1 values where the wrap keeps N) is a finding.
  func testWindowLetter_isNotAnAxis() {
    let text = """
      **Problem 1.** A filter of order $K$ reads a signal $s[n]$ of $N$ samples, indices taken \
      modulo $N$.

      **Solution**: The output is read at $0 \\le %@$.
      """
    let taps = findings(text.replacingOccurrences(of: "%@", with: "k \\le K"))
    XCTAssertFalse(taps.contains { $0.hasPrefix("border-rule") }, "\(taps)")
    let axis = findings(text.replacingOccurrences(of: "%@", with: "n \\le N"))
    XCTAssertTrue(axis.contains("border-rule 3"), "\(axis)")
  }

  /// "the same size" said of a convention the sentence sets aside ("unlike", "isn't") is no
  /// claim that this output keeps the size: X − ΔX + 1 under no padding is right. Said of the
  /// output itself, X − ΔX + 1 positions are fewer than X: a finding.
  func testSameSizeInAContrast_isNotAClaim() {
    let text = """
      **Problem 1.** A kernel $K[\\Delta x]$ of $\\Delta X$ taps reads a row $u[x]$ of $X$ cells \
      with no padding.

      **Solution**: %@ $X - \\Delta X + 1$ positions.
      """
    for words in [
      "Unlike a border that keeps the same size, this convolution leaves",
      "The output isn't the same size: it has",
    ] {
      let right = findings(text.replacingOccurrences(of: "%@", with: words))
      XCTAssertFalse(right.contains { $0.hasPrefix("border-rule") }, "\(words): \(right)")
    }
    let wrong = findings(
      text.replacingOccurrences(of: "%@", with: "The output keeps the same size, with"))
    XCTAssertTrue(wrong.contains("border-rule 3"), "\(wrong)")
  }
}
