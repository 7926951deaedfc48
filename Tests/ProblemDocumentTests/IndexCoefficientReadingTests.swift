import XCTest

@testable import ProblemDocument

/// A coefficient written against an index inside an index list (a stride `r_h h`, a dilation
/// `q_\ell\Delta T`): a letter that is no index of the equation multiplies the term after it;
/// two letters that are both indices of the equation are still a missing comma.
final class IndexCoefficientReadingTests: XCTestCase {
  func findings(_ text: String) -> [String] {
    Auditor.audit(ProblemSetDocument(text: text, name: "t.md"), spelling: false)
      .findings.map { "\($0.kind.rawValue) \($0.location.line)" }
  }

  /// The engine's findings about index lists on line `line`.
  func engineFindings(_ text: String, line: Int) -> [String] {
    let kinds = ["missing-comma", "rank-mismatch", "free-index-one-side", "index-lists"]
    return findings(text).filter { f in
      kinds.contains { f.hasPrefix($0 + " ") } && f.hasSuffix(" \(line)")
    }
  }

  func document(_ position: String) -> String {
    """
    **Problem 1.** A strided layer reads $V[n,h,I]$ with stride $r_h$ and writes $A[n,h,c]$.

    $$A[n,h,c] = \\sigma\\left(K[\\Delta H,c,I]\\,V[n,\(position),I] - \\beta[c]\\right)$$

    (a) How many multiplies does the layer make?
    """
  }

  /// `r_h h + ΔH`: the subscripted stride is no index of the equation, so it multiplies h.
  func testSubscriptedStride_multipliesTheIndexAfterIt() {
    XCTAssertEqual(engineFindings(document("r_h h+\\Delta H"), line: 3), [])
  }

  /// `c\, h + ΔH`: c is an index of the left side, so c and h are two indices, a comma missing.
  func testTwoIndicesOfTheEquation_stillMissAComma() {
    let found = engineFindings(document("c\\, h+\\Delta H"), line: 3)
    XCTAssertTrue(found.contains("missing-comma 3"), "\(found)")
  }

  /// `h + ΔH\, c`: an offset is an index of the equation, so the letter after it is another.
  func testOffsetBeforeAnIndex_stillMissesAComma() {
    let found = engineFindings(document("h+\\Delta H\\, c"), line: 3)
    XCTAssertTrue(found.contains("missing-comma 3"), "\(found)")
  }

  func dilated(_ position: String) -> String {
    """
    **Problem 1.** Layer $\\ell$ reads $g_\\ell[n,t,I]$ with dilation $q_\\ell$ and kernel $K_\\ell$.

    $$g_{\\ell+1}[n,t,c] = \\sigma\\left(K_\\ell[c,\\Delta T,I]\\,g_\\ell[n,\(position),I] - \\beta_\\ell[c]\\right)$$

    (a) How far back does layer $\\ell$ see?
    """
  }

  /// `t − q_ℓΔT`: the dilation multiplies the offset; nothing about the index list is reported.
  func testSubscriptedDilation_multipliesTheOffset() {
    XCTAssertEqual(engineFindings(dilated("t - q_\\ell\\Delta T"), line: 3), [])
  }

  /// `t − nΔT`: n is an index of the left side, so it does not multiply the offset.
  func testIndexOfTheLeftBeforeAnOffset_stillMissesAComma() {
    let found = engineFindings(dilated("t - n\\Delta T"), line: 3)
    XCTAssertTrue(found.contains("missing-comma 3"), "\(found)")
  }

  /// `g[t − m_k j]` where the left side writes g with two indices: read as a product, g would
  /// lose an index within the equation, so the comma is missing; `g[t − m_kΔT, j]` is silent.
  func testProductThatDropsAnIndexOfTheEquation_staysAMissingComma() {
    func doc(_ right: String) -> String {
      """
      **Problem 1.** A recurrence over steps $t$ with gaps $m_k$ and units $j$.

      $$g[t,j] = \(right)$$

      (a) Which earlier steps does $g$ read?
      """
    }
    XCTAssertEqual(engineFindings(doc("w[j,\\Delta T]\\,g[t-m_k\\Delta T,j]"), line: 3), [])
    let found = engineFindings(doc("w[j]\\,g[t-m_k j]"), line: 3)
    XCTAssertTrue(found.contains("missing-comma 3"), "\(found)")
  }
}
