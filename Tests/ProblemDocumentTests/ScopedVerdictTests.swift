import XCTest

@testable import ProblemDocument

/// Verdicts that must be scoped to what the sentence says: an exact floor, the window of the
/// sentence, a quantified letter, a named permutation, a stated dropped index, a setter's
/// equation, a count in another clause, a letter that ends a sentence. Each document is written
/// for the test; the expected values are worked out by hand in the comments.
final class ScopedVerdictTests: XCTestCase, SmallDocumentAudit {
  /// 0.6/0.2 is 3 exactly, so ⌊0.6/0.2⌋ = 3 (binary floating point gives 2.9999999999999996,
  /// whose floor is 2); ⌊0.6/0.2⌋ = 2 is the slip.
  func testFloorOfADecimalQuotient_isExact() {
    let text = "**Problem 1.** Frames of $0.2$ s in $0.6$ s: $\\lfloor 0.6/0.2 \\rfloor = %@$."
    let right = findings(text.replacingOccurrences(of: "%@", with: "3"))
    XCTAssertFalse(right.contains { $0.hasPrefix("border-rule") }, "\(right)")
    let wrong = findings(text.replacingOccurrences(of: "%@", with: "2"))
    XCTAssertTrue(wrong.contains("border-rule 1"), "\(wrong)")
  }

  /// Without padding a 1×1 window of stride 2 fits at 0, 2, 4, …: ⌊(X − 1)/2⌋ + 1 = ⌈X/2⌉
  /// outputs (X = 5: 0, 2, 4, three = ⌈5/2⌉), right even in a problem with a wider window too.
  /// A 4×4 window of stride 2 fits ⌊(X − 4)/2⌋ + 1 times (X = 5: once), not ⌈X/2⌉.
  func testCeilingUnderTheValidConvention_readsTheSentencesWindow() {
    let text = """
      No layer pads its input: a window must fit inside it.

      **Problem 1.** A block reads an $X \\times X$ map with a $5 \\times 5$ kernel of stride \
      one. Its skip path has a $%@ \\times %@$ kernel of stride 2, whose output has \
      $\\lceil X/2 \\rceil$ rows. Which path is cheaper?
      """
    let unit = findings(text.replacingOccurrences(of: "%@", with: "1"))
    XCTAssertFalse(unit.contains { $0.hasPrefix("border-rule") }, "\(unit)")
    let wide = findings(text.replacingOccurrences(of: "%@", with: "4"))
    XCTAssertTrue(wide.contains("border-rule 3"), "\(wide)")
  }

  /// `+ d[m]` for every class m leaves the left side z[n,j] with no m: a free index. A clause
  /// that ties the letter to the left side's (`for $j$ in group $m$`) names its value.
  func testFreeIndexAfterEvery_isNotQualified() {
    let text = """
      **Problem 1.** Let $z[n,j] = V[j,K]\\,u[n,K] + d[m]$ for %@, with $K$ inputs.
      """
    let every = findings(text.replacingOccurrences(of: "%@", with: "every label $m$"))
    XCTAssertTrue(every.contains("free-index-one-side 1"), "\(every)")
    let tied = findings(text.replacingOccurrences(of: "%@", with: "$j$ in block $m$"))
    XCTAssertFalse(tied.contains { $0.hasPrefix("free-index-one-side") }, "\(tied)")
  }

  /// A preamble about permuting tokens does not explain a π applied to a score (`ρ[c] = π(c)
  /// s[c]`, never introduced); a π applied to an index where the problem permutes (`s[π(c)]`),
  /// or named alone, is the permutation.
  func testPermutationWord_excusesOnlyAPiInAnIndexList() {
    let text = """
      Attention without positions is unchanged when its tokens are permuted.

      **Problem 1.** A router scores $s[c]$ for each expert $c$ and sends $%@$ onward.
      """
    let policy = unintroduced(text.replacingOccurrences(of: "%@", with: "r[c] = \\pi(c)\\, s[c]"))
    XCTAssertFalse(policy.isEmpty, "\(policy)")
    let index = unintroduced(text.replacingOccurrences(of: "%@", with: "r[c] = s[\\pi(c)]"))
    XCTAssertEqual(index, [], "\(index)")
    let named = unintroduced(
      text.replacingOccurrences(of: "$%@$", with: "$s[c]$ to the expert $\\pi$ picks"))
    XCTAssertEqual(named, [], "\(named)")
  }

