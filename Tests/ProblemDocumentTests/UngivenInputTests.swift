import XCTest

@testable import ProblemDocument

/// An equation that reads a tensor nothing in the document gives, where a given tensor of the
/// same shape is meant. Each document is written for the test and shown beside a look-alike that
/// comes out the other way; the expected lines are counted by hand.
final class UngivenInputTests: XCTestCase, SmallDocumentAudit {
  /// The problem gives u[n,s,c] and the layer reads z[n,s+ΔS,C], which no other fragment writes
  /// or mentions: z is u under another letter (line 3, the first line of the
  /// problem continuing onto the second). Reading u, or saying what z is in a
  /// fragment of its own, is silent.
  func testUngivenInput_aLayerReadsATensorNothingGives() {
    let doc = """
      **Problem 1.** A sequence layer reads the signal $u[n,s,c]$ of $N$ clips, $S$ steps and \
      $C$ channels, with offsets $\\Delta s \\in \\{0,1,2\\}$ and $K$ output channels:

      $$o[n,s,k] = \\sigma\\left(A[k,\\Delta S,C]\\,%@[n,s+\\Delta S,C] - \\gamma[k]\\right)$$

      %@(a) How many multiplies does one clip take?
      """
    func with(_ name: String, _ note: String = "") -> String {
      var text = doc
      if let r = text.range(of: "%@") { text.replaceSubrange(r, with: name) }
      return text.replacingOccurrences(of: "%@", with: note)
    }
    XCTAssertEqual(findings(with("z"), kind: "input-letter"), ["input-letter 3"])
    XCTAssertEqual(findings(with("u"), kind: "input-letter"), [])
    XCTAssertEqual(
      findings(
        with("z", "Here $z[n,s,c]$ is $u$ padded with zeros at the end. "), kind: "input-letter"),
      [])
  }

  /// A tensor read only once but with bare letters everywhere (`\exp(ρ[a,j])`, a new parameter
  /// a reparameterization brings) is not read as an input, although f[a,j] has its shape:
  /// silent. The same tensor read against a summed capital, in a product whose output shares
  /// its first letter, is f under another letter (line 3).
  func testUngivenInput_aReparameterizationIsNoInput() {
    let doc = """
      **Problem 2.** A scorer has weights $q[k,j]$ and reads features $f[a,j]$.

      $$v[a,k] = %@$$

      (a) Is $v$ positive?
      """
    XCTAssertEqual(
      findings(doc.replacingOccurrences(of: "%@", with: "\\exp(\\rho[a,j])"), kind: "input-letter"),
      [])
    XCTAssertEqual(
      findings(
        doc.replacingOccurrences(of: "%@", with: "q[k,J]\\,\\rho[a,J]"), kind: "input-letter"),
      ["input-letter 3"])
  }
}
