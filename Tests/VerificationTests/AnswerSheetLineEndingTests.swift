import Answers
import Verification
import XCTest

/// Answer sheets saved on any system read alike (the shared `TextInput` normalisation).
final class AnswerSheetLineEndingTests: XCTestCase {
  func testSheet_crlfCrAndBomReadAsLf() throws {
    let lines = ["# answers", "1: B*X*Y", "2: L[b] = W[j,", "  I] x[I]", "", "3b: 1/sqrt(2)"]
    let expected = try AnswerSheet.parse(lines.joined(separator: "\n"))
    XCTAssertEqual(expected.entries.map(\.problem), ["1", "2", "3b"])
    for (name, text) in [
      ("crlf", lines.joined(separator: "\r\n") + "\r\n"),
      ("cr", lines.joined(separator: "\r")),
      ("bom", "\u{FEFF}" + lines.joined(separator: "\r\n")),
    ] {
      let sheet = try AnswerSheet.parse(text)
      XCTAssertEqual(sheet, expected, name)
    }
    // The line numbers count as an editor shows them, also for an error.
    XCTAssertThrowsError(try AnswerSheet.parse("1: x\r\n\r\nhello")) {
      XCTAssertTrue("\($0)".hasPrefix("line 3: expected an answer"), "\($0)")
    }
  }
}
