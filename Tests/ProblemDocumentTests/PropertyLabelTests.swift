import XCTest

@testable import ProblemDocument

/// A transformed output written as the original with a subscript label (`h_1[…]` for a shift
/// by one, `N_{cu} = N` for a scaling) relates the two like a primed copy. Documents written
/// for the test, each beside a look-alike that comes out the other way.
final class PropertyLabelTests: XCTestCase, SmallDocumentAudit {
  /// A labelled output equal to the original at shifted indices has moved: "invariant" is the
  /// wrong word for it; at the same indices it is the right one.
  func testLabelledShiftedOutput_showsEquivariance() {
    let doc = """
      **Problem 1.** A layer computes $h[b,x,y,c] = w[c]\\,u[b,x,y,c]$.

      (a) What happens to $h$ when the input is shifted by one pixel?

      **Solution:** Substituting the shifted input, $h_1[b,x,y,c]=h[b,%@,y,c]$. So the layer is translation invariant.
      """
    XCTAssertEqual(
      findings(doc.replacingOccurrences(of: "%@", with: "x-1"), kind: "property-word"),
      ["property-word 5"])
    XCTAssertEqual(
      findings(doc.replacingOccurrences(of: "%@", with: "x"), kind: "property-word"), [])
  }

  /// A bare output with a label written equal to the plain one is unchanged: "equivariant" is
  /// the wrong word, "invariant" the right one.
  func testLabelledBareOutput_showsInvariance() {
    let doc = """
      **Problem 1.** A layer divides $u[b,i]$ by its norm, giving $N[b,i]$.

      (a) What happens to $N$ when the input is scaled by $c > 0$?

      **Solution:** The factor cancels, so the layer is scale %@: $N_{cu}=N$.
      """
    XCTAssertEqual(
      findings(doc.replacingOccurrences(of: "%@", with: "equivariant"), kind: "property-word"),
      ["property-word 5"])
    XCTAssertEqual(
      findings(doc.replacingOccurrences(of: "%@", with: "invariant"), kind: "property-word"), [])
  }

  /// A map of two indices (`\pi(x,y)`, one position of a grid) stands for the two it maps: the
  /// labelled output equal to the original at mapped positions has moved, so "invariant" is
  /// the wrong word; the output at its own positions is unchanged.
  func testMapOfTwoIndices_countsAsBoth() {
    let doc = """
      **Problem 1.** A gated layer computes $h[b,x,y,c] = g[b,c]\\,u[b,x,y,c]$ where $g[b,c]$ pools $u$ over all positions.

      (a) What happens to $h$ when the positions are permuted by $\\pi$?

      **Solution:** Since $g$ does not change, $h_\\pi[b,x,y,c]=g[b,c]\\,u[b,\\pi(x,y),c]=%@$. So $h$ is permutation invariant.
      """
    XCTAssertEqual(
      findings(
        doc.replacingOccurrences(of: "%@", with: "h[b,\\pi(x,y),c]"), kind: "property-word"),
      ["property-word 5"])
    XCTAssertEqual(
      findings(doc.replacingOccurrences(of: "%@", with: "h[b,x,y,c]"), kind: "property-word"), [])
  }
}
