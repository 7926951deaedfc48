import XCTest

@testable import ProblemDocument

/// A tensor's letter set equal to a value no size takes (`D = \frac12`), or to a member of its
/// own subscripted family (`N_{2L} = N`), is the tensor's value, not a size: no role clash.
/// Each beside a look-alike setting the letter to a whole number, which a size may be.
final class TensorValueRoleTests: XCTestCase, SmallDocumentAudit {
  /// A blur whose output is evaluated at line 7 as `VALUE`.
  static func blur(_ value: String) -> String {
    """
    # Problem 1

    A blur of a map $E[b,x]$ of length $X$ computes

    $$D[b,x] = \\frac{1}{2} E[b,2x] + \\frac{1}{2} E[b,2x+1]$$

    (a) For the map that is $1$ at odd positions and $0$ at even ones, every output gives $D = \(value)$. Why?
    """
  }

  /// A fraction, with TeX's one-digit arguments, is a value of D; a whole number may be a size.
  func testFractionValue_isTheTensors() {
    XCTAssertEqual(
      findings(Self.blur("\\frac12\\cdot 1 + \\frac12\\cdot 0 = \\frac12"), kind: "role-clash"), [])
    XCTAssertEqual(findings(Self.blur("4"), kind: "role-clash"), ["role-clash 7"])
  }

  /// A normalization asked about at line 7 with the condition `CONDITION`.
  static func normalization(_ condition: String) -> String {
    """
    # Problem 1

    A layer normalizes a map $L[b,i]$ to

    $$N[b,i] = L[b,i] / (1 + S[b,i])$$

    (a) Compute $N$ for the input $2L$. (b) When is $\(condition)$?
    """
  }

  /// N set equal to its own family's member is the tensor whole; set to 2 it is a size.
  func testEqualToItsFamilyMember_isTheTensor() {
    XCTAssertEqual(findings(Self.normalization("N_{2L} = N"), kind: "role-clash"), [])
    XCTAssertEqual(findings(Self.normalization("N = 2"), kind: "role-clash"), ["role-clash 7"])
  }

  /// One-digit fraction arguments are braced; longer ones and other text are left alone.
  func testBracedFractions() {
    XCTAssertEqual(AuditRules.bracedFractions("\\frac14 + 1"), "\\frac{1}{4} + 1")
    XCTAssertEqual(AuditRules.bracedFractions("\\frac{12}{5}"), "\\frac{12}{5}")
    XCTAssertEqual(AuditRules.bracedFractions("\\frac1"), "\\frac1")
  }
}
