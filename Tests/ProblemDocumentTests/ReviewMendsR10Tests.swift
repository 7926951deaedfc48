import XCTest

/// The tenth round's review, mended: a product sharing three factors with an earlier formula is
/// that formula's slip only when the value put in is a size of the replaced factor or its kin;
/// a printed output size at the values where one already agreed with its formula is the layer
/// applied again. Each document is written for the test; each silent one has a look-alike that
/// still fires.
final class ReviewMendsR10Tests: XCTestCase, SmallDocumentAudit {
  /// `BTEI` at B = 4, T = 8, E = 32, I = 256 is 4·8·32·256 = 262,144. A second product, the
  /// mixing of E features by an E-by-E matrix, is 4·8·32·32 = 32,768: another quantity, with 32
  /// the value of E (a size of another factor), not a slip of I. The look-alike prints the
  /// projection with T = 8 replaced by its kin T′ = 6: 4·6·32·256 = 196,608.
  static let mixing = """
    **Problem 1.** Inputs $x[b,t,i]$ are projected by $q[b,t,e] = W[e,I]x[b,t,I]$, which costs \
    $BTEI$ multiplies. Take $B = 4$, $T = 8$, $T' = 6$, $E = 32$ and $I = 256$.

    (a) How many multiplies does the projection take at these sizes?

    **Solution:** $4 \\cdot 8 \\cdot 32 \\cdot 256 = 262{,}144$.

    (b) An $E$-by-$E$ mixing of the projected features follows. How many multiplies?

    **Solution:** %@
    """

  func testProductOfAnotherFactorsSize_isAnotherQuantity() {
    let other = Self.mixing.replacingOccurrences(
      of: "%@", with: "$4 \\cdot 8 \\cdot 32 \\cdot 32 = 32{,}768$.")
    XCTAssertEqual(findings(other, kind: "count-disagreement"), [])
    let kin = Self.mixing.replacingOccurrences(
      of: "%@", with: "$4 \\cdot 6 \\cdot 32 \\cdot 256 = 196{,}608$.")
    XCTAssertEqual(findings(kin, kind: "count-disagreement"), ["count-disagreement 9"])
  }

  /// Valid windows: X′ = X − ΔX + 1 = 40 − 5 + 1 = 36 at X = 40, ΔX = 5. A second layer reading
  /// 36 gives 32, printed as X′ again once 36 agreed; printed first, 32 is a slip.
  static let twice = """
    **Problem 1.** An unpadded layer writes $X' = X - \\Delta X + 1$ outputs. Take $X = 40$ \
    and $\\Delta X = 5$.

    (a) How wide is the output?

    **Solution:** %A

    (b) The layer is applied to its own output. How wide is the result?

    **Solution:** The second layer reads width 36, so $X' = 32$.
    """

  func testSizeAfterOneThatAgreed_isTheLayerAppliedAgain() {
    let agreed = Self.twice.replacingOccurrences(of: "%A", with: "$X' = 36$.")
    XCTAssertEqual(findings(agreed, kind: "border-rule"), [])
    let unanswered = Self.twice.replacingOccurrences(of: "%A", with: "Count the positions.")
    XCTAssertEqual(findings(unanswered, kind: "border-rule"), ["border-rule 9"])
  }
}
