import XCTest

@testable import ProblemDocument

/// Review round 6 mends: a count that is not the bounded index's, a count from an unknown origin,
/// figure captions read as items, an instruction read as a gloss, and a shift of a tensor to
/// itself said of the layer. Each on a small document beside a look-alike that goes the other way.
final class ReviewMendsR6bTests: XCTestCase, SmallDocumentAudit {
  /// A number said of each output is not the count of the index's values; the same number
  /// concluded from the bound is.
  func testBoundConclusions_aCountOfOneItemIsNoConclusion() {
    let each = """
      # Problem 1

      A kernel of width 4 slides over a row of length 10 when $u + 3 \\le 9$; each output sees 4 samples of the row.
      """
    XCTAssertEqual(findings(each, kind: "border-rule"), [])
    let total = each.replacingOccurrences(of: "each output sees", with: "so there are")
    XCTAssertEqual(findings(total, kind: "border-rule"), ["border-rule 3"])
  }

  /// A count is judged from the origin the section writes for the index; with none written, a
  /// count that counting from 0 or from 1 gives is not judged, and one that neither gives is.
  func testBoundConclusions_theIndexsOrigin() {
    let fromOne = """
      # Problem 1

      Outputs are $y[u]$ for $u = 1, \\ldots, U$. A kernel of width 4 fits when $u + 3 \\le 10$, giving 7 outputs.
      """
    XCTAssertEqual(findings(fromOne, kind: "border-rule"), [])
    let fromZero = fromOne.replacingOccurrences(of: "u = 1,", with: "u = 0,")
    XCTAssertEqual(findings(fromZero, kind: "border-rule"), ["border-rule 3"])
    let unknown =
      "# Problem 1\n\nA kernel of width 4 fits when $u + 3 \\le 10$, giving 7 outputs.\n"
    XCTAssertEqual(findings(unknown, kind: "border-rule"), [])
    let neither = unknown.replacingOccurrences(of: "giving 7", with: "giving 9")
    XCTAssertEqual(findings(neither, kind: "border-rule"), ["border-rule 3"])
  }

  /// `Table 1.` / `Table 2.` captions ask nothing and open no items; `Task 1.` paragraphs that
  /// give an instruction do.
  func testNumberedCaptions_openNoItems() {
    let captions = """
      # Pooling notes

      Table 1. The pooled sizes.

      Pooling maps $x[i]$ to $s = x[i]$ summed.

      Table 2. The costs per layer.

      More notes on $s$.
      """
    let doc = ProblemSetDocument(text: captions, name: "t.md")
    XCTAssertEqual(MarkdownScanner.sequencedItems(doc, itemWord: "Problem"), [:])
    let tasks = captions.replacingOccurrences(
      of: "Table 1. The pooled", with: "Table 1. Give the pooled")
    let asked = ProblemSetDocument(text: tasks, name: "t.md")
    XCTAssertEqual(MarkdownScanner.sequencedItems(asked, itemWord: "Problem"), [2: "1", 6: "2"])
  }

  /// A list entry that tells the reader what to do with a name does not introduce it; one that
  /// describes it does.
  func testDefinitionEntry_anInstructionIsNoGloss() {
    let doc = """
      # Problem 1

      Let $h[b,t,j]$ be the hidden state for $t$ from $0$ to $T - 1$, with $T$ steps.

      - $v[b,t,j]$: %@
      """
    let told = doc.replacingOccurrences(of: "%@", with: "find it for each $t$.")
    XCTAssertEqual(findings(told, kind: "undefined-name"), ["undefined-name 5"])
    let glossed = doc.replacingOccurrences(of: "%@", with: "the value at step $t$.")
    XCTAssertEqual(findings(glossed, kind: "undefined-name"), [])
  }

  /// A tensor related to itself under a common shift says the tensor depends only on the
  /// difference: a word about a layer that uses it is not judged; a word about the tensor is.
  func testShiftedSelf_judgesOnlyTheTensor() {
    let doc = """
      # Problem 1

      Let $g[i,k]$ be an offset for rows $i$ and $k$. It satisfies $g[i+d,k+d] = g[i,k]$ for every $d$, so %@ to shifts of the rows.
      """
    let layer = findings(
      doc.replacingOccurrences(of: "%@", with: "a layer adding it is equivariant"),
      kind: "property-word")
    XCTAssertEqual(layer, [])
    let tensor = findings(
      doc.replacingOccurrences(of: "%@", with: "$g$ is equivariant"), kind: "property-word")
    XCTAssertEqual(tensor, ["property-word 3"])
  }
}