  /// A problem that says an index is dropped writes the tensor with one index fewer (g[t,k]
  /// for the set's g[n,t,k]); the same rank without that sentence is a rank slip.
  func testRankOneLess_whereTheProblemSaysAnIndexIsDropped() {
    let text = """
      We write $g[n,t,k]$ for the gate of example $n$ at step $t$ and unit $k$.

      **Problem 1.** The gate is $g[n,t,k] = \\sigma(A[k,J]\\,g[n,t-1,J])$.

      **Problem 2.** %@ Show that $g[t,k]$ is at most one.
      """
    let dropped = findings(
      text.replacingOccurrences(of: "%@", with: "With one example, its index is omitted."))
    XCTAssertFalse(dropped.contains { $0.hasPrefix("rank-mismatch") }, "\(dropped)")
    let silent = findings(text.replacingOccurrences(of: "%@", with: "With one example:"))
    XCTAssertTrue(silent.contains("rank-mismatch 5"), "\(silent)")
  }

  /// An equation after "if we set" is the transformation applied, not its effect: the sentence's
  /// "moves" still contradicts "invariant", as it does without the equation.
  func testSetterEquation_doesNotSilenceTheStatedEffect() {
    let text = """
      **Problem 1.** Let $y[t] = a\\,u[t] + c\\,u[t+1]$. %@, every output moves one step \
      later, so the map is %@.
      """
    func statement(_ lead: String, _ word: String) -> [String] {
      var t = text
      for part in [lead, word] {
        if let r = t.range(of: "%@") { t.replaceSubrange(r, with: part) }
      }
      return findings(t).filter { $0.hasPrefix("property-word") }
    }
    XCTAssertEqual(statement("If we set $u'[t] = u[t-1]$", "invariant"), ["property-word 1"])
    XCTAssertEqual(statement("If we set $u'[t] = u[t-1]$", "equivariant"), [])
  }

  /// A count noun before a colon ("by the same number:") is not the subject of "invariant";
  /// "the number of weights is invariant" speaks of a count.
  func testCountInAnotherClause_doesNotSilenceTheStatement() {
    let text = """
      **Problem 1.** Let $y[t] = a\\,u[t] + c\\,u[t+1]$. Delaying the signal moves every \
      output by the same number: %@ is invariant.
      """
    let map = findings(text.replacingOccurrences(of: "%@", with: "the map"))
    XCTAssertTrue(map.contains("property-word 1"), "\(map)")
    let count = findings(text.replacingOccurrences(of: "%@", with: "so the number of weights"))
    XCTAssertFalse(count.contains { $0.hasPrefix("property-word") }, "\(count)")
  }

  /// A capital letter after a lowercase word (`option C.`) ends its sentence: the next word
  /// opens one and is spell-checked. After a name (`Maria C. Ostrova`) it is an initial.
  func testLetterEndingASentence_isNoInitial() {
    func isName(_ line: String, _ word: String) -> Bool {
      let scalars = Array(line.unicodeScalars)
      let offset = scalars.indices.first {
        String(String.UnicodeScalarView(scalars[$0...].prefix(word.unicodeScalars.count))) == word
      }!
      return Spelling.isProperName(word, in: scalars, at: offset)
    }
    XCTAssertFalse(isName("We keep option C. Ostrova is worse.", "Ostrova"))
    XCTAssertTrue(isName("Owner: Maria C. Ostrova writes.", "Ostrova"))
  }
}
