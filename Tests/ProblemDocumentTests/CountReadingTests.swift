import ProblemDocument
import XCTest

/// Count questions judged against every honest reading: a printed count is a finding only when it
/// matches none, and each reading has a look-alike whose wrong count still fires.
final class CountReadingTests: XCTestCase, SmallDocumentAudit {
  /// An answer written after an answer marker in the part's own text is its solution.
  func testAnswerAfterMarker_isJudged() {
    let right = """
      **Problem 1.** A tagger scores the $W$ words of $S$ sentences with a table $T[c,d]$.

      $$u[s,w,c] = T[c,D]\\,f[s,w,D]$$

      (a) How many multiplies does scoring every word take?

      _Answer:_ $SWCD$, one dot product per class and word.
      """
    XCTAssertEqual(counts(right), [])
    let wrong = right.replacingOccurrences(of: "$SWCD$", with: "$SWD$")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(counts(wrong), ["count-disagreement 7"])
    let finding = Auditor.audit(ProblemSetDocument(text: wrong, name: "t.md"), spelling: false)
      .findings.first { $0.kind == .countDisagreement }
    XCTAssertTrue(finding?.evidence?.contains("printed") == true, "\(String(describing: finding))")
  }

  /// A layer the question only compares with (its own equation for a tensor the statement
  /// defines) is one reading; the statement's two steps are another.
  func testComparedAlternative_isAReading() {
    let right = """
      **Problem 1.** A factored layer maps $x[n,p]$ to $y[n,q]$ in two steps of width $K$:

      $$v[n,k] = A[k,P]\\,x[n,P]$$

      $$y[n,q] = \\mathrm{ReLU}\\left(C[q,K]\\,v[n,K] - \\theta[q]\\right)$$

      (a) How many multiplies? Contrast a full layer $y[n,q] = \\mathrm{ReLU}(W[q,P]\\,x[n,P] - \\theta[q])$.

      **Solution.** The two steps cost $NKP + NQK$ multiplies in all. The full layer costs $NQP$.
      """
    XCTAssertEqual(counts(right), [])
    let wrong = right.replacingOccurrences(of: "$NKP + NQK$", with: "$NKP + NK$")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(counts(wrong), ["count-disagreement 9"])
  }

  /// A normalizing division is a reading apart, and a count stated first and then split into
  /// its parts is the total.
  func testDivisionAndSplitTotal_areReadings() {
    let right = """
      **Problem 1.** A gating head reads $h[n,k]$ and gives $G$ logits and $G$ scales:

      $$a[n,g] = P[g,K]\\,h[n,K] \\qquad c[n,g] = S[g,K]\\,h[n,K]$$

      The gates are $\\pi[n,g] = \\exp(a[n,g]) / \\sum_{g'} \\exp(a[n,g'])$. How many multiplies?

      **Solution.** $2NGK$: $NGK$ for the logits and $NGK$ for the scales.
      """
    XCTAssertEqual(counts(right), [])
    let wrong = right.replacingOccurrences(
      of: "$2NGK$: $NGK$ for the logits and $NGK$", with: "$2NG$: $NG$ for the logits and $NG$")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(counts(wrong), ["count-disagreement 7"])
  }

  /// A size the solution states from others (`N = PM`) is read as stated, so a count in those
  /// sizes is decided.
  func testStatedSize_isSubstituted() {
    let right = """
      **Problem 1.** A renderer runs a layer on $N$ points with features $q[n,i]$:

      $$z[n,j] = \\mathrm{ReLU}\\left(V[j,I]\\,q[n,I] - \\beta[j]\\right)$$

      (a) With $P$ pixels and $M$ samples per pixel, how many multiplies does the layer take?

      **Solution.** There are $N = PM$ points, so the layer takes $PMJI$ multiplies.
      """
    XCTAssertEqual(counts(right), [])
    let wrong = right.replacingOccurrences(of: "$PMJI$", with: "$PMJ$")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(counts(wrong), ["count-disagreement 7"])
    // The stated size reads the same in the printed count: `NJI` is `PMJI`, `NJ` is not.
    let inN = right.replacingOccurrences(of: "$PMJI$", with: "$NJI$")
    XCTAssertNotEqual(inN, right)
    XCTAssertEqual(counts(inN), [])
    let wrongInN = right.replacingOccurrences(of: "$PMJI$", with: "$NJ$")
    XCTAssertEqual(counts(wrongInN), ["count-disagreement 7"])
  }

