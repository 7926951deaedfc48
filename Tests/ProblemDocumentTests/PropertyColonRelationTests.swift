import XCTest

@testable import ProblemDocument

/// A property word followed by a colon and an equation relating the moved output to the
/// original says what it means by the word: the equation judges it. Documents written for the
/// test, each beside a look-alike that comes out the other way.
final class PropertyColonRelationTests: XCTestCase, SmallDocumentAudit {
  /// A pooled score written unchanged after the colon is invariance: "equivariant" is the wrong
  /// word, "invariant" the right one.
  func testUnchangedAfterColon_showsInvariance() {
    let doc = """
      **Problem 1.** A pooled score is $s[b,k] = \\sum_t u[b,t,k]$ over positions $t$.

      (a) What happens to $s$ when the positions are reordered?

      **Solution:** Reordering only permutes the terms, so the pooled score is %@: $s'[b,k] = s[b,k]$ for every reordering.
      """
    XCTAssertEqual(
      findings(doc.replacingOccurrences(of: "%@", with: "equivariant"), kind: "property-word"),
      ["property-word 5"])
    XCTAssertEqual(
      findings(doc.replacingOccurrences(of: "%@", with: "invariant"), kind: "property-word"), [])
  }

  /// An equation after the colon that moves the output is equivariance; without the colon (the
  /// equation in a later clause) the word is not judged by it.
  func testMovedAfterColon_showsEquivariance() {
    let doc = """
      **Problem 1.** A layer maps $u[b,t,k]$ to $v[b,t,k] = w[k]\\,u[b,t,k]$.

      (a) What happens to $v$ when the positions are reordered by $\\pi$?

      **Solution:** Each position is treated alike, so the layer is invariant%@ $v'[b,t,k] = v[b,\\pi(t),k]$ holds for every $\\pi$.
      """
    XCTAssertEqual(
      findings(doc.replacingOccurrences(of: "%@", with: ":"), kind: "property-word"),
      ["property-word 5"])
    let apart = doc.replacingOccurrences(of: "%@", with: " and later we see")
    XCTAssertEqual(findings(apart, kind: "property-word"), [])
  }
}
