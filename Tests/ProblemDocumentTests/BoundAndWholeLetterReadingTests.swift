import Foundation
import ProblemDocument
import XCTest

/// Letters a formula binds or names whole: an index under a max or min written without braces,
/// a letter applied to an index in a problem about permuting, a matrix written by its capital
/// in an equation without index brackets. Each beside a look-alike that still raises its
/// finding.
final class BoundAndWholeLetterReadingTests: XCTestCase, SmallDocumentAudit {
  /// `\max_t s[b,t,j]`: the index under the max is bound there, braces or not. A letter no
  /// reduction binds is still free on one side.
  func testIndexUnderAnUnbracedMax_isBound() {
    func doc(_ rhs: String) -> String {
      """
      **Problem 1.** Scores $s[b,t,j]$ for $B$ clips of $T$ frames and $J$ detectors, with
      gains $r[b,u]$ over $U$ slots, are pooled:

      $$m[b,j] = \(rhs)$$

      (a) How many comparisons give $m$?
      """
    }
    XCTAssertEqual(findings(doc("\\max_t s[b,t,j]"), kind: "free-index-one-side"), [])
    XCTAssertEqual(findings(doc("\\min_t s[b,t,j]"), kind: "free-index-one-side"), [])
    XCTAssertEqual(
      findings(doc("\\max_t s[b,t,j]\\,r[b,u]"), kind: "free-index-one-side"),
      ["free-index-one-side 4"])
  }

  /// `Permute the frames, … X[b,ρ(t),d]`: any letter applied to an index inside an index list
  /// of a problem about permuting is the permutation. Without such words nothing says what ρ is.
  func testLetterAppliedToAnIndexWherePermuting_isThePermutation() {
    func doc(_ lead: String) -> String {
      """
      The input is $X[b,t,d]$ with $B$ clips, $T$ frames and $D$ features.

      **Problem 1.** \(lead), $X'[b,t,d] = X[b,\\rho(t),d]$. What happens to $Y[b,t,d] = X[b,t,d]\\,X[b,t,d]$?
      """
    }
    XCTAssertEqual(findings(doc("Permute the frames"), kind: "undefined-function"), [])
    XCTAssertEqual(
      findings(doc("Read the frames again"), kind: "undefined-function"),
      ["undefined-function 3"])
  }

  /// `Q = (\mathrm{Id} − A)P`: an equation with no index brackets that names another matrix of
  /// the problem writes Q whole; `Q = 2N` makes the letter a number, which clashes.
  func testCapitalInAMatrixEquation_isItsMatrix() {
    func doc(_ form: String) -> String {
      """
      **Problem 1.** A square matrix $A[i,j]$ has $N$ rows, and $P[i,j]$ solves
      $(\\delta[i,K] + A[i,K])\\,P[K,j] = \\delta[i,j]$. Then

      $$Q[i,j] = P[i,j] - A[i,K]\\,P[K,j].$$

      (a) \(form) How many multiplies give $Q$?
      """
    }
    XCTAssertEqual(
      findings(doc("In matrix form, $Q = (\\mathrm{Id} - A)P$."), kind: "role-clash"), [])
    XCTAssertEqual(
      findings(doc("Take $Q = 2N$ steps."), kind: "role-clash"), ["role-clash 6"])
  }
}
