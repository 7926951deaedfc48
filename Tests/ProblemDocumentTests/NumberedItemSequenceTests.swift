import XCTest

@testable import ProblemDocument

/// Items read by their numbering (`MarkdownScanner.sequencedItems`) on small documents written
/// for the test: numbers that run in sequence at one heading level or one paragraph form open
/// items; a lone numbered heading, a number in prose and a numbered list do not.
final class NumberedItemSequenceTests: XCTestCase {
  /// The item openings as `line:number`, lines counted from 1.
  func openings(_ text: String) -> [String] {
    let doc = ProblemSetDocument(text: text, name: "t.md")
    let found = MarkdownScanner.sequencedItems(doc, itemWord: MarkdownScanner.itemWord(doc))
    return found.keys.sorted().map { "\($0 + 1):\(found[$0]!)" }
  }

  /// Bare numbered headings (`### 1.`, `## 2 Title`) in sequence open items; the numbered
  /// steps inside an item and an answer-key heading do not.
  func testBareNumberedHeadings_inSequence() {
    let doc = """
      # Sheet on pooling

      ### 1.

      Pool $x[b,i]$ over $i$.

      1. Write the sum.
      2. Count the adds.

      ### 2.

      Now weight it.

      ## Answer key

      Both are easy.
      """
    XCTAssertEqual(openings(doc), ["3:1", "10:2"])
    let titled = "## 1 Pooling\n\nText.\n\n## 2 Weights\n\nText.\n"
    XCTAssertEqual(openings(titled), ["1:1", "5:2"])
  }

  /// A single numbered heading in notes, or a numbered list alone, is not a sequence of items.
  func testLoneNumberedHeading_isNoItem() {
    XCTAssertEqual(openings("# Notes\n\n### 2.\n\nSome remarks.\n"), [])
    XCTAssertEqual(openings("# Notes\n\n1. First step.\n2. Second step.\n"), [])
    // Numbers out of order are headings of something else.
    XCTAssertEqual(openings("### 1.\n\nA.\n\n### 3.\n\nB.\n"), [])
  }

  /// Unmarked `Question N.` paragraphs open items; a question named in prose does not.
  func testPlainQuestionParagraphs() {
    let doc = "Question 1. Find $y$.\n\nAnswer: $2$.\n\nQuestion 2. Find $z$.\n\nAnswer: $3$.\n"
    XCTAssertEqual(openings(doc), ["1:1", "5:2"])
    let prose = "Question 3 asks for the size.\n\nQuestion 4 repeats it.\n"
    XCTAssertEqual(openings(prose), [])
  }

  /// Dotted numbers (`Exercise 6.1`, `Exercise 6.2`) run in sequence; a gap breaks the run.
  func testDottedNumbers_runInSequence() {
    let doc = "Exercise 7.1 (Sizes). Give $N$.\n\nExercise 7.2 (Costs.) Count.\n"
    XCTAssertEqual(openings(doc), ["1:7.1", "3:7.2"])
    let gap = "Exercise 7.1 (Sizes). Give $N$.\n\nExercise 7.3 (Costs.) Count.\n"
    XCTAssertEqual(openings(gap), [])
  }

  /// Roman-numbered problem headings open items; "I" as a word does not count as a number.
  func testRomanNumerals() {
    let doc = "## Problem I. Sums\n\n(i) One.\n\n## Problem II. Products\n\n(ii) Two.\n"
    XCTAssertEqual(openings(doc), ["1:I", "5:II"])
    XCTAssertEqual(openings("## I think so\n\n## II think so\n"), [])
  }

  /// Slides count on, but the practice problems they name are the items.
  func testSlideHeadings_nameTheirProblems() {
    let doc = """
      ## Slide 1 — Goal

      Text.

      ## Slide 2 — Exercise problem 1: sizes

      Text.

      ## Slide 3 — Exercise problem 2: costs

      Text.
      """
    XCTAssertEqual(openings(doc), ["5:1", "9:2"])
  }

  /// A document that marks its problems the usual way is left to that reading.
  func testMarkedProblems_takePrecedence() {
    let doc = "**Problem 1.** One.\n\n### 1.\n\nA.\n\n### 2.\n\nB.\n"
    XCTAssertEqual(openings(doc), [])
  }
}
