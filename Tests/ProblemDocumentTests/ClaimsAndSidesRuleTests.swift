import XCTest

@testable import ProblemDocument

/// The rules that read a claim against the sentence stating it, the sides of an equation the
/// engine cannot read whole, and a subscript an equation shows a tensor needs; each shown on a
/// small document written for the test beside a look-alike on which it must stay silent.
final class ClaimsAndSidesRuleTests: XCTestCase, SmallDocumentAudit {
  func testPropertyWord_contradictedByTheSentenceBefore() {
    let unaffected = """
      **Problem 1.** A filter bank maps a signal $u[n,k]$ to responses $v[n,k]$.

      (a) What happens to $v$ when $u$ is rotated?

      **Solution**: Rotating $u$ leaves each response $v[n,k]$ unaffected.
      Hence the bank is rotation %@.
      """
    let wrong = findings(unaffected.replacingOccurrences(of: "%@", with: "equivariant"))
    XCTAssertTrue(wrong.contains("property-word 6"), "\(wrong)")
    let right = findings(unaffected.replacingOccurrences(of: "%@", with: "invariant"))
    XCTAssertFalse(right.contains { $0.hasPrefix("property-word") }, "\(right)")

    let moves = """
      **Problem 1.** A filter bank maps a signal $u[n,k]$ to responses $v[n,k]$.

      (a) What happens to $v$ when $u$ is delayed?

      **Solution**: Each response moves by one step along with the signal,
      so the bank is %@ to delays.
      """
    let wrongMove = findings(moves.replacingOccurrences(of: "%@", with: "invariant"))
    XCTAssertTrue(wrongMove.contains("property-word 6"), "\(wrongMove)")
    let rightMove = findings(moves.replacingOccurrences(of: "%@", with: "equivariant"))
    XCTAssertFalse(rightMove.contains { $0.hasPrefix("property-word") }, "\(rightMove)")
  }

  /// A verb acting on the input states the transformation, not its effect; a negated word and a
  /// question claim nothing. Each is shown beside the look-alike on which the word is claimed and
  /// contradicted, so each silence could have been a finding.
  func testPropertyWord_silentOnTheInputsMotionNegationAndQuestions() {
    let text = """
      **Problem 1.** A pooling step maps $u[n,k]$ to a total $s[n]$.

      (a) Is the total invariant or equivariant to delays?

      **Solution**: When the input is shifted, the total $s[n]$ stays the same. So it is %a.

      (b) Is the total equivariant?

      **Solution**: The total $s[n]$ stays the same, so it is %b equivariant.

      (c) The total $s[n]$ stays the same. %c
      """
    func propertyLines(_ a: String, _ b: String, _ c: String) -> [String] {
      let filled = text.replacingOccurrences(of: "%a", with: a)
        .replacingOccurrences(of: "%b", with: b).replacingOccurrences(of: "%c", with: c)
      return findings(filled).filter { $0.hasPrefix("property-word") }
    }
    XCTAssertEqual(propertyLines("invariant", "not", "Is it equivariant?"), [])
    // The input's motion: the same sentence with the contradicted word is a finding.
    XCTAssertEqual(
      propertyLines("equivariant", "not", "Is it equivariant?"), ["property-word 5"])
    // Negation: without "not" the claim is made and contradicted.
    XCTAssertEqual(propertyLines("invariant", "", "Is it equivariant?"), ["property-word 9"])
    // A question: stated instead of asked, the claim is contradicted.
    XCTAssertEqual(
      propertyLines("invariant", "not", "It is equivariant."), ["property-word 11"])
  }

  func testEquationSides_unsummedCapitalBesideAScalarLeftSide() {
    let text = """
      **Problem 1.** A score $r[n]$ is kept for each of the $N$ items.

      (a) Write the mean score.

      **Solution**: $$m = \\frac{1}{N}\\,r[%@]$$
      """
    let wrong = findings(text.replacingOccurrences(of: "%@", with: "N"))
    XCTAssertTrue(wrong.contains("unsummed-capital 5"), "\(wrong)")
    let right = findings(
      text.replacingOccurrences(of: "r[%@]", with: "\\sum_n r[n]"))
    XCTAssertFalse(right.contains { $0.hasPrefix("unsummed-capital") }, "\(right)")
    // A side that is one tensor names the whole of it.
    let whole = findings(
      """
      **Problem 1.** The weights $\\mathbf{A} = A[I,J]$ form a matrix. (a) Is it square?
      """)
    XCTAssertFalse(whole.contains { $0.hasPrefix("unsummed-capital") }, "\(whole)")
  }

  func testEquationSides_redundantSumOnAnUnreadLeftSide() {
    let text = """
      **Problem 1.** A penalty on weights $A[q,k]$ is added to the loss.

      (a) Write the penalty.

      **Solution**: $$\\mathcal{R}(A) = \\frac{\\rho}{2}%@\\,A[Q,K]\\,A[Q,K]$$
      """
    let wrong = findings(text.replacingOccurrences(of: "%@", with: "\\sum_{k}"))
    XCTAssertTrue(wrong.contains("redundant-sum 5"), "\(wrong)")
    let right = findings(text.replacingOccurrences(of: "%@", with: ""))
    XCTAssertFalse(right.contains { $0.hasPrefix("redundant-sum") }, "\(right)")
  }

