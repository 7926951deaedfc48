import XCTest

@testable import ProblemDocument

/// Review round 6 mends: figure captions read as items, and an instruction read as a gloss. Each
/// on a small document beside a look-alike that goes the other way.
final class ReviewMendsR6bTests: XCTestCase, SmallDocumentAudit {
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
    XCTAssertEqual(unintroduced(told), ["undefined-name 5"])
    let glossed = doc.replacingOccurrences(of: "%@", with: "the value at step $t$.")
    XCTAssertEqual(unintroduced(glossed), [])
  }
}
