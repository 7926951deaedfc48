import XCTest

@testable import ProblemDocument

/// Readings of prose that binds letters, each shown on a short document written for the test
/// beside a look-alike on which the rule must (or must not) fire.
final class ProseBindingReadingTests: XCTestCase, SmallDocumentAudit {
  /// `pools over $R$ regions`: a capital after a preposition, counting the noun after it, is a
  /// size named there. Followed by no noun it is only mentioned, and the question's R is
  /// undefined.
  func testCapitalCountingANounAfterAPreposition_isIntroduced() {
    func doc(_ phrase: String) -> String {
      """
      **Problem 1.** A head pools each map over \(phrase): $$u[n,j] = m[n,j]\\,v[j]$$

      (a) How does the cost grow with $R$?
      """
    }
    let counted = doc("$R$ regions")
    XCTAssertEqual(unintroduced(counted), [], "\(findings(counted))")
    let mentioned = doc("$R$")
    XCTAssertFalse(unintroduced(mentioned).isEmpty, "\(findings(mentioned))")
  }

  /// `$p$ and $q$ take $P$ and $Q$ values respectively`: every capital of a list that ends
  /// before a plural noun is named there; the same list before a full stop names nothing.
  func testListOfCapitalsBeforeAPlural_introducesEachOne() {
    let bound = """
      **Problem 1.** The grid $g[p,q]$ is read, where $p$ and $q$ take $P$ and $Q$ values \
      respectively.

      (a) How many entries does $g$ have, in terms of $P$ and $Q$?
      """
    XCTAssertEqual(unintroduced(bound), [], "\(findings(bound))")
    let unbound = """
      **Problem 1.** The grid $g[p,q]$ is read, and we then compare $P$ and $Q$.

      (a) How many entries does $g$ have, in terms of $P$ and $Q$?
      """
    XCTAssertFalse(unintroduced(unbound).isEmpty, "\(findings(unbound))")
  }

  /// `the work inside $\sigma$`: a preposition is no noun, so the function is only mentioned
  /// there and keeps its role; a noun phrase before it (`the gain $\sigma$`) makes it a scalar
  /// that clashes with its use as a function.
  func testNameAfterAPreposition_isOnlyMentioned() {
    let mentioned = """
      **Problem 1.** The unit is $$a[n,j] = \\sigma\\left(w[j,I]\\,u[n,I]\\right)$$

      (a) Count the multiplies, but not the work inside $\\sigma$ itself.
      """
    XCTAssertFalse(kinds(mentioned).contains("role-clash"), "\(findings(mentioned))")
    let named = """
      **Problem 1.** The unit is $$a[n,j] = \\sigma\\left(w[j,I]\\,u[n,I]\\right)$$

      (a) Count the multiplies when the gain $\\sigma$ is doubled.
      """
    XCTAssertTrue(kinds(named).contains("role-clash"), "\(findings(named))")
  }

  /// Sizes the preamble declares equal (`$K = J$`) hold in every problem: one tensor indexed by
  /// j and by K is one spelling. Without the declaration it is two.
  func testPreambleSizeEquality_holdsInEveryProblem() {
    let equal = """
      Units are indexed by $j$ over $J$ units and by $k$, with $K = J$.

      **Problem 1.** The state is $s[n,j]$ and $$r[n,j] = v[j,K]\\,s[n,K]$$ (a) Is $r$ bounded?
      """
    XCTAssertFalse(kinds(equal).contains("index-lists"), "\(findings(equal))")
    func counted(_ equality: String) -> String {
      """
      Units are indexed by $j$ and $k$, where $J$ and $K$ are the numbers of units and keys.\
      \(equality)

      **Problem 1.** The state is $s[n,j]$ and $$r[n,j] = v[j,K]\\,s[n,K]$$ (a) Is $r$ bounded?
      """
    }
    let declared = counted(" Here $K = J$.")
    XCTAssertFalse(kinds(declared).contains("index-lists"), "\(findings(declared))")
    let unequal = counted("")
    XCTAssertTrue(kinds(unequal).contains("index-lists"), "\(findings(unequal))")
  }

