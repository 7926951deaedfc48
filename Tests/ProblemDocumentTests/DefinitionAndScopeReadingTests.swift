import XCTest

@testable import ProblemDocument

/// Readings of definitions (signatures, applied names, superscripted families, array nouns) and
/// of what carries from one problem to the next, each on a short document written for the test
/// beside a look-alike on which the rule must fire.
final class DefinitionAndScopeReadingTests: XCTestCase, SmallDocumentAudit {

  func has(_ kind: String, _ text: String) -> Bool {
    findings(text).contains { $0.hasPrefix(kind + " ") }
  }

  /// `Let $g:\mathbb{R}^{D}\to\mathbb{R}$ be …`: a signature says what g is; without it the
  /// applied g is a function the set never explains.
  func testSignature_declaresAMap() {
    func doc(_ lead: String) -> String {
      """
      **Problem 1.** \(lead) The score of a set is

      $$\\mathbf{y} = g\\left(\\sum_{n=1}^{N} \\mathbf{s}_n\\right)$$

      (a) Why does the order of the elements not matter?
      """
    }
    let declared = doc("Let $g:\\mathbb{R}^{D}\\to\\mathbb{R}$ be a small network.")
    XCTAssertFalse(has("undefined-function", declared), "\(findings(declared))")
    let bare = doc("Let the network be small.")
    XCTAssertTrue(has("undefined-function", bare), "\(findings(bare))")
  }

  /// A signature of a letter the equations apply as a function (σ) declares that function: no
  /// role clash; the same letter used as a number in the problem still clashes.
  func testSignatureOfAnAppliedFunction_keepsItsRole() {
    func doc(_ tail: String) -> String {
      """
      **Problem 1.** A unit computes $$h[n,j] = \\sigma(W[j,I]\\,x[n,I] - C[j])$$ for $N$ \
      inputs of $I$ features and $J$ units, and $\\sigma:\\mathbb{R}\\to\\mathbb{R}$ is \(tail).
      """
    }
    let squashing = doc("the logistic function")
    XCTAssertFalse(has("role-clash", squashing), "\(findings(squashing))")
    let alsoANumber = doc("the logistic function; the noise has scale $\\sigma = 2$")
    XCTAssertTrue(has("role-clash", alsoANumber), "\(findings(alsoANumber))")
  }

  /// `$V^1$` alone, where the set has the tensor `V^1[…]`: a mention of that tensor, not a
  /// power of an undefined V; a letter with no such family is still undefined.
  func testSuperscriptedLetterAlone_namesItsTensorFamily() {
    func doc(_ mention: String) -> String {
      """
      **Problem 1.** The mixer is $$y[n,t] = V^1[t,S]\\,x[n,S]$$

      (a) Which weights carry the order of the tokens? Those of \(mention).
      """
    }
    let family = doc("$V^1$")
    XCTAssertEqual(unintroduced(family), [], "\(findings(family))")
    let other = doc("$U^1$")
    XCTAssertFalse(unintroduced(other).isEmpty, "\(findings(other))")
  }

  /// `the weight tensor $M$ holds …`: after a noun naming an array the name is that array; the
  /// same letter counting a plural after a verb (`keeps $M$ filters`) is a size and clashes.
  func testNameAfterAnArrayNoun_isNotACount() {
    func doc(_ phrase: String) -> String {
      """
      **Problem 1.** A local layer computes

      $$o[n,x,j] = M[x,\\Delta X,j]\\,u[n,x+\\Delta X]$$

      where \(phrase) for every position $x$, with offsets $0 \\le \\Delta x < 3$ and no padding.
      """
    }
    let array = doc("the weight tensor $M$ holds a separate filter")
    XCTAssertFalse(has("role-clash", array), "\(findings(array))")
    let counted = doc("the layer keeps $M$ filters")
    XCTAssertTrue(has("role-clash", counted), "\(findings(counted))")
  }

  /// One odd spelling first and two agreeing ones after it: the odd one is reported, at its
  /// own line, not the first correct use after it; written last, it is reported there too.
  func testIndexLists_reportTheSpellingMostUsesDisagreeWith() {
    let odd = "$$a[n,j] = w[j,I]\\,u[I,n]$$"
    let usual = "$$c[n,j] = v[j,I]\\,u[n,I]$$\n\n$$d[n,j] = q[j,I]\\,u[n,I]$$"
    let lead = "**Problem 1.** Here $N$, $I$ and $J$ are the numbers of rows, inputs and units."
    let first = [lead, odd, usual].joined(separator: "\n\n")
    XCTAssertEqual(findings(first).filter { $0.hasPrefix("index-lists") }, ["index-lists 3"])
    let last = [lead, usual, odd].joined(separator: "\n\n")
    XCTAssertEqual(findings(last).filter { $0.hasPrefix("index-lists") }, ["index-lists 7"])
  }

