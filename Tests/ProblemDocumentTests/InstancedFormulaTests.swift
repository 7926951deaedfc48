import XCTest

@testable import ProblemDocument

/// `instanced-formulas`: a product of numbers judged against a product formula printed earlier
/// in sizes, at the sizes the document states. Each document is written for the test; every
/// value is worked out by hand in the comments.
final class InstancedFormulaTests: XCTestCase, SmallDocumentAudit {
  /// A projection after a pooling that halves the positions: the count is BN'IJ with N' = 50.
  /// At B = 8, N' = 50, I = 64, J = 32 it is 8·50·64·32 = 819,200 (8·50 = 400, 400·64 = 25,600,
  /// 25,600·32 = 819,200). Printing the pooled size's input N = 100 instead (8·100·64·32 =
  /// 1,638,400, arithmetic right) is the formula with a replaced value.
  static let pooled = """
    **Problem 1.** A pooling step halves the positions of $A[b,n,i]$, so the pooled input has \
    $N' = N/2$ positions, and a projection $C[b,n,j] = V[j,I]\\,A'[b,n,I]$ follows.

    (a) How many multiplies does the projection take?

    **Solution.** $BN'IJ$ multiplies.

    (b) Evaluate it for $B = 8$, $N = 100$, $I = 64$, $J = 32$.

    **Solution.** Here $N' = 50$, and the projection takes %@ multiplies.
    """

  func testProductAtTheStatedSizes_isSilent() {
    let text = Self.pooled.replacingOccurrences(
      of: "%@", with: "$8\\cdot 50\\cdot 64\\cdot 32 = 819{,}200$")
    XCTAssertEqual(counts(text), [])
  }

  func testProductWithTheReplacedSize_isACountDisagreement() {
    let text = Self.pooled.replacingOccurrences(
      of: "%@", with: "$8\\cdot 100\\cdot 64\\cdot 32 = 1{,}638{,}400$")
    XCTAssertEqual(findings(text, kind: "count-disagreement"), ["count-disagreement 9"])
    XCTAssertEqual(findings(text, kind: "arithmetic"), [])
  }

  /// Summing a 3×3 window takes ΔXΔY − 1 = 8 additions, so the total is BX'Y'I(ΔXΔY − 1);
  /// at B = 2, X' = Y' = 30, I = 16 that is 2·30·30·16·8 = 230,400 (2·900 = 1,800, 1,800·16 =
  /// 28,800, 28,800·8 = 230,400). Printing 9 (the window's ΔXΔY) for the last factor gives
  /// 2·30·30·16·9 = 259,200. The window's size printed as one factor 9 for ΔX·ΔY in a
  /// product formula BX'Y'ΔXΔYI (the reads) is that formula's instance: 2·30·30·9·16 =
  /// 259,200; so when the reads are counted too, a product of 9 is theirs and stays silent.
  static let window = """
    **Problem 1.** A $3 \\times 3$ window sums $L[b,x+\\Delta x,y+\\Delta y,i]$ over \
    $\\Delta x < \\Delta X$ and $\\Delta y < \\Delta Y$, with $\\Delta X = \\Delta Y = 3$, at \
    each of the $X' \\times Y'$ output positions.

    (a) How many additions does the sum over a batch take%R?

    **Solution.** Adding $\\Delta X\\,\\Delta Y$ numbers takes $\\Delta X\\,\\Delta Y - 1$ \
    additions, so the sum takes $BX'Y'I(\\Delta X\\,\\Delta Y - 1)$ additions%V.

    (b) Evaluate both for $B = 2$, $X' = Y' = 30$, $I = 16$.

    **Solution.** %@
    """

  /// The window document with or without the reads counted.
  static func window(reads: Bool, _ answer: String) -> String {
    window.replacingOccurrences(of: "%R", with: reads ? ", and how many reads" : "")
      .replacingOccurrences(
        of: "%V", with: reads ? " and reads $BX'Y'\\Delta X\\,\\Delta Y\\,I$ values" : ""
      )
      .replacingOccurrences(of: "%@", with: answer)
  }

