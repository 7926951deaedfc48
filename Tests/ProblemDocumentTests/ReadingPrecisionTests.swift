import ProblemDocument
import XCTest

@testable import ProblemDocument

/// Readings of the prose around the notation that kept a rule from crying wolf: a tensor's
/// letter mentioned in passing, a layer read again under its stated border, a family named
/// bare in prose, a function named after a hyphenated modifier (and a quoted misspelling, still
/// reported). Each document is
/// written for the test; each silent reading has a look-alike that still fires.
final class ReadingPrecisionTests: XCTestCase, SmallDocumentAudit {
  /// `Through $W$ the count is …` names the tensor W; a phrase declaring W a count clashes.
  /// `If $W = V$` equates two tensors; `If $W = P$` sets W to a size.
  func testTensorMentionedInPassing_isNoSize() {
    let text = """
      # Set

      Notation: $x[b,p]$ is the input with $B$ examples and $P$ features.

      **Problem 1 (Map) [4 points].** A layer computes $y[b,r] = W[r,P]\\,x[b,P]$ and \
      $z[b,r] = V[r,P]\\,x[b,P]$. %@

      **Solution**: It is $BRP$.
      """
    let passing = text.replacingOccurrences(
      of: "%@", with: "Through $W$ the count is $BRP$. If $W = V$, then $y$ and $z$ agree.")
    XCTAssertEqual(findings(passing, kind: "role-clash"), [])
    let declared = text.replacingOccurrences(
      of: "%@", with: "Here $W$ is the number of rows, and the count is $BWP$.")
    XCTAssertEqual(findings(declared, kind: "role-clash"), ["role-clash 5"])
    let sized = text.replacingOccurrences(of: "%@", with: "If $W = P$, the layer is square.")
    XCTAssertEqual(findings(sized, kind: "role-clash"), ["role-clash 5"])
  }

  /// Problem 2 reads L at t + ΔX as problem 1 does, under problem 1's zero padding: the same
  /// layer. The look-alike reads L at 2t + ΔX, a read problem 1 never bordered.
  func testSameReadAsABorderedProblem_keepsItsBorder() {
    let text = """
      **Problem 1.** A convolution with filter $W[j,\\Delta x,i]$, $\\Delta x$ ranging over \
      $\\Delta X$ values, and zero padding so the output keeps length $T$:

      $$H[b,t,j] = W[j,\\Delta X,I]\\,L[b,t+\\Delta X,I]$$

      **Problem 2.** Suppose instead that the layer keeps a threshold:

      $$G[b,t,j] = \\mathrm{ReLU}(W[j,\\Delta X,I]\\,L[b,%@+\\Delta X,I] - \\beta[j])$$
      """
    XCTAssertEqual(borders(text.replacingOccurrences(of: "%@", with: "t")), [])
    XCTAssertEqual(borders(text.replacingOccurrences(of: "%@", with: "2t")), ["border-rule 7"])
  }

  /// `$W^2$ costs $BIJ$` names the block's weights bare, in prose; written with its index
  /// list, the family member lacks its subscript.
  func testFamilyNamedBareInProse_isNoMissingSubscript() {
    let text = """
      **Problem 1.** Block $\\ell$ computes $a_\\ell[b,j] = W_\\ell^{1}[j,I]\\,h_\\ell[b,I]$ and \
      $F_\\ell[b,i] = W_\\ell^{2}[i,J]\\,a_\\ell[b,J]$ with $B$ examples.

      **Problem 1(a).** For one block, $W^1$ costs $BJI$ and %@ costs $BIJ$ multiplies.
      """
    let bare = text.replacingOccurrences(of: "%@", with: "$W^2$")
    XCTAssertEqual(findings(bare, kind: "missing-subscript"), [])
    let listed = text.replacingOccurrences(of: "%@", with: "$W^2[i,J]\\,a_\\ell[b,J]$")
    XCTAssertEqual(findings(listed, kind: "missing-subscript"), ["missing-subscript 3"])
  }

  /// `a per-example loss $ψ$` introduces ψ as `a loss $ψ$` does; with no such phrase, which
  /// function ψ is stays unsaid.
  func testFunctionNamedAfterAHyphenatedModifier_isIntroduced() {
    let text = """
      **Problem 1.** States $h[b,t,j]$ over $B$ examples and $T$ steps. %@the batch loss is \
      $\\mathcal{R} = \\sum_b \\psi(h[b,T,J])$.
      """
    let named = text.replacingOccurrences(of: "%@", with: "For a per-example loss $\\psi$, ")
    XCTAssertEqual(findings(named, kind: "undefined-function"), [])
    let unnamed = text.replacingOccurrences(of: "%@", with: "")
    XCTAssertEqual(findings(unnamed, kind: "undefined-function"), ["undefined-function 1"])
  }

  /// A word set in quotation marks is still a word of the text: a misspelling there is one
  /// (the review's mend of a reading that let every quoted word pass).
  func testQuotedMisspelling_isStillReported() throws {
    try XCTSkipUnless(
      (try? Spelling.misspelt(["word"])) != nil,
      "hunspell with an English dictionary is not installed")
    func spelling(_ text: String) -> [String] {
      Auditor.audit(ProblemSetDocument(text: text, name: "q.md"), spelling: true).findings
        .filter { $0.kind == .spelling }.map { "spelling \($0.location.line)" }
    }
    let text = "**Problem 1.** That %@ effect is why the rates differ.\n"
    XCTAssertEqual(
      spelling(text.replacingOccurrences(of: "%@", with: "\"attenion\"")), ["spelling 1"])
    XCTAssertEqual(spelling(text.replacingOccurrences(of: "%@", with: "\"attention\"")), [])
  }
}
