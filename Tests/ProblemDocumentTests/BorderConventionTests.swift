import XCTest

@testable import ProblemDocument

/// `window-sizes` and the border conventions it reads: a convention stated once in the
/// preamble, and a count before a unit that is an output's size only in a sentence naming an
/// output. Each document is written for the test; sizes are worked out by hand in comments.
final class BorderConventionTests: XCTestCase, SmallDocumentAudit {
  /// A grid that wraps around, stated in the preamble, keeps all X positions under a 3×3
  /// window: (X − 2) × (Y − 2) is a finding. With no padding stated there instead, a 3-wide
  /// window fits at X − 3 + 1 = X − 2 positions, and the same size is right.
  func testPreambleConvention_holdsInTheProblems() {
    let text = """
      # Notes

      A grid of states $s[x,y]$ has width $X$ and height $Y$. %@

      **Exercise 1.** Each cell reads its $3 \\times 3$ neighborhood, \
      $z[x,y] = K[\\Delta X,\\Delta Y]\\,s[x+\\Delta X,y+\\Delta Y]$. What is the size of $z$?

      *Solution.* The map $z$ has spatial size $(X-2) \\times (Y-2)$.
      """
    let torus = "Both axes of the grid are periodic, so a read past one edge comes back in."
    XCTAssertEqual(borders(text.replacingOccurrences(of: "%@", with: torus)), ["border-rule 7"])
    let valid = "No padding is used anywhere in these notes."
    XCTAssertEqual(borders(text.replacingOccurrences(of: "%@", with: valid)), [])
  }

  /// A border stated in an earlier problem for the tensor read past it (`every read of $u$
  /// wraps around modulo X`) holds where a later problem reads that tensor at offsets; stated
  /// for another tensor, it does not, and the later problem states no border.
  func testBorderStatedEarlierForTheTensor_holdsLater() {
    let text = """
      **Problem 1.** A signal $u[x]$ has $X$ samples. A mask $a[x]$ has as many. Every read \
      of $%@$ wraps around modulo $X$. How many samples are there?

      **Problem 2.** A layer computes $v[x] = K[\\Delta X]\\,u[x+\\Delta X]$. Count its multiplies.
      """
    XCTAssertEqual(borders(text.replacingOccurrences(of: "%@", with: "u")), [])
    XCTAssertEqual(borders(text.replacingOccurrences(of: "%@", with: "a")), ["border-rule 3"])
  }

  /// With a 3-wide kernel and a padding of 1 the output keeps X + 2 − 3 + 1 = X positions: "the
  /// output has X − 1 pixels" is a finding, "the kernel also sees X − 1 pixels of the row above"
  /// names no output and is none.
  func testCountBeforeAUnit_isAnOutputSizeOnlyWhereTheSentenceNamesOne() {
    let text = """
      **Problem 1.** A $3 \\times 3$ kernel $K[\\Delta x,\\Delta y]$ with a padding of 1 on each \
      side reads an image $u[x,y]$ of $X$ by $Y$ pixels.

      **Solution**: %@
      """
    let output = "The output has $X-1$ pixels in each row."
    XCTAssertEqual(borders(text.replacingOccurrences(of: "%@", with: output)), ["border-rule 3"])
    let other = "The kernel also sees $X-1$ pixels of the row above it."
    XCTAssertEqual(borders(text.replacingOccurrences(of: "%@", with: other)), [])
  }
}

/// `rounded-sizes` and the ceiling under the valid convention: output sizes worked out with a
/// floor or a ceiling. Each document is written for the test; the numbers are worked out by
/// hand in the comments.
final class RoundedSizeTests: XCTestCase, SmallDocumentAudit {
  /// ⌊(50 + 2 − 3)/2⌋ + 1 = ⌊49/2⌋ + 1 = 24 + 1 = 25; ⌊(51 + 2 − 3)/2⌋ + 1 = ⌊50/2⌋ + 1 = 26.
  func testFloorArithmetic_mustCompute() {
    let text = """
      **Problem 1.** A $3 \\times 3$ convolution of stride $2$ and zero padding $1$ reads frames \
      of $X$ rows. How many rows come out for $X = 50$ and for $X = 51$?

      **Solution**: $\\lfloor (50 + 2 - 3)/2 \\rfloor + 1 = 24 + 1 = 25$ and \
      $\\lfloor (51 + 2 - 3)/2 \\rfloor + 1 = %@$.
      """
    XCTAssertEqual(borders(text.replacingOccurrences(of: "%@", with: "26")), [])
    XCTAssertEqual(borders(text.replacingOccurrences(of: "%@", with: "25")), ["border-rule 3"])
    // A ceiling: ⌈7/2⌉ = 4, and \frac reads as a quotient: ⌈\frac{9}{4}⌉ = 3.
    let ceiling = "**Solution**: $\\lceil 7/2 \\rceil = 4$ and $\\lceil \\frac{9}{4} \\rceil = %@$."
    XCTAssertEqual(borders(ceiling.replacingOccurrences(of: "%@", with: "3")), [])
    XCTAssertEqual(borders(ceiling.replacingOccurrences(of: "%@", with: "2")), ["border-rule 1"])
  }

  /// Under the valid convention a 2×2 window of stride 2 fits ⌊X/2⌋ times (X = 5: windows at 0
  /// and 2, the last row is dropped), so ⌈X/2⌉ outputs is a finding; with "same" padding the
  /// last window is padded and ⌈X/2⌉ is right.
  func testCeilingUnderTheValidConvention_isAFinding() {
    let text = """
      **Problem 1.** A merging layer reads $u[x]$ of $X$ rows with a $2 \\times 2$ kernel and \
      stride $2$, under %@.

      **Solution**: For odd $X$ the last row has no partner, so the output has \
      $\\lceil X/2 \\rceil$ rows.
      """
    XCTAssertEqual(
      borders(text.replacingOccurrences(of: "%@", with: "the valid convention")),
      ["border-rule 3"])
    XCTAssertEqual(borders(text.replacingOccurrences(of: "%@", with: "same padding")), [])
  }
}
