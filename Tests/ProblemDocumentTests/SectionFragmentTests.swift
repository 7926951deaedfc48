import XCTest

@testable import ProblemDocument

/// `Section.fragment(containing:)`: the fragment whose text holds an offset, nil between them.
final class SectionFragmentTests: XCTestCase {
  func testFragmentHoldingAnOffset_isFoundAndGapsAreNil() throws {
    let text = "**Problem 1.** Let $ab$ and $cde$ be given.\n"
    let doc = ProblemSetDocument(text: text, name: "t.md")
    let section = try XCTUnwrap(doc.sections.first { $0.fragments.count == 2 })
    let scalars = Array(text.unicodeScalars)
    // Offsets counted by hand on the text: `a` of "ab" and `c`, `e` of "cde".
    let a = try XCTUnwrap(scalars.firstIndex(of: "a"))
    let c = try XCTUnwrap(scalars.firstIndex(of: "c"))
    XCTAssertEqual(section.fragment(containing: a)?.text, "ab")
    XCTAssertEqual(section.fragment(containing: a + 1)?.text, "ab")
    XCTAssertNil(section.fragment(containing: a + 2), "the closing $")
    XCTAssertNil(section.fragment(containing: a - 2), "prose before the first fragment")
    XCTAssertEqual(section.fragment(containing: c)?.text, "cde")
    XCTAssertEqual(section.fragment(containing: c + 2)?.text, "cde")
    XCTAssertNil(section.fragment(containing: c + 3))
    XCTAssertNil(section.fragment(containing: scalars.count + 10))
  }
}
