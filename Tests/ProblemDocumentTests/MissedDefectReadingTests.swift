import XCTest

@testable import ProblemDocument

/// Readings that find defects the audit used to miss, each on a small document written for the
/// test beside a correct look-alike, with the rule run alone so the test can fail.
final class MissedDefectReadingTests: XCTestCase {
  /// The lines of one rule's findings, the rule run alone on the shared reading.
  func lines(_ rule: some AuditRule, _ text: String) throws -> [Int] {
    let reading = Auditor.reading(ProblemSetDocument(text: text, name: "t.md"), spelling: false)
    return try rule.findings(in: reading).map(\.location.line)
  }

  /// Thresholds named one per fragment (`$C^{a}$, $C^{b}$`) are thresholds, each of them: one
  /// added inside the activation is a finding, the same layer subtracting it is not.
  func testThresholdsListedOnePerFragment_areThresholds() throws {
    let added = """
      **Problem 1.** A two-stage gate keeps gains $G^{a}[u,e]$, $G^{b}[u,e]$ and offsets, the
      thresholds $C^{a}$, $C^{b}$, for $E$ inputs:

      $$g[n,u] = \\sigma\\left(G^{a}[u,E]\\,v[n,E] - C^{a}[u]\\right)$$

      $$r[n,u] = \\sigma\\left(G^{b}[u,E]\\,v[n,E] + C^{b}[u]\\right)$$
      """
    XCTAssertEqual(try lines(AuditRules.EngineDiagnostics(), added), [6])
    let subtracted = added.replacingOccurrences(of: "+ C^{b}", with: "- C^{b}")
    XCTAssertEqual(try lines(AuditRules.EngineDiagnostics(), subtracted), [])
  }

  /// A function applied to a moved input and to the plain one (`f(R_c v)[…] = f(v)[…]`):
  /// different index lists show equivariance, so "invariant" after it is a finding; equal ones,
  /// or none (`f(R_c v) = f(v)`), show invariance, where "invariant" is right.
  func testFunctionOfAMovedInput_showsWhichPropertyHolds() throws {
    let moving = """
      **Problem 1.** Let $\\mathcal{R}_c$ rotate a ring of sensors by $c$ places,
      $(\\mathcal{R}_c v)[m,i] = v[m-c,i]$, and let a filter bank give $q(v)[m,j]$.

      (a) Relate the outputs for a rotated ring.

      **Solution**: $q(\\mathcal{R}_c v)[m,j] = q(v)[m-c,j]$ for every $m$.

      So the filter bank is rotation invariant.
      """
    XCTAssertEqual(try lines(AuditRules.PropertyWords(), moving), [8])
    let equivariant = moving.replacingOccurrences(
      of: "rotation invariant", with: "rotation equivariant")
    XCTAssertEqual(try lines(AuditRules.PropertyWords(), equivariant), [])
    let pooled = moving.replacingOccurrences(
      of: "q(\\mathcal{R}_c v)[m,j] = q(v)[m-c,j]", with: "q(\\mathcal{R}_c v) = q(v)")
    XCTAssertNotEqual(pooled, moving)
    XCTAssertEqual(try lines(AuditRules.PropertyWords(), pooled), [])
  }

  /// An equation number (`\tag{3}`) is no mathematics: the equation before it reads, so a
  /// capital on its right side that nothing sums is found; summed, it is not.
  func testTaggedEquation_readsWithoutItsTag() throws {
    let tagged = """
      **Problem 1.** Scores $s[n] = u[E]\\,v[n,E]$ use weights $u[e]$ over $E$ features.

      (a) Give the gradient.

      **Solution**:

      $$\\frac{\\partial \\mathcal{L}}{\\partial u[e]} = g[N]\\,v[N,e] + \\mu\\,u[E] \\tag{3}$$
      """
    XCTAssertEqual(try lines(AuditRules.EngineDiagnostics(), tagged), [7])
    let summed = tagged.replacingOccurrences(of: "\\mu\\,u[E]", with: "\\mu\\,u[e]")
    XCTAssertNotEqual(summed, tagged)
    XCTAssertEqual(try lines(AuditRules.EngineDiagnostics(), summed), [])
    XCTAssertEqual(
      FragmentReader.blankingLabels("y = x \\tag{3}"), "y = x " + String(repeating: " ", count: 7))
  }

  /// A derivative with respect to a plain name whose family carries a layer subscript, beside
  /// right-side factors that carry it, is missing the subscript; written `∂ℒ/∂V_ℓ[…]` it is not.
  func testDerivativeByAPlainFamilyMember_needsItsSubscript() throws {
    let plain = """
      **Problem 1.** Each layer $\\ell$ maps $z_{\\ell}[n,i]$ to
      $z_{\\ell+1}[n,j] = V_{\\ell}[j,I]\\,z_{\\ell}[n,I]$, with $N$ examples and $I$ inputs.

      (a) Differentiate the loss by the weights.

      **Solution**:

      $$\\frac{\\partial \\mathcal{L}}{\\partial V[j,i]} = d_{\\ell+1}[N,j]\\,z_{\\ell}[N,i]$$
      """
    XCTAssertEqual(try lines(AuditRules.MissingSubscripts(), plain), [8])
    let marked = plain.replacingOccurrences(
      of: "\\partial V[j,i]", with: "\\partial V_{\\ell}[j,i]")
    XCTAssertNotEqual(marked, plain)
    XCTAssertEqual(try lines(AuditRules.MissingSubscripts(), marked), [])
  }

  /// A chain the engine cannot read whole (`… = 0`) is read by its first two sides: an input
  /// written there with the output's channel letter, while the weight's capital is summed by
  /// nothing, is an input-letter finding; the summed letter in its place is not.
  func testChainEndingInAConstant_readsItsFirstEquation() throws {
    let chain = """
      **Problem 1.** A mixer sends features $a[p,e]$ through weights $V[k,e]$:
      $r[p,k] = V[k,E]\\,a[p,E]$, for $P$ points and $E$ features.

      (a) What is $r$ when every feature is zero?

      **Solution**: $r[p,k] = V[k,E]\\,a[p,k] = 0$ at every point.
      """
    XCTAssertEqual(try lines(AuditRules.EquationInputLetters(), chain), [6])
    let summed = chain.replacingOccurrences(of: "a[p,k] = 0", with: "a[p,E] = 0")
    XCTAssertNotEqual(summed, chain)
    XCTAssertEqual(try lines(AuditRules.EquationInputLetters(), summed), [])
  }
}
