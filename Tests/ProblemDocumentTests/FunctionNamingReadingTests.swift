import Foundation
import ProblemDocument
import XCTest

/// How prose gives a letter the function role its equations apply it in: a noun phrase ending in
/// a function noun before it, a copula naming a function after it, a mention in passing with no
/// copula. A tensor of the same letter, or a copula naming a value, still clashes.
final class FunctionNamingReadingTests: XCTestCase, SmallDocumentAudit {
  /// `the squashing function $\phi$`: a function, as its application says. The same letter also
  /// defined as a tensor clashes with the function.
  func testFunctionNounBeforeALetter_givesTheFunctionRole() {
    let statement =
      "**Problem 1.** Each unit passes its input through the squashing function $\\phi$: "
      + "$$a[n,j] = \\phi\\left(w[j,I]\\,u[n,I]\\right)$$"
    let question = "\n\n(a) How many multiplies give $a$?\n"
    let named = statement + question
    XCTAssertFalse(kinds(named).contains("role-clash"), "\(findings(named))")
    let tensor = statement + " and the gain is $$\\phi[n,j] = a[n,j]\\,u[n,j]$$" + question
    XCTAssertTrue(findings(tensor).contains("role-clash 1"), "\(findings(tensor))")
  }

  /// `$$y = G(…)$$ where $G$ is the unit step function`: the capital applied is that function,
  /// not a scalar factor. Written as a tensor too, it clashes.
  func testCapitalAppliedAndNamedAFunction_isThatFunction() {
    let statement =
      "**Problem 1.** A unit fires when its drive crosses the bar: "
      + "$$y[n,j] = G(w[j,I]\\,u[n,I] - c[j])$$ where $G$ is the unit step function"
    let question = ".\n\n(a) How many multiplies give $y$?\n"
    let named = statement + question
    XCTAssertFalse(kinds(named).contains("role-clash"), "\(findings(named))")
    let tensor = statement + ", and the gate is $$G[n,j] = y[n,j]\\,c[j]$$" + question
    XCTAssertTrue(findings(tensor).contains("role-clash 1"), "\(findings(tensor))")
  }

  /// `With $\sigma$ the identity, …`: a letter mentioned in passing is the function the
  /// equations apply. `$\sigma$ is the noise scale` says it is a value: that clashes.
  func testLetterMentionedInPassing_keepsItsAppliedRole() {
    func doc(_ question: String) -> String {
      "**Problem 1.** The response is $$a[n,j] = \\sigma\\left(w[j,I]\\,u[n,I]\\right)$$\n\n"
        + "(a) \(question) How many multiplies give $a$?\n"
    }
    let passing = doc("With $\\sigma$ the identity,")
    XCTAssertFalse(kinds(passing).contains("role-clash"), "\(findings(passing))")
    let value = doc("Here $\\sigma$ is the noise scale.")
    XCTAssertTrue(findings(value).contains("role-clash 3"), "\(findings(value))")
  }

  /// `$\sigma$ (the logistic function)`: a parenthetical gloss names a function as an appositive
  /// does; `(the noise level)` names a value, which clashes with the application.
  func testParentheticalGloss_namesAFunction() {
    func doc(_ gloss: String) -> String {
      "**Problem 1.** The gate squashes its drive inside the nonlinear stage $\\sigma$ "
        + "(\(gloss)): "
        + "$$z[n,j] = \\sigma\\left(v[j,I]\\,u[n,I]\\right)$$\n\n(a) How many multiplies give $z$?\n"
    }
    let function = doc("the logistic function")
    XCTAssertFalse(kinds(function).contains("role-clash"), "\(findings(function))")
    let level = doc("the noise level")
    XCTAssertTrue(kinds(level).contains("role-clash"), "\(findings(level))")
  }
}
