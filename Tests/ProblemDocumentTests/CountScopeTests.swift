import ProblemDocument
import XCTest

/// Count questions whose scope the equations decide (or do not): a chain of steps through a
/// division the question leaves out, an equation written at a computed position, a family
/// stepped by its subscript, a primed size beside its plain letter. Each document has a
/// look-alike that comes out the other way.
final class CountScopeTests: XCTestCase, SmallDocumentAudit {
  /// Computing an output from an input takes every step between them, through a normalizing
  /// division the question says to ignore: the full chain agrees, and a count that drops a
  /// step before the division disagrees.
  func testChainThroughAnIgnoredDivision_countsTheStepsBeforeIt() {
    let right = """
      **Problem 1.** Scores, weights and a read-out, with $e[b,k] = A[k,I]\\,u[b,I]$:

      $$r[b,k] = \\frac{e[b,k]}{\\sum_{k'} e[b,k']}$$

      $$z[b,j] = r[b,K]\\,G[K,j]$$

      (a) How many multiplies does computing $z[B,J]$ from $u[B,I]$ take? Ignore the divisions.

      **Solution.** The scores take $BKI$ and the read-out $BKJ$: $BKI + BKJ$ multiplies.
      """
    XCTAssertEqual(counts(right), [])
    let wrong = right.replacingOccurrences(
      of: "$BKI + BKJ$ multiplies", with: "$BKJ$ multiplies")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(counts(wrong), ["count-disagreement 9"])
  }

  /// A recursion written at a computed position (`q[k+1,…]` from `q[k,…]`) covers as many
  /// steps as its range gives, which the letters do not: silent on a count in steps; the same
  /// layer written at every position is counted and a wrong count disagrees.
  func testRecursionAtAComputedPosition_isNotDecided() {
    let recursion = """
      **Problem 1.** Starting from $q[0,b,n] = u[b,n]$, the steps are

      $$q[k+1,b,n] = S[n,N']\\,q[k,b,N']$$

      (a) How many multiplies do the $K$ steps take?

      **Solution.** Each step takes $BN^2$, so $KBN^2 - BN^2$ multiplies.
      """
    XCTAssertEqual(counts(recursion), [])
    let layer =
      recursion
      .replacingOccurrences(
        of: "$$q[k+1,b,n] = S[n,N']\\,q[k,b,N']$$", with: "$$q[k,b,n] = S[k,n,N']\\,u[b,N']$$")
    XCTAssertNotEqual(layer, recursion)
    XCTAssertEqual(counts(layer), ["count-disagreement 7"])
  }

  /// A family stepped by its subscript (`z_{n+1}` from `z_n`) whose printed count has the
  /// number of steps (`N`, the capital of the stepping letter): not decided. A count in the
  /// equations' own sizes that is wrong still disagrees.
  func testFamilySteppedBySubscript_withTheNumberOfSteps_isNotDecided() {
    let steps = """
      **Problem 1.** For $n = 1, \\dots, N$ the states are

      $$z_1[b,j] = P[j,I]\\,u[b,I] \\qquad z_{n+1}[b,j] = Q_{n+1}[j,I]\\,u[b,I]\\,z_n[b,j]$$

      (a) How many multiplies do all the states take?

      **Solution.** All the states take $NBJI + NBJ - BJ$ multiplies.
      """
    XCTAssertEqual(counts(steps), [])
    let wrong = steps.replacingOccurrences(
      of: "take $NBJI + NBJ - BJ$ multiplies", with: "take $BJ$ multiplies")
    XCTAssertNotEqual(wrong, steps)
    XCTAssertEqual(counts(wrong), ["count-disagreement 7"])
  }

  /// A scale by a constant (`1/√D`) inside a product is one reading's multiply and another's
  /// nothing: the count without it agrees; a count without the product itself disagrees.
  func testConstantScale_mayBeLeftOut() {
    let right = """
      **Problem 1.** Queries $q[b,t,d]$ and keys $k[b,t,d]$ give the scores

      $$s[b,t,t'] = \\frac{1}{\\sqrt{D}}\\,q[b,t,D]\\,k[b,t',D]$$

      (a) How many multiplies do the scores take?

      **Solution.** They take $BT^2D$ multiplies.
      """
    XCTAssertEqual(counts(right), [])
    let wrong = right.replacingOccurrences(of: "$BT^2D$", with: "$BT^2$")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(counts(wrong), ["count-disagreement 7"])
  }

  /// A printed count in a primed size (`X′`, a strided output's width) beside the plain size
  /// the equations count (`X`): one letter for two sizes, not decided. Written in the
  /// equations' own sizes, the same wrong count disagrees.
  func testPrimedSizeBesideItsLetter_isNotDecided() {
    let primed = """
      **Problem 1.** A layer reads $u[b,x,i]$ of $X$ positions and keeps every second one:

      $$v[b,x,j] = W[j,I]\\,u[b,2x,I]$$

      (a) How many multiplies, with $X'$ the number of kept positions?

      **Solution.** It takes $BX'JI + BX'J$ multiplies.
      """
    XCTAssertEqual(counts(primed), [])
    let plain = primed.replacingOccurrences(of: "$BX'JI + BX'J$", with: "$BXJI + BXJ$")
    XCTAssertNotEqual(plain, primed)
    XCTAssertEqual(counts(plain), ["count-disagreement 7"])
  }

  /// Output positions stated as a formula of the sizes (`O = (X − ΔX + 1)(…)`) for a filter
  /// over a tensor sampled at the offsets: the count in O agrees with valid borders; a formula
  /// with more positions than any overlap gives (`X + ΔX + 1`) disagrees.
  func testStatedOutputPositions_readAsValidBorders() {
    let right = """
      **Problem 1.** A filter applied to samples $s[b,x,y,\\Delta x,\\Delta y,i]$ of an image:

      $$h[b,x,y,j] = W[\\Delta X,\\Delta Y,I,j]\\,s[b,x,y,\\Delta X,\\Delta Y,I]$$

      (a) Count the multiplies, with $O = (X-\\Delta X+1)(Y-\\Delta Y+1)$ output positions.

      **Solution.** It takes $BO\\,\\Delta X\\,\\Delta Y\\,IJ$ multiplies.
      """
    XCTAssertEqual(counts(right), [])
    let wrong = right.replacingOccurrences(
      of: "$O = (X-\\Delta X+1)(Y-\\Delta Y+1)$", with: "$O = (X+\\Delta X+1)(Y+\\Delta Y+1)$")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(counts(wrong), ["count-disagreement 7"])
  }

  /// An equation another part writes in its own question is that part's: a later count
  /// question sharing only words with it (and naming nothing) is not asked about it, while a
  /// question naming its tensor is, and a wrong count then disagrees.
  func testAnotherPartsEquation_isSelectedOnlyByName() {
    let unnamed = """
      **Problem 1.** Two layers of a network.

      (a) For the pooling layer we write $p[b,j] = A[j,I]\\,u[b,I]$. What is its rank?

      **Solution.** Two.

      (b) How many multiplies does a second pooling layer with $K$ outputs take?

      **Solution.** It takes $BKI + BK$ multiplies.
      """
    XCTAssertEqual(counts(unnamed), [])
    let named = unnamed.replacingOccurrences(
      of: "does a second pooling layer with $K$ outputs take", with: "does computing $p$ take")
    XCTAssertNotEqual(named, unnamed)
    XCTAssertEqual(counts(named), ["count-disagreement 9"])
  }
}
