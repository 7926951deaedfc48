import XCTest

@testable import ProblemDocument

/// Readings of the notation that decide what an equation says before a rule judges it: a slice
/// handed whole to a norm or an applied letter, an axis a later problem adds, a block defined
/// piece by piece, a letter in a sum's bounds, two letters one formula pairs. Each document is
/// written for the test; each silent reading has a look-alike that still fires.
final class NotationPrecisionTests: XCTestCase, SmallDocumentAudit {
  /// `ℓ(z[b,T,K])` and `‖z[b,t,K]‖`: the capitals are the slices the loss and the norm read.
  /// The look-alike scales the slice by a weight and takes an absolute value (elementwise):
  /// nothing sums T, K there.
  func testSliceHandedToAFunctionOrANorm_isNotUnsummed() {
    let text = """
      **Problem 1.** Scores $z[b,t,k]$ over $B$ examples, $T$ steps and $K$ classes. For %@ \
      on the last step, the total is $\\mathcal{R} = \\sum_b %@$. The norm of each step is \
      $n[b,t] = %@$.
      """
    func filled(_ parts: [String]) -> String {
      var out = text
      for p in parts {
        if let r = out.range(of: "%@") { out.replaceSubrange(r, with: p) }
      }
      return out
    }
    let handed = filled(["a loss $\\ell$", "\\ell(z[b,T,K])", "\\|z[b,t,K]\\|"])
    XCTAssertEqual(findings(handed, kind: "unsummed-capital"), [])
    let scaled = filled(["a weight $\\lambda$", "\\lambda\\, z[b,T,K]", "|z[b,t,K]|"])
    XCTAssertEqual(
      findings(scaled, kind: "unsummed-capital"),
      ["unsummed-capital 1", "unsummed-capital 1", "unsummed-capital 1"])
  }

  /// A later problem that introduces G groups writes the projections with a group axis g: its
  /// own rank. The look-alike adds a letter no size of that problem gives (t): still a rank
  /// mismatch against the earlier problem.
  func testAxisTheProblemIntroduces_isItsOwnRank() {
    let text = """
      **Problem 1.** A projection uses matrices $A[k,I]$ and $C[k,I]$, where $k$ ranges over \
      $K$ key dimensions. The keys are:

      $$q[b,k] = A[k,I]\\,x[b,I] + C[k,I]\\,y[b,I]$$

      **Problem 2.** A multi-group version uses %@. Count the multiplies.
      """
    let grouped = text.replacingOccurrences(
      of: "%@", with: "$G$ groups with $A[g,k,I]$ and $C[g,k,I]$")
    XCTAssertEqual(findings(grouped, kind: "rank-mismatch"), [])
    let stray = text.replacingOccurrences(of: "%@", with: "$A[t,k,I]$ and $C[t,k,I]$")
    XCTAssertEqual(findings(stray, kind: "rank-mismatch"), ["rank-mismatch 5", "rank-mismatch 5"])
  }

  /// `e[b,n,C+g] = p[n,g]` beside the plain piece `e[b,n,c] = x[b,n,c]`: the appended block is
  /// the same for every b. A left index in a sum's bounds (a window around i) is on the right.
  /// The look-alikes drop the plain piece and write bounds without i: b and i are free on the
  /// left only.
  func testBlockPieceAndWindowBounds_carryTheLeftIndex() {
    let text = """
      **Problem 1.** Inputs $x[b,n,c]$ over $B$ examples, $N$ positions and $C$ channels get \
      features $p[n,g]$ appended: %@$e[b,n,C+g] = p[n,g]$.

      **Problem 2.** A window sum over channels $u[b,i]$ is $$s[b,i] = \\sum_{%@} u[b,i']$$
      """
    func filled(_ a: String, _ b: String) -> String {
      var out = text
      out.replaceSubrange(out.range(of: "%@")!, with: a)
      out.replaceSubrange(out.range(of: "%@")!, with: b)
      return out
    }
    let pieces = filled(
      "$e[b,n,c] = x[b,n,c]$ for $c < C$, and ", "i'=\\max(0,i-h)}^{\\min(I-1,i+h)")
    XCTAssertEqual(findings(pieces, kind: "free-index-one-side"), [])
    let alone = filled("", "i'=0}^{I-1")
    XCTAssertEqual(
      findings(alone, kind: "free-index-one-side"),
      ["free-index-one-side 1", "free-index-one-side 3"])
  }

  /// `r[p,c] − r[q,c]` in the preamble pairs p and q (two points): `h[p,I]` and `h[q,I]` in one
  /// sentence are h at two points. The look-alike's preamble pairs nothing: two spellings.
  func testLettersOneFormulaPairs_spellOneTensor() {
    let text = """
      Points $r[p,c]$ carry features $h[p,i]$; the distances are $$d[p,q] = \\sum_{c} %@$$

      **Problem 1.** How many multiplies do all $d[p,q]$ take? Compute $A[j,I]h[p,I]$ and \
      $V[j,I]h[q,I]$ once per point.
      """
    let paired = text.replacingOccurrences(of: "%@", with: "\\left(r[p,c]-r[q,c]\\right)^2")
    XCTAssertEqual(findings(paired, kind: "index-lists"), [])
    let unpaired = text.replacingOccurrences(of: "%@", with: "r[p,c]\\,u[q,c]")
    XCTAssertEqual(findings(unpaired, kind: "index-lists"), ["index-lists 3"])
  }
}
