import XCTest

@testable import ProblemDocument

/// The section model on small documents written for the test: part letters in their common
/// forms and in sequence, answer markers. Each layout comes with a look-alike that reads the
/// other way.
final class SectionModelTests: XCTestCase {
  /// Each section as `problem part kind` from its start line: `1a statement 3`.
  func outline(_ text: String) -> [String] {
    ProblemSetDocument(text: text, name: "t.md").sections.filter { $0.problem != nil }.map {
      "\($0.problem!)\($0.part ?? "") \($0.kind.rawValue) \($0.start.line)"
    }
  }

  /// A solution marker in a quote or a heading opens a solution section; a word that merely
  /// starts like one ("Solutions follow", "Solve it") does not.
  func testAnswerMarkers_openSolutions() {
    for marker in ["> **Solution.** $2$.", "#### **Solution:** $2$.", ">Solution: $2$."] {
      let doc = "**Problem 1.** Count.\n\n\(marker)\n"
      XCTAssertEqual(outline(doc), ["1 statement 1", "1 solution 3"], marker)
    }
    for lookAlike in ["Solutions follow below.", "Solve it.", "> Solution of the first kind."] {
      let doc = "**Problem 1.** Count.\n\n\(lookAlike)\n"
      XCTAssertEqual(outline(doc), ["1 statement 1"], lookAlike)
    }
  }

  /// Part letters as `a)`, `**(a)**`, `Part (b)`, `(b.)` and the problem's number before the
  /// letter (`**2(a)**`, `**C2(b).**`) open parts.
  func testPartForms_openParts() {
    let cases: [(String, [String])] = [
      ("a) One?\n\nb) Two?", ["1a", "1b"]),
      ("**(a)** One?\n\n**(b)** Two?", ["1a", "1b"]),
      ("Part (a) One?\n\nPart (b) Two?", ["1a", "1b"]),
      ("(a.) One?\n\n(b.) Two?", ["1a", "1b"]),
    ]
    for (body, ids) in cases {
      let doc = ProblemSetDocument(text: "**Problem 1.** Setup.\n\n\(body)\n", name: "t.md")
      XCTAssertEqual(doc.items.map(\.id), ids, body)
    }
    let numbered = "## C2. Setup\n\n**C2(a).** One?\n\n**Solution.** $1$.\n\n**C2(b).** Two?\n"
    XCTAssertEqual(
      outline(numbered), ["2 statement 1", "2a statement 3", "2a solution 5", "2b statement 7"])
    // Another problem's number before the letter is a reference, not a part.
    let reference = "## C2. Setup\n\n**C1(a).** said so.\n"
    XCTAssertEqual(outline(reference), ["2 statement 1"])
  }

  /// A letter list opens parts only in sequence from `a`: "b." alone, "(a)" in mid-sentence,
  /// and "e.g." at a line's start open nothing.
  func testPartLetters_onlyInSequence() {
    let doc = "**Problem 1.** Setup, see (a) below.\n\nb. not a part.\n\ne.g. this.\n"
    XCTAssertEqual(outline(doc), ["1 statement 1"])
    let sequence = "**Problem 1.** Setup.\n\na. One?\n\nb. Two?\n"
    XCTAssertEqual(outline(sequence), ["1 statement 1", "1a statement 3", "1b statement 5"])
  }
}
