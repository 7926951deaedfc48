import XCTest

@testable import ProblemDocument

/// Readings of names and indices that a writer introduces by structure rather than by a
/// definition: an index a tensor's shape brings, a letter a noun or a quantifier names, a family
/// member, the order symbol, a permutation, a shifted copy, a letter qualified after its equation.
/// Each short document written for the test stands beside a look-alike that comes out the other
/// way.
final class NameAndIndexReadingTests: XCTestCase, SmallDocumentAudit {
  /// `E[b,n,c]` in the preamble: a later problem may speak of each $b$ and $n$; a letter no
  /// tensor carries is still undefined.
  func testIndexOfAPreambleTensor_isIntroducedForLaterProblems() {
    func doc(_ letters: String) -> String {
      """
      The input is $E[b,n,c]$ with $B$ examples, $N$ positions and $C$ channels.

      **Problem 1.** Let $Y[b,n,j] = W[j,C]\\,E[b,n,C]$ with weights $W[j,c]$.

      **Problem 2.** There is one inner product for each \(letters). How many multiplies?
      """
    }
    let shaped = doc("$b$ and $n$")
    XCTAssertEqual(unintroduced(shaped), [], "\(findings(shaped))")
    let unshaped = doc("$b$ and $q$")
    XCTAssertEqual(
      unintroduced(unshaped), ["undefined-name 5"])
  }

  /// `for one constant $c$`, `stride $s$`: a quantifier or a noun of the field names the letter
  /// after it; `for one $c$` names nothing.
  func testLetterAfterAQuantifiedNoun_isIntroduced() {
    func doc(_ phrase: String) -> String {
      """
      The input is $X[b,t,i]$ with $B$ examples, $T$ positions and $I$ channels.

      **Problem 1.** Let $Y[b,t,j] = W[j,I]\\,X[b,t,I]$ with weights $W[j,i]$.

      (a) Every token moves from position $t$ to position $t+c$ \(phrase). What happens to $Y$?
      """
    }
    let named = doc("for one constant $c$")
    XCTAssertEqual(unintroduced(named), [], "\(findings(named))")
    let bare = doc("for one $c$")
    XCTAssertFalse(unintroduced(bare).isEmpty, "\(findings(bare))")
    let stride = doc("and we sample with stride $c$")
    XCTAssertEqual(unintroduced(stride), [], "\(findings(stride))")
  }

  /// `E_t[…]` for every t: `E_1` is one of the family; `F_1` of no family is undefined.
  func testMemberOfASubscriptedFamily_isIntroduced() {
    func doc(_ member: String) -> String {
      """
      The frames are $E_t[b,x,i]$ for $t = 1, \\ldots, T$, with $B$ examples, $X$ positions and \
      $I$ channels.

      **Problem 1.** How far back can the last output see into \(member)?
      """
    }
    let member = doc("$E_1$")
    XCTAssertEqual(unintroduced(member), [], "\(findings(member))")
    let stranger = doc("$F_1$")
    XCTAssertFalse(unintroduced(stranger).isEmpty, "\(findings(stranger))")
  }

  /// `$O(BG)$` is the order of a cost; another capital applied in a solution is a name to
  /// introduce.
  func testOrderSymbol_needsNoIntroduction() {
    func doc(_ letter: String) -> String {
      """
      The input is $A[b,g]$ with $B$ examples and $G$ groups.

      **Problem 1.** Let $M[b] = A[b,G]\\,A[b,G]$. How many multiplies?

      **Solution.** The per-group work is $\(letter)(BG)$ and is ignored.
      """
    }
    let order = doc("O")
    XCTAssertEqual(unintroduced(order), [], "\(findings(order))")
    let other = doc("Z")
    XCTAssertFalse(unintroduced(other).isEmpty, "\(findings(other))")
  }

