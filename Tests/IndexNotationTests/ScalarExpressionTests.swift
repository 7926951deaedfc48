import Algebra
import Answers
import IndexNotation
import XCTest

final class ScalarExpressionTests: XCTestCase {
  let oneOverRootTwo = ScalarValue.exact(Surd(Rational(1, 2), radicand: 2))

  func testReadsPrintedAndTypedSpellingsExactly() throws {
    for text in [
      "$1/\\sqrt{2}$", "1/sqrt(2)", "\\frac{\\sqrt{2}}{2}", "√2/2", "2^{-1/2}",
      "\\frac{1}{\\sqrt 2}", "(1/2)*sqrt(2)", "\\left(\\sqrt{2}\\right)/2",
    ] {
      XCTAssertEqual(try ScalarExpression.evaluate(text), oneOverRootTwo, text)
    }
    XCTAssertEqual(try ScalarExpression.evaluate("0.5"), .exact(Surd(Rational(1, 2))))
    XCTAssertEqual(try ScalarExpression.evaluate("1/\\sqrt{3}").description, "1/√3")
  }

  func testSyntaxErrorsNameTheColumn() {
    XCTAssertThrowsError(try ScalarExpression.evaluate("1/")) {
      XCTAssertEqual(
        "\($0)", "expected a number, a symbol or '(', found the end of the answer at column 3")
    }
    XCTAssertThrowsError(try ScalarExpression.evaluate("\\sqrt{2")) {
      XCTAssertEqual("\($0)", "expected '}', found the end of the answer at column 8")
    }
    XCTAssertThrowsError(try ScalarExpression.evaluate("1/0")) {
      XCTAssertEqual("\($0)", "division by zero at column 2")
    }
    XCTAssertThrowsError(try ScalarExpression.evaluate("abc")) {
      XCTAssertEqual("\($0)", "expected a number, found the symbol 'abc' at column 1")
    }
  }

  func testHostileInputNeitherCrashesNorOverflows() {
    XCTAssertEqual(
      try ScalarExpression.evaluate("99999999999999*99999999999999").doubleValue,
      1e28, accuracy: 1e16)
    XCTAssertNoThrow(try ScalarExpression.evaluate("7^64"))
    XCTAssertNoThrow(try ScalarExpression.evaluate("123456^5/654321^7"))
    XCTAssertThrowsError(try ScalarExpression.evaluate(String(repeating: "(", count: 10_000)))
    XCTAssertThrowsError(try ScalarExpression.evaluate(String(repeating: "1+", count: 100_000)))
    // Found by the fuzzer (Fuzz/crashes/answer/): a large base raised to 64 grew for every step
    // before the size check; now the first step past the bound stops it, at the power's column.
    XCTAssertThrowsError(try ScalarExpression.evaluate("777777777777777777777777772^64")) {
      XCTAssertEqual(
        "\($0)",
        "the power grows past 256 bits; psverify keeps exact numbers of up to "
          + "256 bits at column 28")
    }
  }
}

/// The power reader names the base and the exponent's symbols it was given, not problem 3c's.
final class PowerReadingTests: XCTestCase {
  func read(_ text: String, bases: Set<String>, shown: String, symbols: SymbolTable) -> String? {
    do {
      let e = try AnswerParser.expression(text)
      _ = try AnswerReading.power(e, bases: bases, shown: shown, symbols: symbols, text: text)
      return nil
    } catch {
      return error.message
    }
  }

  func testMessages_nameTheGivenBaseAndSymbols() {
    let table = SymbolTable([.init("K")])
    XCTAssertEqual(
      read("K - 1", bases: ["ρ", "rho"], shown: "ρ", symbols: table),
      "expected a power of ρ such as ρ^(K − 1)")
    XCTAssertEqual(
      read("x^(K-1)", bases: ["ρ", "rho"], shown: "ρ", symbols: table),
      "expected ρ as the base of the power")
    XCTAssertNil(read("rho^(K-1)", bases: ["ρ", "rho"], shown: "ρ", symbols: table))
  }
}
