import Answers
import IndexNotation
import XCTest

@testable import ProblemDocument

/// Readings decided by the shape of the text, each shown on a small document written for the
/// test beside a look-alike on which the rule must not fire.
final class StructuralReadingTests: XCTestCase, SmallDocumentAudit {
  /// A subscript letter that names a tensor of the set labels which parameter is meant; a
  /// letter used as a bracket index and as a tensor in two problems still clashes.
  func testSubscriptNamingATensor_isALabel_notAnIndex() {
    let labels = """
      **Problem 1.** A cell keeps a forget signal $f[n,k]$ and an output $o[n,k]$:

      $$f[n,k] = \\sigma\\left(A_f[k,M]\\,u[n,M] - c_f[k]\\right)$$

      $$o[n,k] = \\sigma\\left(A_o[k,M]\\,u[n,M] - c_o[k]\\right)\\,f[n,k]$$

      (a) Which signals multiply?

      **Problem 2.** Reuse the forget signal $f[n,k]$ of problem 1. (a) Is it bounded?
      """
    XCTAssertFalse(kinds(labels).contains("role-clash"), "\(findings(labels))")
    let clash = """
      **Problem 1.** The layer is $$q[n,f] = A[f,M]\\,u[n,M]$$ (a) What is its size?

      **Problem 2.** A signal $f[n,k] = \\sigma\\left(u[n,k]\\right)$ is kept. (a) Is it bounded?
      """
    XCTAssertTrue(kinds(clash).contains("role-clash"), "\(findings(clash))")
  }

  /// A noun phrase right before a lone name names it (`the penalty $\Omega$`); after a verb the
  /// name is only mentioned, and a question using it finds it never introduced.
  func testNounPhraseBeforeALoneName_introducesIt() {
    let named = """
      **Problem 1.** A network is trained by lowering the penalty $\\Omega$ over its weights.

      (a) Is $\\Omega$ convex in the weights?
      """
    XCTAssertEqual(unintroduced(named), [], "\(findings(named))")
    let verb = """
      **Problem 1.** A network is trained by lowering $\\Omega$ over its weights.

      (a) Is $\\Omega$ convex in the weights?
      """
    XCTAssertFalse(unintroduced(verb).isEmpty, "\(findings(verb))")
  }

  /// `the $N_q$ query vectors`: a capital counting a modified plural noun is introduced there;
  /// with a singular noun after the modifier it is not.
  func testCapitalBeforeModifiedPlural_isASize() {
    let counted = """
      The matrix $A[q,i]$ has a row for each of the $N_q$ query vectors.

      **Problem 1.** (a) How many multiplies does $A[q,I]\\,A[q,I]$ take, in terms of $N_q$?
      """
    XCTAssertEqual(unintroduced(counted), [], "\(findings(counted))")
    let singular = """
      The matrix $A[q,i]$ has a row for the $N_q$ query vector.

      **Problem 1.** (a) How many multiplies does $A[q,I]\\,A[q,I]$ take, in terms of $N_q$?
      """
    XCTAssertFalse(unintroduced(singular).isEmpty, "\(findings(singular))")
  }

  /// `\mathrm{MSE}` is one upright word, not the letters M, S, E; a single upright letter is
  /// still a letter.
  func testUprightWord_isOneName() {
    XCTAssertEqual(
      FragmentReader.identifiers(
        try AnswerParser.expression("\\mathrm{MSE}"),
        "\\mathrm{MSE}"), [])
    let word = """
      **Problem 1.** (a) For which inputs is $\\mathrm{MSE}$ smallest?
      """
    XCTAssertEqual(unintroduced(word), [], "\(findings(word))")
    let letter = """
      **Problem 1.** (a) For which inputs is $\\mathrm{Q}$ smallest?
      """
    XCTAssertFalse(unintroduced(letter).isEmpty, "\(findings(letter))")
  }

  /// `g(u) = …` beside other definitions defines g; g applied where nothing defines it is a
  /// function nobody explained.
  func testAppliedLetterOnTheLeft_isDefined() {
    let defined = """
      **Problem 1.** Take $\\rho_k = \\frac{g(k)}{g(1)}, \\qquad g(u) = \\cos^2\\left(u\\right)$.

      (a) Is $\\rho_k$ decreasing?
      """
    XCTAssertFalse(kinds(defined).contains("undefined-function"), "\(findings(defined))")
    let applied = """
      **Problem 1.** Take $\\rho_k = \\frac{g(k)}{g(1)}, \\qquad c = \\cos^2\\left(u\\right)$.

      (a) Is $\\rho_k$ decreasing?
      """
    XCTAssertTrue(kinds(applied).contains("undefined-function"), "\(findings(applied))")
    XCTAssertEqual(DocumentSymbols.definedAppliedLetters(in: "a = g(1), \\qquad g(u) = u"), [17])
    XCTAssertEqual(DocumentSymbols.definedAppliedLetters(in: "a = g(1) + g(u)"), [])
  }