  func testWindowProductsAtTheStatedSizes_areSilent() {
    let text = Self.window(
      reads: true,
      "$2\\cdot 30\\cdot 30\\cdot 16\\cdot 8 = 230{,}400$ additions and "
        + "$2\\cdot 30\\cdot 30\\cdot 9\\cdot 16 = 259{,}200$ reads.")
    XCTAssertEqual(counts(text), [])
    let additions = "$2\\cdot 30\\cdot 30\\cdot 16\\cdot 8 = 230{,}400$ additions."
    XCTAssertEqual(counts(Self.window(reads: false, additions)), [])
  }

  func testWindowSizeForItsAdditions_isACountDisagreement() {
    let answer = "$2\\cdot 30\\cdot 30\\cdot 16\\cdot 9 = 259{,}200$ additions."
    XCTAssertEqual(counts(Self.window(reads: false, answer)), ["count-disagreement 9"])
    XCTAssertEqual(counts(Self.window(reads: true, answer)), [])
  }

  /// A second problem that states its own sizes: its N = 200 and N' = 100 are in force there,
  /// Problem 1's B, I, J still are. 8·100·64·32 = 1,638,400 is the count there (silent);
  /// 8·200·64·32 = 3,276,800 (1,600·64 = 102,400, ·32 = 3,276,800) puts N for N'.
  static func twoProblems(_ answer: String) -> String {
    pooled.replacingOccurrences(
      of: "%@", with: "$8\\cdot 50\\cdot 64\\cdot 32 = 819{,}200$")
        + """


        **Problem 2.** Repeat Problem 1(b) for $N = 200$.

        **Solution.** Now $N' = 100$, and the projection takes \(answer) multiplies.
        """
  }

  func testLaterProblemsOwnSizes_areInForceThere() {
    XCTAssertEqual(counts(Self.twoProblems("$8\\cdot 100\\cdot 64\\cdot 32 = 1{,}638{,}400$")), [])
    XCTAssertEqual(
      counts(Self.twoProblems("$8\\cdot 200\\cdot 64\\cdot 32 = 3{,}276{,}800$")),
      ["count-disagreement 13"])
  }

  /// A sum formula under sizes with no value (B, T) evaluated per position term by term: with
  /// I = 10, D = 20, J = 30 the terms DI, 2DJ, JI are 200, 1,200 and 300 (sum 1,700). Printing
  /// 600 (DJ, once) for the second term is the formula with one term wrong (sum 1,100).
  static func gated(_ answer: String) -> String {
    """
    **Problem 1.** A gated layer reads $x[b,t,i]$ with $I = 10$ and has $D = 20$ and $J = 30$.

    **Solution.** For the batch it takes $BT(DI + 2DJ + JI)$ multiplies; per position this \
    is \(answer).
    """
  }

  func testSumAtTheStatedSizes_isSilent() {
    XCTAssertEqual(counts(Self.gated("$200 + 1{,}200 + 300 = 1{,}700$")), [])
  }

  func testSumWithOneTermWrong_isACountDisagreement() {
    XCTAssertEqual(counts(Self.gated("$200 + 600 + 300 = 1{,}100$")), ["count-disagreement 3"])
  }

  /// A term printed as another formula the section writes out (2DI = 400 when the first matrix
  /// is applied twice) is that variant's sum, 400 + 1,200 + 300 = 1,900: silent.
  func testSumOfAVariantTheSectionNames_isSilent() {
    let answer =
      "$200 + 1{,}200 + 300 = 1{,}700$, or with the first matrix applied twice, $2DI$, "
      + "$400 + 1{,}200 + 300 = 1{,}900$"
    XCTAssertEqual(counts(Self.gated(answer)), [])
  }
}
