import XCTest

@testable import ProblemDocument

/// Count questions that write their own intermediate step, and sizes introduced with the index
/// letters that run over them. Each document has a look-alike with a wrong count that fires.
final class CountOwnStepTests: XCTestCase, SmallDocumentAudit {
  /// A question that forms an intermediate itself (`if we first form $q = …$`) asks about its
  /// problem's layer evaluated through that step, not about the step alone.
  func testQuestionsOwnStep_countsTheLayerThroughIt() {
    let right = """
      **Problem 1.** A bilinear unit maps an input $u[n,k]$ to outputs with a table $T[m,k,k']$:

      $$z[n,m] = T[m,K,K']\\,u[n,K]\\,u[n,K']$$

      (a) How many multiplies on all $N$ inputs if we first form the outer products $q[n,k,k'] = u[n,k]\\,u[n,k']$?

      **Solution:** Forming $q$ and then contracting it with $T$ takes $NK^2 + NMK^2$ multiplies.
      """
    XCTAssertEqual(counts(right), [])
    let wrong = right.replacingOccurrences(of: "$NK^2 + NMK^2$", with: "$NK^2 + NMK$")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(counts(wrong), ["count-disagreement 7"])
  }

  /// A quantity the question defines itself that is no part of a product its problem writes
  /// (`the scores are $r = …$`) is what the question asks about.
  func testQuestionsNewQuantity_isWhatItCounts() {
    let right = """
      **Problem 1.** An input $u[n,k]$ is mapped by a weight $A[m,k]$ to $z[n,m] = A[m,K]\\,u[n,K]$.

      (a) The scores are $r[n,n'] = z[n,M]\\,z[n',M]$. How many multiplies do all scores take?

      **Solution:** There are $N^2$ scores of $M$ multiplies each, so $N^2 M$ multiplies.
      """
    XCTAssertEqual(counts(right), [])
    let wrong = right.replacingOccurrences(of: "so $N^2 M$", with: "so $NMK$")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(counts(wrong), ["count-disagreement 5"])
  }

  /// A size written before the letters that index it (`$M$ cities labelled by $p$ and $q$`)
  /// is the size of each of those letters' positions.
  func testSizeIndexedByLetters_isTheirSize() {
    let right = """
      **Problem 1.** Consider $M$ cities labelled by $p$ and $q$, road weights $R[p,q]$ and city features $f[p,c]$.

      $$s[p,c] = R[p,Q]\\,f[Q,c]$$

      (a) How many multiplies does computing $s$ take?

      **Solution:** It takes $M^2 C$ multiplies.
      """
    XCTAssertEqual(counts(right), [])
    let wrong = right.replacingOccurrences(of: "$M^2 C$", with: "$M C$")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(counts(wrong), ["count-disagreement 7"])
  }
}