  /// One equation's fellow parameters share a subscript that the document also gives the bare
  /// tensor elsewhere.
  func testSubscriptsInEquations_aParameterWithoutItsFellowsSubscript() throws {
    let text = """
      **Problem 1.** Two gates use input weights $A_p[k,m]$ and $A_q[k,m]$, recurrent
      weights $R_p[k,k']$ and $R_q[k,k']$, and thresholds $c_p[k]$ and $c_q[k]$:

      $$p[n,k] = \\sigma\\left(A_p[k,M]\\,u[n,M] + R_p[k,K]\\,s[n,K] - c_p[k]\\right)$$

      $$q[n,k] = \\sigma\\left(A_q[k,M]\\,u[n,M] + %@[k,K]\\,s[n,K] - c_q[k]\\right)$$

      (a) How many multiplies does a step take?
      """
    func lines(_ rule: some AuditRule, _ fill: String) throws -> [Int] {
      let doc = ProblemSetDocument(
        text: text.replacingOccurrences(of: "%@", with: fill), name: "t.md")
      return try rule.findings(in: Auditor.reading(doc, spelling: false)).map(\.location.line)
    }
    // This rule's own finding: the older family rule sees nothing here (R_p and R_q are one
    // family with the bare R), so the place is not one the new rule leaves to it.
    XCTAssertEqual(try lines(AuditRules.SubscriptsInEquations(), "R"), [6])
    XCTAssertEqual(try lines(AuditRules.MissingSubscripts(), "R"), [])
    XCTAssertEqual(try lines(AuditRules.SubscriptsInEquations(), "R_q"), [])
    let right = findings(text.replacingOccurrences(of: "%@", with: "R_q"))
    XCTAssertFalse(right.contains { $0.hasPrefix("missing-subscript") }, "\(right)")
  }

  /// "Since P and Q, we get C" where a point satisfies P and Q but not C.
  func testClaimedImplication_thatThePremisesDoNotImply() {
    let text = """
      **Problem 1.** A low-rank layer has $K$ inner units between $M$ inputs and $N$ outputs.

      (a) Is it smaller than the full layer?

      **Solution**: Since $K < M$ and $K < N$, we get %@, so it is always smaller.
      """
    let wrong = findings(text.replacingOccurrences(of: "%@", with: "$K(M+N) < MN$"))
    XCTAssertTrue(wrong.contains("premise-condition 5"), "\(wrong)")
    let right = findings(text.replacingOccurrences(of: "%@", with: "$K^2 < MN$"))
    XCTAssertFalse(right.contains { $0.hasPrefix("premise-condition") }, "\(right)")
  }

  /// A condition set beside an equation by `\qquad` is a premise of the problem.
  func testPremiseBesideAnEquation_rulesOutTheSolutionsCondition() {
    let text = """
      **Problem 1.** A mixture keeps the weight
      $$w[n] = \\rho\\,a[n] + (1-\\rho)\\,c[n], \\qquad 0 < \\rho < 1.$$

      (a) When does $w$ equal $a$?

      **Solution**: Only when $\\rho %@ 1$, which puts all weight on $a$.
      """
    let wrong = findings(text.replacingOccurrences(of: "%@", with: ">"))
    XCTAssertTrue(wrong.contains("premise-condition 6"), "\(wrong)")
    let right = findings(text.replacingOccurrences(of: "%@", with: "<"))
    XCTAssertFalse(right.contains { $0.hasPrefix("premise-condition") }, "\(right)")
  }

  /// A weight's capital that nothing sums beside an input holding the output's channel letter.
  func testEquationInputLetter_inputWithTheOutputsChannel() {
    let text = """
      **Problem 1.** A temporal filter $A[k,\\Delta t,m]$ maps inputs $u[n,m]$ to outputs
      $o[n,k]$ with thresholds $c[k]$:

      $$o[n,k] = \\sigma\\left(A[k,\\Delta T,M]\\,u[n+\\Delta T,%@] - c[k]\\right)$$

      (a) How many multiplies does it take?
      """
    let wrong = findings(text.replacingOccurrences(of: "%@", with: "k"))
    XCTAssertTrue(wrong.contains("input-letter 4"), "\(wrong)")
    let right = findings(text.replacingOccurrences(of: "%@", with: "M"))
    XCTAssertFalse(right.contains { $0.hasPrefix("input-letter") }, "\(right)")
  }

  /// "computing the output T[…] from S[…]": a noun between the verb and the output.
  func testInputLetter_afterComputingTheOutput() {
    let text = """
      **Problem 1.** A block keeps features $g[n,m]$ and applies weights $A[k,m]$.

      (a) Write the equation computing the output $o[n,k]$ from $g[n,%@]$.
      """
    let wrong = findings(text.replacingOccurrences(of: "%@", with: "k"))
    XCTAssertTrue(wrong.contains("input-letter 3"), "\(wrong)")
    let right = findings(text.replacingOccurrences(of: "%@", with: "m"))
    XCTAssertFalse(right.contains { $0.hasPrefix("input-letter") }, "\(right)")
  }

  /// Two index terms side by side on the readable side of an equation the engine cannot read.
  func testEquationSides_missingCommaOnAReadableSide() {
    let text = """
      **Problem 1.** A cyclic delay of $u[n,k]$ is $\\tilde{u}[n%@k] = u[(n+1) \\bmod N,k]$.

      (a) Is it linear?
      """
    let wrong = findings(text.replacingOccurrences(of: "%@", with: " "))
    XCTAssertTrue(wrong.contains("missing-comma 1"), "\(wrong)")
    let right = findings(text.replacingOccurrences(of: "%@", with: ","))
    XCTAssertFalse(right.contains { $0.hasPrefix("missing-comma") }, "\(right)")
  }
}
