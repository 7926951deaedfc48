import XCTest

@testable import ProblemDocument

/// Readings of the phrase around a name that settle what it is (a function named by a copula,
/// a bold whole tensor, a spaced product inside an index, a count named by the noun after it),
/// each on a short document written for the test beside a look-alike on which the rule fires.
final class PhraseReadingTests: XCTestCase, SmallDocumentAudit {
  /// `$\sigma$ is the squashing function`: the phrase names a function, the role the equations
  /// give σ. Named a rate, or "a function of" something (a value), it is a scalar and clashes.
  func testCopulaNamingAFunction_givesTheFunctionRole() {
    func doc(_ phrase: String) -> String {
      """
      **Problem 1.** Here $\\sigma$ is \(phrase) $u$, and $$a[n,j] = \\sigma\\left(w[j,I]\\,u[n,I]\\right)$$

      (a) How many multiplies give $a$?
      """
    }
    let function = doc("the squashing function applied to")
    XCTAssertFalse(kinds(function).contains("role-clash"), "\(findings(function))")
    let rate = doc("the squashing rate of")
    XCTAssertTrue(kinds(rate).contains("role-clash"), "\(findings(rate))")
    let value = doc("a smooth function of")
    XCTAssertTrue(kinds(value).contains("role-clash"), "\(findings(value))")
    // "activation" and "map" name tensors in this field as often: no function role from them.
    let activation = doc("the squashing activation of")
    XCTAssertTrue(kinds(activation).contains("role-clash"), "\(findings(activation))")
  }

  /// `$\mathbf{V} = V[I,J]$`: a bold letter is the whole tensor of that letter, not a size of
  /// its own. The plain capital beside the tensor is a size and clashes with it.
  func testBoldLetter_isTheWholeTensor() {
    func doc(_ name: String) -> String {
      """
      **Problem 1.** The map is $$q[n,i] = V[i,J]\\,p[n,J]$$ where $\(name) = V[I,J]$ is the \
      mixing matrix.

      (a) How many multiplies give $q$?
      """
    }
    let bold = doc("\\mathbf{V}")
    XCTAssertFalse(kinds(bold).contains("role-clash"), "\(findings(bold))")
    let plain = doc("V")
    XCTAssertTrue(kinds(plain).contains("role-clash"), "\(findings(plain))")
  }

  /// `t + r\,\Delta T` inside an index: a thin space in a later term of a sum writes the product
  /// of the rate r and the offset. Two letters side by side with no sum (`t r`) still lack a
  /// comma.
  func testSpacedProductInAnIndexSum_isNoMissingComma() {
    func doc(_ index: String) -> String {
      """
      **Problem 1.** With rate $r \\ge 1$ and $0 \\le \\Delta t < \\Delta T$, \
      $$o[n,t] = w[\\Delta T]\\,u[n,\(index)]$$

      (a) How many multiplies give $o$?
      """
    }
    let product = doc("t+r\\,\\Delta T")
    XCTAssertFalse(kinds(product).contains("missing-comma"), "\(findings(product))")
    let adjacent = doc("t\\,r")
    XCTAssertTrue(kinds(adjacent).contains("missing-comma"), "\(findings(adjacent))")
  }

  /// `has $H$ heads`, `a grid with $P$ rows, $Q$ columns`, `Chain $m$ such blocks`: a name
  /// counting the noun after it is a size named there. The same names with no noun after them
  /// (`works on $H$`, `Chain $m$ of them`) are only mentioned, and the question's uses are
  /// undefined.
  func testNounAfterAName_countsIt() {
    let named = """
      **Problem 1.** The encoder has $H$ heads and reads a grid with $P$ rows, $Q$ columns; \
      its state is $s[n,h]$.

      (a) How does the cost grow with $H$, $P$ and $Q$?

      (b) Chain $m$ such blocks. How does the cost grow with $m$?
      """
    XCTAssertEqual(unintroduced(named), [], "\(findings(named))")
    let mentioned = """
      **Problem 1.** It works on $H$ and reads a grid. Its state is $s[n,h]$.

      (a) How does the cost grow with $H$?

      (b) Chain $m$ of them. How does the cost grow with $m$?
      """
    let found = unintroduced(mentioned)
    XCTAssertEqual(found.count, 2, "\(findings(mentioned))")
  }

