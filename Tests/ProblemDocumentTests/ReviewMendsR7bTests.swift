import XCTest

@testable import ProblemDocument

/// Mends of the seventh review's second wave: a letter excused as a permutation only where a
/// sentence about permuting names it; a product's count judged only when it counts multiplies;
/// a term between items and total ends the pairs; a stated value judged only against the
/// formula of its own quantity; counts read over hard-wrapped lines; one report per place.
final class ReviewMendsR7bTests: XCTestCase, SmallDocumentAudit {
  /// A set with a header, a preamble line and one problem.
  private func set(_ preamble: String, _ problem: String) -> String {
    """
    # Set

    Sizes are capital letters. \(preamble)

    ---

    \(problem)
    """
  }

  /// A letter applied inside an index list is the permutation only when a sentence about
  /// permuting names it or applies it; "permut" elsewhere in the problem or the preamble does
  /// not say what it is.
  func testPermutationExcusesOnlyTheLetterItNames() {
    let layer =
      "The layer computes $Y[b,t,d] = X[b,g(t),d]$ for $B$ sequences of $T$ tokens with $D$ features."
    let named = set(
      "",
      "**Problem 1.** Let $g$ be a permutation of the tokens. \(layer)\n\n(a) Is it equivariant?")
    XCTAssertEqual(findings(named, kind: "undefined-function"), [])
    let permutes = set(
      "", "**Problem 1.** Here $g$ permutes the tokens. \(layer)\n\n(a) Is it equivariant?")
    XCTAssertEqual(findings(permutes, kind: "undefined-function"), [])
    let question = set(
      "", "**Problem 1.** \(layer)\n\n(a) Is it equivariant to permutations of the rows?")
    XCTAssertEqual(findings(question, kind: "undefined-function"), ["undefined-function 7"])
    let preamble = set(
      "Later problems permute the batch.", "**Problem 1.** \(layer)\n\n(a) Count the reads.")
    XCTAssertEqual(findings(preamble, kind: "undefined-function"), ["undefined-function 7"])
  }

  /// A product's count is judged when its unit is a multiply or no unit is named; stored
  /// weights count something else.
  func testProductCountJudgedOnlyForMultiplies() {
    func doc(_ tail: String) -> String {
      set(
        "",
        """
        **Problem 1.** A layer computes $Y[b,j] = W[j,I]X[b,I]$ for $B$ inputs with $I$ features and $J$ outputs.

        (a) Count.

        **Solution:** The product $X[b,I]W[I,j]$ needs \(tail)
        """)
    }
    XCTAssertEqual(counts(doc("$IJ$ stored weights and nothing else.")), [])
    XCTAssertEqual(
      counts(doc("$IJ$ multiplies and nothing else.")), ["count-disagreement 11"])
    XCTAssertEqual(counts(doc("$IJ$ in all.")), ["count-disagreement 11"])
    XCTAssertEqual(counts(doc("$BIJ$ multiplies and nothing else.")), [])
  }

  /// A term between the pairs and the total (`plus $BJ$ additions`) ends the pairs; with the
  /// pairs next to the total, a wrong total is still reported, once at its place.
  func testTermInBetweenEndsThePairs_andOneReportPerPlace() {
    func doc(_ solution: String) -> String {
      set(
        "",
        """
        **Problem 1.** A layer computes $Y[b,j] = W[j,I]X[b,I]$ for $B$ inputs with $I$ features and $J$ outputs.

        (a) Count the operations.

        **Solution:** \(solution)
        """)
    }
    let plus = doc(
      "There are $BJ$ outputs with $I$ multiplies each, plus $BJ$ additions of the threshold, so $BJI + BJ$ operations in total."
    )
    XCTAssertEqual(counts(plus), [])
    // A label with no size between two pairs (`the $1 \times 1$ part`) is no term.
    let labelled = doc(
      "One part makes $BJ$ values with $I$ multiplies each, and the $1 \\times 1$ part makes $B$ values with $J$ multiplies each, so together $BJI + J$."
    )
    XCTAssertEqual(counts(labelled), ["count-disagreement 11"])
    XCTAssertEqual(
      counts(labelled.replacingOccurrences(of: "$BJI + J$", with: "$BJI + BJ$")), [])
    let wrong = doc("There are $BJ$ outputs with $I$ multiplies each, so $BJ + I$ multiplies.")
      .replacingOccurrences(of: "Count the operations", with: "Count the multiplies")
    XCTAssertEqual(counts(wrong), ["count-disagreement 11"])
  }

