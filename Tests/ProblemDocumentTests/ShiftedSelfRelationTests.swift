import XCTest

@testable import ProblemDocument

/// A tensor equal to itself at indices moved by one shift (`g[t+a,s+a] = g[t,s]`) shows it is
/// invariant to that shift; a sentence that writes the tensor again is judged by that equation
/// once more. Documents written for the test, each beside a look-alike that comes out the
/// other way.
final class ShiftedSelfRelationTests: XCTestCase, SmallDocumentAudit {
  /// g at both positions moved by a equals g: "equivariant" is the wrong word, "invariant" the
  /// right one.
  func testShiftedSelf_showsInvariance() {
    let doc = """
      **Problem 1.** A score depends on two positions, $g[t,s] = w(t - s)$.

      (a) What happens when both positions move by $a$?

      **Solution:** We have $g[t+a,s+a] = w(t + a - s - a) = g[t,s]$.

      So the score is %@ to moving both positions together.
      """
    XCTAssertEqual(
      findings(doc.replacingOccurrences(of: "%@", with: "equivariant"), kind: "property-word"),
      ["property-word 7"])
    XCTAssertEqual(
      findings(doc.replacingOccurrences(of: "%@", with: "invariant"), kind: "property-word"), [])
  }

  /// Two positions moved by different shifts are not one shift: no relation is read, and
  /// "equivariant" stays unjudged.
  func testTwoDifferentShifts_areNoRelation() {
    let doc = """
      **Problem 1.** A score depends on two positions, $g[t,s] = w(t - s)$.

      (a) What happens when the positions move?

      **Solution:** We have $g[t+a,s+b] = w(t - s + a - b) = g[t,s]$ only when $a = b$.

      So the score is equivariant to moving both positions together.
      """
    XCTAssertEqual(findings(doc, kind: "property-word"), [])
  }

  /// After "invariant" has been judged right by the equation, a later sentence that writes g
  /// again and calls it "equivariant" is judged too; one that does not write g is not.
  func testSecondWord_writingTheTensorAgain_isJudged() {
    let doc = """
      **Problem 1.** A score depends on two positions, $g[t,s] = w(t - s)$.

      (a) What happens when both positions move by $a$?

      **Solution:** We have $g[t+a,s+a] = g[t,s]$, so the score is invariant to the move.

      Since %@ is read along a diagonal, the score is equivariant to the move as well.
      """
    XCTAssertEqual(
      findings(doc.replacingOccurrences(of: "%@", with: "$g[t,t-a]$"), kind: "property-word"),
      ["property-word 7"])
    XCTAssertEqual(
      findings(doc.replacingOccurrences(of: "%@", with: "the table"), kind: "property-word"), [])
  }

  /// An equation that has contradicted one word (it shows invariance, the text says
  /// "equivariant") judges no later word: the second sentence, writing g again, stays silent.
  func testSecondWord_afterAContradiction_isNotJudged() {
    let doc = """
      **Problem 1.** A score depends on two positions, $g[t,s] = w(t - s)$.

      (a) What happens when both positions move by $a$?

      **Solution:** We have $g[t+a,s+a] = g[t,s]$, so the score is equivariant to the move.

      Since $g[t,t-a]$ does not change along a diagonal, its largest value is invariant.
      """
    XCTAssertEqual(findings(doc, kind: "property-word"), ["property-word 5"])
  }
}