  /// `permuting the batch: … A[π(b), …]`: π is the permutation the prose speaks of; without
  /// such words nothing says what π is.
  func testPiInAProblemAboutPermutations_isThePermutation() {
    func doc(_ lead: String) -> String {
      """
      The input is $A[b,j]$ with $B$ examples and $J$ channels.

      **Problem 1.** \(lead): $A'[b,j] = A[\\pi(b),j]$. What happens to $N[b,j] = A[b,j]\\,A[b,j]$?
      """
    }
    let permuted = doc("Permuting the batch")
    XCTAssertFalse(kinds(permuted).contains("undefined-function"), "\(findings(permuted))")
    let unsaid = doc("Reading the batch again")
    XCTAssertTrue(kinds(unsaid).contains("undefined-function"), "\(findings(unsaid))")
  }

  /// `all outputs $j$ because …`: a conjunction after a letter is no noun it counts, so the
  /// letter keeps its role as an index; `$j$ samples` counts samples and clashes.
  func testLetterBeforeAConjunction_isNoCount() {
    func doc(_ tail: String) -> String {
      """
      **Problem 1.** The layer is $y[b,j] = W[j,I]\\,x[b,I]$ with weights $W[j,i]$ and input \
      $x[b,i]$.

      **Problem 2.** The product $W[J,i]\\,W[J,i]$ sums over all outputs \(tail).
      """
    }
    let clause = doc("$j$ because the capital is repeated")
    XCTAssertFalse(kinds(clause).contains("role-clash"), "\(findings(clause))")
    let counted = doc("and draws $j$ samples")
    XCTAssertTrue(kinds(counted).contains("role-clash"), "\(findings(counted))")
  }

  /// `$u = -\infty$` at masked positions sets the tensor's entries; `$u = -\kappa$` makes the
  /// tensor's letter a number of its own.
  func testTensorSetToInfinity_isTheTensor() {
    func doc(_ value: String) -> String {
      """
      **Problem 1.** The scores are $u[b,n,j] = v[A]\\,h[b,n,j,A]$ with weights $v[a]$ and \
      features $h[b,n,j,a]$. Masked positions get $u = \(value)$. What is the softmax there?
      """
    }
    let masked = doc("-\\infty")
    XCTAssertFalse(kinds(masked).contains("role-clash"), "\(findings(masked))")
    let number = doc("-\\kappa")
    XCTAssertTrue(kinds(number).contains("role-clash"), "\(findings(number))")
  }

  /// `A'[b,x,i] = A[b,x-t_x,i]`: a copy shifted by a subscripted letter states it for any
  /// shift; the same shift onto another tensor leaves the letter free on the right.
  func testCopyShiftedBySubscriptedLetter_isNoFreeIndex() {
    func doc(_ left: String) -> String {
      """
      The input is $A[b,x,i]$ with $B$ examples, $X$ positions and $I$ channels.

      **Problem 1.** Let $$\(left)[b,x,i] = A[b,x-t_x,i]$$ be the input shifted.
      """
    }
    let copy = doc("A'")
    XCTAssertFalse(kinds(copy).contains("free-index-one-side"), "\(findings(copy))")
    let other = doc("Z")
    XCTAssertTrue(kinds(other).contains("free-index-one-side"), "\(findings(other))")
  }

  /// `the entries have variances $s_1^2$ and $s_2^2$`: the plural after "have" names them.
  func testVariancesAfterHave_introduceTheLetters() {
    func doc(_ verb: String) -> String {
      """
      The layer is $y[b,j] = G[j,I]\\,x[b,I]$ with weights $G[j,i]$ and input $x[b,i]$.

      **Problem 1.** The entries of $G$ \(verb) $s_1^2$ and $s_2^2$. Choose them for unit variance.
      """
    }
    let named = doc("have variances")
    XCTAssertEqual(unintroduced(named), [], "\(findings(named))")
    let unnamed = doc("depend on")
    XCTAssertFalse(unintroduced(unnamed).isEmpty, "\(findings(unnamed))")
  }

