import XCTest

@testable import ProblemDocument

/// Counts of valid outputs read against the equation's index arithmetic: a long paragraph of
/// counts is read once, and only a convention's phrase switches the rule on or off.
final class WindowCountMendTests: XCTestCase, SmallDocumentAudit {
  /// A smoother whose offsets take ΔK = 4 values over K = 20 samples: 17 valid outputs.
  static let smoother = """
    **Problem 1.** A smoother $g[\\Delta k]$ reads a trace $e[k]$:

    $$z[k] = g[\\Delta K]\\, e[k + \\Delta K]$$

    (a) Let $K = 20$ and $\\Delta K = 4$.

    **Solution:** 
    """

  /// Thousands of counts in one paragraph: each is judged with the sizes read once, and only
  /// the wrong last one is a finding.
  func testLongParagraphOfCounts() {
    let right = Self.smoother + String(repeating: "unpadded, $17$ samples; ", count: 5000)
    XCTAssertEqual(borders(right + "unpadded, $17$ samples."), [])
    XCTAssertEqual(borders(right + "unpadded, $18$ samples."), ["border-rule 7"])
  }

  /// "The same stride" states no border; the output under "no padding" is still judged, and a
  /// stated 'same' convention still turns the rule off.
  func testSameAloneIsNoConvention() {
    let wrong = Self.smoother + "With the same stride and no padding, $z$ has $18$ samples."
    XCTAssertEqual(borders(wrong), ["border-rule 7"])
    let right = wrong.replacingOccurrences(of: "$18$", with: "$17$")
    XCTAssertNotEqual(right, wrong)
    XCTAssertEqual(borders(right), [])
    let same = Self.smoother + "With the 'same' convention, $z$ has $20$ samples."
    XCTAssertFalse(borders(same).contains("border-rule 7"))
  }

  /// "Valid" alone ("a valid count") does not state that no padding is used.
  func testValidAloneIsNoConvention() {
    let loose = Self.smoother + "A valid answer: $z$ has $20$ samples."
    XCTAssertFalse(borders(loose).contains("border-rule 7"))
    let stated = loose.replacingOccurrences(of: "A valid answer", with: "A valid convolution")
    XCTAssertNotEqual(stated, loose)
    XCTAssertTrue(borders(stated).contains("border-rule 7"))
  }

  /// On the equation's own line, "valid" alone is that equation's convention: a wrong count
  /// after it is judged; the same line without the word leaves the convention unstated.
  func testValidOnTheEquationsLine_statesItsConvention() {
    let stated = """
      **Problem 1.** Still valid: $z[k] = g[\\Delta K]\\, e[k + \\Delta K]$.

      With $K = 20$ and $\\Delta K = 4$, $z$ has $18$ samples.
      """
    // Line 1 has a finding of its own (the offsets' values are never stated).
    XCTAssertTrue(borders(stated).contains("border-rule 3"))
    let unstated = stated.replacingOccurrences(of: "Still valid: ", with: "Then ")
    XCTAssertNotEqual(unstated, stated)
    XCTAssertFalse(borders(unstated).contains("border-rule 3"))
  }

  /// A smoothing window over a picture `q[m,n]` stated without padding, with its sizes.
  static func picture(_ answer: String) -> String {
    """
    **Problem 1.** A window $A[\\Delta m,\\Delta n]$ slides over a picture $q[m,n]$ with no \
    padding:

    $$r[m,n] = A[\\Delta M,\\Delta N]\\, q[m+\\Delta M, n+\\Delta N]$$

    $$t[m,n] = r[2m,n] + r[2m+1,n]$$

    (a) Let $M = 40$, $N = 20$, $\\Delta M = 5$ and $\\Delta N = 5$.

    **Solution:** \(answer)
    """
  }

  /// Each axis of a 2-D window is judged with its own sizes: a height the second axis gives
  /// is right, one that neither axis gives is a finding.
  func testSecondAxisCount_isJudgedAgainstItsOwnAxis() {
    XCTAssertEqual(borders(Self.picture("Unpadded, $r$ is $36$ wide and $16$ high.")), [])
    XCTAssertEqual(
      borders(Self.picture("Unpadded, $r$ is $36$ wide and $17$ high.")), ["border-rule 9"])
  }

  /// The window's own span ("a window of width $5$") is not an output's extent; a wrong output
  /// count beside it still is.
  func testWindowSpan_isNoOutputCount() {
    let span = "Unpadded, with a window of width $5$, $r$ has $36$ rows."
    XCTAssertEqual(borders(Self.picture(span)), [])
    let wrong = span.replacingOccurrences(of: "$36$", with: "$35$")
    XCTAssertEqual(borders(Self.picture(wrong)), ["border-rule 9"])
  }

  /// A count whose clause names another tensor the problem defines (`$t$`) is that tensor's;
  /// the same count said of the window's output is judged.
  func testCountOfAnotherTensor_isNotTheWindows() {
    let other = "Unpadded, $r$ has $36$ rows, and the pooled $t$ has $18$ rows."
    XCTAssertEqual(borders(Self.picture(other)), [])
    let own = other.replacingOccurrences(of: "the pooled $t$", with: "so $r$")
    XCTAssertNotEqual(own, other)
    XCTAssertEqual(borders(Self.picture(own)), ["border-rule 9"])
  }
}
