import XCTest

@testable import ProblemDocument

/// `property-statements`: the effect a property word rests on, read from the nearest
/// statement, including one set of weights used at every position (equivariance). Each
/// document is written for the test, beside a look-alike that must come out the other way.
final class PropertyCueRuleTests: XCTestCase, SmallDocumentAudit {
  /// One set of weights at every step moves the output with the input: equivariance.
  func testSharedWeights_areEvidenceOfEquivariance() {
    let text = """
      **Problem 1.** A layer applies $W[j,I]$ to each step $x[b,t,I]$ of a sequence.

      **Solution**: The same weights are used at every $t$. So the layer is %@ to shifts in $t$.
      """
    let wrong = findings(text.replacingOccurrences(of: "%@", with: "invariant"))
    XCTAssertTrue(wrong.contains("property-word 3"), "\(wrong)")
    let right = findings(text.replacingOccurrences(of: "%@", with: "equivariant"))
    XCTAssertFalse(right.contains { $0.hasPrefix("property-word") }, "\(right)")
    // A reduction over the steps with the same weights is invariant.
    let summed = findings(
      text.replacingOccurrences(
        of: "The same weights", with: "The sum over steps and the same weights"
      )
      .replacingOccurrences(of: "%@", with: "invariant"))
    XCTAssertFalse(summed.contains { $0.hasPrefix("property-word") }, "\(summed)")
  }

  /// The word's own sentence states the effect; an unchanged quantity in the sentence before
  /// (the weights) does not outweigh it.
  func testNearestStatement_winsOverTheSentenceBefore() {
    let text = """
      **Problem 1.** A point layer maps coordinates $p[n,D]$ to new coordinates $q[n,D]$.

      **Solution**: The biases do not change under the rotation. The result is rotated by the \
      same angle: so the map is rotation %@.
      """
    let wrong = findings(text.replacingOccurrences(of: "%@", with: "invariant"))
    XCTAssertTrue(wrong.contains("property-word 3"), "\(wrong)")
    let right = findings(text.replacingOccurrences(of: "%@", with: "equivariant"))
    XCTAssertFalse(right.contains { $0.hasPrefix("property-word") }, "\(right)")
  }

  /// A map written in the math: `w ↦ S w` moves the output (equivariance), `w ↦ w` leaves it
  /// (invariance); a map that is a sentence's subject names a layer, not an effect.
  func testMapsInTheMath_showTheEffect() {
    let text = """
      **Problem 1.** A layer maps a signal $u[x]$ to $w[x]$, and $S$ moves a signal by one sample.

      **Solution**: Each step commutes with $S$. So $w \\mapsto %@$. Hence the layer is shift-%@.
      """
    func filled(_ map: String, _ word: String) -> [String] {
      var t = text
      for value in [map, word] {
        if let r = t.range(of: "%@") { t.replaceSubrange(r, with: value) }
      }
      return findings(t)
    }
    XCTAssertTrue(filled("S w", "invariant").contains("property-word 3"))
    XCTAssertFalse(filled("S w", "equivariant").contains { $0.hasPrefix("property-word") })
    XCTAssertTrue(filled("w", "equivariant").contains("property-word 3"))
    XCTAssertFalse(filled("w", "invariant").contains { $0.hasPrefix("property-word") })
    let subject = findings(
      """
      **Problem 1.** A layer maps a signal $u[x]$ to $w[x]$.

      **Solution**: The map $u \\mapsto A u$ is linear. Hence the layer is shift-invariant.
      """)
    XCTAssertFalse(subject.contains { $0.hasPrefix("property-word") }, "\(subject)")
  }
}
