import XCTest

@testable import ProblemDocument

/// `property-words` on equations the notation engine cannot read (`π(t)`, `\bmod`), the tensor
/// a word is said of, and `property-statements` on cues that speak of no effect. Each document
/// is written for the test, beside a look-alike that must come out the other way.
final class PropertyRelationTests: XCTestCase, SmallDocumentAudit {
  private func property(_ text: String) -> [String] {
    findings(text, kind: "property-word")
  }

  /// `y′[t] = y[π(t)]` moves the output with the input: equivariance, read from the text.
  func testPermutedIndex_showsEquivariance() {
    let text = """
      **Problem 1.** A layer maps each step $x[b,t,i]$ alone to $y[b,t,j]$. A permutation $\\pi$ \
      of the steps gives $x'[b,t,i] = x[b,\\pi(t),i]$.

      **Solution**: Each step is mapped alone, so $y'[b,t,j] = y[b,\\pi(t),j]$. The layer is %@ \
      to permutations of the steps.
      """
    let wrong = property(text.replacingOccurrences(of: "%@", with: "invariant"))
    XCTAssertEqual(wrong, ["property-word 3"])
    let right = property(text.replacingOccurrences(of: "%@", with: "equivariant"))
    XCTAssertEqual(right, [])
  }

  /// A cyclic shift written with `\bmod`, and a subscript naming the permutation applied
  /// (`u_\pi[j] = u[\pi(j)]`), are read too.
  func testShiftModuloAndSubscriptedCopy_showEquivariance() {
    let shifted = """
      **Problem 1.** A layer maps $x[b,t,i]$ to $y[b,t,j]$ step by step.

      **Solution**: Shifting the input cyclically gives $y'[b,t,j] = y[b,(t+s) \\bmod T,j]$. \
      So the layer is %@ to cyclic shifts.
      """
    XCTAssertEqual(
      property(shifted.replacingOccurrences(of: "%@", with: "invariant")), ["property-word 3"])
    XCTAssertEqual(property(shifted.replacingOccurrences(of: "%@", with: "equivariant")), [])
    let subscripted = """
      **Problem 1.** A vector $u[j]$ is computed from a matrix $W[j,i]$.

      **Solution**: Relabeling the rows gives $u_\\pi[j] = u[\\pi(j)]$, so $u$ is %@ to the \
      relabeling.
      """
    XCTAssertEqual(
      property(subscripted.replacingOccurrences(of: "%@", with: "invariant")),
      ["property-word 3"])
    XCTAssertEqual(property(subscripted.replacingOccurrences(of: "%@", with: "equivariant")), [])
  }

  /// A word said of a named tensor is judged by the equation about that tensor, not by the
  /// nearest equation about another.
  func testNamedTensor_isJudgedByItsOwnEquation() {
    let text = """
      **Problem 1.** A layer maps $x[b,t,i]$ to $h[b,t,j]$ step by step, and $r[b,j] = h[b,T,j]$.

      **Solution**: Permuting the steps gives $h'[b,t,j] = h[b,\\pi(t),j]$, and the sum over \
      all steps gives $r'[b,j] = r[b,j]$. So $r$ is invariant, while $h$ is %@.
      """
    XCTAssertEqual(
      property(text.replacingOccurrences(of: "%@", with: "invariant")), ["property-word 3"])
    XCTAssertEqual(property(text.replacingOccurrences(of: "%@", with: "equivariant")), [])
    // A tensor that no equation relates is not judged by the equation about another.
    let other = """
      **Problem 1.** A layer maps $x[b,t,i]$ to $h[b,t,j]$ step by step, and $r[b,j] = h[b,T,j]$.

      **Solution**: The sum over all steps gives $r'[b,j] = r[b,j]$. The map $h$ is \
      equivariant, and the pooled vector $r$ is %@.
      """
    XCTAssertEqual(property(other.replacingOccurrences(of: "%@", with: "invariant")), [])
    XCTAssertEqual(
      property(other.replacingOccurrences(of: "%@", with: "equivariant")), ["property-word 3"])
  }

  /// An equation after "we set" is the transformation applied, not its effect; a question
  /// naming both words claims neither.
  func testTransformationSet_isNoEffect() {
    let text = """
      **Problem 1.** A layer sums a set $x[b,n,i]$ over its elements into $s[b,i]$.

      **Solution**: %@ $x'[b,n,i] = x[b,\\pi(n),i]$, the terms of the sum are reordered, and \
      the result is invariant. Is it invariant or equivariant?
      """
    XCTAssertEqual(property(text.replacingOccurrences(of: "%@", with: "If we set")), [])
    XCTAssertEqual(
      property(text.replacingOccurrences(of: "%@", with: "We find")), ["property-word 3"])
  }

  /// An unchanged quantity in the sentence before does not outweigh the equation in the word's
  /// own sentence.
  func testEquationInTheOwnSentence_winsOverTheSentenceBefore() {
    let text = """
      **Problem 1.** A scorer gives $p[b,j]$ for each item $j$ of a set $x[b,j,i]$.

      **Solution**: The normalizer is a sum over every item; a reordering does not change it. \
      Hence $p'[b,j] = p[b,\\pi(j)]$: the scores are %@.
      """
    XCTAssertEqual(property(text.replacingOccurrences(of: "%@", with: "equivariant")), [])
    XCTAssertEqual(
      property(text.replacingOccurrences(of: "%@", with: "invariant")), ["property-word 3"])
  }

  /// A count is no property of the map, and a map named as the transformation (`the reflection
  /// $x \mapsto -x$`) is no effect.
  func testCountsAndNamedTransformations_areNoEffect() {
    let count = """
      **Problem 1.** A layer applies $W[j,I]$ to each step $x[b,t,I]$ of a sequence.

      **Solution**: The same weights are used at every $t$, so the %@ is invariant to the length.
      """
    XCTAssertEqual(
      property(count.replacingOccurrences(of: "%@", with: "number of parameters")), [])
    XCTAssertEqual(
      property(count.replacingOccurrences(of: "%@", with: "layer")), ["property-word 3"])
    let map = """
      **Problem 1.** A function $f$ of a signal $u[x]$ gives a number.

      **Solution**: %@ $u \\mapsto -u$. Hence $f$ is invariant.
      """
    XCTAssertEqual(
      property(map.replacingOccurrences(of: "%@", with: "Consider the reflection")), [])
    XCTAssertEqual(property(map.replacingOccurrences(of: "%@", with: "So")), ["property-word 3"])
  }
}
