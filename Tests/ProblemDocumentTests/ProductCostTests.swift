import XCTest

@testable import ProblemDocument

/// A product written in a sentence with its cost printed beside it: one multiply per term of
/// the product, a term per value of its distinct indices. Each wrong document has a look-alike
/// with the right count that stays silent.
final class ProductCostTests: XCTestCase, SmallDocumentAudit {
  /// The product first, then a verb of cost and the count.
  func testProductThenItsCost() {
    let right = """
      **Problem 1.** A mixer takes a signal $u[n,k]$ and a table $R[k,m]$ and forms $v[n,m] = u[n,K]\\,R[K,m]$.

      (a) Discuss the mixer.

      **Solution:** The contraction $u[n,K]\\,R[K,m]$ costs $NKM$ multiplies, and the rest is free.
      """
    XCTAssertEqual(counts(right), [])
    let wrong = right.replacingOccurrences(of: "costs $NKM$", with: "costs $NK$")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(counts(wrong), ["count-disagreement 5"])
  }

  /// The count first, then a multiply per term of the product.
  func testCountThenOneMultiplyPerTerm() {
    let right = """
      **Problem 1.** A gate scales a signal $u[n,k]$ by a weight $g[n]$: $v[n,k] = g[n]\\,u[n,k]$.

      (a) Discuss the gate.

      **Solution:** $NK$, a multiply per term of $g[n]\\,u[n,k]$.
      """
    XCTAssertEqual(counts(right), [])
    let wrong = right.replacingOccurrences(of: "$NK$, a", with: "$NK^2$, a")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(counts(wrong), ["count-disagreement 5"])
  }

  /// A cost per item (`per step`, `for each row`) is one item's, not the product's whole
  /// count, and a primed index runs over its letter's range.
  func testCostPerItem_andPrimedIndex() {
    let perStep = """
      **Problem 1.** A recurrence mixes a state $h[t,k]$ with a table $R[k,k']$ for $T$ steps.

      (a) Discuss the recurrence.

      **Solution:** Per step, $R[k,K']\\,h[t-1,K']$ costs $K^2$ multiplies, so $TK^2$ over the sequence.
      """
    XCTAssertEqual(counts(perStep), [])
    let primed = perStep.replacingOccurrences(of: "Per step, $R", with: "In all, $R")
      .replacingOccurrences(of: "costs $K^2$", with: "costs $TK^2$")
    XCTAssertNotEqual(primed, perStep)
    XCTAssertEqual(counts(primed), [])
    let wrong = primed.replacingOccurrences(of: "costs $TK^2$", with: "costs $TK$")
    XCTAssertEqual(counts(wrong), ["count-disagreement 5"])
  }

  /// A count naming a size the product does not index (a number of layers) counts something
  /// else: not judged.
  func testCountWithAnotherSize_isNotJudged() {
    let doc = """
      **Problem 1.** A mixer takes a signal $u[n,k]$ and a table $R[k,m]$ and forms $v[n,m] = u[n,K]\\,R[K,m]$ in each of $L$ layers.

      (a) Discuss the mixer.

      **Solution:** Over all layers the contraction $u[n,K]\\,R[K,m]$ costs $LNKM$ multiplies.
      """
    XCTAssertEqual(counts(doc), [])
  }
}

/// A total printed after the items and each item's cost, and a formula's value at a stated
/// value of one of its names. Each wrong document has a look-alike with the right value that
/// stays silent.
final class StatedTotalTests: XCTestCase, SmallDocumentAudit {
  /// "$N$ rows with $C$ multiplies each, so $P$": P must be N·C.
  func testItemsWithCostEach_total() {
    let right = """
      **Problem 1.** A scorer compares each of $R$ rows of a table with a query of $M$ entries.

      (a) Discuss the scorer.

      **Solution:** There are $AR$ rows with $2M$ multiplies each, so the scorer costs $2ARM$ multiplies.
      """
    XCTAssertEqual(counts(right), [])
    let wrong = right.replacingOccurrences(of: "costs $2ARM$", with: "costs $ARM$")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(counts(wrong), ["count-disagreement 5"])
  }

  /// Two kinds of items, each with its cost, then "together": the sum of both products.
  func testTwoKindsOfItems_together() {
    let right = """
      **Problem 1.** A filter bank makes coarse and fine outputs from an input of $M$ entries.

      (a) Discuss the filter bank.

      **Solution:** It makes $2R$ coarse outputs with $M$ multiplies each and $R$ fine outputs with $3 \\cdot 2M$ multiplies each, so together $8RM$.
      """
    XCTAssertEqual(counts(right), [])
    let wrong = right.replacingOccurrences(of: "together $8RM$", with: "together $5RM$")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(counts(wrong), ["count-disagreement 5"])
  }

  /// "each of the $N$ sums is one dot product of length $C$ …, so the count is $P$".
  func testEachOfTheItemsADotProduct() {
    let right = """
      **Problem 1.** A projection maps vectors of $M$ entries to $R$ outputs for $A$ vectors.

      (a) Discuss the projection.

      **Solution:** Each of the $AR$ sums is one dot product of length $M$, so the count is $ARM$.
      """
    XCTAssertEqual(counts(right), [])
    let wrong = right.replacingOccurrences(of: "count is $ARM$", with: "count is $ARM^2$")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(counts(wrong), ["count-disagreement 5"])
  }

  /// A formula, then its value with one of its names set to a number.
  func testFormulaAtStatedValue() {
    let right = """
      **Problem 1.** A pruned layer keeps a share $\\kappa$ of the $RM$ weights of a dense one for $A$ inputs.

      (a) Discuss the pruned layer.

      **Solution:** The pruned layer costs $\\kappa ARM$ multiplies, so at $\\kappa = 1/8$ this gives $ARM/8$ multiplies.
      """
    XCTAssertEqual(counts(right), [])
    let wrong = right.replacingOccurrences(of: "gives $ARM/8$", with: "gives $ARM/4$")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(counts(wrong), ["count-disagreement 5"])
  }

  /// A value after another noun (`the memory is`) is a different quantity: not judged.
  func testValueOfAnotherQuantity_isNotJudged() {
    let doc = """
      **Problem 1.** A pruned layer keeps a share $\\kappa$ of the $RM$ weights of a dense one for $A$ inputs.

      (a) Discuss the pruned layer.

      **Solution:** The pruned layer costs $\\kappa ARM$ multiplies, and at $\\kappa = 1/8$ the memory is $ARM/2$ words.
      """
    XCTAssertEqual(counts(doc), [])
  }
}
