import XCTest

@testable import ProblemDocument

/// Names a writer binds or abbreviates in the math itself: a letter bound by a sum, a delay
/// letter of a shifted copy, a side written with bare tensor letters, two elements of one range
/// paired in one formula, a family written only with a subscript. Documents written for the
/// test, each beside a look-alike that comes out the other way.
final class BoundAndShorthandNameTests: XCTestCase, SmallDocumentAudit {
  /// The letter a sum binds, before a parenthesis, multiplies it; a letter nothing binds or
  /// introduces, applied the same way, is still an unexplained function.
  func testSumBoundLetter_beforeParenthesis_isAFactor() {
    let doc = """
      **Problem 1.** A signal $u[x]$ has $X$ samples, indexed by $x$.

      (a) Show that $\\frac{1}{X}\\sum_{n=0}^{X-1} e^{2\\pi i\\, %@/X} = \\delta[x,y]$.
      """
    XCTAssertEqual(
      findings(doc.replacingOccurrences(of: "%@", with: "n(x-y)"), kind: "undefined-function"),
      [])
    XCTAssertEqual(
      findings(doc.replacingOccurrences(of: "%@", with: "g(x-y)"), kind: "undefined-function"),
      ["undefined-function 3"])
  }

  /// A Greek delay letter added to the time index of a shifted copy is a shift, not a free
  /// index; the same letter standing alone as the time index is still one side's only.
  func testGreekDelayOfShiftedCopy_isNoFreeIndex() {
    let doc = """
      **Problem 1.** A causal layer reads $h[b,t,j] = \\sigma(W[j,\\Delta T,I]\\,x[b,t-\\Delta T,I] - \\beta[j])$ for a batch of $B$ sequences of length $T$.

      (a) Is the layer equivariant to delays? Take $x'[b,t,i] = x[b,%@,i]$ for $\\tau \\ge 0$.
      """
    XCTAssertEqual(
      findings(doc.replacingOccurrences(of: "%@", with: "t-\\tau"), kind: "free-index-one-side"),
      [])
    XCTAssertEqual(
      findings(doc.replacingOccurrences(of: "%@", with: "\\tau"), kind: "free-index-one-side"),
      ["free-index-one-side 3", "free-index-one-side 3"])
  }

  /// `c(W − μ) = Ŵ[j,i]`: a side writing the problem's tensors by their bare letters leaves
  /// their indices unwritten; neither a free index nor a scalar W is read from it. A side with
  /// a plain scalar in the tensor's place keeps the free index; a bare W alone keeps the clash.
  func testShorthandSide_ofBareTensors() {
    let doc = """
      **Problem 1.** Each filter $W[j,i]$ is standardized with its mean $\\mu[j]$ and variance $v[j]$:

      $$\\hat W[j,i] = \\frac{W[j,i] - \\mu[j]}{\\sqrt{v[j]}}$$

      (a) Rescale each filter by $c[j] > 0$. Then $c[j](%@)/\\sqrt{c[j]^2 v[j]} = \\hat W[j,i]$.
      """
    let shorthand = doc.replacingOccurrences(of: "%@", with: "W - \\mu")
    XCTAssertEqual(findings(shorthand, kind: "free-index-one-side"), [])
    XCTAssertEqual(findings(shorthand, kind: "role-clash"), [])
    XCTAssertEqual(
      findings(
        doc.replacingOccurrences(of: "%@", with: "a - \\mu[j]"), kind: "free-index-one-side"),
      ["free-index-one-side 5"])
    XCTAssertEqual(
      findings(doc.replacingOccurrences(of: "%@", with: "W - 1"), kind: "role-clash"),
      ["role-clash 5"])
  }

  /// A capital the problem uses as a size (`1/X`) is no bare tensor, even where a tensor X[c]
  /// exists: the free index of the other side is still reported.
  func testSizeLetter_isNoShorthandSide() {
    let doc = """
      **Problem 1.** A field $u[x,c]$ has $X$ samples and energies $X[c] = u[X,c]u[X,c]$.

      (a) The share is $S[c,j] = \\frac{1}{X}u[X,c]u[X,c]$.
      """
    XCTAssertEqual(findings(doc, kind: "free-index-one-side"), ["free-index-one-side 3"])
  }

