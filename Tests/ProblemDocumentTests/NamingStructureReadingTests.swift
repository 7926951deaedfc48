import Foundation
import ProblemDocument
import XCTest

/// Structures of English and of notation that name a tensor or settle a letter's role: a
/// possessive or demonstrative determiner, a verb's plural object, a vector-form equation, an
/// index used as a number, a glossed or standard function. Each beside a look-alike that
/// names nothing and still raises its finding.
final class NamingStructureReadingTests: XCTestCase, SmallDocumentAudit {
  func has(_ kind: String, _ text: String) -> Bool { kinds(text).contains(kind) }

  /// A statement that never writes e; only the question's prose can introduce it.
  func probe(_ clause: String) -> String {
    """
    **Problem 1.** A reader weighs each item of a set:

    $$r[m] = \\mathrm{tanh}(G[K]\\,w[m,K])$$

    where $M$ and $K$ are the number of possible values of $m$ and $k$.

    (a) We claim that \(clause) the reading is unchanged when the items are permuted. Why?
    """
  }

  /// `when your sample is $e[m,k]$`: a possessive opens the noun phrase the copula names.
  func testPossessiveBeforeACopula_introducesTheTensor() {
    let named = probe("when your sample is $e[m,k]$,")
    XCTAssertFalse(has("undefined-name", named), "\(findings(named))")
    let bare = probe("once $e[m,k]$ is fixed,")
    XCTAssertTrue(has("undefined-name", bare), "\(findings(bare))")
  }

  /// `a large trained encoder emits vectors $e[m,k]$`: a verb's plural object names the tensor
  /// after it; `emits $e[m,k]$` (no noun, no determiner near) names nothing.
  func testPluralObjectOfAVerb_introducesTheTensor() {
    let named = probe("once a large trained encoder emits vectors $e[m,k]$,")
    XCTAssertFalse(has("undefined-name", named), "\(findings(named))")
    let bare = probe("once a large trained encoder emits $e[m,k]$,")
    XCTAssertTrue(has("undefined-name", bare), "\(findings(bare))")
  }

  /// `we call those widths $X_2$ and $Y_2$`: a demonstrative opens a naming noun phrase.
  func testDemonstrativeNounPhrase_introducesTheNames() {
    func doc(_ naming: String) -> String {
      "**Problem 1.** The first stage makes maps of width $X - 2$ and height $Y - 2$; "
        + "\(naming) $X_2$ and $Y_2$. The second stage reads $m[n,x,y]$ for $x < X_2$ and "
        + "$y < Y_2$.\n\n(a) How many values does the second stage read?\n"
    }
    let named = doc("we call those widths")
    XCTAssertEqual(unintroduced(named), [], "\(findings(named))")
    XCTAssertEqual(unintroduced(doc("we then read")).count, 2)
  }

  /// `q = \mathrm{tanh}(\bar{V}u)`: a vector-form equation names the tensors q and u by their
  /// letters. With an index bracket it is not vector form, and a bare q clashes with the tensor.
  func testVectorFormEquation_namesTensorsByTheirLetters() {
    func doc(_ form: String) -> String {
      "**Problem 1.** The layer maps inputs $u[n,i]$ to outputs "
        + "$q[n,j] = \\mathrm{tanh}(V[j,I]\\,u[n,I])$ with weights $V[j,i]$.\n\n"
        + "(a) How many multiplies give $q$? \(form) for one example.\n"
    }
    let vector = doc("In vector form $q = \\mathrm{tanh}(\\bar{V}u)$")
    XCTAssertFalse(has("role-clash", vector), "\(findings(vector))")
    let scalar = doc("Take $q = \\mathrm{tanh}(\\bar{V}[j,I])$")
    XCTAssertTrue(findings(scalar).contains("role-clash 3"), "\(findings(scalar))")
  }

  /// `c[t,m] = \cos(ρ[m]\,t)`: the left index t is used on the right as a number, so it is on
  /// both sides; `\cos(ρ[m])` leaves t on the left only.
  func testLeftIndexUsedAsANumber_isOnBothSides() {
    func doc(_ argument: String) -> String {
      "**Problem 1.** With rates $\\rho[m]$ we set $c[t,m] = \\cos(\(argument))$ for each "
        + "step $t$.\n\n(a) How many multiplies give $c$?\n"
    }
    let number = doc("\\rho[m]\\,t")
    XCTAssertFalse(has("free-index-one-side", number), "\(findings(number))")
    let missing = doc("\\rho[m]")
    XCTAssertTrue(findings(missing).contains("free-index-one-side 1"), "\(findings(missing))")
  }

