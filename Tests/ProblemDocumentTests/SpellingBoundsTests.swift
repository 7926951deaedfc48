import Foundation
import ProblemDocument
import XCTest

/// The spelling path is bounded: a huge letter run is a located finding without a lookup,
/// hunspell is stopped at its time limit, and no temporary file is made.
final class SpellingBoundsTests: XCTestCase {
  func temporaryEntries() throws -> Set<String> {
    Set(
      try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())
        .filter { $0.hasPrefix("psverify-spelling") })
  }

  func testMillionLetterWord_aLocatedFindingNotALookup() throws {
    let text =
      "**Problem 1.** Compute " + String(repeating: "a", count: 1_000_000)
      + " now.\n\n**Solution**: done.\n"
    let doc = ProblemSetDocument(text: text, name: "long.md")
    let report = Auditor.audit(doc, spelling: true)
    let long = report.findings.filter { $0.message.hasPrefix("a run of 1000000 letters") }
    XCTAssertEqual(long.count, 1, report.findings.map(\.message).joined(separator: "\n"))
    XCTAssertEqual(long.first.map { "\($0.location)" }, "line 1, column 24")
  }

  func testHunspellPastItsTimeLimit_isStoppedAndReported() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("spelling-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let fake = directory.appendingPathComponent("hunspell").path
    let script = Data("#!/bin/sh\nexec sleep 600\n".utf8)
    _ = FileManager.default.createFile(
      atPath: fake, contents: script,
      attributes: [.posixPermissions: 0o755])
    let before = try temporaryEntries()
    XCTAssertThrowsError(try Spelling.misspelt(["teh"], timeLimit: 1, hunspell: fake)) {
      XCTAssertEqual(
        "\($0)",
        "spelling not checked: hunspell failed: hunspell did not finish "
          + "within 1 s and was stopped")
    }
    XCTAssertEqual(try temporaryEntries(), before)
  }

  func testProjectWords_acceptedAsAPersonalDictionaryWould() throws {
    try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/bin/hunspell"))
    let words: Set<String> = ["softmax", "Softmax", "ReLU", "relu", "teh", "convolutional"]
    let wrong = try Spelling.misspelt(words)
    XCTAssertEqual(wrong, ["relu", "teh"])
  }

  /// Words of mathematical prose the field uses (`arg` in arg-max, `rescalings`) are accepted;
  /// a slip in one of them is still misspelt.
  func testMathematicalFieldWords_acceptedTheirSlipsNot() throws {
    try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/bin/hunspell"))
    let words: Set<String> = ["arg", "rescalings", "reweighting", "rescalnigs", "arrg"]
    XCTAssertEqual(try Spelling.misspelt(words), ["arrg", "rescalnigs"])
  }
}
