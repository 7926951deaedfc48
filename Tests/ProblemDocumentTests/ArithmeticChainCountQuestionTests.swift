import XCTest

@testable import ProblemDocument

/// `arithmetic-chains`: the kind of a wrong product follows the question it answers. A wrong
/// product in the answer to a part that asks for a count is a count disagreement even when its
/// own sentence names no multiply; in a part that asks no count it stays arithmetic. Every
/// document is written for the test; the values are worked out by hand in the comments.
final class ArithmeticChainCountQuestionTests: XCTestCase, SmallDocumentAudit {
  /// Part (a) asks the multiplies, part (b) evaluates "the count": 12·5·7 = 420 (12·5 = 60,
  /// 60·7 = 420), so 12·5·7 = 480 is a wrong count, on line 9.
  func testEvaluatedCountOfAnEarlierPart_isACountDisagreement() {
    let text = """
      **Problem 1.** A layer maps $I$ inputs to $J$ outputs at each of $N$ places:
      $$Y[n,j] = W[j,I]\\,X[n,I]$$
      (a) How many multiplies does the layer take?
      (b) Evaluate the count for $N = 12$, $I = 5$, $J = 7$.

      **Solution**:
      (a) $NIJ$.

      (b) $12 \\cdot 5 \\cdot 7 = %@$.
      """
    XCTAssertEqual(findings(text.replacingOccurrences(of: "%@", with: "420")), [])
    let wrong = text.replacingOccurrences(of: "%@", with: "480")
    XCTAssertEqual(counts(wrong), ["count-disagreement 9"])
    XCTAssertEqual(findings(wrong, kind: "arithmetic"), [])
  }

  /// The look-alike: part (b) asks the number of outputs, no count of multiplies, so
  /// 12·7 = 94 (it is 84) stays arithmetic though part (a) asks a count.
  func testWrongProductInAPartAskingNoCount_staysArithmetic() {
    let text = """
      **Problem 1.** A layer maps $I$ inputs to $J$ outputs at each of $N$ places:
      $$Y[n,j] = W[j,I]\\,X[n,I]$$
      (a) How many multiplies does the layer take?
      (b) How many outputs are there for $N = 12$, $J = 7$?

      **Solution**:
      (a) $NIJ$.

      (b) $12 \\cdot 7 = 94$.
      """
    XCTAssertEqual(findings(text, kind: "arithmetic"), ["arithmetic 9"])
    XCTAssertEqual(counts(text), [])
  }

  /// An exercise that names an earlier count exercise by its dotted number answers a count:
  /// 16·16·9·8 = 18432 (256·9 = 2304, 2304·8 = 18432), so 16·16·9·8 = 18342 is a wrong count.
  /// When the earlier exercise asks for weights instead, the same product is arithmetic.
  func testExerciseEvaluatingAnEarlierCount_followsThatQuestion() {
    let text = """
      Exercise 4.1. %@ of a $3 \\times 3$ filter layer with $J$ outputs on an $X \\times Y$ \
      image of one channel.

      *Answer.* $9XYJ$.

      Exercise 4.2. Evaluate 4.1 for $X = Y = 16$ and $J = 8$.

      *Answer.* $16 \\cdot 16 \\cdot 9 \\cdot 8 = 18{,}342$.
      """
    let count = text.replacingOccurrences(of: "%@", with: "Count the multiplies")
    XCTAssertEqual(counts(count), ["count-disagreement 7"])
    XCTAssertEqual(findings(count, kind: "arithmetic"), [])
    let weights = text.replacingOccurrences(of: "%@", with: "Give the size of the output")
    XCTAssertEqual(findings(weights, kind: "arithmetic"), ["arithmetic 7"])
    XCTAssertEqual(counts(weights), [])
  }
}
