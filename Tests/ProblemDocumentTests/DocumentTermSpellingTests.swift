import Foundation
import ProblemDocument
import XCTest

/// Words a document makes its own: a name it writes capitalized inside a sentence is that name
/// where a heading opens with it too, and a word it writes the same way three times or more is
/// its own term. A word written once or twice, or a name never seen inside a sentence, is still
/// looked up.
final class DocumentTermSpellingTests: XCTestCase {
  func spellingAvailable() -> Bool { (try? Spelling.misspelt(["word"])) != nil }

  func spelling(_ text: String) -> [String] {
    Auditor.audit(ProblemSetDocument(text: text, name: "terms.md"), spelling: true).findings
      .filter { $0.kind == .spelling }
      .map { "\($0.location.line) \($0.message.split(separator: "'").first ?? "")" }
  }

  func doc(mask: String, steps: String) -> String {
    "# Overlap scores\n\n## Part 1 (Sørensen overlap)\n\n"
      + "**Problem 1.** We compare masks with \(mask). \(steps)\n\n"
      + "(a) How many passes do the steps need?\n"
  }

  func testNameInsideASentence_isANameInTheHeadingToo() throws {
    try XCTSkipUnless(spellingAvailable(), "hunspell with an English dictionary is not installed")
    let named = doc(mask: "the overlap of Sørensen", steps: "Each step costs one pass.")
    XCTAssertEqual(spelling(named), [])
    let unnamed = doc(mask: "a simple overlap", steps: "Each step costs one pass.")
    XCTAssertEqual(spelling(unnamed), ["3 Sørensen"])
  }

  func testWordWrittenThreeTimes_isTheDocumentsTerm() throws {
    try XCTSkipUnless(spellingAvailable(), "hunspell with an English dictionary is not installed")
    let thrice = doc(
      mask: "the overlap of Sørensen",
      steps: "Each convo costs one pass, a second convo reuses it, a third convo is free.")
    XCTAssertEqual(spelling(thrice), [])
    let twice = doc(
      mask: "the overlap of Sørensen",
      steps: "Each convo costs one pass and a second convo reuses it.")
    XCTAssertEqual(spelling(twice), ["5 convo", "5 convo"])
  }
}

/// Words the field coins from known nouns: an adverb by `-wise` (by entry) and a verb by `-ize`
/// are the noun's compounds; the same suffix on a misspelt noun is still a misspelling.
final class SuffixCompoundSpellingTests: XCTestCase {
  func testWiseAndIzeOnAKnownNoun_areCompounds() throws {
    try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/bin/hunspell"))
    let known = try Spelling.compounds([
      "entrywise", "kernelized", "vectorises", "entyrwise", "kernalized", "wise",
    ])
    XCTAssertEqual(known, ["entrywise", "kernelized", "vectorises"])
  }

  /// `params`, the field's shorthand for parameters, is a field word; `parms` is not.
  func testParamsShorthand_isAFieldWord() throws {
    try XCTSkipUnless((try? Spelling.misspelt(["word"])) != nil, "hunspell is not installed")
    func spelling(_ noun: String) -> [String] {
      let text = "# Sizes\n\n**Problem 1.** The layer has \(noun) to learn. How many?\n"
      return Auditor.audit(ProblemSetDocument(text: text, name: "s.md"), spelling: true)
        .findings.filter { $0.kind == .spelling }.map(\.location.line).map(String.init)
    }
    XCTAssertEqual(spelling("many params"), [])
    XCTAssertEqual(spelling("many parms"), ["3"])
  }
}