  /// A stated size whose substitution would expand a count past the limit is left unread: the
  /// count is then compared as written.
  func testStatedSizeExpansion_isBounded() {
    let sizes = (0..<20).map { "A_{\($0)}" }.joined(separator: "+")
    let right = """
      **Problem 1.** A layer runs on $N$ points with features $q[n,i,k,l,m,o,p,r]$:

      $$z[n,j] = V[j,I,K,L,M,O,P,R]\\,q[n,I,K,L,M,O,P,R]$$

      (a) How many multiplies does the layer take?

      **Solution.** Write $N = \(sizes)$, $I = \(sizes)$, $K = \(sizes)$, $L = \(sizes)$, \
      $M = \(sizes)$; the layer takes $NJIKLMOPR$ multiplies.
      """
    XCTAssertEqual(counts(right), [])
    let wrong = right.replacingOccurrences(of: "$NJIKLMOPR$", with: "$NJIKLMOP$")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(counts(wrong), ["count-disagreement 7"])
  }

  /// Output positions written from the input's sizes (`X − ΔX + 1`) agree in their leading
  /// terms; a dropped factor does not.
  func testValidPositions_agreeInLeadingTerms() {
    let right = """
      **Problem 1.** A local layer has a filter per position and keeps the positions where it fits.

      $$o[b,x,y,j] = U[x,y,\\Delta X,\\Delta Y,I,j]\\,v[b,x+\\Delta X,y+\\Delta Y,I]$$

      (a) How many multiplies does the layer take on the batch?

      **Solution.** It takes $B(X-\\Delta X+1)(Y-\\Delta Y+1)\\,\\Delta X\\,\\Delta Y\\,IJ$ multiplies.
      """
    XCTAssertEqual(counts(right), [])
    let wrong = right.replacingOccurrences(of: "\\,IJ$", with: "\\,I$")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(counts(wrong), ["count-disagreement 7"])
  }

  /// A letter applied to a parenthesized sum is also read as a function of it.
  func testLetterBeforeSum_readAsFunction() {
    let right = """
      **Problem 1.** A cell updates from $s[n,k]$ and a code $e[n,v]$, with $\\psi$ its activation:

      $$r[n,j] = \\psi\\left(A[j,K]\\,s[n,K] + E[j,V]\\,e[n,V]\\right)$$

      (a) How many multiplies does one update take?

      **Solution.** $NJ(K+V)$ multiplies.
      """
    XCTAssertEqual(counts(right), [])
    let wrong = right.replacingOccurrences(of: "$NJ(K+V)$", with: "$NJKV$")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(counts(wrong), ["count-disagreement 7"])
  }

  /// A count of several terms applied a number of times the question names (`T` steps) agrees
  /// when every term is multiplied; a multiplier on one term only does not.
  func testStepsTimesSeveralTerms_isApplications() {
    let right = """
      **Problem 1.** A cell maps $x[n,k]$ to $s[n,j]$ and scales it by a gate $g[n]$:

      $$s[n,j] = A[j,K]\\,x[n,K] \\qquad u[n,j] = g[n]\\,s[n,j]$$

      (a) How many multiplies do $T$ steps of the cell take?

      **Solution.** Each step costs $NJK + NJ$, so the steps cost $T(NJK + NJ)$.
      """
    XCTAssertEqual(counts(right), [])
    let wrong = right.replacingOccurrences(of: "$T(NJK + NJ)$", with: "$TNJK + NJ$")
    XCTAssertNotEqual(wrong, right)
    XCTAssertEqual(counts(wrong), ["count-disagreement 7"])
  }

  /// A count written in sizes none of the equations counts, two or more of them (`W_a`, `W_b`
  /// widths where the equations write K and J), is not decided; one unbound letter still is.
  func testOtherVocabularyOfSizes_isNotDecided() {
    let other = """
      **Problem 1.** A stem narrows $x[n,i]$ to $h[n,k]$ and widens it to $y[n,j]$:

      $$h[n,k] = A[k,I]\\,x[n,I] \\qquad y[n,j] = C[j,K]\\,h[n,K]$$

      (a) How many multiplies does the stem take, with widths $W_a$ and $W_b$?

      **Solution.** It takes $NIW_a + NW_aW_b$ multiplies.
      """
    XCTAssertEqual(counts(other), [])
    let unbound = other.replacingOccurrences(of: "$NIW_a + NW_aW_b$", with: "$NIM + NMJ$")
    XCTAssertNotEqual(unbound, other)
    XCTAssertEqual(counts(unbound), ["count-disagreement 7"])
  }
}
