import XCTest

@testable import ProblemDocument

/// Readings of a noun phrase written against a name (a plural in apposition, a noun of extent,
/// an adverb and modifier before a counted plural, an appositive naming a function), of words
/// after a name (a verb before an article, an aside in parentheses), of letters inside formulas
/// (a whole argument, an exponent, a named shift) and of heading names in spelling, each on a
/// short document written for the test beside a look-alike on which the rule must fire.
final class AppositionAndShiftReadingTests: XCTestCase, SmallDocumentAudit {
  func has(_ kind: String, _ text: String) -> Bool {
    findings(text).contains { $0.hasPrefix(kind + " ") }
  }

  /// `For sample vectors $e[m,k]$`: a plural after a preposition names the tensor after it.
  func testPluralNounAfterAPreposition_introducesTheTensor() {
    func doc(_ question: String) -> String {
      """
      **Problem 1.** A probe scores every point of a cloud:

      $$z[m] = \\mathrm{ReLU}(A[K]\\,v[m,K])$$

      where $M$ and $K$ are the number of possible values of $m$ and $k$.

      (a) We claim that \(question) the score is unchanged when the points are permuted. Why?
      """
    }
    let named = doc("for sample vectors $e[m,k]$,")
    XCTAssertFalse(has("undefined-name", named), "\(findings(named))")
    let bare = doc("once $e[m,k]$ is fixed,")
    XCTAssertTrue(has("undefined-name", bare), "\(findings(bare))")
  }

  /// `a stack of $K$ tightly coupled layers`, `of width $N$`: the capitals count those things.
  func testAdverbModifierPluralAndLengthNoun_introduceSizes() {
    func doc(_ stack: String) -> String {
      """
      **Problem 1.** We study a stack of \(stack) act on a batch of $B$ inputs $x[b,i]$ of \
      width $N$:

      $$x'[b,j] = \\mathrm{ReLU}(P[j,I]\\,x[b,I])$$

      (a) How many multiplies does the stack take on the batch?
      """
    }
    let counted = doc("$K$ tightly coupled layers that")
    XCTAssertEqual(unintroduced(counted), [], "\(findings(counted))")
    let together = doc("$K$ tightly coupled together and")
    XCTAssertEqual(unintroduced(together).count, 1)
  }

  /// `of spatial extent size $H \times W$`: a product of capitals after a noun of extent.
  func testProductAfterANounOfExtent_introducesSizes() {
    func doc(_ extent: String) -> String {
      """
      **Problem 1.** A pooling step reads a map $q[b,x,y]$ \(extent) and returns

      $$r[b] = \\sum_{x,y} q[b,x,y]$$

      (a) How many additions does it take on a batch of $B$ maps?
      """
    }
    let sized = doc("of spatial extent size $H \\times W$")
    XCTAssertEqual(unintroduced(sized), [], "\(findings(sized))")
    let bare = doc("of $H \\times W$")
    XCTAssertEqual(unintroduced(bare).count, 2)
  }

  /// `with $\phi$ the hyperbolic tangent function`: an appositive names the applied letter a
  /// function; with no such phrase the applied letter is unexplained.
  func testAppositiveFunctionNoun_namesTheAppliedLetter() {
    func doc(_ gloss: String) -> String {
      """
      **Problem 1.** A gate computes

      $$g[n,j] = \\phi(U[j,I]\\,a[n,I])$$

      \(gloss) for $N$ items of $I$ features and $J$ units.

      (a) Is $g$ bounded?
      """
    }
    let named = doc("with $\\phi$ the hyperbolic tangent function,")
    XCTAssertEqual(findings(named), [])
    let copula = doc("where $\\phi$ is the hyperbolic tangent function,")
    XCTAssertEqual(findings(copula), [])
    let bare = doc("taken")
    XCTAssertTrue(has("undefined-function", bare), "\(findings(bare))")
  }

  /// `where $V$ holds the weights`: a word in -s before an article is a verb, not a plural
  /// that V counts; `where $V$ steps follow` makes V a count clashing with the tensor V.
  func testVerbBeforeAnArticle_isNoCountedPlural() {
    func doc(_ clause: String) -> String {
      """
      **Problem 1.** A filter bank is

      $$h[n,j] = \\mathrm{ReLU}(V[j,I]\\,x[n,I])$$

      \(clause), for $N$ inputs of $I$ features and $J$ units.

      (a) Is $h$ ever negative?
      """
    }
    XCTAssertEqual(findings(doc("where $V$ holds the weights")), [])
    XCTAssertTrue(has("role-clash", doc("where $V$ steps follow")))
  }

  /// `$\kappa(V) < 1$`: the whole argument of an application is the tensor measured, not a size.
  func testWholeArgumentInAComparison_isNoSize() {
    func doc(_ condition: String) -> String {
      """
      **Problem 1.** A filter bank is

      $$h[n,j] = \\mathrm{ReLU}(V[j,I]\\,x[n,I])$$

      for $N$ inputs of $I$ features and $J$ units.

      (a) Let $\\kappa$ be the spectral norm. Show that $h$ stays bounded where \(condition).
      """
    }
    XCTAssertEqual(findings(doc("$\\kappa(V) < 1$")), [])
    XCTAssertTrue(has("role-clash", doc("$V < 1$")))
  }

