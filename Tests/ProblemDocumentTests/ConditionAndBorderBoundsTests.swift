import XCTest

@testable import ProblemDocument

/// Readings of conditions and borders mended after review: the work a border reading does per
/// equation, the cap on links inside one fragment, "only if" read one way, counts tried over
/// whole numbers, the words that open a reason, one finding per condition, and the formula a
/// range speaks of. Each document is written for the test beside a look-alike that comes out
/// the other way; hang tests run a size that took minutes before and never time anything.
final class ConditionAndBorderBoundsTests: XCTestCase, SmallDocumentAudit {
  /// A tensor wrapped in an earlier problem, read at an offset on 1500 lines of a later one
  /// (each line used to rescan the whole problem), and a problem whose prose names a border
  /// with as many lines: both silent, while a tensor nobody wrapped is a finding.
  func testBorderReading_isOncePerProblemAndOffsets() {
    let lines = (0..<1500).map { "Next $g_{\($0)}[b,t] = h[b, t + \\Delta T]$ follows." }
    let wrapped = """
      **Problem 1.** Every read of $h$ is taken modulo $T$, so the sequence wraps.

      **Problem 2.** Continue.

      """ + lines.joined(separator: "\n")
    XCTAssertEqual(borders(wrapped), [])
    let worded = """
      **Problem 1.** The border is zero padded.

      """ + lines.joined(separator: "\n")
    XCTAssertEqual(borders(worded), [])
    let unwrapped = """
      **Problem 1.** Every read of $h$ is taken modulo $T$, so the sequence wraps.

      **Problem 2.** Continue with $g[b,t] = q[b, t + \\Delta T]$ here.
      """
    XCTAssertEqual(borders(unwrapped), ["border-rule 3"])
  }

  /// 300 pieces joined by ⟺ in one fragment, each pair disagreeing at A = 2 (A + i > i + 1
  /// against A + i > i + 2): the rule tries at most `linksTried` links, not one per piece.
  func testEquivalenceLinks_cappedInsideOneFragment() {
    let pieces = (0..<300).map { "A + \($0) > \($0) + \($0 % 2 + 1)" }
    let doc =
      "**Problem 1.** Let $A$ be a size. We have $" + pieces.joined(separator: " \\iff ")
      + "$.\n"
    let hits = AuditRules.EquivalentConditions().findings(
      in: Auditor.reading(ProblemSetDocument(text: doc, name: "t.md"), spelling: false))
    XCTAssertEqual(hits.count, AuditRules.EquivalentConditions.linksTried)
  }

  /// "M > 5 only if M > 3" is true (M > 5 gives M > 3); turned round, M > 3 only if M > 5 fails
  /// at M = 4, and "if and only if" stays an equivalence, which fails at M = 4 too.
  func testOnlyIf_drawsTheSecondFromTheFirst() {
    let doc = "**Problem 1.** Let $M$ be the depth. Training converges $M > %@$ %@ $M > %@$.\n"
    func with(_ a: String, _ words: String, _ b: String) -> String {
      var text = doc
      for part in [a, words, b] {
        text = text.replacingCharacters(in: text.range(of: "%@")!, with: part)
      }
      return text
    }
    XCTAssertEqual(premises(with("5", "only if", "3")), [])
    XCTAssertEqual(premises(with("3", "only if", "5")), ["premise-condition 1"])
    XCTAssertEqual(premises(with("5", "if and only if", "3")), ["premise-condition 1"])
  }

  /// n and N counts: 2n ≤ N − 1 and n < N/2 agree on whole numbers (n ≤ (N−1)/2), so
  /// only n ≤ N/2 − 1 is a finding (at N = 3, n = 1: 2 ≤ 2, but 1 ≤ 0.5 fails).
  func testLowercaseCount_isTriedAtWholeNumbers() {
    let doc = """
      **Problem 1.** Let $N$ be the number of layers and $n$ the number of frozen layers.
      Training is cheap exactly when $2n \\le N - 1$, i.e. $%@$.
      """
    XCTAssertEqual(premises(doc.replacingOccurrences(of: "%@", with: "n < N/2")), [])
    XCTAssertEqual(
      premises(doc.replacingOccurrences(of: "%@", with: "n \\le N/2 - 1")), ["premise-condition 2"])
  }

  /// "With $L = 3$ blocks the cost would triple" says what would happen otherwise, a contrast
  /// with the supposition L = 1; "with $L = 3$ blocks the cost triples" and "since $L = 3$"
  /// give a reason that the supposition rules out.
  func testReasonInTheConditionalMood_isAContrast() {
    let doc = """
      **Problem 1.** Suppose $L = 1$ block. What does the stack cost for width $D$?

      *Solution.* %@; here it is $D^2$.
      """
    func with(_ s: String) -> [String] { premises(doc.replacingOccurrences(of: "%@", with: s)) }
    XCTAssertEqual(with("With $L = 3$ blocks the cost would triple"), [])
    XCTAssertEqual(with("With $L = 3$ blocks the cost triples"), ["premise-condition 3"])
    XCTAssertEqual(with("Since $L = 3$ blocks, the cost triples"), ["premise-condition 3"])
  }

  /// A reason two rules judge at one place (the premise the problem states, the supposition
  /// turned round) is one finding; two reasons at two places are two.
  func testConditionJudgedByTwoRules_isReportedOnce() {
    let doc = """
      **Problem 1.** Suppose $\\rho < 1$ for the decay $\\rho$. Is the sum finite?

      *Solution.* Yes: since $\\rho \\ge 1$ here, each term shrinks%@.
      """
    XCTAssertEqual(premises(doc.replacingOccurrences(of: "%@", with: "")), ["premise-condition 3"])
    XCTAssertEqual(
      premises(doc.replacingOccurrences(of: "%@", with: ", and because $\\rho \\ge 1$ it ends")),
      ["premise-condition 3", "premise-condition 3"])
  }

  /// A range claimed after another equation speaks of that one: S/(K−1) is followed by
  /// K a = S_2, which holds at K = 1. Without the second equation, the claim is the first's.
  func testRangeAfterAnEquationWithoutDivisor_isThatEquations() {
    let doc = """
      **Problem 1.** For $K \\ge 2$ heads the average is $a = S/(K-1)$.%@ holds for every $K \\ge 1$.
      """
    XCTAssertEqual(
      premises(doc.replacingOccurrences(of: "%@", with: " The sum $K a = S_2$ for the total")), [])
    XCTAssertEqual(
      premises(doc.replacingOccurrences(of: "%@", with: " The average")), ["premise-condition 1"])
  }
}
