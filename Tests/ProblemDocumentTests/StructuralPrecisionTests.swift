import Foundation
import ProblemDocument
import XCTest

/// Three readings decided by the form of what is written, not by its words: a run of
/// consonants is no English word to look up (a handle such as `(mkw)`); a letter a fragment only
/// ever glues before an index is a factor of it (`A[b,rx+U,…]` beside `S[b,x,…]`), on a chain
/// the engine cannot read whole; a capital applied to an argument and then indexed
/// (`G(T_uL)[b,j]`) is the map applied to an input, not a size; a tensor the preamble
/// writes with an index list of lowercase letters is declared there. Each beside a look-alike
/// that still comes out as a finding.
final class StructuralPrecisionTests: XCTestCase, SmallDocumentAudit {
  func spellingAvailable() -> Bool { (try? Spelling.misspelt(["word"])) != nil }

  func spelling(_ text: String) -> [String] {
    Auditor.audit(ProblemSetDocument(text: text, name: "t.md"), spelling: true).findings
      .filter { $0.kind == .spelling }
      .map { "\($0.location.line) \($0.message.split(separator: "'").first ?? "")" }
  }

  func thread(_ handle: String, _ verb: String) -> String {
    """
    # Thread: pooling

    **Problem 1.** A pooling layer takes $P[b,x,i] = \\max(L[b,2x,i], L[b,2x+1,i])$ on inputs $L[b,x,i]$.

    > **Reply (\(handle)):** Each output \(verb) two inputs, so the layer halves the length.
    """
  }

  func testConsonantRun_isNoWordToLookUp() throws {
    try XCTSkipUnless(spellingAvailable(), "hunspell with an English dictionary is not installed")
    XCTAssertEqual(spelling(thread("mkw", "reads")), [])
    XCTAssertEqual(spelling(thread("jq", "reads")), [])
    // A misspelt word keeps its vowels: still reported, beside the handle.
    XCTAssertEqual(spelling(thread("jq", "recieves")), ["5 recieves"])
    XCTAssertEqual(spelling(thread("mkwo", "reads")), ["5 mkwo"])
  }

  func chain(_ right: String) -> String {
    """
    # Space to depth

    **Problem 1.** Let $A[b,x,y,c]$ be an input with $B$ images, $X \\times Y$ positions and $C$ channels, and let $r$ divide $X$ and $Y$. Space-to-depth gives $S[b,x,y,u,v,c] = A[b,rx+u,ry+v,c]$.

    (a) Write the layer $Q[b,x,y,j] = W[j,U,V,C]S[b,x,y,U,V,C]$ on the input $A$.

    **Solution**: $W[j,U,V,C]S[b,x,y,U,V,C] = W[j,U,V,C]\(right) = Q[b,x,y,j]$.
    """
  }

  func testLetterGluedBeforeAnIndex_isAFactorOnAnUnreadChain() {
    XCTAssertEqual(findings(chain("A[b,rx+U,ry+V,C]")), [])
    // Two index terms side by side (no comma between ry+V and C) are still a missing comma.
    XCTAssertEqual(
      findings(chain("A[b,rx+U,ry+V C]"), kind: "missing-comma"), ["missing-comma 7"])
    // A glued letter that the chain also writes as an index of its own is no factor.
    XCTAssertEqual(
      findings(chain("A[b,ux+U,y+V,C]S[b,x,y,u,v,C]"), kind: "missing-comma"),
      ["missing-comma 7"])
  }

  func average(_ after: String) -> String {
    """
    # Shifts

    **Problem 1.** Let $L[b,x,y,j]$ be a map with $B$ images, $X \\times Y$ positions and $J$ channels, and let $(T_{u}L)[b,x,y,j] = L[b,(x+u) \\bmod X,y,j]$ shift it. The global average is $G[b,j] = \\frac{1}{XY}\\sum_{x,y} L[b,x,y,j]$.

    (a) Is $G$ invariant to the shift?

    **Solution**: The shift reorders the terms of the sum, so $G(T_{u}L)[b,j] = G(L)[b,j]$\(after): invariant.
    """
  }

  func testCapitalAppliedAndIndexed_isNoSize() {
    XCTAssertEqual(findings(average("")), [])
    // The tensor's letter also given a value as a size: the two roles still clash.
    XCTAssertEqual(findings(average(" and $G = 4$"), kind: "role-clash"), ["role-clash 7"])
  }

  func pyramid(_ backbone: String) -> String {
    """
    # Answer key: pyramids

    Notation as in lecture. Backbone outputs $\(backbone)$ for levels $s = 1,\\ldots,S$.

    ### 1.

    (a) Lateral layer at level $s$ with weights $W_s[d,i]$.

    > Solution: $Q_s[b,x,y,d] = W_s[d,I]\\,C_s[b,x,y,I]$.

    ### 2.

    (a) How many multiplies does the lateral layer take?

    > Solution: $BXYDI$.
    """
  }

  func testPreambleTensorWithLowercaseIndices_isDeclared() {
    XCTAssertEqual(findings(pyramid("C_s[b,x,y,i]"), kind: "undefined-name"), [])
    // A slice (a capital index) in the preamble declares nothing: the use is still reported.
    XCTAssertEqual(findings(pyramid("C_s[b,x,y,I]"), kind: "undefined-name"), ["undefined-name 9"])
  }
}
