import Algebra
import XCTest

@testable import ProblemDocument

/// `arithmetic-chains` and the one numeric evaluator (`NumericValue`): chains of `=` and `≈`
/// between sides printed in numbers. Each document is written for the test; every value is
/// worked out by hand in the comments.
final class ArithmeticChainTests: XCTestCase, SmallDocumentAudit {
  /// 640·64 = 40960 (640·60 = 38400, 640·4 = 2560); 720·64 = 46080, so 720·64 = 40960 is
  /// wrong. Multiplies named right after the chain make it a count disagreement.
  func testWrongProductOfMultiplies_isACountDisagreement() {
    let text = """
      **Problem 1.** A depthwise layer feeds a pointwise layer of $64$ channels.

      **Solution**: Each position costs $%@\\cdot 64 = 40{,}960$ multiplies.
      """
    XCTAssertEqual(counts(text.replacingOccurrences(of: "%@", with: "640")), [])
    XCTAssertEqual(
      counts(text.replacingOccurrences(of: "%@", with: "720")), ["count-disagreement 3"])
    XCTAssertEqual(
      findings(text.replacingOccurrences(of: "%@", with: "720"), kind: "arithmetic"), [])
  }

  /// A wrong number that is no count of multiplies is arithmetic: 3·5·5·2 = 150, not 120.
  func testWrongNumberOfWeights_isArithmetic() {
    let text = """
      **Problem 1.** A $5 \\times 5$ filter reads $3$ channels and writes $2$.

      **Solution**: The filter holds $3\\cdot 5\\cdot 5\\cdot 2 = %@$ weights.
      """
    XCTAssertEqual(
      findings(text.replacingOccurrences(of: "%@", with: "150"), kind: "arithmetic"), [])
    XCTAssertEqual(
      findings(text.replacingOccurrences(of: "%@", with: "120"), kind: "arithmetic"),
      ["arithmetic 3"])
    XCTAssertEqual(counts(text.replacingOccurrences(of: "%@", with: "120")), [])
  }

  /// Thousands separators `{,}`, `\,` and a bare comma, a power and a fraction all read as
  /// numbers: 2·128·512 = 131072 = 2^17 (2^7·2^9·2 = 2^17); 64^2 = 4096; 3/4 of 1024 is 768.
  /// The same chains with one digit changed are findings.
  func testSeparatorsPowersAndFractions_read() {
    let right = """
      **Problem 1.** Work out the sizes.

      **Solution**: $2 \\times 128 \\times 512 = 131{,}072 = 2^{17}$, $64^2 = 4\\,096$ and \
      $\\frac{3}{4}\\cdot 1024 = 768$ and $1000 + 24 = 1,024$.
      """
    XCTAssertEqual(findings(right, kind: "arithmetic"), [])
    for (from, to) in [
      ("131{,}072", "131{,}073"), ("4\\,096", "4\\,086"), ("= 768", "= 786"), ("1,024", "1,042"),
    ] {
      XCTAssertEqual(
        findings(right.replacingOccurrences(of: from, with: to), kind: "arithmetic"),
        ["arithmetic 3"], to)
    }
  }

  /// An approximation holds within one unit of its last printed digit: 554,968,512 is
  /// 5.5×10⁸ to two digits (within 10⁷) but not 7×10⁸ (1.45×10⁸ away, a unit is 10⁸);
  /// 2π/8 = 0.785398… is ≈ 0.785, not ≈ 0.76.
  func testApproximations_holdWithinTheirPrintedDigit() {
    let text = """
      **Problem 1.** How large is the count, and the angle?

      **Solution**: $554{,}968{,}512 \\approx %@\\times 10^{8}$ and $2\\pi/8 \\approx %@$.
      """
    func with(_ a: String, _ b: String) -> String {
      var t = text
      t = t.replacingOccurrences(of: "%@\\times", with: "\(a)\\times")
      return t.replacingOccurrences(of: "\\approx %@$.", with: "\\approx \(b)$.")
    }
    XCTAssertEqual(findings(with("5.5", "0.785"), kind: "arithmetic"), [])
    XCTAssertEqual(findings(with("7", "0.785"), kind: "arithmetic"), ["arithmetic 3"])
    XCTAssertEqual(findings(with("5.5", "0.76"), kind: "arithmetic"), ["arithmetic 3"])
  }

  /// Statements of sizes and conditions are no chains: `T = 16`, `X = Y = 112`, `t \le 6`,
  /// `x = 2` each have a letter on one side of every `=`; a right chain after a size
  /// (`R = 1 + 7 = 8`) is read from its first numeric side.
  /// An approximation with no printed digit to judge by is not judged; one printed before a
  /// word of scale agrees once scaled by a power of a thousand; a wrong one still fires. By hand:
  /// 2^20 = 1 048 576; 4096·4096 = 16 777 216 (16.8 million, not 15.8); 2^10 = 1024 (not 1.2·10^3).
  func testApproximations_withoutPrintedDigitOrBeforeAScaleWord() {
    func audit(_ math: String) -> [String] {
      findings(
        """
        **Problem 1.** How many entries?

        **Solution**: $\(math)$ million entries in all.
        """, kind: "arithmetic")
    }
    XCTAssertEqual(audit("2^{20} \\approx 10^6"), [])
    XCTAssertEqual(audit("4096\\cdot 4096 \\approx 16.8"), [])
    XCTAssertEqual(audit("4096\\cdot 4096 \\approx 15.8"), ["arithmetic 3"])
    XCTAssertEqual(audit("2^{10} \\approx 1.2\\times 10^3"), ["arithmetic 3"])
  }

