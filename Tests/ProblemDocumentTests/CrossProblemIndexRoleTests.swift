import XCTest

/// A letter that a problem uses as an index is not, in that problem, a number of things
/// clashing with the index role another problem gives it: the cross-problem comparison is with
/// problems that never index by it. The look-alike, where the later problem only counts by
/// the letter, still raises its finding.
final class CrossProblemIndexRoleTests: XCTestCase, SmallDocumentAudit {
  /// A strided layer in problem 1 and a question at line 11 (`QUESTION`) in problem 2.
  static func layer(_ question: String) -> String {
    """
    # Problem 1

    A strided layer computes

    $$R[b,x] = W[\\Delta X]\\,L[b,2x+\\Delta X]$$

    for $\\Delta x \\in \\{0,1,2\\}$, and its input gradient is $G[b,u] = \\sum_{x} R[b,x]$.

    # Problem 2

    \(question)
    """
  }

  /// `rows $u$ get $G[b,u] = 0$` indexes by u in problem 2 itself; `rows $u$ get zero` does not.
  func testLetterIndexedInTheSameProblem_isNoCrossClash() {
    let indexed = Self.layer("Which input rows $u$ get $G[b,u] = 0$ for every input?")
    XCTAssertEqual(findings(indexed, kind: "role-clash"), [])
    let counted = Self.layer("Which input rows $u$ get zero for every input?")
    XCTAssertEqual(findings(counted, kind: "role-clash"), ["role-clash 11"])
  }
}
