import Foundation
import ProblemDocument
import XCTest

/// Prose is checked against American and British English: a writer's British spelling is no
/// finding, a slip in either spelling is, and a missing British dictionary is a note.
final class BritishSpellingTests: XCTestCase {
  func britishAvailable() -> Bool {
    (try? Spelling.misspelt(["word"])) != nil && Spelling.missingDictionaries().isEmpty
  }

  func testBritishSpellings_acceptedTheirSlipsNot() throws {
    try XCTSkipUnless(britishAvailable(), "hunspell with en_US and en_GB is needed")
    let words: Set<String> = [
      "travelled", "parametrised", "centre", "optimiser", "labelled", "colour",
      "travleled", "parametrsied", "optimsier",
    ]
    XCTAssertEqual(try Spelling.misspelt(words), ["travleled", "parametrsied", "optimsier"])
  }

  /// In a document: the British words of a correct line raise nothing; the look-alike slip on
  /// the next line is still found.
  func testBritishProse_inADocument() throws {
    try XCTSkipUnless(britishAvailable(), "hunspell with en_US and en_GB is needed")
    let text =
      "**Problem 1.** The optimiser is initialised at the centre and the loss is minimised.\n"
      + "\n"
      + "**Problem 2.** The layer is regularsied by a penalty.\n"
    let report = Auditor.audit(ProblemSetDocument(text: text, name: "gb.md"), spelling: true)
    let spelling = report.findings.filter { $0.kind == .spelling }
    XCTAssertEqual(
      spelling.map { "\($0.location.line) \($0.message)" },
      ["3 'regularsied' is not in the English dictionary or the field's word list"])
    XCTAssertFalse(report.notes.contains { $0.contains("en_GB") }, report.notes.joined())
  }

  /// A hunspell that loads only en_US: the British dictionary is reported missing, with its
  /// package; one that loads both is reported complete.
  func testMissingBritishDictionary_isNoted() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("dictionary-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    func fake(_ loaded: [String]) -> String {
      let path = directory.appendingPathComponent("hunspell-\(loaded.count)").path
      let report = loaded.map {
        "echo 'LOADED DICTIONARY:' >&2; echo '/usr/share/hunspell/\($0).aff' >&2;"
      }.joined(separator: " ")
      let script = "#!/bin/sh\ncat >/dev/null\n\(report)\nexit 0\n"
      _ = FileManager.default.createFile(
        atPath: path, contents: Data(script.utf8), attributes: [.posixPermissions: 0o755])
      return path
    }
    let usOnly = Spelling.missingDictionaries(hunspell: fake(["en_US"]))
    XCTAssertEqual(usOnly, ["en_GB"])
    XCTAssertEqual(Spelling.missingDictionaries(hunspell: fake(["en_US", "en_GB"])), [])
    let note = try XCTUnwrap(Spelling.missingDictionaryNote(usOnly))
    XCTAssertTrue(note.hasPrefix("spelling not checked against en_GB"), note)
    XCTAssertTrue(note.contains("apt-get install hunspell-en-gb"), note)
    XCTAssertNil(Spelling.missingDictionaryNote([]))
  }
}
