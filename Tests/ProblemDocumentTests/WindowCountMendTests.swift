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
}
