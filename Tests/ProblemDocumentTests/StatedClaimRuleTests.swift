import XCTest

@testable import ProblemDocument

/// The rules that decide a claim from the document's own statements: a size against the index
/// range stated for it, a range against the inequality it is drawn from, a stated border
/// convention, a reason against the premises, a property word after a reduction. Each shown on
/// a small document written for the test, beside a look-alike on which it must stay silent.
final class StatedClaimRuleTests: XCTestCase, SmallDocumentAudit {
  func testRangeSizes_aCountOtherThanTheRangesIsAFinding() {
    let text = """
      **Problem 1.** A moving sum of $\\Delta X$ taps reads a track $u[x]$ of length $X$.

      (a) How long is the result?

      **Solution**: Each window has to lie on the track, so $0 \\le x \\le X - \\Delta X$, and
      the result has $%@$ entries.
      """
    let wrong = findings(text.replacingOccurrences(of: "%@", with: "X - \\Delta X"))
    XCTAssertTrue(wrong.contains("border-rule 6"), "\(wrong)")
    let right = findings(text.replacingOccurrences(of: "%@", with: "X - \\Delta X + 1"))
    XCTAssertFalse(right.contains { $0.hasPrefix("border-rule") }, "\(right)")
  }

  func testRangeSizes_aProductAfterTheWordSizeAndAStrictBound() {
    let text = """
      **Problem 1.** A crop keeps a margin of $M$ pixels around a picture $p[x,y]$ of
      $X \\times Y$ pixels.

      **Solution**: The kept columns are $M \\le x < X - M$. The cropped picture has size
      $%@ \\times (Y - 2M)$.
      """
    let wrong = findings(text.replacingOccurrences(of: "%@", with: "(X - M)"))
    XCTAssertTrue(wrong.contains("border-rule 5"), "\(wrong)")
    let right = findings(text.replacingOccurrences(of: "%@", with: "(X - 2M)"))
    XCTAssertFalse(right.contains { $0.hasPrefix("border-rule") }, "\(right)")
  }

  /// A range over the whole size describes the input; a later size is of something else.
  func testRangeSizes_silentOnARangeOverTheWholeSize() {
    let text = """
      **Problem 1.** A picture $p[x]$ has $0 \\le x < X$ and a three-tap filter reads it
      without padding, so the result has $X - 2$ entries.
      """
    XCTAssertFalse(findings(text).contains { $0.hasPrefix("border-rule") })
  }

  func testRangeSizes_aRangeThatTheInequalityBeforeItDoesNotGive() {
    let text = """
      **Problem 1.** A filter of $K$ taps reads a row $r[x]$ of $X$ samples.

      **Solution**: The last tap must stay on the row: $x + K - 1 \\le X - 1$. Therefore
      $0 \\le x \\le %@$ and there are $X - K + 1$ positions.
      """
    let wrong = findings(text.replacingOccurrences(of: "%@", with: "X - K - 1"))
    XCTAssertTrue(wrong.contains("border-rule 4"), "\(wrong)")
    let right = findings(text.replacingOccurrences(of: "%@", with: "X - K"))
    XCTAssertFalse(right.contains { $0.hasPrefix("border-rule") }, "\(right)")
  }

  /// A wrap-around grid and offsets given as a set state the border; without them the rule
  /// reports offsets read past an unstated border.
  func testBorderRules_aWrapAroundConventionOrASetOfOffsetsIsStated() {
    let text = """
      **Problem 1.** A board holds values $s[x,y]$ for $X$ columns and $Y$ rows.%@ A stencil
      $K[\\Delta X,\\Delta Y]$ gives

      $$z[x,y] = K[\\Delta X,\\Delta Y]\\,s[x+\\Delta X,y+\\Delta Y]$$

      (a) How many multiplies does one pass take?
      """
    let silent = findings(text.replacingOccurrences(of: "%@", with: ""))
    XCTAssertTrue(silent.contains { $0.hasPrefix("border-rule") }, "\(silent)")
    let wrapped = findings(
      text.replacingOccurrences(
        of: "%@", with: " Its edges are joined, so columns wrap around."))
    XCTAssertFalse(wrapped.contains { $0.hasPrefix("border-rule") }, "\(wrapped)")
    let set = findings(
      text.replacingOccurrences(
        of: "%@", with: " The offsets take $\\Delta x, \\Delta y \\in \\{0, 1\\}$ only."))
    XCTAssertFalse(set.contains { $0.hasPrefix("border-rule") }, "\(set)")
  }

  func testJustifiedConditions_aReasonThePremiseRulesOut() {
    let text = """
      **Problem 1.** A bottleneck maps $D$ features to $H$ hidden units, and we take
      $H \\ll D$. Which of the two products is cheaper?

      **Answer:** the second one, because $%@$.
      """
    let wrong = findings(text.replacingOccurrences(of: "%@", with: "H > D"))
    XCTAssertTrue(wrong.contains("premise-condition 4"), "\(wrong)")
    let right = findings(text.replacingOccurrences(of: "%@", with: "H < D"))
    XCTAssertFalse(right.contains { $0.hasPrefix("premise-condition") }, "\(right)")
  }

  /// A comparison under "if" or in a question is not a premise; a comparison not given as a
  /// reason is not a claim.
  func testJustifiedConditions_silentOnConditionsQuestionsAndPlainStatements() {
    let text = """
      **Problem 1.** A bottleneck maps $D$ features to $H$ hidden units. If $H < D$, which
      product is cheaper? And is it cheaper for $H < 2D$?

      **Answer:** the first one, since $H > D$. Both cost the same at $H = D$, and $H > D$
      makes the second dearer.
      """
    XCTAssertFalse(findings(text).contains { $0.hasPrefix("premise-condition") })
  }

