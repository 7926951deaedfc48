import XCTest

@testable import ProblemDocument

/// The reading's structural rules, each on a small document written for the test: item headings,
/// introductions, renamed index letters, spelling by a word's form.
final class ReadingStructureTests: XCTestCase, SmallDocumentAudit {
  func audit(_ text: String, spelling: Bool = false) -> AuditReport {
    Auditor.audit(ProblemSetDocument(text: text, name: "t.md"), spelling: spelling)
  }

  func findings(_ report: AuditReport) -> [String] {
    report.findings.map { "\($0.kind.rawValue) \($0.location.line)" }
  }

  /// A heading word and a number, in bold or a Markdown heading, open items whatever the word.
  func testItemHeadings_anyWordWithANumber() {
    let cases: [(String, [String])] = [
      ("**Exercise 9.1** (Encoder). Text.\n\n(a) Q?\n\n**Exercise 9.2** More.\n", ["9.1a", "9.2"]),
      ("### Question 2\nText.\n\n### Question 3\nMore.\n", ["2", "3"]),
      ("**Q3.** Text.\n\n**Q4.** More.\n", ["3", "4"]),
      ("## Task 1.2\nText.\n\n## Task 1.3\nMore.\n", ["1.2", "1.3"]),
      ("### Problem 4\nText.\n\n(a) Q?\n\n(b) R?\n", ["4a", "4b"]),
      ("**Problem 5 (10 points).** Text.\n\n**Problem 6.** More.\n", ["5", "6"]),
    ]
    for (text, ids) in cases {
      let doc = ProblemSetDocument(text: text, name: "t.md")
      XCTAssertEqual(doc.items.map(\.id), ids, text)
    }
    // A bold word and number inside a problem's prose that is not the document's heading word
    // (`**Step 1.**` once, against two problems) opens nothing.
    let doc = ProblemSetDocument(
      text: "**Problem 1.** A.\n\n**Step 1.** do.\n\n**Problem 2.** B.\n", name: "t.md")
    XCTAssertEqual(doc.items.map(\.id), ["1", "2"])
  }

  /// Letters listed in plain prose before "are the number of" are sizes; a copula names a tensor;
  /// a model's names explained in a later sentence of the statement are not used before their
  /// introduction. The same set without those phrases has the findings.
  func testIntroductions_byStructure() {
    let introduced = """
      Throughout, B, I, J are the number of possible values of b, i, j.

      **Problem 1.** The input is $x[b,i]$. The layer is

      $$y[b,j] = W[j,I]\\,x[b,I]$$

      where $W[j,i]$ are the weights.

      (a) How many multiplies?

      **Solution**: $BJI$.
      """
    XCTAssertEqual(findings(audit(introduced)), [])
    XCTAssertEqual(unintroduced(introduced), [])
    let bare = """
      Throughout, the letters are as usual.

      **Problem 1.** Then $x[b,i]$ goes in.

      (a) How many multiplies for $y[b,j] = W[j,I]\\,x[b,I]$?

      **Solution**: $BJI$.
      """
    XCTAssertTrue(unintroduced(bare).contains("undefined-name 7"), "\(unintroduced(bare))")
  }

  /// A bound letter renamed between two equations is the same tensor; the same positions
  /// swapped, with sizes the set declares, are two spellings.
  func testIndexLetters_renamedBetweenEquations_versusSwapped() {
    let renamed = """
      Here $B$, $T$ and $J$ are the number of possible values of $b$, $t$ and $j$.

      **Problem 1.** Let $x[b,t,j]$ be the input.

      $$h[b,t,j] = x[b,t,j]\\,x[b,t,j]$$

      $$g[b,s,j] = h[b,s,j]\\,x[b,s,j]$$
      """
    XCTAssertFalse(
      findings(audit(renamed)).contains { $0.hasPrefix("index-lists") },
      "\(findings(audit(renamed)))")
    let swapped = """
      Here $K$ and $D$ are the number of possible values of $k$ and $d$.

      **Problem 1.** With weights $U[k,d]$ and input $z[d]$:

      $$q[k] = U[k,D]\\,z[D]$$

      $$r[d] = U[d,K]\\,q[K]$$
      """
    XCTAssertTrue(findings(audit(swapped)).contains("index-lists 7"), "\(findings(audit(swapped)))")
  }