  /// `are the numbers of values of $n$, $i$, $j$`: the clause introduces each range letter,
  /// though i is never written again; a clause that gives no range leaves i unexplained.
  func testRangeLettersOfAValuesClause_areIntroduced() {
    func doc(_ clause: String) -> String {
      """
      **Problem 1.** A mixer computes

      $$y[n,j] = A[j,I]\\,x[n,I]$$

      where \(clause).

      (a) How many multiplies does the mixer take?
      """
    }
    let ranged = doc("$N$, $I$, $J$ are the numbers of values of $n$, $i$, $j$")
    XCTAssertEqual(findings(ranged), [])
    XCTAssertEqual(unintroduced(ranged), [])
    let odd = doc("$N$, $I$, $J$ are the numbers of rows; $i$ is odd")
    XCTAssertFalse(unintroduced(odd).isEmpty, "\(findings(odd))")
  }

  /// A parenthesis after a range letter (`$t$ (so $B$ is the batch size)`) speaks of B: t
  /// stays an index, and an index t in the next problem is no clash.
  func testAsideInParentheses_countsNothing() {
    XCTAssertFalse(DocumentSymbols.countPhrase("(so $b$ is the batch size)"))
    XCTAssertTrue(DocumentSymbols.countPhrase("(the batch size)"))
    XCTAssertTrue(DocumentSymbols.countPhrase("is the number of steps (so $b$ is free)"))
    XCTAssertFalse(DocumentSymbols.countPhrase("steps, then (the batch size)"))
  }

  /// `\sin(3^{f}\,p[s])`: an index written in an exponent is on the right side too.
  func testIndexInAnExponent_isNotFreeOnOneSide() {
    func doc(_ rhs: String) -> String {
      """
      **Problem 1.** An encoder lifts a signal $p[s]$ to

      $$c[s,f] = \(rhs)$$

      where $S$ and $F$ are the number of possible values of $s$ and $f$.

      (a) Which frequencies does $c$ hold?
      """
    }
    XCTAssertEqual(findings(doc("\\sin(3^{f}\\,p[s])")), [])
    XCTAssertEqual(findings(doc("\\sin(3\\,p[s])")), ["free-index-one-side 3"])
  }

  /// `delayed by $k$ steps`, then `u[t-k,i]`: a letter the prose names by itself and the
  /// equation only adds to an index is a shift; unnamed, it is a free index.
  func testShiftNamedInTheProse_isNotAFreeIndex() {
    func doc(_ lead: String) -> String {
      """
      **Problem 1.** A signal $u[t,i]$ is \(lead):

      $$v[t,i] = u[t-k,i]$$

      where $T$ and $I$ are the number of possible values of $t$ and $i$.

      (a) What is $v$ for the first steps?
      """
    }
    XCTAssertEqual(findings(doc("delayed by $k$ steps")), [])
    XCTAssertEqual(findings(doc("delayed")), ["free-index-one-side 3"])
  }

  /// A word capitalized in a heading and used again names the heading's topic; seen once, or
  /// never in a heading, it is still looked up.
  func testHeadingName_isAcceptedWhenUsedAgain() {
    let text = "# Notes\n## 2. Gridblend\nThen gridblend mixes two maps; a tilemash does not.\n"
    let words = ["Notes", "Gridblend", "Then", "gridblend", "mixes", "tilemash"]
    let wrong: Set<String> = ["Gridblend", "gridblend", "tilemash"]
    XCTAssertEqual(
      Spelling.headingNames(wrong, text: text, occurrences: words), ["Gridblend", "gridblend"])
    let once = "## 2. Gridblend\nThe maps are mixed.\n"
    XCTAssertEqual(
      Spelling.headingNames(["Gridblend"], text: once, occurrences: ["Gridblend", "maps"]), [])
  }

  /// `multiset` (multi + a three-letter word) and `paddings` (the plural of a known -ing noun)
  /// are compounds of known words; `multisxt` and `recievings` are not.
  func testShortRemainderAndGerundPlural_areCompounds() throws {
    try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/bin/hunspell"))
    let known = try Spelling.compounds(["multiset", "paddings", "multisxt", "recievings"])
    XCTAssertEqual(known, ["multiset", "paddings"])
  }

  /// `$\mathcal{N}(0,1)$ entries`: the field's normal distribution applied to its parameters;
  /// another script capital applied so is a function the set never explains.
  func testScriptCapitalOfADistribution_isAKnownFunction() {
    func doc(_ law: String) -> String {
      """
      **Problem 1.** Draw a projection $P[r,d]$ with independent $\(law)(0,1)$ entries, where \
      $R$ and $D$ are the number of possible values of $r$ and $d$, and map

      $$z[n,r] = \\cos(P[r,D]\\,x[n,D])$$

      for $N$ inputs $x[n,d]$.

      (a) How many multiplies does the map take?
      """
    }
    XCTAssertEqual(findings(doc("\\mathcal{N}")), [])
    XCTAssertTrue(has("undefined-function", doc("\\mathcal{Q}")))
  }
}