  /// `with $a$ zero at the start`: a number word after a name gives it a value; it counts
  /// nothing, so the tensor a keeps its one role. `with $a$ copies` makes a a count, which
  /// clashes with the tensor.
  func testNumberWordAfterAName_isAValue() {
    func doc(_ phrase: String) -> String {
      """
      **Problem 1.** The table $a[t,s]$ is filled by $$a[t,s] = a[t-1,s]\\,g[t,s]$$ with \
      $a$ \(phrase) for $t = 0$.

      (a) How many multiplies fill $a$?
      """
    }
    let value = doc("zero at the start")
    XCTAssertFalse(kinds(value).contains("role-clash"), "\(findings(value))")
    let count = doc("copies kept")
    XCTAssertTrue(kinds(count).contains("role-clash"), "\(findings(count))")
  }

  /// `the mask $M_P$` beside thresholds `P_\ell[k]`: a capital subscript naming a family of
  /// tensors labels the mask; it is no index. The same capital in an index list is an index of
  /// the letter that names the thresholds: a clash.
  func testCapitalSubscriptNamingAFamily_isALabel() {
    func doc(_ mask: String) -> String {
      """
      **Problem 1.** With the mask $\(mask)$ and thresholds $P_\\ell[k]$, \
      $$h_{\\ell+1}[k] = c[k,\\Delta X]\\,h_\\ell[k] - P_\\ell[k]$$

      (a) How many multiplies give $h_{\\ell+1}$?
      """
    }
    let label = doc("M_P[\\Delta x]")
    XCTAssertFalse(kinds(label).contains("role-clash"), "\(findings(label))")
    let index = doc("M[P,\\Delta x]")
    XCTAssertTrue(kinds(index).contains("role-clash"), "\(findings(index))")
  }

  /// `makes $NJ$ output values, each with $I$ multiplies`: a formula followed by a noun other
  /// than multiplies counts those things, not the multiplies asked for; a sentence printing no
  /// count of multiplies compares nothing. Called multiplies, the same formula is the printed
  /// count, and it disagrees with the equation's NJI.
  func testFormulaCountingOtherThings_isNoPrintedCount() {
    func doc(_ noun: String) -> String {
      """
      **Problem 1.** The layer computes $$y[n,j] = w[j,I]\\,x[n,I]$$

      (a) How many multiplies does the layer take?

      **Solution.** The layer makes $NJ$ \(noun), each with $I$ products.
      """
    }
    let values = doc("output values")
    XCTAssertFalse(kinds(values).contains("count-disagreement"), "\(findings(values))")
    let multiplies = doc("multiplies in all")
    XCTAssertTrue(kinds(multiplies).contains("count-disagreement"), "\(findings(multiplies))")
    let fmas = doc("FMAs in all")
    XCTAssertTrue(kinds(fmas).contains("count-disagreement"), "\(findings(fmas))")
  }

  /// `(a) Log-likelihood $\ln r(x)$ …?`: a noun phrase of two words opening the item names the
  /// function applied after it, which the solution then defines. Asked with a verb phrase
  /// (`What is $\ln r(x)$`) the function is used before its definition.
  func testBareNounPhraseBeforeAnApplication_namesIt() {
    func doc(_ question: String) -> String {
      """
      **Problem 1.** The model gives $$q[n,k] = u[k,I]\\,x[n,I]$$

      (a) \(question) $\\ln r(x)$ for one input?

      **Solution.** $\\ln r(x) = q[0,0] - q[0,1]$.
      """
    }
    let named = doc("Log-likelihood")
    XCTAssertEqual(unintroduced(named), [], "\(findings(named))")
    let asked = doc("What is")
    XCTAssertFalse(unintroduced(asked).isEmpty, "\(findings(asked))")
    // Two words, but an asking verb: a request, not a name.
    let requested = doc("Now compute")
    XCTAssertFalse(unintroduced(requested).isEmpty, "\(findings(requested))")
    let state = doc("Hidden state")
    XCTAssertEqual(unintroduced(state), [], "\(findings(state))")
  }

  /// `a[t,s]`: a letter that fills a whole index position is an index there, even the letter
  /// the notation reads as a stride elsewhere (`s·x`), so `position $s$` mentions it. Where no
  /// index is s, the mention is undefined.
  func testStrideLetterFillingAnIndex_isAnIndex() {
    func doc(_ index: String) -> String {
      """
      **Problem 1.** The table is filled by $$a[t,\(index)] = a[t-1,\(index)]\\,g[t,\(index)]$$

      (a) How many multiplies fill the table up to position $s$?
      """
    }
    let index = doc("s")
    XCTAssertEqual(unintroduced(index), [], "\(findings(index))")
    let other = doc("r")
    XCTAssertFalse(unintroduced(other).isEmpty, "\(findings(other))")
  }
}
