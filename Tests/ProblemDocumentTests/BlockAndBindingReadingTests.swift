import XCTest

@testable import ProblemDocument

/// Readings of Markdown blocks and of prose that binds letters (glosses, plural copulas, index
/// ranges, functions mentioned alone), each on a short document written for the test beside a
/// look-alike on which the rule must fire.
final class BlockAndBindingReadingTests: XCTestCase, SmallDocumentAudit {

  /// A `$` left open in one bullet is reported on its own line: the next bullet opens a new
  /// Markdown block, so its `$K$` is math of its own and not the first `$`'s closing.
  func testInlineMath_endsAtTheNextListItem() {
    let open = """
      **Problem 1.** Notes.

      - the mask $m[n,j] \\in \\{0,1\\} keeps some units
      - a second path goes to $K$ outputs, with $v[n,k]$ its values
      """
    XCTAssertEqual(findings(open).filter { $0.hasPrefix("unclosed-math") }, ["unclosed-math 3"])
    let closed = open.replacingOccurrences(of: "\\{0,1\\} keeps", with: "\\{0,1\\}$ keeps")
    XCTAssertEqual(findings(closed).filter { $0.hasPrefix("unclosed-math") }, [])
  }

  /// `$B$, $T$ = batch size, number of steps`: a gloss after a list of names introduces each;
  /// the same list followed by a verb introduces nothing.
  func testGlossAfterAListOfNames_introducesEach() {
    func doc(_ phrase: String) -> String {
      """
      **Problem 1.** Slide notes.

      - $B$, $T$ \(phrase)
      - the unit is $$a[b,t,j] = w[j,I]\\,u[b,t,I]$$

      (a) How does the storage of $a$ grow with $B$?
      """
    }
    let glossed = doc("= batch size, number of steps")
    XCTAssertEqual(unintroduced(glossed), [], "\(glossed)")
    let mentioned = doc("appear below")
    XCTAssertFalse(unintroduced(mentioned).isEmpty, "\(findings(mentioned))")
  }

  /// `$P$ and $Q$ are projection matrices`, `… are the target copies`: a plural copula naming a
  /// kind of thing introduces the names before it; `are compared` (a verb) does not.
  func testPluralCopulaNamingAKind_introducesTheNames() {
    func doc(_ phrase: String) -> String {
      """
      **Problem 1.** Encoders share heads. Then $P$ and $Q$ \(phrase).

      (a) What is the rank of $Q$?
      """
    }
    for kind in ["are projection matrices", "are the target copies"] {
      let named = doc(kind)
      XCTAssertEqual(unintroduced(named), [], "\(findings(named))")
    }
    let verb = doc("are compared")
    XCTAssertFalse(unintroduced(verb).isEmpty, "\(findings(verb))")
  }

  /// `$p$ and $q$ both range over the $M$ positions`: P and Q are M, so a printed count in M
  /// agrees with the equation written in P and Q; without the binding the sizes differ.
  func testIndexLettersRangingOverASize_areThatSize() {
    func doc(_ binding: String) -> String {
      """
      **Problem 1.** A mixing layer reads $x[n,q]$, where $n$ ranges over the $N$ rows and \
      \(binding).

      $$y[n,p] = A[p,Q]\\,x[n,Q]$$

      (a) How many multiplies does the layer perform?

      *Solution.* Each row needs $M^2$, so $NM^2$ multiplies in all.
      """
    }
    let bound = doc("$p$ and $q$ both range over the $M$ positions")
    XCTAssertFalse(
      findings(bound).contains { $0.hasPrefix("count-disagreement") }, "\(findings(bound))")
    let unbound = doc("$p$ and $q$ index the positions, of which there are $M$ in a row")
    XCTAssertTrue(
      findings(unbound).contains { $0.hasPrefix("count-disagreement") }, "\(findings(unbound))")
  }

  /// `the input of $\sigma$ becomes large`: a name the set applies as a function keeps that
  /// role when a lone mention of it is followed by a verb in -s; a tensor mentioned the same way
  /// is still read as a count and clashes with itself.
  func testFunctionMentionedAlone_staysAFunction() {
    let function = """
      **Problem 1.** The unit is $$a[n,j] = \\sigma\\left(w[j,I]\\,u[n,I]\\right)$$

      (a) What happens to $a$ when the input of $\\sigma$ becomes large?
      """
    XCTAssertFalse(
      findings(function).contains { $0.hasPrefix("role-clash") }, "\(findings(function))")
    let tensor = """
      **Problem 1.** The unit is $$a[n,j] = q[j]\\,w[j,I]\\,u[n,I]$$

      (a) What happens to $a$ when the input of $q$ becomes large?
      """
    XCTAssertTrue(findings(tensor).contains { $0.hasPrefix("role-clash") }, "\(findings(tensor))")
  }
}