  /// A scalar defined with a one-letter subscript (`\kappa_m = …`) names a family: `\kappa_M`
  /// is a member. A decorated `\tilde{\kappa}_M` is another name, never defined.
  func testScalarFamily_definedOnceForEveryMember() {
    let member = """
      We set $\\kappa_m = \\prod_{r \\le m} c_r$ for the running product.

      **Problem 1.** (a) Is $\\kappa_M$ small when every $c_r$ is below one?
      """
    XCTAssertFalse(kinds(member).contains("undefined-name"), "\(findings(member))")
    let decorated = """
      We set $\\kappa_m = \\prod_{r \\le m} c_r$ for the running product.

      **Problem 1.** (a) Is $\\tilde{\\kappa}_M$ small when every $c_r$ is below one?
      """
    XCTAssertTrue(kinds(decorated).contains("undefined-name"), "\(findings(decorated))")
  }

  /// A letter written in a tensor's subscript (`u_m[I]`) fixes the equation's step: P[m,j] may
  /// use it on the right alone. A letter that stands nowhere in a subscript still has to.
  func testSubscriptLetter_isAParameterOfTheEquation() {
    let parameter = """
      Here $m$ counts steps.

      **Problem 1.** The step is

      $$y[j] = V[j,I]\\,u_m[I] + P[m,j]$$

      (a) How many multiplies?
      """
    XCTAssertFalse(kinds(parameter).contains("free-index-one-side"), "\(findings(parameter))")
    let free = """
      Here $m$ counts steps.

      **Problem 1.** The step is

      $$y[j] = V[j,I]\\,u[I] + P[m,j]$$

      (a) How many multiplies?
      """
    XCTAssertTrue(kinds(free).contains("free-index-one-side"), "\(findings(free))")
  }

  /// A Greek letter with a subscript and no index list is a scalar (`\eta_k`); a Latin one is a
  /// tensor missing its indices.
  func testGreekWithSubscript_readsAsScalar() {
    guard case .equations = FragmentReader.content("v[i] = \\eta_k\\,g[i]") else {
      return XCTFail("a subscripted Greek coefficient should read")
    }
    guard case .unreadable = FragmentReader.content("v[i] = G_k\\,g[i]") else {
      return XCTFail("a subscripted Latin tensor without indices should not read")
    }
  }

  /// A decorated name on a model's right side is not introduced by the model: it needs its own
  /// definition. The plain name is a parameter the model introduces.
  func testDecoratedNameOnAModelsRightSide_needsADefinition() {
    let plain = """
      **Problem 1.** The update is $$v[i] = \\mu\\,u[i] + g[i]$$ with $u[i]$ and $g[i]$.

      (a) Is it linear in $u$?
      """
    XCTAssertFalse(kinds(plain).contains("undefined-name"), "\(findings(plain))")
    let decorated = """
      **Problem 1.** The update is $$v[i] = \\hat{\\mu}\\,u[i] + g[i]$$ with $u[i]$ and $g[i]$.

      (a) Is it linear in $u$?
      """
    XCTAssertTrue(kinds(decorated).contains("undefined-name"), "\(findings(decorated))")
  }

  /// `c = \sigma(…)` defines the lone letter c by a formula, so a tensor c of the same problem
  /// clashes with it; `c = 0` only gives the tensor a value.
  func testLoneLetterDefinedByFormula_clashesWithATensor() {
    let formula = """
      **Problem 1.** The gate is $c[n,k]$. (a) Write $c = \\sigma(u[n,k] v[n,k])$; is it positive?
      """
    XCTAssertTrue(kinds(formula).contains("role-clash"), "\(findings(formula))")
    let value = """
      **Problem 1.** The gate is $c[n,k]$. (a) When $c = 0$, is the output zero?
      """
    XCTAssertFalse(kinds(value).contains("role-clash"), "\(findings(value))")
    XCTAssertTrue(DocumentSymbols.definesByFormula("c = \\sigma(u)", lhsOffset: 0, lhsLength: 1))
    XCTAssertFalse(DocumentSymbols.definesByFormula("c = \\frac{1}{2}", lhsOffset: 0, lhsLength: 1))
  }

  /// A one-letter capital index is a summed dummy: `h[t,K]` beside `h[t,j]` renames it. Two
  /// lowercase letters at one position (`h[t,k]`, `h[t,j]`) are two spellings.
  func testCapitalDummy_versusLowercaseRenaming() {
    let dummy = """
      **Problem 1.** The state is $h[t,j]$ and the product $A[j,K]\\,h[t,K]$ mixes it.

      (a) How many multiplies?
      """
    XCTAssertFalse(kinds(dummy).contains("index-lists"), "\(findings(dummy))")
    let renamed = """
      **Problem 1.** The state is $h[t,j]$ and the product $A[j,k]\\,h[t,k]$ mixes it.

      (a) How many multiplies?
      """
    XCTAssertTrue(kinds(renamed).contains("index-lists"), "\(findings(renamed))")
  }

  /// A single letter an equation binds may differ from a prose mention of the same tensor; a
  /// written-out name at that position (`n_{\text{out}}`) is still a second spelling.
  func testEquationBoundLetter_versusProseMention() {
    let bound = """
      **Problem 1.** The state is $h[t,j]$ and the copy is

      $$y[t,k] = h[t,k]$$

      (a) How many multiplies?
      """
    XCTAssertFalse(kinds(bound).contains("index-lists"), "\(findings(bound))")
    let named = """
      **Problem 1.** The state is $h[t,j]$ and the copy is

      $$y[t,k] = h[t,n_{\\text{out}}]$$

      (a) How many multiplies?
      """
    XCTAssertTrue(kinds(named).contains("index-lists"), "\(findings(named))")
  }
}
