import XCTest

@testable import ProblemDocument

/// An update written with an arrow, and an aligned block with one Kronecker-delta row: what the
/// engine still reads in each, each shown beside a look-alike that comes out the other way.
final class UpdateRowTests: XCTestCase, SmallDocumentAudit {
  /// The example's letter the prose names is exempt on an update's right side; a letter nobody
  /// names, standing only on the right, is a free index one side lacks.
  func testUpdate_onlyTheNamedExampleLetterExempt() {
    let doc = """
      **Problem 1.** Weights $W[j,i]$ move with rate $\\eta$; one step uses example $n$.

      $$W[j,i] \\leftarrow W[j,i] - \\eta\\, d[%@,j]\\, x[%@,i]$$
      """
    let named = findings(doc.replacingOccurrences(of: "%@", with: "n"))
    XCTAssertFalse(named.contains { $0.hasPrefix("free-index-one-side") }, "\(named)")
    let typo = findings(doc.replacingOccurrences(of: "%@", with: "q"))
    XCTAssertTrue(typo.contains("free-index-one-side 3"), "\(typo)")
  }

  /// A sum bound's `=` inside an update does not stop it being read as an update.
  func testUpdateWithSumBound_stillAnUpdate() {
    let doc = """
      **Problem 1.** Weights $W[j,i]$ move with rate $\\eta$; one step uses example $n$.

      $$W[j,i] \\leftarrow W[j,i] - \\eta \\sum_{m=1}^{M} d[%@,m,j]\\, x[%@,m,i]$$
      """
    let named = findings(doc.replacingOccurrences(of: "%@", with: "n"))
    XCTAssertFalse(named.contains { $0.hasPrefix("free-index-one-side") }, "\(named)")
    let typo = findings(doc.replacingOccurrences(of: "%@", with: "q"))
    XCTAssertTrue(typo.contains("free-index-one-side 3"), "\(typo)")
  }

  /// A Kronecker-delta row in an aligned block leaves the other rows read.
  func testKroneckerRow_otherRowsStillRead() {
    let doc = """
      **Problem 1.** A layer maps $x[b,i]$ to $y[b,j]$ with weights $W[j,i]$.

      $$\\begin{aligned}
      y[b,j] &= W[j,I]\\, x[%@,I] \\\\
      e[i,i'] &= \\delta[i,i']
      \\end{aligned}$$
      """
    let right = findings(doc.replacingOccurrences(of: "%@", with: "b"))
    XCTAssertFalse(right.contains { $0.hasPrefix("free-index-one-side") }, "\(right)")
    let wrong = findings(doc.replacingOccurrences(of: "%@", with: "c"))
    XCTAssertTrue(wrong.contains("free-index-one-side 4"), "\(wrong)")
  }
}