  /// `a dense layer $W[j,I]x[b,I]$`: an indefinite noun of the field introduces the formula's
  /// tensors; after a verb the same formula introduces nothing.
  func testFormulaAfterAnIndefiniteNoun_introducesItsTensors() {
    func doc(_ phrase: String) -> String {
      """
      The input is $x[b,i]$ with $B$ examples and $I$ channels.

      **Problem 1.** Let $y[b,j] = C[j,I]\\,x[b,I]$ with coefficients $C[j,i]$. Compared with \
      \(phrase) $W[j,I]\\,x[b,I]$, which costs more?
      """
    }
    let example = doc("a dense layer")
    XCTAssertFalse(kinds(example).contains("undefined-name"), "\(findings(example))")
    let used = doc("what we get from")
    XCTAssertTrue(kinds(used).contains("undefined-name"), "\(findings(used))")
  }

  /// `Write $h_\ell[b,j]$ for layer $\ell$`: the question names its notation before the solution
  /// uses it; without the naming the question uses what only the solution introduces.
  func testWriteForNamesTheNotation() {
    func doc(_ verb: String) -> String {
      """
      The input is $x[b,i]$ with $B$ examples and $I$ channels.

      **Problem 1.** Stack $L$ layers. \(verb) $h_\\ell[b,i]$ for layer $\\ell$, with $h_0 = x$.

      (a) Write the recursion.

      **Solution.** $h_\\ell[b,i] = V[i,I]\\,h_{\\ell-1}[b,I]$, where $V[i,j]$ are the weights.
      """
    }
    let named = doc("Write")
    XCTAssertFalse(kinds(named).contains("undefined-name"), "\(findings(named))")
    let unnamed = doc("Think of")
    XCTAssertTrue(kinds(unnamed).contains("undefined-name"), "\(findings(unnamed))")
  }

  /// `… + k[b,g]$ for $c$ in group $g$`: the clause after the equation says which g; without it
  /// g is free on the right only.
  func testIndexQualifiedAfterTheEquation_isNotFree() {
    func doc(_ tail: String) -> String {
      """
      The input is $A[b,c]$ with $B$ examples and $C$ channels in $G$ groups.

      **Problem 1.** Let $A'[b,c] = A[b,c] + k[b,g]$\(tail). Show that the mean moves by $k$.
      """
    }
    let qualified = doc(" for $c$ in group $g$")
    XCTAssertFalse(kinds(qualified).contains("free-index-one-side"), "\(findings(qualified))")
    let free = doc("")
    XCTAssertTrue(kinds(free).contains("free-index-one-side"), "\(findings(free))")
  }

  /// A capitalized word after an initial (`R. Zabrowska`) or before "et al." is a name; at a
  /// sentence's start it is not taken for one.
  func testProperNameAfterAnInitialOrBeforeEtAl() {
    func isName(_ line: String, _ word: String) -> Bool {
      let scalars = Array(line.unicodeScalars)
      let offset = Array(line.unicodeScalars).indices.first {
        String(String.UnicodeScalarView(scalars[$0...].prefix(word.unicodeScalars.count))) == word
      }!
      return Spelling.isProperName(word, in: scalars, at: offset)
    }
    XCTAssertTrue(isName("Owner: R. Zabrowska. Entries follow.", "Zabrowska"))
    XCTAssertTrue(isName("**Answer:** Zabrowska et al. show it.", "Zabrowska"))
    XCTAssertFalse(isName("**Answer:** Zabrowska showed it.", "Zabrowska"))
    XCTAssertFalse(isName("The end. Zabrowska showed it.", "Zabrowska"))
  }

  /// The field's shorthand (`a conv layer`, `the latents`, `ok`) is accepted; a slip in it is
  /// still misspelt.
  func testFieldShorthand_acceptedItsSlipsNot() throws {
    try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/bin/hunspell"))
    let words: Set<String> = ["conv", "latents", "ok", "lattents", "covn"]
    XCTAssertEqual(try Spelling.misspelt(words), ["covn", "lattents"])
  }

