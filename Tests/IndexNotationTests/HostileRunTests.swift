import IndexNotation
import TensorCore
import XCTest

/// Long runs of one mark, deep parentheses in an index, and positions read from another tensor.
final class HostileRunTests: XCTestCase {
  /// A long run of primes after one letter names the letter with a few primes, not every length.
  func testPrimeRun_keepsFewNames() {
    let short = LenientNames.letters(in: "$q'' + r$")
    XCTAssertTrue(short.contains("q′′"))
    XCTAssertTrue(short.contains("r"))
    let long = LenientNames.letters(in: "$q" + String(repeating: "'", count: 60) + "$")
    XCTAssertLessThanOrEqual(long.count, 5)
    XCTAssertTrue(long.contains("q"))
  }

  /// A run of primes as long as a hostile document is read without storing every prefix.
  func testHundredThousandPrimes_run() {
    let names = LenientNames.letters(in: "$q" + String(repeating: "'", count: 100_000) + "$")
    XCTAssertTrue(names.contains("q"))
  }

  /// Parentheses nested inside an index past the depth limit give a diagnostic, not a crash.
  func testDeepParenthesesInIndex_diagnostic() {
    let n = 100_000
    let text =
      "v[a] = w[" + String(repeating: "(", count: n) + "a" + String(repeating: ")", count: n) + "]"
    var p = Parser(text)
    XCTAssertThrowsError(try p.parseEquation())
    // A few levels still read.
    var q = Parser("v[a] = w[((a))]")
    XCTAssertNoThrow(try q.parseEquation())
  }

  /// A tensor read inside parentheses of an index is still a gathered reference of that index.
  func testGatheredInsideParentheses_kept() throws {
    var p = Parser("v[b,t] = e[(g[b,t]), t]")
    let eq = try p.parseEquation()
    XCTAssertEqual(eq.rhsReferences.map(\.name.description), ["e", "g"])
    var plain = Parser("v[b,t] = e[(b), t]")
    let eq2 = try plain.parseEquation()
    XCTAssertEqual(eq2.rhsReferences.map(\.name.description), ["e"])
  }

  /// A position read from another tensor is not evaluated as an affine index: the evaluator
  /// refuses it rather than reading `e[b + t, i]`; an affine look-alike evaluates.
  func testGatheredPosition_evaluatorRefuses() throws {
    var p = Parser("v[b,i] = e[g[b],i]")
    let eq = try p.parseEquation()
    let e = Tensor<Double>(shape: [3, 2], storage: [1, 2, 3, 4, 5, 6])
    let g = Tensor<Double>(shape: [2], storage: [2, 0])
    let bindings = Bindings(
      tensors: [TensorName(base: "e"): e, TensorName(base: "g"): g], parameters: [:],
      outputShape: [2, 2])
    XCTAssertThrowsError(
      try {
        var ev = try Evaluator(eq, bindings: bindings)
        _ = try ev.run()
      }())
    var q = Parser("v[b,i] = e[b + 1,i]")
    var ev = try Evaluator(try q.parseEquation(), bindings: bindings)
    XCTAssertEqual(try ev.run().0.storage, [3, 4, 5, 6])
  }

  /// The printed form of a reference quotes a gathered position as written.
  func testGatheredPosition_printedAsWritten() throws {
    var p = Parser("v[b,t,i] = e[w[b,t],i]")
    XCTAssertEqual(try p.parseEquation().rhsReferences.first?.description, "e[w[b, t], i]")
    var q = Parser("v[b,t,i] = e[b + t,i]")
    XCTAssertEqual(try q.parseEquation().rhsReferences.first?.description, "e[b + t, i]")
  }
}
