import IndexNotation
import XCTest

@testable import ProblemDocument

/// A threshold added inside an activation against the convention — the notation's (subtract)
/// unless the document's own activations add theirs throughout — read from the equations.
final class ThresholdConventionTests: XCTestCase, SmallDocumentAudit {
  /// The lines of the document's threshold-sign findings.
  func lines(_ text: String) -> [Int] {
    findings(text, kind: "threshold-sign").compactMap { Int($0.split(separator: " ").last ?? "") }
  }

  /// The only pre-activation of the document adds its offset: the notation subtracts it. The
  /// same document subtracting it is silent.
  func testLoneAddedOffset_firesAgainstTheNotation() {
    let text = """
      **Problem 1.** Scores $g[n,E]$ feed a unit with offsets $q[u]$.

      $$s[n,u] = \\tanh\\left(V[u,E]\\,g[n,E] %@ q[u]\\right)$$
      """
    XCTAssertEqual(lines(text.replacingOccurrences(of: "%@", with: "+")), [3])
    XCTAssertEqual(lines(text.replacingOccurrences(of: "%@", with: "-")), [])
  }

  /// An offset added inside a normalizer or an exponential (`\\mathrm{softmax}(…)`,
  /// `\\exp(…)`) shifts a score, not an activation's threshold: silent. The same sum inside
  /// `\\tanh` fires.
  func testOffsetInsideANormalizer_isNoThreshold() {
    let text = """
      **Problem 1.** Scores $g[n,E]$ give $s[n,u] = %@(V[u,E]\\,g[n,E] + q[u])$.
      """
    XCTAssertEqual(lines(text.replacingOccurrences(of: "%@", with: "\\mathrm{softmax}")), [])
    XCTAssertEqual(lines(text.replacingOccurrences(of: "%@", with: "\\exp")), [])
    XCTAssertEqual(lines(text.replacingOccurrences(of: "%@", with: "\\tanh")), [1])
  }

  /// A document that adds its offsets in every activation has chosen that sign; with one of
  /// the two subtracted instead, the added one disagrees.
  func testDocumentThatAddsThroughout_isSilent() {
    let text = """
      **Problem 1.** A first unit $s[n,u] = \\mathrm{ReLU}(V[u,E]\\,g[n,E] + q[u])$.

      **Problem 2.** A second unit $r[n,k] = \\sigma(A[k,U]\\,s[n,U] %@ c[k])$.
      """
    XCTAssertEqual(lines(text.replacingOccurrences(of: "%@", with: "+")), [])
    XCTAssertEqual(lines(text.replacingOccurrences(of: "%@", with: "-")), [1])
  }

  /// Per-example terms added in an activation (noise `e[n,u]`, the input itself) carry an index
  /// of the data, not only the weights' output, and a term beside a product that sums no
  /// capital stands beside no weight: they are no thresholds. The offset beside them is.
  func testNoiseAndResidualTerms_areNoThresholds() {
    let noise = """
      **Problem 1.** $s[n,u] = \\sigma\\left((V[u,E]\\,g[n,E] - q[u] + e[n,u])/T\\right)$ and
      $z[n,u] = \\mathrm{ReLU}(V[u,E]\\,g[n,E] + h[n,u])$, and a gate without weights
      $y[n,u] = \\sigma(a[n,u]\\,p[n,u] + a[n,u])$.
      """
    XCTAssertEqual(lines(noise), [])
    let offset = """
      **Problem 1.** $s[n,u] = \\sigma\\left((V[u,E]\\,g[n,E] + q[u] + e[n,u])/T\\right)$.
      """
    XCTAssertEqual(lines(offset), [1])
  }

  /// A scale multiplying every term (`a V g + a q`) is taken out: the offset it scales is a
  /// threshold. A second product with another scale (`a V g + p q`) is no lone term.
  func testSharedScale_isTakenOut() {
    let text = """
      **Problem 1.** $s[n,u] = \\mathrm{ReLU}(a[n,u]\\,V[u,E]\\,g[n,E] + %@[n,u]\\,q[u])$.
      """
    XCTAssertEqual(lines(text.replacingOccurrences(of: "%@", with: "a")), [1])
    XCTAssertEqual(lines(text.replacingOccurrences(of: "%@", with: "p")), [])
  }

  /// A function the document names itself (`\\mathrm{Swish}(…)`) is read as an activation: the
  /// offset added inside it is a finding, as inside σ. The same word with no argument after it
  /// is still no factor, and the equation is not read.
  func testNamedFunction_isReadAsAnActivation() throws {
    var applied = Parser("s[n,u] = \\mathrm{Swish}\\left(V[u,E]\\,g[n,E] + q[u]\\right)")
    let equation = try applied.parseEquation()
    guard case .function(let name, _, _) = equation.rhs else {
      return XCTFail("read as \(equation.rhs)")
    }
    XCTAssertEqual(name, "Swish")
    var bare = Parser("s[n,u] = \\mathrm{Swish}\\,V[u,E]\\,g[n,E]")
    XCTAssertThrowsError(try bare.parseEquation())
    let text = """
      **Problem 1.** $s[n,u] = \\mathrm{Swish}(V[u,E]\\,g[n,E] %@ q[u])$.
      """
    XCTAssertEqual(lines(text.replacingOccurrences(of: "%@", with: "+")), [1])
    XCTAssertEqual(lines(text.replacingOccurrences(of: "%@", with: "-")), [])
  }
}