  /// A capital alone in its fragment, in a problem that writes the tensor of that letter and
  /// uses it as a size nowhere else, is the matrix written whole, even where another problem
  /// declares the letter a size; the same problem using it in a product of sizes still clashes.
  func testLoneCapital_ofATensor_isTheMatrixWhole() {
    let doc = """
      **Problem 1.** Points $x[p,i]$, where $P$ is the number of points.

      **Problem 2.** A square matrix $A[i,j]$ has $N$ rows and columns.

      (a) %@, and $(\\delta[i,K] + A[i,K])\\,P[K,j] = \\delta[i,j]$.
      """
    XCTAssertEqual(
      findings(
        doc.replacingOccurrences(of: "%@", with: "Define $P$ as the inverse of $\\mathrm{Id} + A$"),
        kind: "role-clash"),
      [])
    XCTAssertEqual(
      findings(
        doc.replacingOccurrences(of: "%@", with: "Inverting costs $NP$ multiplies"),
        kind: "role-clash"),
      ["role-clash 5"])
  }

  /// A letter alone counting the noun after it (`stacks $n$ … blocks`) says what it stands for,
  /// though a solution names it again later; a letter after a noun (`depth $n$`) says nothing,
  /// and a question that uses it is still ahead of the solution that introduces it.
  func testLetterCountingItsNoun_isIntroduced() {
    let doc = """
      **Problem 1.** A block maps $x[b,i]$ to $y[b,i] = \\sigma(W[i,I]x[b,I] - \\beta[i])$ with $I$ channels and batch size $B$.

      **Problem 2.** A stage of ResNet50 %@, all of width $I$.

      (a) What is the receptive field of the stage?

      **Solution**: Each block adds one, so after $n$ blocks it is $n+1$.

      (b) How many multiplies does the stage perform?

      **Solution**: Each block costs the same, so the stage costs $n\\,BI^2$.
      """
    XCTAssertEqual(
      unintroduced(
        doc.replacingOccurrences(of: "%@", with: "stacks $n$ stride-1 blocks")),
      [])
    XCTAssertEqual(
      unintroduced(doc.replacingOccurrences(of: "%@", with: "has depth $n$")),
      ["undefined-name 3"])
  }

  /// A letter alone that a sentence about permuting names (`by $\sigma$`) is the permutation
  /// it applies to an index; another letter alone, named by no such sentence, is undefined.
  func testLetterNamedInAPermutingSentence_isThePermutation() {
    let doc = """
      **Problem 1.** A layer reads tokens $X[b,t,d]$ and returns their sum $Z[b,d] = X[b,T,d]$.

      (a) %@? What happens to $Z$?
      """
    XCTAssertEqual(
      unintroduced(
        doc.replacingOccurrences(
          of: "%@", with: "Permute the tokens by $\\sigma$, so that $Y[b,t,d] = X[b,\\sigma(t),d]$")
      ),
      [])
    XCTAssertEqual(
      unintroduced(
        doc.replacingOccurrences(
          of: "%@",
          with: "Permute the tokens, so that $Y[b,t,d] = X[b,\\sigma(t),d]$. Does $\\rho$ matter")),
      ["undefined-name 3"])
  }

  /// `r[p,C] − r[q,C]` in one formula pairs two points: one range, not two spellings. The same
  /// letters in two formulas of one sentence are still two spellings of one tensor.
  func testTwoLettersPairedInOneFormula_rangeAlike() {
    let doc = """
      **Problem 1.** Points $r[p,c]$ with coordinates $c$ carry features $h[p,i]$.

      (a) The squared distance is %@.
      """
    XCTAssertEqual(
      findings(
        doc.replacingOccurrences(of: "%@", with: "$(r[p,C] - r[q,C])(r[p,C] - r[q,C])$"),
        kind: "index-lists"),
      [])
    XCTAssertEqual(
      findings(
        doc.replacingOccurrences(of: "%@", with: "$r[p,C]r[p,C]$ plus $r[q,C]r[q,C]$"),
        kind: "index-lists"),
      ["index-lists 3"])
  }

  /// Prose naming by its bare letter a family written only with a subscript (λ_ℓ[i], "one
  /// scalar λ") is no second role; the letter in an equation is still one.
  func testBareLetterOfSubscriptedFamily_inProse() {
    let doc = """
      **Problem 1.** A residual stack has $L$ layers $x_{\\ell+1}[b,i] = x_\\ell[b,i] + \\lambda_\\ell[i]\\,F_\\ell[b,i]$.

      (a) Suppose every $\\lambda_\\ell[i]$ equals %@. How does the variance of $x_L$ grow?
      """
    XCTAssertEqual(
      findings(
        doc.replacingOccurrences(of: "%@", with: "one scalar $\\lambda$"), kind: "role-clash"),
      [])
    XCTAssertEqual(
      findings(
        doc.replacingOccurrences(of: "%@", with: "one scalar, $y[b] = \\lambda\\, F_1[b,I]$"),
        kind: "role-clash"),
      ["role-clash 3"])
  }
}
