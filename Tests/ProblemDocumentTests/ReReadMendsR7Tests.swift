import XCTest

@testable import ProblemDocument

/// The seventh round's re-read: ranges whose bounds each fit a machine integer but whose width
/// does not are read without a trap; a range's count is still judged at ordinary sizes.
final class ReReadMendsR7Tests: XCTestCase, SmallDocumentAudit {
  /// −9·10¹⁸ … 9·10¹⁸ holds more values than an Int counts: not judged (it trapped before);
  /// 0 … 9 holds ten values, not the five stated.
  func testRangeWiderThanAnInteger_isReadWithoutTrap() {
    for range in ["t = -10^{18}*9, \\ldots, 10^{18}*9", "-10^{18}*9 \\le t \\le 10^{18}*9"] {
      let text = "# Problem 1\n\nThe output index runs over $\(range)$, that is $5$ positions.\n"
      XCTAssertEqual(findings(text, kind: "border-rule"), [], range)
    }
    let small =
      "# Problem 1\n\nThe output index runs over $t = 0, \\ldots, 9$, that is $5$ positions.\n"
    XCTAssertEqual(findings(small, kind: "border-rule"), ["border-rule 3"])
  }

  /// A count that is a plain number is printed once in the message ("is 5", not "5, is 5").
  func testPlainCount_printedOnce() {
    let text =
      "# Problem 1\n\nThe output index runs over $t = 0, \\ldots, 9$, that is $5$ positions.\n"
    let messages = Auditor.audit(ProblemSetDocument(text: text, name: "t.md"), spelling: false)
      .findings.filter { $0.kind == .borderRule }.map(\.message)
    XCTAssertEqual(messages.count, 1)
    XCTAssertTrue(
      messages.first?.hasSuffix("the count stated beside it is 5") ?? false, "\(messages)")
  }
}
