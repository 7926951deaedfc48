import ProblemDocument
import XCTest

/// Count questions read through the structure of the document around them: a solution shared by
/// several parts, a problem that builds on an earlier one, steps the solution writes itself,
/// valid-border sizes, a fraction of the work, and the line the count is printed on. Each
/// document has a look-alike with a wrong count that fires.
final class CountStructureReadingTests: XCTestCase, SmallDocumentAudit {
  /// A part label repeated after the solution marker opens that part's answer; "what does it
  /// cost" asks for a count; "the output layer" selects the equation introduced as the output
  /// layer, not the hidden one.
  func testSharedSolution_isReadPartByPart() {
    let right = """
      **Problem 1.** A two-layer network reads $x[n,i]$. Its hidden layer is $h[n,k] = \\mathrm{ReLU}(U[k,I]\\,x[n,I] - a[k])$ and its output layer is $z[n,c] = V[c,K]\\,h[n,K]$.

      (a) Why is the threshold subtracted?

      (b) What does the output layer cost?

      **Solution.**

      (a) It is the convention of the course.

      (b) The output layer takes $NCK$ multiplies.
      """
    XCTAssertEqual(counts(right), [])
    let wrong = right.replacingOccurrences(of: "$NCK$", with: "$NCI$")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(counts(wrong), ["count-disagreement 11"])
  }

  /// A problem that writes no product of its own and builds on an earlier problem is counted
  /// in applications of that problem's count.
  func testReferencedProblem_givesTheCount() {
    let right = """
      **Problem 1.** A layer maps $x[b,i]$ to $y[b,j] = \\mathrm{ReLU}(W[j,I]\\,x[b,I] - \\beta[j])$.

      (a) How many multiplies does the layer take on the batch?

      **Solution.** It takes $BJI$ multiplies.

      **Problem 2.** We chain $L$ copies of the layer of Problem 1 and pool the last output as $p[b] = \\sum_j y_L[b,j]$.

      (a) How many multiplies does the chain take?

      **Solution.** Each copy costs what the first problem found, so the chain takes $LBJI$ multiplies.
      """
    XCTAssertEqual(counts(right), [])
    let wrong = right.replacingOccurrences(of: "$LBJI$", with: "$LBJ$")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(counts(wrong), ["count-disagreement 11"])
  }

  /// Steps the solution writes itself, counted "respectively": each printed count is judged
  /// against the step in its place.
  func testStepsWrittenInTheSolution_areCountedEach() {
    let right = """
      **Problem 1.** A batch of inputs $x[b,i]$ passes through a middle layer of width $J$ to outputs of width $K$.

      (a) Write the two steps $y[b,j]$ and $z[b,k]$ with weights $A$ and $C$, and count the multiplies of each.

      **Solution.**

      $$y[b,j] = A[j,I]\\,x[b,I]$$

      $$z[b,k] = C[k,J]\\,y[b,J]$$

      The two steps cost $BJI$ and $BKJ$ multiplies respectively.
      """
    XCTAssertEqual(counts(right), [])
    let wrong = right.replacingOccurrences(of: "$BJI$ and", with: "$BJ$ and")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(counts(wrong), ["count-disagreement 11"])
  }

