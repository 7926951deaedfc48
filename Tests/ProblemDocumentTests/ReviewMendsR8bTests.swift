import XCTest

@testable import ProblemDocument

/// Mends of the eighth review: subset ranges of an output index, brackets of operators, and
/// sides that write some tensors by their bare letters.
final class ReviewMendsR8bTests: XCTestCase, SmallDocumentAudit {
  /// A filter of four taps and no padding: the valid outputs are 0 … N − 4.
  static let window = """
    **Problem 1.** A filter $k[\\Delta i]$ with $\\Delta i \\in \\{0, 1, 2, 3\\}$ slides over a signal $a[i]$ of $N$ samples, unpadded:

    $$r[i] = k[\\Delta I]\\, a[i + \\Delta I]$$

    (a) Which outputs are there?

    **Solution:** RANGE
    """

  /// A range that starts above the first valid output describes some of the outputs, not all
  /// of them: neither its lower nor its upper end is judged against the valid ends.
  func testSubsetRangeOfOutputsIsNotTheFullRange() {
    let interior = Self.window.replacingOccurrences(
      of: "RANGE", with: "Away from both ends, the outputs $1 \\le i \\le N-5$ see no edge sample.")
    XCTAssertEqual(borders(interior), [])
    let lastSample = Self.window.replacingOccurrences(
      of: "RANGE", with: "Only the outputs $N-4 \\le i \\le N-4$ read the final sample.")
    XCTAssertEqual(borders(lastSample), [])
  }

  /// Look-alike: a range from the first output that stops short of the last valid one is
  /// still a finding; one that reaches it is silent.
  func testFullRangeFromTheFirstOutputIsStillJudged() {
    let short = Self.window.replacingOccurrences(
      of: "RANGE", with: "They are $0 \\le i \\le N-5$.")
    XCTAssertEqual(borders(short), ["border-rule 7"])
    let right = Self.window.replacingOccurrences(
      of: "RANGE", with: "They are $0 \\le i \\le N-4$.")
    XCTAssertEqual(borders(right), [])
  }

  /// A bracket after an operator's name in an upright or blackboard font (`\mathbb{E}[…]`,
  /// `\mathrm{Cov}[…]`, `\operatorname{E}[…]`) holds an argument, not an index list.
  func testOperatorBracketsAreNotIndexLists() {
    let doc = """
      **Problem 1.** Let $g[i]$ and $u[i]$ be independent, each with mean zero.

      **Solution:** Then $\\mathbb{E}[g u] = 0$, $\\mathrm{Cov}[g u, g] = 0$ and $\\operatorname{E}[g^2 u^2] = \\mathbb{E}[g^2]\\,\\mathbb{E}[u^2]$.
      """
    XCTAssertEqual(findings(doc, kind: "missing-comma"), [])
  }

  /// Look-alike: a decorated tensor's index list (`\hat{g}[b i]`) still has its comma read.
  func testDecoratedTensorStillHasItsIndexListRead() {
    let doc = """
      **Problem 1.** Let $g[b,i]$ be a batch of vectors.

      **Solution:** The estimate is $\\hat{g}[b i] \\cdot (\\tilde{g}[b i] - 1)$ with $\\mathbb{E}[g u]$ unchanged.
      """
    XCTAssertEqual(findings(doc, kind: "missing-comma").count, 2)
  }

  /// A layer whose equation writes its offsets `g[k]` bare: a side in shorthand carries the
  /// bare tensors' indices only, so an index neither side carries otherwise is still reported.
  func testBareTensorCarriesOnlyItsOwnIndices() {
    let doc = """
      **Problem 1.** A layer has weights $A[k,m]$ and offsets $g[k]$, and maps $u[n,m]$ to $z[n,k]$:

      $$z[n,s,k] = \\sigma(A[k,M]\\, u[n,M] - g)$$
      """
    XCTAssertEqual(findings(doc, kind: "free-index-one-side"), ["free-index-one-side 3"])
  }

  /// Look-alike: a side written wholly in shorthand (`2(A − g)`) carries A's and g's indices,
  /// so the other side's k and m are not missing from it.
  func testShorthandSideCarriesItsTensorsIndices() {
    let doc = """
      **Problem 1.** A layer has weights $A[k,m]$ and offsets $g[k]$, and a scaled copy $B[k,m]$:

      $$B[k,m] = 2(A - g)$$
      """
    XCTAssertEqual(findings(doc, kind: "free-index-one-side"), [])
  }

  /// A filter whose offsets' values are given only by a set after the word "over".
  static let bareSet = """
    **Problem 1.** A filter $k[\\Delta i]$ slides over a signal $a[i]$ of $N$ samples, unpadded. SETS

    $$r[i] = k[\\Delta I]\\, a[i + \\Delta I]$$

    (a) Which outputs are there?

    **Solution:** They are $0 \\le i \\le N-4$.
    """

  /// A set after a word that merely holds "over" (`overlap`) is not the offsets' values: the
  /// two ends of the signal are no offsets, and the right range stays silent.
  func testSetAfterOverlapIsNotTheOffsetsValues() {
    let doc = Self.bareSet.replacingOccurrences(
      of: "SETS",
      with: "Its taps $\\Delta i$ run from $0$ to $3$, and neighbouring windows overlap "
        + "$\\{0, 1\\}$ samples apart.")
    XCTAssertEqual(borders(doc), [])
  }

  /// Look-alike: the set right after "range over" gives the offsets' values, and the range
  /// judged against them stops short of the last valid output, N − 3.
  func testSetAfterRangeOverGivesTheOffsetsValues() {
    let doc = Self.bareSet.replacingOccurrences(
      of: "SETS", with: "Its taps $\\Delta i$ range over $\\{0, 1, 2\\}$.")
    XCTAssertEqual(borders(doc), ["border-rule 7"])
  }
}