  /// `r[n,k-F]`: a capital beside a lowercase index is an offset, not a slice; standing alone
  /// at a position of the same equation it is a slice again, and nothing sums it.
  func testCapitalBesideALowercaseIndex_isAnOffset() {
    func doc(_ rhs: String) -> String {
      """
      **Problem 1.** Two maps with $F$ and $G$ channels are stacked: $$q[n,k] = \(rhs)$$
      """
    }
    let offset = doc("r[n,k-F]")
    XCTAssertFalse(has("unsummed-capital", offset), "\(findings(offset))")
    let slice = doc("r[n,k-F] + t[n,F]")
    XCTAssertTrue(has("unsummed-capital", slice), "\(findings(slice))")
  }

  /// `\Phi_p(\mathbf{s}) = …` defines the family Φ_p: the question's Φ_2 is one of it. With the
  /// energy written as E the question's Φ_2 is introduced only by the solution.
  func testAppliedNameOnTheLeft_definesAFamily() {
    func doc(_ lhs: String) -> String {
      """
      **Problem 1.** The state is $s[i]$ over $N$ units. For an integer $p$ the energy is

      $$\(lhs) = -\\sum_{i} s[i]^p$$

      (a) What is $\\Phi_2$ for a unit state?

      *Solution.* $\\Phi_2$ is the negative squared norm.
      """
    }
    let family = doc("\\Phi_p(\\mathbf{s})")
    XCTAssertEqual(unintroduced(family), [], "\(findings(family))")
    let other = doc("E")
    XCTAssertFalse(unintroduced(other).isEmpty, "\(findings(other))")
  }

  /// `the output index $k$ also takes $J$ values` in problem 1 makes K equal to J in the
  /// problems after it: a count printed with J agrees with an equation written with K.
  func testIndexTakingASizeInAnEarlierProblem_holdsLater() {
    func doc(_ binding: String) -> String {
      """
      **Problem 1.** A layer computes $$y[n,k] = W[k,J]\\,x[n,J]$$ where $n$ ranges over the \
      $N$ rows and $j$ over the $J$ channels\(binding).

      **Problem 2.** A head reads $y$: $$z[n,c] = U[c,K]\\,y[n,K]$$ with $c$ over $C$ classes.

      (a) How many multiplies does the head perform?

      *Solution.* It performs $NCJ$ multiplies.
      """
    }
    let bound = doc(", and the output index $k$ also takes $J$ values")
    XCTAssertFalse(has("count-disagreement", bound), "\(findings(bound))")
    let unbound = doc("")
    XCTAssertTrue(has("count-disagreement", unbound), "\(findings(unbound))")
  }

  /// A problem that names an earlier one builds on it: the offsets' range and the border that
  /// problem states hold there too; a problem that names none states its own.
  func testBorderStatedInANamedEarlierProblem_holds() {
    func doc(_ lead: String) -> String {
      """
      **Problem 1.** A filter $w[\\Delta x]$ with offsets $-R \\le \\Delta x \\le R$ reads a \
      signal $u[x]$ that is zero outside its ends: $$v[x] = w[\\Delta X]\\,u[x+\\Delta X]$$

      **Problem 2.** \(lead): $$z[x] = h[\\Delta X]\\,v[x+\\Delta X]$$

      (a) Which inputs does $z[x]$ depend on?
      """
    }
    let named = doc("A second filter $h$ is stacked on the layer of Problem 1")
    XCTAssertFalse(has("border-rule", named), "\(findings(named))")
    let unnamed = doc("A second filter $h$ is stacked on the first")
    XCTAssertTrue(has("border-rule", unnamed), "\(findings(unnamed))")
    // A longer word ending in the word names no problem ("subproblem 1" is not Problem 1).
    let longer = doc("A second filter $h$ is stacked on the layer of subproblem 1")
    XCTAssertTrue(has("border-rule", longer), "\(findings(longer))")
  }

  /// A count question naming a tensor that only its solution defines is not decided from the
  /// statement's equations; asked about the statement's own tensor it still is.
  func testCountOfAnEquationTheSolutionWrites_isNotDecided() {
    func doc(_ question: String, _ answer: String) -> String {
      """
      **Problem 1.** The unit is $$a[n,j] = W[j,I]\\,x[n,I]$$ for a batch of $N$ rows, $I$ \
      inputs and $J$ units.

      (a) \(question)

      *Solution.* \(answer)
      """
    }
    let written = doc(
      "A second unit $b[n,j]$ with weights $V[j,i]$ also scales each output by $a[n,j]$. "
        + "Write its equation and give the multiply count of both units.",
      "$$b[n,j] = a[n,j]\\,V[j,I]\\,x[n,I]$$ so the count is $2NIJ + NJ$.")
    XCTAssertFalse(has("count-disagreement", written), "\(findings(written))")
    let given = doc("Give the multiply count of $a$.", "The count is $NIJ + NJ$.")
    XCTAssertTrue(has("count-disagreement", given), "\(findings(given))")
  }
}