  /// What is not an English word to look up, by its form.
  func testSpelling_byForm() throws {
    XCTAssertTrue(Spelling.hasInnerCapital("MoE"))
    XCTAssertTrue(Spelling.hasInnerCapital("InfoNCE"))
    XCTAssertFalse(Spelling.hasInnerCapital("Precompute"))
    let line = Array("by the Cauchy–Schwarz inequality. Gaussain noise".unicodeScalars)
    XCTAssertTrue(Spelling.isProperName("Schwarz", in: line, at: 14))
    XCTAssertFalse(Spelling.isProperName("Gaussain", in: line, at: 34))
    guard (try? Spelling.misspelt(["word"])) != nil else { throw XCTSkip("hunspell not installed") }
    let compounds = try Spelling.compounds(["oversmoothing", "Precompute", "neccessary"])
    XCTAssertEqual(compounds, ["oversmoothing", "Precompute"])
    // In a document: the misspelling stays a finding, the names and compounds do not.
    let report = audit(
      "**Problem 1.** Our MoE layer, by Cauchy–Schwarz, is not neccessary; "
        + "Precompute it.\n", spelling: true)
    XCTAssertEqual(
      report.findings.filter { $0.kind == .spelling }.map(\.message),
      ["'neccessary' is not in the English dictionary or the field's word list"])
  }

  /// A question excludes divisions from its count only when it says so (a negation before the
  /// word in its clause); naming a division, or asking to count it, excludes nothing.
  func testDivisionsExcluded_onlyUnderANegation() {
    func words(_ t: String) -> [String] { t.lowercased().split { !$0.isLetter }.map(String.init) }
    XCTAssertTrue(Auditor.excludesDivisions(words("Don't count exp, the division in the softmax.")))
    XCTAssertTrue(Auditor.excludesDivisions(words("How many multiplies (ignore the division)?")))
    XCTAssertTrue(Auditor.excludesDivisions(words("Multiplies only, not the divisions.")))
    XCTAssertFalse(Auditor.excludesDivisions(words("Count the divisions too.")))
    XCTAssertFalse(Auditor.excludesDivisions(words("Why divide by the square root?")))
    XCTAssertFalse(Auditor.excludesDivisions(words("Multiplies and divisions, one each.")))
  }

  /// A size a problem's questions use before a later part says what it counts is introduced
  /// (the order of the problem's own text is its writer's); a size only the printed solution
  /// explains is still a finding at the question that uses it.
  func testLaterIntroduction_inTheQuestionsOrOnlyInTheSolution() {
    func doc(_ later: String, _ solution: String) -> String {
      """
      **Problem 1.** A scorer reads the rows $r[n,c]$ and weights $q[c]$ with \
      $$s[n] = q[C]\\,r[n,C]$$

      (a) Does the cost grow with $K$?

      (b) \(later)

      **Solution.** \(solution)
      """
    }
    let inQuestions = doc(
      "Here $K$ is the number of scorers run side by side; is $s$ linear in $r$?", "Yes.")
    XCTAssertEqual(findings(audit(inQuestions)), [], "\(findings(audit(inQuestions)))")
    XCTAssertEqual(unintroduced(inQuestions), [])
    let inSolution = doc(
      "Is $s$ linear in $r$?", "Yes, with $K$ the number of scorers run side by side.")
    XCTAssertEqual(
      unintroduced(inSolution), ["undefined-name 3"],
      "\(findings(audit(inSolution)))")
  }
}
