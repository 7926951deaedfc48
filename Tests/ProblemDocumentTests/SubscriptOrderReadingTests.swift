import Foundation
import ProblemDocument
import XCTest

/// When a plain tensor misses the subscript of its family: only after the family has been
/// written with one, and not in a layer step whose other names are all written plain. Each
/// beside a look-alike that still raises the finding.
final class SubscriptOrderReadingTests: XCTestCase, SmallDocumentAudit {
  /// Notes with no problem heading: a plain `V` written before any `V_2` is the general form a later variant specializes;
  /// the same plain `V` written after `V_2` misses its subscript.
  func testPlainNameBeforeItsFirstSubscriptedMember_isNotMissingIt() {
    let plainFirst = """
      # Notes

      Inputs $x[b,i]$ with $B$ rows and $I$ features give $h[b,j] = \\mathrm{ReLU}(V[j,I]\\,x[b,I])$.

      A second bank gives $g[b,j] = \\mathrm{ReLU}(V_2[j,I]\\,x[b,I])$. How many multiplies?
      """
    XCTAssertEqual(findings(plainFirst, kind: "missing-subscript"), [])
    let subscriptedFirst = """
      # Notes

      Inputs $x[b,i]$ with $B$ rows and $I$ features give $g[b,j] = \\mathrm{ReLU}(V_2[j,I]\\,x[b,I])$.

      Then $h[b,j] = \\mathrm{ReLU}(V[j,I]\\,x[b,I])$. How many multiplies?
      """
    XCTAssertEqual(findings(subscriptedFirst, kind: "missing-subscript"), ["missing-subscript 5"])
  }

  /// `H_{ℓ+1} = ReLU(V H_ℓ − β)` with every other name plain ties the parameters across the
  /// layers; a left side `G_{ℓ+1}` read from a plain `H` gives no such step, and its plain `β`
  /// misses the subscript the document writes.
  func testLayerStepWithAllParametersPlain_tiesThem() {
    func doc(_ step: String) -> String {
      """
      **Problem 1.** Layers $\\ell = 0,\\ldots,L-1$ update node states $H_\\ell[n,i]$ of $N$ nodes:

      $$H_{\\ell+1}[n,j] = \\mathrm{ReLU}(W_{\\ell+1}[j,I]\\,H_\\ell[n,I] - \\beta_{\\ell+1}[j])$$

      (a) With one weight set for all layers, $$\(step)$$ How many parameters?
      """
    }
    let tied = doc("H_{\\ell+1}[n,j] = \\mathrm{ReLU}(V[j,I]\\,H_\\ell[n,I] - \\beta[j])")
    XCTAssertEqual(findings(tied, kind: "missing-subscript"), [])
    let stateless = doc("G_{\\ell+1}[n,j] = \\mathrm{ReLU}(V[j,I]\\,H[n,I] - \\beta[j])")
    XCTAssertFalse(findings(stateless, kind: "missing-subscript").isEmpty)
  }
}