  /// A shift of an intermediate map followed by a reduction over it decides nothing: the
  /// reduced output may well be invariant.
  func testPropertyStatements_silentWhenAReductionFollowsTheShift() {
    let text = """
      **Problem 1.** A detector computes maps $g[x,k]$ and scores $z[k]$.

      **Solution**: Delaying the input shifts every map $g[x,k]$ by one step;%@ so $z[k]$ is
      invariant.
      """
    let shifted = findings(text.replacingOccurrences(of: "%@", with: ""))
    XCTAssertTrue(shifted.contains("property-word 4"), "\(shifted)")
    let reduced = findings(
      text.replacingOccurrences(of: "%@", with: " the maximum over all steps is taken,"))
    XCTAssertFalse(reduced.contains { $0.hasPrefix("property-word") }, "\(reduced)")
  }

  /// A colon right after the word opens the statement the word rests on.
  func testPropertyStatements_theStatementAfterAColon() {
    let text = """
      **Problem 1.** A ranking layer maps scores $s[n]$ to a sorted list $r[n]$.

      **Solution**: The list $r$ is permutation %@: reordering the scores leaves it unchanged.
      """
    let wrong = findings(text.replacingOccurrences(of: "%@", with: "equivariant"))
    XCTAssertTrue(wrong.contains("property-word 3"), "\(wrong)")
    let right = findings(text.replacingOccurrences(of: "%@", with: "invariant"))
    XCTAssertFalse(right.contains { $0.hasPrefix("property-word") }, "\(right)")

    let flip = """
      **Problem 1.** An odd network maps a point $p[i]$ to a value $f[k]$.

      **Solution**: The network is %@ to negation: every value it returns flips sign.
      """
    let wrongFlip = findings(flip.replacingOccurrences(of: "%@", with: "invariant"))
    XCTAssertTrue(wrongFlip.contains("property-word 3"), "\(wrongFlip)")
    let rightFlip = findings(flip.replacingOccurrences(of: "%@", with: "equivariant"))
    XCTAssertFalse(rightFlip.contains { $0.hasPrefix("property-word") }, "\(rightFlip)")
  }

  /// A sign stated in words is a premise; a negated one is not.
  func testPremiseConditions_aSignStatedInWords() {
    let text = """
      **Problem 1.** A hinge term uses a margin $m$ that is %@ to be positive.

      (a) When is the term zero for matching pairs?

      **Solution**: For matching pairs the term is zero only when $%#$.
      """
    let premise = text.replacingOccurrences(of: "%@", with: "taken")
    let wrong = findings(premise.replacingOccurrences(of: "%#", with: "m < 0"))
    XCTAssertTrue(wrong.contains("premise-condition 5"), "\(wrong)")
    let right = findings(premise.replacingOccurrences(of: "%#", with: "m > 0"))
    XCTAssertFalse(right.contains { $0.hasPrefix("premise-condition") }, "\(right)")
    let negated = findings(
      text.replacingOccurrences(of: "%@", with: "not taken").replacingOccurrences(
        of: "%#", with: "m < 0"))
    XCTAssertFalse(negated.contains { $0.hasPrefix("premise-condition") }, "\(negated)")
  }

  /// An upper bound alone holds b + 1 values counted from 0, or b from 1: a size that is
  /// neither is a finding, either one is not.
  func testRangeSizes_anUpperBoundAloneAllowsEitherFirstIndex() {
    let text = """
      **Problem 1.** A window of $W$ frames slides along a clip $c[t]$ of $T$ frames.

      **Solution**: The window must end inside the clip, so $t \\le T - W$.

      The result has $%@$ frames.
      """
    let wrong = findings(text.replacingOccurrences(of: "%@", with: "T - W + 2"))
    XCTAssertTrue(wrong.contains("border-rule 5"), "\(wrong)")
    for size in ["T - W + 1", "T - W"] {
      let right = findings(text.replacingOccurrences(of: "%@", with: size))
      XCTAssertFalse(right.contains { $0.hasPrefix("border-rule") }, "\(size): \(right)")
    }
  }

  /// With no padding a window wider than one position cannot keep the input's size; a 1×1
  /// window can, and so can a padded one.
  func testUnpaddedSizes_anOutputKeepingItsInputsSize() {
    let text = """
      **Problem 1.** A $%k \\times %k$ kernel slides over a map $m[x,y]$ of $X$ by $Y$ cells.

      **Solution**: The map has size $X \\times Y$, so %p the result has size $%s$.
      """
    func audit(_ k: String, _ p: String, _ s: String) -> [String] {
      findings(
        text.replacingOccurrences(of: "%k", with: k).replacingOccurrences(of: "%p", with: p)
          .replacingOccurrences(of: "%s", with: s))
    }
    let same = "X \\times Y"
    let wrong = audit("3", "without padding", same)
    XCTAssertTrue(wrong.contains("border-rule 3"), "\(wrong)")
    for (k, p, s) in [
      ("3", "without padding", "(X - 2) \\times (Y - 2)"), ("1", "without padding", same),
      ("3", "padded by one cell", same),
    ] {
      let right = audit(k, p, s)
      XCTAssertFalse(right.contains { $0.hasPrefix("border-rule") }, "\(k) \(p) \(s): \(right)")
    }
  }
}
