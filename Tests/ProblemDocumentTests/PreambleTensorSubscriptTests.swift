import XCTest

@testable import ProblemDocument

/// A tensor the preamble introduces without a subscript (`v[n,t,e]`) is one tensor of its own in
/// every problem: a later variant of it (`v_π`, the output for reordered tokens) does not make a
/// plain use of it a member that misses its subscript.
final class PreambleTensorSubscriptTests: XCTestCase, SmallDocumentAudit {
  func notes(_ output: String) -> String {
    """
    # Notes

    Setup: tokens $u[n,t,e]$, weights $A[n,t,t']$, and the output is \
    $\(output)[n,t,e]=A[n,t,T']\\,u[n,T',e]$.

    ### Q1. Order of tokens

    (a) Let $\\pi$ reorder the positions and $u_\\pi[n,t,e]=u[n,\\pi(t),e]$. What output does \
    $u_\\pi$ give?

    > Each output row follows its token, so $v_\\pi[n,t,e]=v[n,\\pi(t),e]$.

    (b) Does the mean $m[n,e]=\\frac1T\\sum_{t}v[n,t,e]$ depend on the order?
    """
  }

  /// The preamble introduces v: its plain use in a later question is that tensor.
  func testPlainTensorOfThePreamble_needsNoSubscript() {
    XCTAssertEqual(findings(notes("v"), kind: "missing-subscript"), [])
  }

  /// The preamble names another output: plain v after v_π still misses its subscript.
  func testPlainNameNeverIntroduced_stillMissesItsSubscript() {
    XCTAssertEqual(findings(notes("z"), kind: "missing-subscript"), ["missing-subscript 11"])
  }
}

/// The field's name of a norm (`$\ell_1$`) written right before a noun of measure says what it
/// is; the same name written alone, with no such noun, is a letter the set must introduce.
final class NormNameReadingTests: XCTestCase, SmallDocumentAudit {
  func score(_ words: String) -> String {
    """
    **Problem 1.** A ranking score is the $\\ell_1$\(words) each kernel, $s[j] = \\sum_{i} W[j,i]$ \
    for weights $W[j,i]$.

    (a) When does the $\\ell_1$ score mislead?
    """
  }

  /// `the $\ell_1$ norm of`: a norm named by the field's notation.
  func testNormNameBeforeNorm_isKnown() {
    XCTAssertEqual(unintroduced(score(" norm of")), [])
  }

  /// `the $\ell_1$ of`: no noun of measure follows, so the name is undefined.
  func testNormNameAlone_isUndefined() {
    XCTAssertEqual(unintroduced(score(" of")), ["undefined-name 1"])
  }
}

/// A lone letter held to a sign by a clause opened with "with" (`$cX$ with $c > 0$`) is
/// introduced by that condition; the same letter with no condition stays undefined.
final class ConditionIntroducedLetterTests: XCTestCase, SmallDocumentAudit {
  func scaled(_ clause: String) -> String {
    """
    **Problem 1.** A unit computes $Z[n,k] = \\mathrm{ReLU}(M[k,I]U[n,I])$ for inputs $U[n,i]$ and \
    weights $M[k,i]$.

    (a) What becomes of $Z$ once $U$ is replaced by $aU$\(clause)?
    """
  }

  /// `with $a > 0$`: the condition introduces a.
  func testLetterHeldToASign_isIntroduced() {
    XCTAssertEqual(unintroduced(scaled(" with $a > 0$")), [])
  }

  /// No condition: a is never introduced.
  func testLetterWithoutCondition_isUndefined() {
    XCTAssertEqual(unintroduced(scaled("")), ["undefined-name 3"])
  }
}