  /// A stated value is judged against the last formula of its own quantity: a `;` and a
  /// formula of memory against a count end the reading; a wrong value of the same quantity
  /// stays a finding.
  func testStatedValueAgainstItsOwnQuantity() {
    func doc(_ solution: String) -> String {
      set(
        "",
        """
        **Problem 1.** A layer computes $Y[b,j] = W[j,I]X[b,I]$ for $B$ inputs with $I$ features and $J$ outputs.

        (a) Keep a fraction $\\kappa$ of the weights.

        **Solution:** \(solution)
        """)
    }
    let semicolon = doc(
      "The multiplies are $2\\kappa BIJ$ and the memory $\\kappa IJ$ floats; at $\\kappa = 1/2$ the count is $IJ$."
    )
    XCTAssertEqual(counts(semicolon), [])
    let comma = doc(
      "The multiplies are $2\\kappa BIJ$ and the memory $\\kappa IJ$ floats, and at $\\kappa = 1/2$ the count is $IJ$."
    )
    XCTAssertEqual(counts(comma), [])
    let wrong = doc(
      "The multiplies are $2\\kappa BIJ$ and the memory is $\\kappa IJ$ floats. At $\\kappa = 1/2$ this gives $IJ/4$ floats."
    )
    XCTAssertEqual(counts(wrong), ["count-disagreement 11"])
  }

  /// Hard-wrapped Markdown keeps the findings of the three count readings: the sentence, not
  /// the source line, bounds them; a new paragraph still ends them.
  func testCountReadingsOverWrappedLines() {
    func doc(_ solution: String) -> String {
      set(
        "",
        """
        **Problem 1.** A layer computes $Y[b,j] = W[j,I]X[b,I]$ for $B$ inputs with $I$ features and $J$ outputs.

        (a) Keep a fraction $\\kappa$ of the weights.

        **Solution:** \(solution)
        """)
    }
    let valued = doc(
      "The cost becomes $\\kappa BIJ$ multiplies.\nAt $\\kappa = 1/4$ this gives $BIJ/2$.")
    XCTAssertEqual(counts(valued), ["count-disagreement 12"])
    let apart = doc(
      "The cost becomes $\\kappa BIJ$ multiplies.\n\nAt $\\kappa = 1/4$ this gives $BIJ/2$.")
    XCTAssertEqual(counts(apart), [])
    let product = doc("The product $X[b,I]W[I,j]$ costs\n$BI$ multiplies.")
    XCTAssertEqual(counts(product), ["count-disagreement 12"])
    let items = doc("There are $BJ$ outputs with $I$ multiplies\neach, so the count is $BJ + I$.")
    XCTAssertEqual(counts(items), ["count-disagreement 12"])
  }
}

/// The one reading of a condition's tie that the comparison, subject and saving readings share.
final class ConditionTieTests: XCTestCase {
  /// "whenever" is enough, "iff" and "exactly when" the same condition, a denial or any other
  /// ending no tie.
  func testTieWords() {
    typealias E = AuditRules.EquivalentConditions
    let enough = E.conditionTie(["it", "is", "cheaper", "whenever"])
    XCTAssertEqual(enough?.link, .sufficient)
    XCTAssertEqual(enough?.rest, ["it", "is", "cheaper"])
    let same = E.conditionTie(["it", "wins", "exactly", "when"])
    XCTAssertEqual(same?.link, .equivalence)
    XCTAssertEqual(same?.rest, ["it", "wins"])
    XCTAssertEqual(E.conditionTie(["cheaper", "iff"])?.rest, ["cheaper"])
    XCTAssertNil(E.conditionTie(["it", "is", "not", "cheaper", "whenever"]))
    XCTAssertNil(E.conditionTie(["it", "is", "cheaper", "when"]))
    XCTAssertNil(E.conditionTie(["iff"]))
  }
}
