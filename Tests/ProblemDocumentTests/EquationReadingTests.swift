import IndexNotation
import XCTest

@testable import ProblemDocument

/// Readings of an equation's notation that writers use beyond the convention's core: a size
/// multiplying an index, the stride's letter used as an index, a capital on both sides of an
/// expression equation, a scalar's subscript, a shifted copy of a tensor, a Greek tensor name.
/// Each correct equation is shown silent beside a look-alike with the defect, which fires.
final class EquationReadingTests: XCTestCase, SmallDocumentAudit {
  /// The engine's kinds of finding on line 3 (the display of each document below).
  func engineKinds(_ text: String) -> Set<String> {
    let engine: Set<String> = [
      "missing-comma", "rank-mismatch", "free-index-one-side", "unsummed-capital",
    ]
    return Set(
      findings(text).filter { $0.hasSuffix(" 3") }.map { String($0.prefix { $0 != " " }) }
    ).intersection(engine)
  }

  func testSizeTimesIndex_inASumIsAPositionNotTwoIndices() {
    let doc = """
      **Problem 1.** Groups $g$ of $G$ and members $n$ of $N$ give $h[b,g,n]$; $y[b,k]$ lays \
      them out along one axis.

      $$%@ = h[b,g,n]$$
      """
    func with(_ left: String) -> Set<String> {
      engineKinds(doc.replacingOccurrences(of: "%@", with: left))
    }
    XCTAssertEqual(with("y[b,nG+g]"), [])
    XCTAssertEqual(with("y[b,Gn+g]"), [])
    // The comma is missing before the product: b and n stand side by side.
    XCTAssertTrue(with("y[b nG+g]").contains("missing-comma"))
    // A size against an index with no sum is two indices run together.
    XCTAssertTrue(with("y[b,nG]").contains("missing-comma"))
  }

  func testSizeTimesIndex_squaredSizeReadAsAPower() throws {
    var parser = Parser("m[b,x,y,cR^2+pR+q]")
    let e = try parser.parseExpression()
    XCTAssertTrue(parser.diagnostics.isEmpty, "\(parser.diagnostics)")
    guard case .tensor(let ref) = e else { return XCTFail("\(e)") }
    XCTAssertEqual(ref.indices.count, 4)
    XCTAssertEqual(ref.indices[3].terms.map(\.parameters), [["R", "R"], ["R"], []])
    XCTAssertEqual(ref.indices[3].variables.map(\.name), ["c", "p", "q"])
  }

  func testStrideLetter_usedAloneIsAnIndexEverywhereInTheEquation() {
    let doc = """
      **Problem 1.** Along a ray $r$ the opacity $a[r,s]$ after sample $s$ decays by the \
      factor $q[r,s]$ of that sample.

      $$a[r,s+1] = a[r,s]\\,q[r,%@]$$
      """
    XCTAssertEqual(engineKinds(doc.replacingOccurrences(of: "%@", with: "s")), [])
    XCTAssertEqual(
      engineKinds(doc.replacingOccurrences(of: "%@", with: "k")), ["free-index-one-side"])
  }

  func testExpressionEquation_capitalLeftUnsummedIsOnBothSides() {
    let doc = """
      **Problem 1.** A matrix $W[j,i]$ maps a vector $v[i]$ to $u[j]$, and $z[k]$ is one more \
      vector.

      $$W[J,I]\\,v[I] = %@$$
      """
    XCTAssertEqual(engineKinds(doc.replacingOccurrences(of: "%@", with: "u[J]")), [])
    XCTAssertEqual(
      engineKinds(doc.replacingOccurrences(of: "%@", with: "z[K]")), ["unsummed-capital"])
  }

  func testScalarSubscript_carriesTheLeftIndex() {
    let doc = """
      **Problem 1.** Inputs $x[b,i]$ pass through functions $\\beta_g$ and $\\beta$, giving \
      features $E[b,i,g]$.

      $$E[b,i,g] = %@(x[b,i])$$
      """
    XCTAssertEqual(engineKinds(doc.replacingOccurrences(of: "%@", with: "\\beta_g")), [])
    XCTAssertEqual(
      engineKinds(doc.replacingOccurrences(of: "%@", with: "\\beta")), ["free-index-one-side"])
  }

  func testShiftedCopy_shiftLettersAreNotFreeIndices() {
    let doc = """
      **Problem 1.** An image $I[b,x,y]$ is moved by whole numbers of pixels into $I'[b,x,y]$; \
      $J[b,x,y]$ is one more image.

      $$%@[b,x,y] = I[b,x+u,y+v]$$
      """
    XCTAssertEqual(engineKinds(doc.replacingOccurrences(of: "%@", with: "I'")), [])
    // Onto another tensor, u and v are free on the right.
    XCTAssertEqual(
      engineKinds(doc.replacingOccurrences(of: "%@", with: "J")), ["free-index-one-side"])
    // A primed copy written after its subscript reads too.
    let content = FragmentReader.content("U_1'[b,x] = U_1[b,x+u]")
    guard case .equations = content else { return XCTFail("\(content)") }
  }

