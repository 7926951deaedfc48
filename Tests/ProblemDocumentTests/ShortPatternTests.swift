import XCTest

@testable import ProblemDocument

/// Foundation's regular expressions leak their storage on Linux for patterns longer than 256
/// UTF-16 units (LeakSanitizer fails the fuzz campaign on it): every reader compiles through
/// `ShortPatterns`, which refuses the longer ones.
final class ShortPatternTests: XCTestCase {
  func testPatternsLongerThanTheBound_areRefused() {
    let fits = String(repeating: "a", count: ShortPatterns.longest)
    XCTAssertEqual(ShortPatterns.longest, 256)
    XCTAssertNotNil(ShortPatterns.compiled(fits))
    XCTAssertNil(ShortPatterns.compiled(fits + "a"))
    // A unit is UTF-16's: 128 letters outside the basic plane are 256 units.
    let wide = String(repeating: "𝒩", count: 128)
    XCTAssertNotNil(ShortPatterns.compiled(wide))
    XCTAssertNil(ShortPatterns.compiled(wide + "a"))
    XCTAssertNil(ShortPatterns.compiled("(unclosed"), "not a pattern")
  }

  /// No source compiles a pattern except through `ShortPatterns`.
  func testEverySourceCompilesThroughTheBound() throws {
    let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")
    let files = try XCTUnwrap(FileManager.default.enumerator(atPath: sources.path))
      .compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
    XCTAssertGreaterThan(files.count, 50, "the sources are found")
    var compiling: [String] = []
    for file in files {
      let text = try String(
        contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
      if text.contains("NSRegularExpression(") { compiling.append(file) }
    }
    XCTAssertEqual(compiling, ["ProblemDocument/ShortPatterns.swift"])
  }
}
