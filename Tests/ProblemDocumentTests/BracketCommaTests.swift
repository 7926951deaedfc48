import XCTest

@testable import ProblemDocument

/// Index lists of math the engine cannot read as a whole are read one by one: two index terms
/// side by side are still a missing comma there.
final class BracketCommaTests: XCTestCase, SmallDocumentAudit {
  /// The lines of the document's missing-comma findings.
  func lines(_ text: String) -> [Int] {
    findings(text, kind: "missing-comma").compactMap { Int($0.split(separator: " ").last ?? "") }
  }

  /// A position written as a function of an index (`V[ρ(u),E]`) makes the equation unreadable;
  /// the other tensor's list `g[n E]` still lacks a comma, on an equation and on an expression
  /// alike. With the comma written, both are silent.
  func testUnreadableSide_stillReadsItsIndexLists() {
    let text = """
      **Problem 1.** A layer with a permutation $\\rho$ of its units:

      $$s[n,u] = V[\\rho(u),E]\\,g[n%@E]$$

      and the same product alone, $V[\\rho(u),E]\\,g[n%@E]$.
      """
    XCTAssertEqual(lines(text.replacingOccurrences(of: "%@", with: " ")), [3, 5])
    XCTAssertEqual(lines(text.replacingOccurrences(of: "%@", with: ",")), [])
  }

  /// A bracket that is a delimiter (`\left[ … \right]`) holds no index list: two letters side
  /// by side in it are a product, not a missing comma.
  func testDelimiterBracket_isNoIndexList() {
    let text = """
      **Problem 1.** The mean $\\mathbb{E}\\left[a\\, b\\right] = V[\\rho(u),E]$.
      """
    XCTAssertEqual(lines(text), [])
  }
}
