import XCTest

@testable import ProblemDocument

/// A list of names closed by an introducing phrase (`$A$ and $B$ denote …`, `$A$, $B$ the …`)
/// introduces every member, not only the last; a list that no such phrase closes introduces
/// none of them.
final class ListIntroductionReadingTests: XCTestCase {
  func findings(_ text: String) -> [String] {
    Auditor.audit(ProblemSetDocument(text: text, name: "t.md"), spelling: false)
      .findings.map { "\($0.kind.rawValue) \($0.location.line)" }
  }

  func doc(_ lead: String) -> String {
    """
    **Problem 1.** A pair of estimators reads a signal $s[n]$. \(lead)

    $$\\check{p}[n] = \\tilde{q}[n] + s[n]$$

    (a) Which of the two estimates is larger?
    """
  }

  func testEveryMemberOfAClosedList_isIntroduced() {
    let verb = doc("Here $\\tilde{q}[n]$ and $\\check{r}[n]$ denote the two running means.")
    XCTAssertFalse(findings(verb).contains { $0.hasPrefix("undefined-name") }, "\(findings(verb))")
    let elliptic = doc("Take $\\tilde{q}[n]$, $\\check{r}[n]$ the two running means.")
    XCTAssertFalse(
      findings(elliptic).contains { $0.hasPrefix("undefined-name") }, "\(findings(elliptic))")
  }

  func testAListNoPhraseCloses_introducesNothing() {
    let open = doc("Both $\\tilde{q}[n]$ and $\\check{r}[n]$ drift as $n$ grows.")
    // Both names are used where the list stands, and neither is introduced.
    XCTAssertEqual(
      findings(open).filter { $0.hasPrefix("undefined-name") },
      ["undefined-name 1", "undefined-name 1"])
  }
}
