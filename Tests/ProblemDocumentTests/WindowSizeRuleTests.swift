import XCTest

@testable import ProblemDocument

/// `window-sizes`: an output size or an index range against the border convention that the
/// sentence, its part's question or its problem states. Each document is written for the test;
/// the expected sizes are worked out by hand in the comments.
final class WindowSizeRuleTests: XCTestCase, SmallDocumentAudit {
  /// No padding, a kernel of ΔT taps on T samples: T − ΔT + 1 outputs (T = 10, ΔT = 3: the
  /// window starts at 0…7, eight outputs, 10 − 3 + 1 = 8).
  func testValidBorder_aSizeOffByOneIsAFinding() {
    let text = """
      **Problem 1.** A kernel $U[\\Delta t]$ with $\\Delta T$ taps slides over a sequence $v[t]$ \
      of length $T$ without padding.

      (a) How many outputs are there?

      **Solution**: There are $%@$ outputs.
      """
    let wrong = findings(text.replacingOccurrences(of: "%@", with: "T - \\Delta T"))
    XCTAssertTrue(wrong.contains("border-rule 5"), "\(wrong)")
    let right = findings(text.replacingOccurrences(of: "%@", with: "T - \\Delta T + 1"))
    XCTAssertFalse(right.contains { $0.hasPrefix("border-rule") }, "\(right)")
  }

  /// The same convention given in the sentence, checked on a range: 0 ≤ t ≤ T − ΔT holds
  /// T − ΔT + 1 values; 0 ≤ t ≤ T − ΔT + 1 holds T − ΔT + 2.
  func testValidBorder_aRangeOneTooLongIsAFinding() {
    let text = """
      **Problem 1.** A kernel $U[\\Delta t]$ with $\\Delta T$ taps reads $v[t]$ for $T$ steps.

      **Solution**: With no padding the kernel must fit, so $0 \\le t \\le %@$.
      """
    let wrong = findings(text.replacingOccurrences(of: "%@", with: "T - \\Delta T + 1"))
    XCTAssertTrue(wrong.contains("border-rule 3"), "\(wrong)")
    let right = findings(text.replacingOccurrences(of: "%@", with: "T - \\Delta T"))
    XCTAssertFalse(right.contains { $0.hasPrefix("border-rule") }, "\(right)")
  }

  /// A range that loses ΔX − 1 positions cannot give an output the input's size.
  func testSameSizeClaim_aReducedRangeIsAFinding() {
    let text = """
      **Problem 1.** A smoothing window $G[\\Delta x]$ of $\\Delta X$ taps reads a row $u[x]$ \
      of $X$ samples.

      **Solution**: The index runs over $0 \\le x \\le X - \\Delta X$, so the result %@.
      """
    let wrong = findings(
      text.replacingOccurrences(of: "%@", with: "has the same size as the row"))
    XCTAssertTrue(wrong.contains("border-rule 3"), "\(wrong)")
    let right = findings(text.replacingOccurrences(of: "%@", with: "is shorter than the row"))
    XCTAssertFalse(right.contains { $0.hasPrefix("border-rule") }, "\(right)")
  }

  /// A wrap-around border keeps every position (R of them); a count R − ΔR + 1 contradicts
  /// it, unless the sentence shows the borders differ by axis (the angle A kept whole).
  func testWrappingBorder_keepsEveryPositionUnlessAnotherAxisShowsIt() {
    let text = """
      **Problem 1.** A filter $W[\\Delta r]$ of $\\Delta R$ taps reads a polar map $p[r,a]$ of \
      $R$ radii and $A$ angles.

      **Solution**: With circular padding %@.
      """
    let wrong = findings(
      text.replacingOccurrences(
        of: "%@", with: "there are $R - \\Delta R + 1$ positions along the radius"))
    XCTAssertTrue(wrong.contains("border-rule 3"), "\(wrong)")
    let mixed = findings(
      text.replacingOccurrences(
        of: "%@", with: "of the angle, $0 \\le r \\le R - \\Delta R$ and $0 \\le a \\le A - 1$"))
    XCTAssertFalse(mixed.contains { $0.hasPrefix("border-rule") }, "\(mixed)")
  }

  /// A 3×3 window zero-padded by one pixel on each side of an X-wide map: X + 2·1 − 3 + 1 = X
  /// positions, not X − 2.
  func testPaddedBorder_aNumericWindowKeepsTheSize() {
    let text = """
      **Problem 1.** A $3 \\times 3$ filter reads a map $m[x,y]$ of $X \\times Y$ pixels, \
      zero-padded by one pixel on each side.

      **Solution**: The output has spatial size $%@$.
      """
    let wrong = findings(text.replacingOccurrences(of: "%@", with: "(X-2) \\times (Y-2)"))
    XCTAssertTrue(wrong.contains("border-rule 3"), "\(wrong)")
    let right = findings(text.replacingOccurrences(of: "%@", with: "X \\times Y"))
    XCTAssertFalse(right.contains { $0.hasPrefix("border-rule") }, "\(right)")
    // Without padding X − 3 + 1 = X − 2 is right, and the input's own X × Y beside it is not
    // an output size.
    let valid = findings(
      text.replacingOccurrences(
        of: "zero-padded by one pixel on each side", with: "without padding"
      )
      .replacingOccurrences(
        of: "The output has spatial size $%@$",
        with: "The map has size $X \\times Y$ and the output has size $(X-2) \\times (Y-2)$"))
    XCTAssertFalse(valid.contains { $0.hasPrefix("border-rule") }, "\(valid)")
  }

  /// A part's own question outranks the problem's: with "no padding" asked in part (b) of a
  /// problem whose statement wraps around, X − ΔX + 1 is right and X is wrong.
  func testPartQuestion_outranksTheProblemsConvention() {
    let text = """
      **Problem 1.** A kernel $K[\\Delta x]$ of $\\Delta X$ taps reads a ring $u[x]$ of $X$ \
      cells, indices taken modulo $X$.

      (b) If instead there is no padding, how many outputs are there?

      **Solution**: $%@$ outputs.
      """
    // A count with no window letter is not read under a symbolic window.
    let whole = findings(text.replacingOccurrences(of: "%@", with: "X"))
    XCTAssertFalse(whole.contains { $0.hasPrefix("border-rule") }, "\(whole)")
    let reduced = findings(text.replacingOccurrences(of: "%@", with: "X - \\Delta X + 2"))
    XCTAssertTrue(reduced.contains("border-rule 5"), "\(reduced)")
    let right = findings(text.replacingOccurrences(of: "%@", with: "X - \\Delta X + 1"))
    XCTAssertFalse(right.contains { $0.hasPrefix("border-rule") }, "\(right)")
  }
}