  /// A size the part states with two values is not worked out in it (which one a formula
  /// means is not decided by position); stated once, the same wrong formula fires. By hand:
  /// 2T = 6 at T = 3 and 2T = 10 at T = 5.
  func testSizeStatedTwiceInAPart_isNotWorkedOut() {
    let text = """
      **Problem 1.** Take $T = 3$.

      **Solution**: The cost is $2T = 6$ here, and the cost $2T = 10$ holds when %@.
      """
    XCTAssertEqual(
      findings(text.replacingOccurrences(of: "%@", with: "$T = 5$"), kind: "arithmetic"), [])
    let once = text.replacingOccurrences(of: "%@", with: "the input is longer")
    XCTAssertEqual(findings(once, kind: "arithmetic"), ["arithmetic 3"])
  }

  func testStatementsOfSizes_areNoChains() {
    let text = """
      **Problem 1.** Take $T = 16$, $X = Y = 112$ and $t \\le 6$; at $x = 2$ the field is \
      $R = 1 + 7 = %@$.
      """
    XCTAssertEqual(findings(text.replacingOccurrences(of: "%@", with: "8"), kind: "arithmetic"), [])
    XCTAssertEqual(
      findings(text.replacingOccurrences(of: "%@", with: "9"), kind: "arithmetic"),
      ["arithmetic 1"])
  }

  /// The one evaluator reads exactly: 1/3 + 1/6 = 1/2 with no rounding, ⌈16/3⌉ = 6 and
  /// ⌊16/3⌋ = 5, 10^{-3}·2000 = 2; a letter, a list and two numbers side by side are not read.
  func testNumericValue_readsExactly() {
    XCTAssertEqual(NumericValue.read("\\frac{1}{3} + \\frac{1}{6}")?.exact, Rational(1, 2))
    XCTAssertEqual(NumericValue.read("\\lceil 16/3 \\rceil")?.exact, Rational(6))
    XCTAssertEqual(NumericValue.read("\\lfloor 16/3 \\rfloor")?.exact, Rational(5))
    XCTAssertEqual(NumericValue.read("10^{-3}\\cdot 2000")?.exact, Rational(2))
    XCTAssertNil(NumericValue.read("2N"))
    XCTAssertNil(NumericValue.read("0,2,4"))
    XCTAssertNil(NumericValue.read("12 34"))
    XCTAssertNil(NumericValue.read("10^{10^{10^{10}}}")?.exact)
  }

  /// Two formulas of the same sizes joined by `=` are compared as polynomials:
  /// B·(XY/9)·3C·9C = 27/9·BXYC² = 3BXYC², not 9BXYC². A size defined by a formula
  /// (`E = 3C`) and a chain that substitutes another size (`BKJ = 12BIJ`, K stated elsewhere)
  /// are not judged.
  func testFormulasOfTheSameSizes_mustAgree() {
    let text = """
      **Problem 1.** A $3 \\times 3$ merge of stride $3$ maps $C$ channels to $E = 3C$.

      **Solution**: The merge costs $B\\cdot\\frac{XY}{9}\\cdot 3C\\cdot 9C = %@BXYC^2$ \
      multiplies, and the pyramid $BKJ = 12BIJ$.
      """
    XCTAssertEqual(counts(text.replacingOccurrences(of: "%@", with: "3")), [])
    XCTAssertEqual(
      counts(text.replacingOccurrences(of: "%@", with: "9")), ["count-disagreement 3"])
  }

  /// A formula of sizes stated in numbers in its problem is worked out: with N = 1000, F = 64
  /// and J = 128, JNF = 128·1000·64 = 8,192,000, so `JNF = 128·1000·32 = 4,096,000` is a
  /// finding (its product is right; its first step is not). Problem 2 states N = 500 of its
  /// own: JNF = 128·500·64 = 4,096,000 there. A lowercase `x = 2` states no size.
  func testFormulasOfStatedSizes_areWorkedOut() {
    let text = """
      **Problem 1.** Take $N = 1{,}000$, $F = 64$ and $J = 128$.

      **Solution**: At $x = 2$ the scores cost $JNF = 128\\cdot 1000\\cdot %@$ multiplies.

      **Problem 2.** Now take $N = 500$, $F = 64$, $J = 128$.

      **Solution**: The scores cost $JNF = 128\\cdot 500\\cdot 64 = 4{,}096{,}000$ multiplies.
      """
    XCTAssertEqual(counts(text.replacingOccurrences(of: "%@", with: "64 = 8{,}192{,}000")), [])
    XCTAssertEqual(
      counts(text.replacingOccurrences(of: "%@", with: "32 = 4{,}096{,}000")),
      ["count-disagreement 3"])
  }
}
