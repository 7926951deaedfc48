import Algebra
import XCTest

@testable import ProblemDocument

/// `instanced-size-formulas`: a problem's own output-size formula judged at the numbers it
/// gives, on documents written for the test. Every expected value is worked out by hand in
/// the comments; each firing document has a look-alike that stays silent.
final class InstancedSizeTests: XCTestCase, SmallDocumentAudit {
  /// A problem with zero padding `P`, stride `s` and a window of `K` taps whose solution states
  /// the size formula, then a part giving numbers and printing `X' = printed` on line 9.
  static func padded(_ printed: String, values: String = "$X = 40$, $K = 5$, $P = 2$, $s = 1$")
    -> String
  {
    """
    **Problem 1.** A layer slides a window of $K$ taps over a map of width $X$ padded with \
    $P$ zeros on each side, moving $s$ positions per output.

    (a) What is the output width?

    **Solution.** $X' = \\lfloor (X + 2P - K)/s \\rfloor + 1$.

    (b) Work it out for \(values).

    **Solution.** Here $X' = \(printed)$.
    """
  }

  /// P = 2 with 5 taps on 40 keeps the width: ⌊(40 + 4 − 5)/1⌋ + 1 = 40. Printing 36 (the
  /// unpadded 40 − 5 + 1) is a finding on line 9; printing 40 is not.
  func testPaddedWidthAgainstTheProblemsFormula() {
    XCTAssertEqual(borders(Self.padded("36")), ["border-rule 9"])
    XCTAssertEqual(borders(Self.padded("40")), [])
  }

  /// Stride 3 on 40 with 5 taps and P = 2: ⌊39/3⌋ + 1 = 14. A printed chain ending in 14 is
  /// silent; one ending in 13 (the chain's own arithmetic wrong too) is a finding.
  func testStridedWidthWithAChain() {
    let values = "$X = 40$, $K = 5$, $P = 2$, $s = 3$"
    XCTAssertEqual(
      findings(Self.padded("\\lfloor 39/3 \\rfloor + 1 = 14", values: values), kind: "border-rule"),
      [])
    XCTAssertTrue(
      borders(Self.padded("\\lfloor 39/3 \\rfloor + 1 = 13", values: values))
        .contains("border-rule 9"))
  }

  /// A letter of the formula without a number (no stride given) leaves the rule silent, and
  /// so does a formula whose value is not whole: (40 + 4 − 5)/2 = 19.5 with no floor.
  func testSilentWhenALetterOrTheRoundingIsNotGiven() {
    XCTAssertEqual(borders(Self.padded("36", values: "$X = 40$, $K = 5$, $P = 2$")), [])
    let unrounded = Self.padded("20", values: "$X = 40$, $K = 5$, $P = 2$, $s = 2$")
      .replacingOccurrences(of: "\\lfloor (X + 2P - K)/s \\rfloor + 1", with: "(X + 2P - K)/s + 1")
    XCTAssertEqual(borders(unrounded), [])
  }

  /// Valid windows written with an offset size: X′ = X − ΔX + 1 at X = 12, ΔX = 4 is 9.
  /// A later value overrides an earlier one (ΔX = 3 after 4 gives 10).
  func testValidWindowsAndTheLastValueGiven() {
    func doc(_ printed: Int) -> String {
      """
      **Problem 2.** Outputs keep only windows that fit: $X' = X - \\Delta X + 1$.

      For $X = 12$ and $\\Delta X = 4$ we get $X' = 9$. With $\\Delta X = 3$ instead, \
      $X' = \(printed)$.
      """
    }
    XCTAssertEqual(borders(doc(10)), [])
    XCTAssertEqual(borders(doc(9)), ["border-rule 3"])
  }

  /// Two formulas stated for the same output (a cropped and an uncropped transposed layer):
  /// a number either gives is not judged. s(X − 1) + K at s = 2, X = 8, K = 4 is 18; minus
  /// 2p with p = 1 it is 16. 16 is silent, 17 is a finding.
  func testAnyStatedFormulaThatAgreesSilences() {
    func doc(_ printed: Int) -> String {
      """
      **Problem 3.** A transposed layer with stride $s$ writes $X' = s(X-1) + K$ positions; \
      cropping $p$ on each side leaves $X' = s(X-1) + K - 2p$.

      At $s = 2$, $X = 8$, $K = 4$ and $p = 1$ the output has $X' = \(printed)$ positions.
      """
    }
    XCTAssertEqual(borders(doc(16)), [])
    XCTAssertEqual(borders(doc(17)), ["border-rule 3"])
  }

  /// A printed size whose question names a border convention the problem had not named by
  /// its formula ("same" after an unpadded formula) may follow that other convention: silent.
  /// The look-alike asks with no new convention word and prints 34 where the unpadded
  /// formula gives 34 − 3 + 1 = 32: a finding on line 9.
  func testAnotherConventionNamedAtTheSizeIsNotJudged() {
    func doc(_ question: String, _ printed: Int) -> String {
      """
      **Problem 4.** Without padding a window of $K$ taps leaves $X' = X - K + 1$ outputs.

      (a) Take $X = 32$ and $K = 3$.

      **Solution.** Then $X' = 30$.

      (b) \(question) with $X = 34$ and $K = 3$.

      **Solution.** Then $X' = \(printed)$.
      """
    }
    XCTAssertEqual(borders(doc("Now use \"same\" padding", 34)), [])
    XCTAssertEqual(borders(doc("Now take the layer", 34)), ["border-rule 9"])
  }

  /// Values given in another problem do not carry: problem 2 gives no numbers of its own.
  func testValuesStayInTheirProblem() {
    let text = """
      **Problem 1.** Take $X = 40$, $K = 5$.

      **Problem 2.** An unpadded layer gives $X' = X - K + 1$, here $X' = 30$.
      """
    XCTAssertEqual(borders(text), [])
  }

  /// The reader's names: `\Delta X`, `ΔX`, Greek letters and primes are names; `\max` is no
  /// reading.
  func testSizeExpressionNames() {
    let e = AuditRules.InstancedSizes.Expression("\\lfloor (X + 2\\rho - \\Delta X)/s \\rfloor + 1")
    XCTAssertEqual(e?.names, ["X", "\\rho", "ΔX", "s"])
    // ⌊(224 + 0 − 7)/2⌋ + 1 = 108 + 1 = 109.
    XCTAssertEqual(
      e?.value(["X": 224, "\\rho": 0, "ΔX": 7, "s": 2]), Rational(109))
    XCTAssertEqual(AuditRules.InstancedSizes.Expression("X^{\\prime}")?.names, ["X'"])
    XCTAssertNil(AuditRules.InstancedSizes.Expression("\\max(X, 1)"))
  }
}