  /// A border convention stated once in the preamble (`out-of-range reads give zero`) covers
  /// every problem's offsets; without it the problem's offsets are a finding.
  func testPreambleBorderConvention_coversEveryProblem() {
    let stated = """
      Out-of-range reads give zero in every problem below.

      **Problem 1.** The filter is $$v[n,x] = k[\\Delta X]\\,u[n,x+\\Delta X]$$ (a) Is it linear?
      """
    XCTAssertFalse(kinds(stated).contains("border-rule"), "\(findings(stated))")
    let unstated = """
      Every problem below uses one filter.

      **Problem 1.** The filter is $$v[n,x] = k[\\Delta X]\\,u[n,x+\\Delta X]$$ (a) Is it linear?
      """
    XCTAssertTrue(kinds(unstated).contains("border-rule"), "\(findings(unstated))")
  }

  /// A letter that names a tensor in problem 1 and both a tensor and an index in problem 2
  /// clashes within problem 2, at the index (the role problem 1 did not give it); problem 1
  /// holds no finding.
  func testLetterWithBothRolesInALaterProblem_clashesThereAtTheIndex() {
    let text = """
      **Problem 1.** The memory is $$m[n,j] = a[n,j]\\,m[n-1,j]$$ (a) Is it bounded?

      **Problem 2.** Read out $$z[n,m] = R[m,J]\\,q[n,J]$$
      with $$m[n,j] = a[n,j]\\,q[n,j]$$ (a) Is $z$ bounded?
      """
    let clashes = findings(text, kind: "role-clash")
    XCTAssertEqual(clashes, ["role-clash 3"], "\(findings(text))")
  }

  /// A display after inline math takes the nouns of its sentence (`a summing stage with
  /// weights $p[k,j]$,`): a question naming that stage counts its equation only. Without the
  /// noun the question names nothing and every equation is counted.
  func testDisplayAfterInlineMath_takesItsSentencesNouns() {
    func doc(_ stage: String) -> String {
      """
      **Problem 1.** The input $u[n,i]$ is filtered with weights $A[j,i]$ and thresholds $c[j]$:

      $$v[n,j] = \\sigma\\left(A[j,I]\\,u[n,I] - c[j]\\right)$$

      Its output is then pooled by \(stage) with weights $p[k,j]$,

      $$w[n,k] = p[k,J]\\,v[n,J]$$

      (a) How many multiplies does the summing stage perform?

      **Solution.** $NKJ$.
      """
    }
    let named = doc("a summing stage")
    XCTAssertFalse(kinds(named).contains("count-disagreement"), "\(findings(named))")
    let unnamed = doc("one more step")
    XCTAssertTrue(kinds(unnamed).contains("count-disagreement"), "\(findings(unnamed))")
  }

  /// A first sentence printing separate counts (`the projection takes $NJI$ and the rescaling
  /// $NJK$`), the last not their sum, answers with the one of the equations asked about; when
  /// none is that count, or the last sums them, the printed count is still compared.
  func testSeparateCountsInOneSentence_matchTheOneAsked() {
    func doc(_ answer: String) -> String {
      """
      **Problem 1.** The input $u[n,i]$ is projected by $$v[n,j] = A[j,I]\\,u[n,I]$$

      (a) Count the multiplies of the projection and of the rescaling separately.

      **Solution.** \(answer)
      """
    }
    let separate = doc("The projection takes $NJI$ multiplies and the rescaling $NJK$.")
    XCTAssertFalse(kinds(separate).contains("count-disagreement"), "\(findings(separate))")
    let wrong = doc("The projection takes $NJK$ multiplies and the rescaling $NJL$.")
    XCTAssertTrue(kinds(wrong).contains("count-disagreement"), "\(findings(wrong))")
    let summed = doc("The projection takes $NJI$ and the rescaling $NJK$, so $NJI + NJK$.")
    XCTAssertTrue(kinds(summed).contains("count-disagreement"), "\(findings(summed))")
  }
}
