import ProblemDocument
import XCTest

/// Count questions whose border sizes, asked quantity, answer section or named earlier problem
/// need a closer reading: full borders, a cost that is not a multiply count, a part's label
/// quoted inside another part's answer, and dotted problem numbers. Each document has a
/// look-alike that comes out the other way.
final class CountBorderAndScopeTests: XCTestCase, SmallDocumentAudit {
  /// A filter counted wherever it overlaps the signal (full borders) has X + ΔX − 1 positions:
  /// that count agrees; X + ΔX + 1 (more positions than any overlap gives) does not.
  func testFullBorderSizes_areValid() {
    let right = """
      **Problem 1.** A layer reads a signal $u[b,x,i]$ of $X$ samples with a filter $W[j,\\Delta x,i]$ and thresholds $\\beta[j]$, padded on both sides so that every overlap counts:

      $$h[b,x,j] = \\mathrm{ReLU}\\left(W[j,\\Delta X,I]\\,u[b,x-\\Delta X,I] - \\beta[j]\\right)$$

      (a) How many multiplies, counting every position where the filter overlaps the signal?

      **Solution.** The filter overlaps it at $X + \\Delta X - 1$ positions, so $B(X + \\Delta X - 1)\\,\\Delta X\\,IJ$ multiplies.
      """
    XCTAssertEqual(counts(right), [])
    let wrong = right.replacingOccurrences(
      of: "so $B(X + \\Delta X - 1)", with: "so $B(X + \\Delta X + 1)")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(counts(wrong), ["count-disagreement 7"])
  }

  /// "What does storing … cost?" asks for memory, not multiplies: the numbers kept are not
  /// compared with the multiply count; "what does computing … cost?" is a multiply count.
  func testStorageCost_isNotAMultiplyCount() {
    let stored = """
      **Problem 1.** A recurrent layer reads $x[b,t,d]$ and computes $h[b,t,j] = \\tanh(W[j,D]\\,x[b,t,D])$ for $T$ steps.

      (a) What does storing the activations cost?

      **Solution.** They take $BTJ$ of memory.
      """
    XCTAssertEqual(counts(stored), [])
    let computed =
      stored
      .replacingOccurrences(of: "storing the activations", with: "computing the activations")
      .replacingOccurrences(of: "They take $BTJ$ of memory", with: "It takes $BTJ$ multiplies")
    XCTAssertNotEqual(computed, stored)
    XCTAssertEqual(counts(computed), ["count-disagreement 5"])
  }

  /// A part with its own solution section keeps it when a later part's answer opens a line
  /// with the part's label (`(a) found …`): the label quoted there is not the part's answer.
  func testPartLabelInALaterAnswer_keepsThePartsSolution() {
    let right = """
      **Problem 1.** A layer maps $x[b,i]$ to $y[b,j] = W[j,I]\\,x[b,I]$.

      (a) How many multiplies does the layer take?

      **Solution.** It takes $BJI$ multiplies.

      (b) Why does the count grow with the batch?

      **Solution.** Each example is multiplied on its own.
      (a) found one product per example, weight row and input.
      """
    XCTAssertEqual(counts(right), [])
    let wrong = right.replacingOccurrences(of: "It takes $BJI$", with: "It takes $BJ$")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(counts(wrong), ["count-disagreement 5"])
  }

  /// A problem numbered with a dot (`Problem 2.2`) that builds on `Problem 2.1` is counted in
  /// applications of that problem's count.
  func testDottedProblemReference_givesTheCount() {
    let right = """
      **Problem 2.1.** A layer maps $x[b,i]$ to $y[b,j] = \\mathrm{ReLU}(W[j,I]\\,x[b,I] - \\beta[j])$.

      (a) How many multiplies does the layer take on the batch?

      **Solution.** It takes $BJI$ multiplies.

      **Problem 2.2.** We chain $L$ copies of the layer of Problem 2.1 and pool the last output as $p[b] = \\sum_j y_L[b,j]$.

      (a) How many multiplies does the chain take?

      **Solution.** Each copy costs what the earlier problem found, so the chain takes $LBJI$ multiplies.
      """
    XCTAssertEqual(counts(right), [])
    let wrong = right.replacingOccurrences(of: "$LBJI$", with: "$LBJ$")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(counts(wrong), ["count-disagreement 11"])
  }
}