  /// Valid-border sizes are compared exactly: X − ΔX + 1 matches, X + ΔX + 1 does not (their
  /// leading terms agree).
  func testValidBorderSizes_areComparedExactly() {
    let right = """
      **Problem 1.** A convolution reads an image $u[b,x,y,i]$ of $X \\times Y$ pixels with a filter $W[j,\\Delta x,\\Delta y,i]$ and thresholds $\\beta[j]$:

      $$h[b,x,y,j] = \\mathrm{ReLU}\\left(W[j,\\Delta X,\\Delta Y,I]\\,u[b,x+\\Delta X,y+\\Delta Y,I] - \\beta[j]\\right)$$

      (a) How many multiplies, counting only the positions where the filter fits inside the image?

      **Solution.** The filter fits at $(X - \\Delta X + 1)(Y - \\Delta Y + 1)$ positions, so $B(X - \\Delta X + 1)(Y - \\Delta Y + 1)\\,\\Delta X\\,\\Delta Y\\,IJ$ multiplies.
      """
    XCTAssertEqual(counts(right), [])
    let wrong = right.replacingOccurrences(
      of: "so $B(X - \\Delta X + 1)(Y - \\Delta Y + 1)",
      with: "so $B(X + \\Delta X + 1)(Y + \\Delta Y + 1)")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(counts(wrong), ["count-disagreement 7"])
    let finding = Auditor.audit(ProblemSetDocument(text: wrong, name: "t.md"), spelling: false)
      .findings.first { $0.kind == .countDisagreement }
    // At X = Y = 1 and every other size 1: (1 + 1 + 1)² = 9 printed, one position counted.
    XCTAssertEqual(
      finding?.evidence,
      "at B = 1, I = 1, J = 1, X = 1, Y = 1, ΔX = 1, ΔY = 1: printed 9, counted 1")
  }

  /// A fraction of the count printed beside the whole count counts skipped work; without the
  /// whole beside it, the fraction is a wrong count.
  func testFractionBesideTheWhole_isNotDecidable() {
    let right = """
      **Problem 1.** A layer $y[b,j] = W[j,I]\\,x[b,I]$ has weights of which half are zeros.

      (a) How many multiplies are left when the zeros are skipped?

      **Solution.** Half of the weights survive. In total $BJI/2$, half of the dense $BJI$.
      """
    XCTAssertEqual(counts(right), [])
    let wrong = right.replacingOccurrences(of: ", half of the dense $BJI$", with: " on the batch")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(counts(wrong), ["count-disagreement 5"])
  }

  /// The finding stands on the line that prints the total, not on the solution's first count.
  func testFinding_standsWhereTheTotalIsPrinted() {
    let right = """
      **Problem 1.** Two layers map $x[b,i]$ to $y[b,j] = W[j,I]\\,x[b,I]$ and then to $z[b,k] = V[k,J]\\,y[b,J]$.

      (a) How many multiplies does computing $z$ from $x$ take?

      **Solution.** The first layer takes $BJI$.

      The second takes $BKJ$, so the total is $BJI + BKJ$.
      """
    XCTAssertEqual(counts(right), [])
    let wrong = right.replacingOccurrences(of: "total is $BJI + BKJ$", with: "total is $BJI + BK$")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(counts(wrong), ["count-disagreement 7"])
  }

  /// A printed count with a primed size (`BRR'`) is read, the prime ranging like its letter.
  func testPrimedSizes_areReadInPrintedCounts() {
    let right = """
      **Problem 1.** A layer maps $x[b,r]$ to $y[b,r'] = W[r',R]\\,x[b,R]$, where $R$ and $R'$ are the input and output ranks.

      (a) How many multiplies does the layer take on the batch?

      **Solution.** It takes $BRR'$ multiplies.
      """
    XCTAssertEqual(counts(right), [])
    let wrong = right.replacingOccurrences(of: "$BRR'$", with: "$BR'$")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(counts(wrong), ["count-disagreement 5"])
  }

  /// "What does it cost?" asks for a count; "show that it costs less" asks for none, so a
  /// count its solution prints is not judged as an answer.
  func testCostAskedAsAQuestion_isACountQuestion() {
    let asked = """
      **Problem 1.** A network reads $x[n,i]$ with a first layer $h[n,k] = U[k,I]\\,x[n,I]$.

      (a) What does the first layer cost?

      **Solution.** The first layer takes $NK$ multiplies.
      """
    XCTAssertEqual(counts(asked), ["count-disagreement 5"])
    let claim = asked.replacingOccurrences(
      of: "What does the first layer cost?", with: "Show that the first layer costs little.")
    XCTAssertNotEqual(claim, asked)
    XCTAssertEqual(counts(claim), [])
  }
}
