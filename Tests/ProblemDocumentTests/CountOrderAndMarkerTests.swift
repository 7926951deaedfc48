import ProblemDocument
import XCTest

/// Count readings of evaluation order, written answers after short answer labels, totals called
/// so, and sizes the statement states from others. Each document has a look-alike with a wrong
/// count that fires.
final class CountOrderAndMarkerTests: XCTestCase, SmallDocumentAudit {
  /// A product of three tensors evaluated two at a time from the right is an honest reading;
  /// the total is the count the solution calls so ("Together it makes …").
  func testPairwiseOrder_fromTheRight_isAReading() {
    let right = """
      **Problem 1.** Inputs $u[n,k]$ pass through a factored map with a scale $\\gamma$: $$v[n,m] = \\gamma\\,F[m,Q]\\,G[Q,K]\\,u[n,K]$$

      (a) How many multiplies on all $N$ inputs, when $G[q,K]\\,u[n,K]$ is formed first?

      **Solution.** The first product costs $NQK$, the second $NMQ$ and the scale $NM$. Together it makes $NQK + NMQ + NM$ multiplies.
      """
    XCTAssertEqual(counts(right), [])
    let wrong = right.replacingOccurrences(of: "$NQK + NMQ + NM$", with: "$NQK + NMK + NM$")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(counts(wrong), ["count-disagreement 5"])
  }

  /// An answer written after a short label (`**A.**`, `**Ans (grader):**`) in the part's own
  /// text is read as its solution.
  func testShortAnswerLabels_openTheAnswer() {
    let right = """
      **Problem 1.** A layer maps $u[n,k]$ to $v[n,m] = \\mathrm{ReLU}(F[m,K]\\,u[n,K] - c[m])$.

      (a) How many multiplies does the layer take on all $N$ inputs?

      **A.** It takes $NMK$ multiplies.

      (b) How many multiplies if the inputs are used twice?

      **Ans (grader):** Twice as many, $2NMK$.
      """
    XCTAssertEqual(counts(right), [])
    let wrong = right.replacingOccurrences(of: "$NMK$ multiplies", with: "$NMKM$ multiplies")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(counts(wrong), ["count-disagreement 5"])
  }

  /// A size the statement states from another (`$Q = K/2$`) is substituted on both sides: a
  /// count printed in K alone agrees with equations written in Q and K.
  func testStatedSizeOfTheStatement_readsBothSides() {
    let right = """
      **Problem 1.** Inputs $u[n,k]$ are mapped to half as many outputs; we write $Q = K/2$ for their number. The map is $v[n,q] = F[q,K]\\,u[n,K]$.

      (a) How many multiplies on all $N$ inputs?

      **Solution.** Each output costs $K$ multiplies, so the map costs $NK^2/2$ multiplies.
      """
    XCTAssertEqual(counts(right), [])
    let wrong = right.replacingOccurrences(of: "$NK^2/2$", with: "$NK^2/3$")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(counts(wrong), ["count-disagreement 5"])
  }

  /// Steps the question writes itself (`first $g = …$, then $v = …$`) are a reading of their
  /// own, beside the one-line layer of the statement they replace.
  func testStepsWrittenInTheQuestion_areAReading() {
    let right = """
      **Problem 1.** A layer maps $u[n,k]$ to $v[n,m] = \\mathrm{ReLU}(F[m,Q]\\,G[Q,K]\\,u[n,K] - c[m])$.

      (a) The layer is run in two steps, first $g[n,q] = G[q,K]\\,u[n,K]$, then $v[n,m] = \\mathrm{ReLU}(F[m,Q]\\,g[n,Q] - c[m])$. How many multiplies do the two steps take on all $N$ inputs, and how does that compare with a single merged matrix?

      **Solution.** The two steps take $NQK + NMQ$ multiplies. A merged matrix would take $NMK$.
      """
    XCTAssertEqual(counts(right), [])
    let wrong = right.replacingOccurrences(of: "$NQK + NMQ$ mult", with: "$NQK + NMK$ mult")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(counts(wrong), ["count-disagreement 5"])
  }

  /// A function's argument is evaluated on its own: the capitals summed inside it are summed
  /// there, and a scale before the function multiplies once per value.
  func testFunctionArgument_isEvaluatedOnItsOwn() {
    let right = """
      **Problem 1.** Features $\\phi[n,r] = \\sqrt{2/R}\\,\\cos\\left(\\Omega[r,D]\\,x[n,D] - \\beta[r]\\right)$ of points $x[n,d]$.

      (a) How many multiplications are needed to form $\\phi$, not counting the cosines?

      *Solution.* The projections take $NRD$ multiplications and the scaling takes $NR$ more, for a total of $NRD + NR$.
      """
    XCTAssertEqual(counts(right), [])
    let wrong = right.replacingOccurrences(of: "total of $NRD + NR$", with: "total of $NRD + ND$")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(counts(wrong), ["count-disagreement 5"])
  }
}
