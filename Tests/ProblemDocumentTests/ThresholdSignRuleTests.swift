import XCTest

@testable import ProblemDocument

/// `ThresholdSigns` run alone: a lone tensor subtracted from a weighted sum and later added to
/// one is a finding at the later place; the same text keeping the sign is not.
final class ThresholdSignRuleTests: XCTestCase {
  func lines(_ text: String) throws -> [Int] {
    let reading = Auditor.reading(ProblemSetDocument(text: text, name: "t.md"), spelling: false)
    return try AuditRules.ThresholdSigns().findings(in: reading).map(\.location.line)
  }

  /// The offsets are never called thresholds and the restatement sits in the next numbered
  /// item, inside an activation: the sign alone decides.
  func testSignFlippedInALaterItem_isAFinding() throws {
    let text = """
      **Problem 1.** A scorer maps features $g[n,E]$ to scores
      $s[n,u] = \\tanh(V[u,E]\\,g[n,E] - q[u])$ with offsets $q[u]$.

      **Problem 2.** Restate the scorer: $s[n,u] = \\tanh(V[u,E]\\,g[n,E] %@ q[u])$.
      """
    XCTAssertEqual(try lines(text.replacingOccurrences(of: "%@", with: "+")), [4])
    XCTAssertEqual(try lines(text.replacingOccurrences(of: "%@", with: "-")), [])
  }

  /// Offsets the text calls thresholds, added later: two rules read that sign (against the
  /// convention, against the document's earlier sign), and the audit reports it once.
  func testSignReadByTwoRules_isReportedOnce() throws {
    let text = """
      **Problem 1.** A scorer with thresholds $q[u]$ maps features $g[n,E]$ to scores \
      $s[n,u] = \\sigma(V[u,E]\\,g[n,E] - q[u])$.

      **Problem 2.** Restate the scorer: $s[n,u] = \\sigma(V[u,E]\\,g[n,E] + q[u])$.
      """
    let doc = ProblemSetDocument(text: text, name: "t.md")
    let reading = Auditor.reading(doc, spelling: false)
    var byRules: [Int] = []
    for rule in AuditRules.all {
      byRules += try rule.findings(in: reading).filter { $0.kind == .thresholdSign }
        .map(\.location.line)
    }
    XCTAssertEqual(byRules, [3, 3])
    let reported = Auditor.audit(doc, spelling: false).findings.filter { $0.kind == .thresholdSign }
    XCTAssertEqual(reported.map(\.location.line), [3])
  }

  /// A tensor added first fixes nothing (a residual `h + W x`), a lone tensor of a sum without
  /// a product of two tensors is no pre-activation, and a name of another rank is another
  /// tensor.
  func testAddedFirstOtherRankAndPlainSums_areSilent() throws {
    let residual = """
      **Problem 1.** A block maps $x[n,E]$ to $y[n,u] = r[u] + V[u,E]\\,x[n,E]$.

      **Problem 2.** Its output is $y[n,u] = V[u,E]\\,x[n,E] - r[u]$ and later again
      $z[n,u] = V[u,E]\\,x[n,E] + r[u]$.
      """
    XCTAssertEqual(try lines(residual), [4])
    let plain = """
      **Problem 1.** A gap $d[n] = m[n] - r[n]$, a layer $a[n,u] = V[u,E]\\,x[n,E] - r[u]$.

      **Problem 2.** The total $t[n] = m[n] + r[n]$ and $b[n,u] = V[u,E]\\,x[n,E] + r[u,u]$.
      """
    XCTAssertEqual(try lines(plain), [])
  }
}
