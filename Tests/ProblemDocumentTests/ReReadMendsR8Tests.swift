import XCTest

/// Mends of the eighth round's re-read: figures read from the text beyond any problem's sizes
/// (a dilation or stride of 2⁶²) trapped the window rules' Int arithmetic; they are now not
/// read, while the same documents at ordinary sizes are still judged.
final class ReReadMendsR8Tests: XCTestCase, SmallDocumentAudit {
  /// A convolution written with `FIGURE` in its index, five rows claimed.
  static func window(_ index: String, _ sizes: String) -> String {
    """
    # Problem 1

    A valid convolution computes $Y[b,x] = W[\\Delta X] X[b, \(index)]$ for each output.

    Here $\\Delta X \\in \\{0, 1, 2\\}$\(sizes) and $X = 56$.

    The output has $5$ rows.
    """
  }

  /// A huge dilation or stride (the second with a stride letter's value multiplied in) is
  /// read without a trap and not judged; at 2 the same documents are judged at line 7.
  func testHugeFiguresInAWindowIndex_areReadWithoutTrap() {
    let huge = "4611686018427387904"
    for (index, sizes) in [("x + FIGURE\\Delta X", ""), ("FIGURE s x + \\Delta X", ", $s = 4$")] {
      let wide = Self.window(index.replacingOccurrences(of: "FIGURE", with: huge), sizes)
      XCTAssertFalse(borders(wide).contains("border-rule 7"), index)
      let ordinary = Self.window(index.replacingOccurrences(of: "FIGURE", with: "2"), sizes)
      XCTAssertTrue(borders(ordinary).contains("border-rule 7"), index)
    }
  }

  /// A shift written as two huge constants is not read; one ordinary shift still is.
  func testHugeShift_isNotRead() {
    let huge = "4611686018427387904"
    let wide = Self.window("x - \(huge) - \(huge) + \\Delta X", "")
    XCTAssertFalse(borders(wide).contains("border-rule 7"))
    let ordinary = Self.window("x + 1 + \\Delta X", "")
    XCTAssertTrue(borders(ordinary).contains("border-rule 7"))
  }

  /// The least Int written as a set member or as a subscripted dilation's value has no
  /// magnitude in Int: it is not read, without a trap; ordinary values are still judged.
  func testLeastInt_asAnOffsetOrADilation_isNotRead() {
    let least = "-9223372036854775808"
    let member = Self.window("x + \\Delta X", "").replacingOccurrences(
      of: "\\{0, 1, 2\\}", with: "\\{\(least), 0, 1\\}")
    XCTAssertTrue(member.contains(least))
    XCTAssertFalse(borders(member).contains("border-rule 7"))
    let dilated = Self.window("x + d_\\ell \\Delta X", ", $d_\\ell = \(least)$")
    XCTAssertFalse(borders(dilated).contains("border-rule 7"))
    let ordinary = Self.window("x + d_\\ell \\Delta X", ", $d_\\ell = 2$")
    XCTAssertTrue(borders(ordinary).contains("border-rule 7"))
  }

  /// The least Int as a power's exponent, a bracket's end or a chain's lower bound (the stated
  /// bounds, the numeric values) is refused as beyond the largest figure read, without a trap
  /// (each trapped on the code before).
  func testLeastInt_inPowersAndBounds_isRefused() {
    let least = "-9223372036854775808"
    let text = """
      # Problem 1

      The count is $2^{\(least)}$ and $1.5 \\times 10^{\(least)}$ multiplies, and \
      $[\(least), 3]$ holds $x$ with $\(least) \\le x \\le 3$.
      """
    XCTAssertTrue(text.contains(least))
    XCTAssertEqual(findings(text, kind: "count-disagreement"), [])
    XCTAssertEqual(findings(text, kind: "border-rule"), [])
  }
}