  /// `m_ℓ[n]` in the setup and twice after, then `m_ℓ[n,j] = 0` in a later problem: one index
  /// too many. A later problem that defines the family anew from other tensors is silent.
  func testFamilyWrittenWithAnotherRankInALaterProblem() {
    func doc(_ later: String) -> String {
      """
      Each block $\\ell$ keeps a gate $m_\\ell[n]$ per example, and \
      $h_\\ell[n,j] = m_\\ell[n]\\,r_\\ell[n,j]$ with branch outputs $r_\\ell[n,j]$.

      **Problem 1.** Why is $h_\\ell[n,j] = 0$ when $m_\\ell[n] = 0$?

      **Problem 2.** \(later) What does the dropped block give?
      """
    }
    let odd = doc("Then $m_\\ell[n,j] = 0$ for that example.")
    XCTAssertTrue(kinds(odd).contains("rank-mismatch"), "\(findings(odd))")
    let anew = doc("Now let $m_\\ell[n,j] = r_\\ell[n,j]\\,r_\\ell[n,j]$ be the squared branch.")
    XCTAssertFalse(kinds(anew).contains("rank-mismatch"), "\(findings(anew))")
  }

  /// `h_{ℓ+1}[s,j] = sin(W[j,I] h_ℓ[s,j])`: the layer's input, of the same family, written with
  /// the output's letter where the weight's unsummed capital belongs; `h_ℓ[s,I]` is silent.
  func testRecurrentInputWithTheOutputLetter_isAnInputLetter() {
    func doc(_ input: String) -> String {
      """
      **Problem 1.** The layers are $$h_{\\ell+1}[s,j] = \\sin\\left(W_{\\ell+1}[j,I]\\,\(input)\\right)$$ \
      with weights $W_\\ell[j,i]$ and inputs $h_0[s,i]$.
      """
    }
    let wrong = doc("h_\\ell[s,j]")
    XCTAssertTrue(kinds(wrong).contains("input-letter"), "\(findings(wrong))")
    let right = doc("h_\\ell[s,I]")
    XCTAssertFalse(kinds(right).contains("input-letter"), "\(findings(right))")
  }

  /// `the largest $\bar{n}[j]$`: a superlative picks among things already named and introduces
  /// nothing; `the mean length $\bar{n}[j]$` names the accented tensor.
  func testSuperlativeBeforeAName_introducesNothing() {
    func doc(_ phrase: String) -> String {
      """
      The lengths are $n[j]$ for each class $j$, with $J$ classes.

      **Problem 1.** The predicted class is the $j$ with \(phrase) $\\bar{n}[j]$.
      """
    }
    let picked = doc("the largest")
    XCTAssertTrue(kinds(picked).contains("undefined-name"), "\(findings(picked))")
    let named = doc("the mean length")
    XCTAssertFalse(kinds(named).contains("undefined-name"), "\(findings(named))")
  }

  /// `\beta_g(\xi)` in a fragment the engine cannot read: g is the script of the name applied,
  /// not a function; `\beta\,g(\xi)` applies g itself, which nothing defines.
  func testScriptLetterBeforeParenthesis_isNotApplied() {
    func doc(_ term: String) -> String {
      """
      The input is $x[b,i]$ with $B$ examples and $I$ channels.

      **Problem 1.** Each learned map $\\xi \\mapsto \\sum_{g} C[j,i,g]\\,\(term)(\\xi)$ is smooth.
      """
    }
    let script = doc("\\beta_g")
    XCTAssertFalse(kinds(script).contains("undefined-function"), "\(findings(script))")
    let applied = doc("\\beta\\,g")
    XCTAssertTrue(kinds(applied).contains("undefined-function"), "\(findings(applied))")
  }

  /// An equation that ends the document has no clause after it: g stays free, nothing breaks.
  func testEquationEndingTheDocument_isReadWithoutAClauseAfterIt() {
    let text = "**Problem 1.** Let $A'[b,c] = A[b,c] + k[b,g]$"
    XCTAssertTrue(kinds(text).contains("free-index-one-side"), "\(findings(text))")
  }
}
