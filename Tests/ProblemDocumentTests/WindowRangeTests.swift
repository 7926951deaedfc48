import XCTest

@testable import ProblemDocument

/// A range of an output index judged against the valid positions the equation's own index
/// arithmetic gives: a range that stops short of them is wrong under every border convention;
/// one that reaches them (valid, or padded beyond) stays silent.
final class WindowRangeTests: XCTestCase, SmallDocumentAudit {
  /// A centred window with a dilation letter: the valid positions run from d to N − 1 − d.
  func testDilatedCentredWindow() {
    let right = """
      **Problem 1.** A smoother reads a signal $q[n]$ with $0 \\le n < N$ and weights $w[\\Delta n]$ with $\\Delta n \\in \\{-1, 0, 1\\}$:

      $$z[n] = w[\\Delta N]\\,q[n + g\\,\\Delta N]$$

      (a) For which $n$ is $z$ computed without reading past the ends?

      **Solution:** For $g \\le n \\le N - 1 - g$.
      """
    XCTAssertEqual(borders(right), [])
    // Padded on both sides: a wider range is what padding gives.
    let padded = right.replacingOccurrences(
      of: "$g \\le n \\le N - 1 - g$", with: "$0 \\le n \\le N - 1$")
    XCTAssertNotEqual(padded, right)
    XCTAssertEqual(borders(padded), [])
    // Shifted down to start at 0: the last positions whose reads all fit are left out.
    let wrong = right.replacingOccurrences(
      of: "$g \\le n \\le N - 1 - g$", with: "$0 \\le n \\le N - 1 - 2g$")
    XCTAssertEqual(borders(wrong), ["border-rule 7"])
  }

  /// A stride of 3 with offsets 0 … 2 (a chain `0 \le Δt < 3`): outputs 0 … N/3 − 1.
  func testStridedWindow() {
    let right = """
      **Problem 1.** A strided filter $v$ reads $a[t]$ over $0 \\le \\Delta t < 3$:

      $$m[t] = \\sigma\\left(v[\\Delta T]\\, a[3t + \\Delta T]\\right)$$

      The input has $M$ samples, with $M$ a multiple of $3$, and the output index runs over $0 \\le t \\le M/3 - 1$.
      """
    XCTAssertEqual(borders(right), [])
    let wrong = right.replacingOccurrences(of: "M/3 - 1$", with: "M/3 - 2$")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(borders(wrong), ["border-rule 5"])
  }

  /// Under no padding a strided window of ΔX = 5 taps over Z = 40 samples leaves
  /// ⌊(40 − 5)/3⌋ + 1 = 12 outputs; the same count printed under stated padding is not judged.
  func testValidCountWithSizes() {
    let right = """
      **Problem 1.** A strided filter with no padding: $r[b,z] = \\sigma\\left(q[\\Delta Z]\\, e[b,3z + \\Delta Z] - \\theta\\right)$.

      (a) With $Z = 40$ and $\\Delta Z = 5$, the output $r$ has $12$ samples.
      """
    XCTAssertEqual(borders(right), [])
    let wrong = right.replacingOccurrences(of: "has $12$ samples", with: "has $13$ samples")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(borders(wrong), ["border-rule 3"])
    let padded = wrong.replacingOccurrences(of: "with no padding", with: "with zero padding of 2")
    XCTAssertNotEqual(padded, wrong)
    XCTAssertEqual(borders(padded), [])
  }

  /// An equation of the preamble holds in every problem, and a dilation letter with a
  /// subscript (`g_k`) takes the value the question gives it: valid outputs of a backward
  /// window over N = 50 with offsets 0 … 2 at dilation 5 number 50 − 10 = 40.
  func testPreambleEquationWithSubscriptedDilation() {
    let right = """
      A stack reads $a_k[n]$ with $0 \\le \\Delta n < 3$ and dilation $g_k$:

      $$a_{k+1}[n] = \\sigma\\left(v_k[\\Delta N]\\, a_k[n - g_k\\,\\Delta N] - \\theta_k\\right)$$

      **Problem 1.** With no padding, what is the output length for $N = 50$ and $g_k = 5$?

      **Solution:** With no padding the output has length $40$.
      """
    XCTAssertEqual(borders(right), [])
    let wrong = right.replacingOccurrences(of: "length $40$", with: "length $50$")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(borders(wrong), ["border-rule 7"])
  }
}
