import ProblemDocument
import ShippedProblemSet
import XCTest

/// A problem set saved with CRLF or CR line endings, or with a BOM, reads as the LF original:
/// the same items, sections, fragments at the same lines and columns, the same findings.
final class DocumentLineEndingTests: XCTestCase {
  func testShippedSet_crlfCrAndBomReadAsLf() {
    let lf = ProblemSetDocument(text: ShippedProblemSet.text, name: "lf.md")
    func described(_ d: ProblemSetDocument) -> [String] {
      Auditor.audit(d, spelling: false).findings.map { "\($0.location) \($0.message)" }
    }
    let lfFindings = described(lf)
    XCTAssertFalse(lfFindings.isEmpty)
    let variants = [
      ("crlf", ShippedProblemSet.text.replacingOccurrences(of: "\n", with: "\r\n")),
      ("cr", ShippedProblemSet.text.replacingOccurrences(of: "\n", with: "\r")),
      ("bom", "\u{FEFF}" + ShippedProblemSet.text.replacingOccurrences(of: "\n", with: "\r\n")),
    ]
    for (name, text) in variants {
      let doc = ProblemSetDocument(text: text, name: "lf.md")
      XCTAssertEqual(doc.items.map(\.id), lf.items.map(\.id), name)
      XCTAssertEqual(doc.sections.map(\.label), lf.sections.map(\.label), name)
      XCTAssertEqual(described(doc), lfFindings, name)
    }
  }
}
