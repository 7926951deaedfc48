import Foundation
import ProblemDocument
import XCTest

/// A letter a quantifier introduces (`for any nondecreasing $g$`): the claim holds for each such
/// thing, so the letter is bound there. Beside a look-alike that only mentions it.
final class QuantifiedLetterReadingTests: XCTestCase, SmallDocumentAudit {
  func doc(_ clause: String) -> String {
    """
    **Problem 1.** Inputs $x[b,i]$ with $B$ rows and $I$ features are pooled, $m[b] = \\max_i x[b,i]$.

    (a) Show that, \(clause), $g(m[b]) = \\max_i g(x[b,i])$.
    """
  }

  /// `for any nondecreasing $g$`, `for any $g$`: the letter is introduced; `after applying $g$`
  /// or `for each $g$` (how a count runs over an index) says nothing about which function g is.
  func testLetterAfterAQuantifier_isIntroduced() {
    for clause in ["for any nondecreasing $g$", "for any $g$"] {
      XCTAssertEqual(findings(doc(clause), kind: "undefined-function"), [], clause)
      XCTAssertEqual(unintroduced(doc(clause)), [], clause)
    }
    for clause in ["after applying $g$", "for each $g$"] {
      XCTAssertEqual(
        findings(doc(clause), kind: "undefined-function"), ["undefined-function 3"], clause)
    }
  }
}