  func testGreekTensorName_readAndKroneckerDeltaLeftUnread() {
    let doc = """
      **Problem 1.** Scores $e[b,t,c]$ are gathered into the table $\\delta[b,t,c]$.

      $$\\delta[b,t,c] = e[b,t,%@]$$
      """
    XCTAssertEqual(engineKinds(doc.replacingOccurrences(of: "%@", with: "c")), [])
    XCTAssertEqual(
      engineKinds(doc.replacingOccurrences(of: "%@", with: "C")), ["unsummed-capital"])
    // δ over a letter and its primed copy is the identity: the fragment is a note.
    let kronecker = FragmentReader.content("S[n,n'] = \\delta[n,n'] - A[n,N]")
    guard case .unreadable = kronecker else { return XCTFail("\(kronecker)") }
    let tensor = FragmentReader.content("S[n,n'] = \\delta[n,m] - A[n,N]")
    guard case .equations = tensor else { return XCTFail("\(tensor)") }
  }

  func testLenientNames_primeAfterAnAccentedGroup() {
    XCTAssertTrue(LenientNames.letters(in: "\\hat{\\mathbf{z}}'").contains("ẑ′"))
    XCTAssertFalse(LenientNames.letters(in: "\\hat{\\mathbf{z}}").contains("ẑ′"))
  }

  func testNestedReference_aGatheredPositionReadsItsTensorsIndices() {
    let doc = """
      **Problem 1.** Tokens $w[b,t]$ pick rows of a table $E[v,i]$, giving $e[b,t,i]$.

      $$e[b,t,i] = E[w[b,t],%@]$$
      """
    XCTAssertEqual(engineKinds(doc.replacingOccurrences(of: "%@", with: "i")), [])
    XCTAssertTrue(
      engineKinds(doc.replacingOccurrences(of: "%@", with: "I")).contains("unsummed-capital"))
    // The gathered tensor is a reference of the equation, with its own rank; the position prints
    // as written.
    let content = FragmentReader.content("e[b,t,i] = E[w[b],i]")
    guard case .equations(let rows) = content else { return XCTFail("\(content)") }
    XCTAssertEqual(rows[0].equation.rhsReferences.map(\.description), ["E[w[b], i]", "w[b]"])
    XCTAssertNil(rows[0].equation.rhsReferences[0].indices[0].bareVariable)
  }

  func testInputLetter_capitalRepeatedInsideAFunctionIsSummed() {
    let doc = """
      **Problem 1.** Gates $a[b,j]$, weights $t[j,k]$ and probabilities $p[b,k]$ give scores \
      $q[b,j]$.

      $$q[b,j] = a[b,j]\\,t[j,K]%@$$
      """
    let summed = findings(doc.replacingOccurrences(of: "%@", with: "\\,\\log p[b,K]"))
    XCTAssertFalse(summed.contains("input-letter 3"), "\(summed)")
    let unsummed = findings(doc.replacingOccurrences(of: "%@", with: ""))
    XCTAssertTrue(unsummed.contains("input-letter 3"), "\(unsummed)")
  }

  func testRankTieInAProblem_settledByTheSetsRank() {
    let later = """
      **Problem 2.** The rows $W[j]$ are drawn at random and frozen.

      The same layer gives $h[b,j] = W[j,I]\\,x[b,I]$.
      """
    let twoIndices = """
      **Problem 1.** A layer has weights $W[j,i]$ and inputs $x[b,i]$, and computes \
      $y[b,j] = W[j,I]\\,x[b,I]$.


      """ + later
    // Problem 1 writes W with two indices: the one-index rows are the odd use.
    XCTAssertEqual(
      findings(twoIndices).filter { $0.hasPrefix("rank-mismatch") }, ["rank-mismatch 3"])
    let oneIndex = """
      **Problem 1.** A layer has weights $W[j]$ and inputs $x[b,i]$.


      """ + later
    XCTAssertEqual(findings(oneIndex).filter { $0.hasPrefix("rank-mismatch") }, ["rank-mismatch 5"])
  }

  func testThresholdSign_scalarThresholdAndScaledPreActivation() {
    let doc = """
      **Problem 1.** A unit has weights $w[k]$, inputs $s[b,k]$, a gain $\\beta$ and a \
      threshold $c$; potentials $m[b,j]$ have thresholds $\\theta[j]$.

      $$p[b] = \\sigma\\left(w[K]\\,s[b,K] %@ c\\right)$$

      The soft spike is $\\sigma(\\beta\\,(m[b,j] %@ \\theta[j]))$.
      """
    let added = findings(doc.replacingOccurrences(of: "%@", with: "+"))
    XCTAssertTrue(added.contains("threshold-sign 3"), "\(added)")
    XCTAssertTrue(added.contains("threshold-sign 5"), "\(added)")
    let subtracted = findings(doc.replacingOccurrences(of: "%@", with: "-"))
    XCTAssertFalse(subtracted.contains { $0.hasPrefix("threshold-sign") }, "\(subtracted)")
  }

  func testUpdateArrowAndStarScript_readAsEquations() {
    let doc = """
      **Problem 1.** Prototypes $\\mu[k,d]$ move toward features $e[b,d]$ with weights \
      $O[b,k]$ and rate $\\gamma$.

      $$\\mu[k,d] \\leftarrow \\gamma\\,\\mu[k,d] + (1-\\gamma)\\,O[B,%@]\\,e[B,d]$$

      The prediction is $f^{\\ast} = \\sum_{%#} a[%#]\\,\\phi^{\\ast}[%#]$ for weights $a[r]$.
      """
    func with(_ channel: String, _ sum: String) -> [String] {
      findings(
        doc.replacingOccurrences(of: "%@", with: channel)
          .replacingOccurrences(of: "%#", with: sum))
    }
    XCTAssertEqual(with("k", "r"), [])
    XCTAssertEqual(with("K", "R"), ["unsummed-capital 3", "redundant-sum 5"])
  }
}
