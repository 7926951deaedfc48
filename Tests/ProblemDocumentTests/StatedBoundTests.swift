import XCTest

@testable import ProblemDocument

/// `bound-conclusions`: a range or a count concluded right after an inequality on an output
/// index must be what the inequality admits. Each document is written for the test; the
/// admitted values are worked out by hand in the comments.
final class StatedBoundTests: XCTestCase, SmallDocumentAudit {
  /// Valid border, unit stride: a 4-tap filter on 20 samples needs t + 3 ≤ 19, so t = 0 … 16.
  func testValidBorder_aListEndingOneTooFarIsAFinding() {
    let text = """
      **Problem 1.** A filter $V[\\Delta t]$ of four taps reads a signal $s[t + \\Delta t]$ of \
      $20$ samples, with no padding.

      **Solution**: Every read must stay inside, so $t + 3 \\le 19$ and $t = 0,\\ldots,%@$.
      """
    let wrong = findings(text.replacingOccurrences(of: "%@", with: "17"), kind: "border-rule")
    XCTAssertEqual(wrong, ["border-rule 3"])
    let right = findings(text.replacingOccurrences(of: "%@", with: "16"), kind: "border-rule")
    XCTAssertEqual(right, [])
  }

  /// Stride two on 41 rows with a 5-row window, no padding: 2y + 4 ≤ 40 gives y ≤ 18, so the
  /// map is 19 × 19 (⌊(41 − 5)/2⌋ + 1 = 19 as a check by hand).
  func testStridedBorder_aSquareOneShortIsAFinding() {
    let text = """
      **Problem 2.** Pooling $q[y,z] = \\max h[2y + \\Delta y, 2z + \\Delta z]$ with \
      $0 \\le \\Delta y, \\Delta z \\le 4$ on a square map of side 41.

      **Solution**: We need $2y + 4 \\le 40$, which makes the output $%@$.
      """
    let wrong = findings(
      text.replacingOccurrences(of: "%@", with: "18 \\times 18"), kind: "border-rule")
    XCTAssertEqual(wrong, ["border-rule 3"])
    let right = findings(
      text.replacingOccurrences(of: "%@", with: "19 \\times 19"), kind: "border-rule")
    XCTAssertEqual(right, [])
  }

  /// Zero padding with stride three: any centre 0 ≤ 3u ≤ N − 1 is allowed; with N = 25 that is
  /// 3u ≤ 24, u = 0 … 8, nine positions. The size is given after the inequality.
  func testSameBorderStrided_aCountInWordsIsReadWithTheStatedSize() {
    let text = """
      **Problem 3.** A zero-padded layer $r[u] = w[\\Delta u]\\,e[3u + \\Delta u]$ with \
      $\\Delta u \\in \\{-1, 0, 1\\}$.

      **Solution**: A centre may sit anywhere, $0 \\le 3u \\le N - 1$, so for $N = 25$ we \
      get %@ output positions.
      """
    let wrong = findings(text.replacingOccurrences(of: "%@", with: "8"), kind: "border-rule")
    XCTAssertEqual(wrong, ["border-rule 3"])
    let right = findings(text.replacingOccurrences(of: "%@", with: "9"), kind: "border-rule")
    XCTAssertEqual(right, [])
  }

  /// Causal padding of two frames, stride two, 12 frames: output t reads 2t − 2 … 2t of the
  /// padded clip, so 2t ≤ 11, t = 0 … 5: six frames (a strict form, 2t < 12, the same).
  func testCausalBorder_aStrictBoundAndACountAfterIt() {
    let text = """
      **Problem 4.** A causal layer $o[t] = k[\\Delta t]\\,c[2t - \\Delta t]$ with \
      $\\Delta t \\in \\{0, 1, 2\\}$ pads two zero frames before the clip of 12 frames.

      **Solution**: The newest frame read must exist, $2t < 12$, which gives %@ frames.
      """
    let wrong = findings(text.replacingOccurrences(of: "%@", with: "7"), kind: "border-rule")
    XCTAssertEqual(wrong, ["border-rule 3"])
    let right = findings(text.replacingOccurrences(of: "%@", with: "6"), kind: "border-rule")
    XCTAssertEqual(right, [])
  }

  /// A number after the inequality that is not a count of the index (no unit of extent), or a
  /// conclusion in the next paragraph, is not read.
  func testOnlyACountInTheSameParagraphIsRead() {
    let text = """
      **Problem 5.** A filter $V[\\Delta t]$ of four taps reads a signal of $20$ samples.

      **Solution**: We need $t + 3 \\le 19$, which costs 4 multiplies per output.

      There are 3 frames of delay.
      """
    XCTAssertEqual(findings(text, kind: "border-rule"), [])
  }

  /// `read-list-ranges`: an output at x reading x − 2 … x + 2 of X inputs stays inside for
  /// 2 ≤ x ≤ X − 3; a range that keeps the lower bound 2 must end at X − 3, not X − 2. With a
  /// half-width h the reads x − h … x + h stay inside for h ≤ x ≤ X − 1 − h.
  func testReadList_aRangeInsideOnOneSideOnlyIsAFinding() {
    let text = """
      **Problem 6.** A smoothing $m[x] = g[\\Delta x]\\,v[x + \\Delta x]$ over a row of $X$ \
      samples, with $-2 \\le \\Delta x \\le 2$ and no padding.

      **Solution**: The output reads $x-2,\\ldots,x+2$, so $2 \\le x \\le %@$.
      """
    let wrong = findings(text.replacingOccurrences(of: "%@", with: "X-2"), kind: "border-rule")
    XCTAssertEqual(wrong, ["border-rule 3"])
    let right = findings(text.replacingOccurrences(of: "%@", with: "X-3"), kind: "border-rule")
    XCTAssertEqual(right, [])
    let half = """
      **Problem 6.** A box filter over a row of $X$ samples reads, around an output $x$, the \
      inputs $x-h,\\ldots,x+h$, so $h \\le x \\le %@$.
      """
    let wrongHalf = findings(half.replacingOccurrences(of: "%@", with: "X-h"), kind: "border-rule")
    XCTAssertEqual(wrongHalf, ["border-rule 1"])
    let rightHalf = findings(
      half.replacingOccurrences(of: "%@", with: "X-1-h"), kind: "border-rule")
    XCTAssertEqual(rightHalf, [])
  }

  /// The same reads under zero padding keep every centre, 0 ≤ x ≤ X − 1: neither bound trims
  /// the input, so the range is another convention and is not compared.
  func testReadList_aPaddedRangeIsNotCompared() {
    let text = """
      **Problem 7.** A smoothing $m[x] = g[\\Delta x]\\,v[x + \\Delta x]$ over a row of $X$ \
      samples, with $-2 \\le \\Delta x \\le 2$ and zero padding.

      **Solution**: The output reads $x-2,\\ldots,x+2$, and $0 \\le x \\le X-1$.
      """
    XCTAssertEqual(findings(text, kind: "border-rule"), [])
  }
}
