import XCTest

@testable import ProblemDocument

/// A condition restated in the next sentence ("… exactly when $B$") as the opposite region of
/// the one before it. Documents written for the test, each beside a look-alike that comes out
/// the other way.
final class ReversedConditionTests: XCTestCase, SmallDocumentAudit {
  /// Dividing a cost comparison through by a common factor keeps its direction: the flipped
  /// restatement is a finding, the kept one is not.
  func testDividedThroughRestatement_keepsTheDirection() {
    let doc = """
      **Problem 1.** A sparse layer costs $AN + 3BN$ multiplies per token and a dense one costs $2NM$.

      (a) For which $M$ is the sparse layer cheaper?

      **Solution:** We need $AN + 3BN < 2NM$. Dividing by $N$, the sparse layer is cheaper exactly when $2M %@ A + 3B$.
      """
    XCTAssertEqual(
      findings(doc.replacingOccurrences(of: "%@", with: "<"), kind: "premise-condition"),
      ["premise-condition 5"])
    XCTAssertEqual(
      findings(doc.replacingOccurrences(of: "%@", with: ">"), kind: "premise-condition"), [])
  }

  /// A solved-for bound: `uv \\le w` solved for `u` is `u \\le w/v`; `u \\ge w/v` reverses it.
  func testSolvedBound_reversedIsAFinding() {
    let doc = """
      **Problem 1.** A stack of $u$ blocks adds $v$ to the variance per block, and the total may grow by at most $w$.

      (a) How many blocks may we stack?

      **Solution:** The total grows by $uv$, so we need $uv \\le w$. Hence the depth is allowed only if $u %@ w/v$.
      """
    XCTAssertEqual(
      findings(doc.replacingOccurrences(of: "%@", with: "\\ge"), kind: "premise-condition"),
      ["premise-condition 5"])
    XCTAssertEqual(
      findings(doc.replacingOccurrences(of: "%@", with: "\\le"), kind: "premise-condition"), [])
  }

  /// Two cases written with the same sides and opposite relations are a case split stated on
  /// purpose, even when the second opens with a link; a restatement with new sides, through a
  /// step that names the letter it removes (dividing by p), that flips the relation is a
  /// finding.
  func testCaseSplitOnTheSameSides_isSilent() {
    let doc = """
      **Problem 1.** A windowed layer costs $pq$ and a full one costs $pr$.

      (a) When is each one cheaper?

      **Solution:** The windowed layer is cheaper when $pq < pr$. %@.
      """
    XCTAssertEqual(
      findings(
        doc.replacingOccurrences(
          of: "%@", with: "The full layer is cheaper exactly when $pq > pr$"),
        kind: "premise-condition"), [])
    XCTAssertEqual(
      findings(
        doc.replacingOccurrences(
          of: "%@", with: "Dividing by $p$, the windowed layer is cheaper exactly when $q > r$"),
        kind: "premise-condition"),
      ["premise-condition 5"])
  }

  /// A primed name (`M'`, a second width) is a name apart from the unprimed one (k tokens
  /// divided out is the step between the two comparisons).
  func testPrimedName_isReadAsItsOwnName() {
    let doc = """
      **Problem 1.** A sparse layer of width $M$ costs $AM + BM$ multiplies and a dense one of width $M'$ costs $2M'$.

      (a) For which $M'$ is the sparse layer cheaper?

      **Solution:** We need $AMk + BMk < 2M'k$. Dividing by $k$, the sparse layer is cheaper exactly when $M' %@ (A + B)M/2$ holds.
      """
    XCTAssertEqual(
      findings(doc.replacingOccurrences(of: "%@", with: "<"), kind: "premise-condition"),
      ["premise-condition 5"])
    XCTAssertEqual(
      findings(doc.replacingOccurrences(of: "%@", with: ">"), kind: "premise-condition"), [])
  }
}