  /// `\mathrm{relu}` is ReLU written in lower case; an unknown name (`rectify`) still asks
  /// which function it is.
  func testStandardFunctionInLowerCase_isKnown() {
    func doc(_ name: String) -> String {
      "**Problem 1.** The block computes $h[n,j] = \\mathrm{\(name)}(A[j,I]\\,x[n,I])$ on "
        + "inputs $x[n,i]$.\n\n(a) How many multiplies give $h$?\n"
    }
    XCTAssertFalse(has("undefined-function", doc("relu")), "\(findings(doc("relu")))")
    XCTAssertTrue(has("undefined-function", doc("rectify")), "\(findings(doc("rectify")))")
  }

  /// `$\mathrm{ng}(\cdot)$ = no-gradient: …`: a gloss after the application names the
  /// function; without it the function is unexplained.
  func testFunctionGlossedAfterItsFragment_isNamed() {
    func doc(_ first: String) -> String {
      "**Problem 1.** Notation:\n\n1. \(first)\n2. The target is "
        + "$t[n,i] = \\mathrm{ng}(x[n,i]) + d[n,i]$ for inputs $x[n,i]$ and offsets $d[n,i]$.\n\n"
        + "(a) How many multiplies give $t$?\n"
    }
    let glossed = doc("$\\mathrm{ng}(\\cdot)$ = no-gradient: passes values, blocks derivatives.")
    XCTAssertFalse(has("undefined-function", glossed), "\(findings(glossed))")
    let silent = doc("Nothing else is assumed.")
    XCTAssertTrue(has("undefined-function", silent), "\(findings(silent))")
  }

  /// `$N$, $D$ = batch size, code width` and `e[n,D]\,e[n,D]`: a size that is also a summed
  /// capital index is the convention. The clash is where D becomes a tensor, and there only.
  func testSizeAndSummedCapital_clashOnlyWithATensor() {
    func doc(_ second: String) -> String {
      "**Problem 1.** A probe reads codes $e[n,d]$, where $N$, $D$ = batch size, code width. "
        + "The energy is $$h[n] = e[n,D]\\,e[n,D]$$\n\n(a) How many multiplies give $h$?\n\n"
        + "(b) \(second)\n"
    }
    let tensor = doc("Let $$D[n,j] = h[n]\\,e[n,j]$$ be the scaled code. How many multiplies?")
    XCTAssertEqual(findings(tensor).filter { $0.hasPrefix("role-clash") }, ["role-clash 5"])
    let sizeOnly = doc("How many additions give $h$?")
    XCTAssertFalse(has("role-clash", sizeOnly), "\(findings(sizeOnly))")
  }

  /// `$M$ anchor vectors $Z[m,i]$`: a plural noun of the field's arrays names the tensor after
  /// it; `$M$ anchors $Z[m,i]$` names nothing, and Z stays never introduced.
  func testArrayPlural_introducesTheTensor() {
    func undefinedZ(_ noun: String) -> Bool {
      let text =
        "**Problem 1.** Inputs $x[n,i]$ are compared with anchors, where $N$ and $I$ are the "
        + "number of possible values of $n$ and $i$. We choose $M$ \(noun) $Z[m,i]$ and let "
        + "$Q[m,n] = g(Z[m,I], x[n,I])$ denote the similarity, for a fixed kernel $g$.\n\n"
        + "(a) How many entries does $Q$ have?\n"
      return Auditor.audit(ProblemSetDocument(text: text, name: "t.md"), spelling: false)
        .findings.contains { $0.kind == .undefinedName && $0.message.hasPrefix("Z ") }
    }
    XCTAssertFalse(undefinedZ("anchor vectors"))
    XCTAssertTrue(undefinedZ("anchors"))
  }

  /// `J(I+2)` multiplies sizes; `F(u)` applies a capital letter that nothing explains, which is
  /// still reported (as a name never introduced).
  func testCapitalAppliedToSizes_isAProduct() {
    func doc(_ applied: String) -> String {
      "**Problem 1.** A layer maps $x[n,i]$ to $h[n,j] = A[j,I]\\,x[n,I]$ with $u = 2$, where "
        + "$N, I, J$ are the number of possible values of $n, i, j$.\n\n"
        + "(a) Its cost per item is $\(applied)$. Why?\n"
    }
    XCTAssertFalse(has("undefined-function", doc("J(I+2)")), "\(findings(doc("J(I+2)")))")
    XCTAssertFalse(
      has("undefined-function", doc("J(\\Delta I - 1)")), "\(findings(doc("J(\\Delta I - 1)")))")
    let call = doc("F(u)")
    XCTAssertTrue(
      has("undefined-function", call) || !unintroduced(call).isEmpty, "\(findings(call))")
    XCTAssertEqual(unintroduced(doc("J(I+2)")), [], "\(findings(doc("J(I+2)")))")
  }
}
