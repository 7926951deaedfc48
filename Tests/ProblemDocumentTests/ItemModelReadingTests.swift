import XCTest

@testable import ProblemDocument

/// Readings that the item model needs once problems headed only by their numbering (`### 1.`)
/// are read as problems: names the preamble introduces in forms any writer uses hold in every
/// problem, and a use that nothing introduces is still reported.
final class ItemModelReadingTests: XCTestCase, SmallDocumentAudit {

  /// A sheet whose preamble gives `entries` and whose numbered problems use Q and R.
  func sheet(_ entries: String) -> String {
    """
    # Practice sheet

    \(entries)

    ### 1. Pooling

    The pooled grid is $Z[q,r] = V[q,r,S]$. Show that the cost grows with $Q$ and with $R$.

    ### 2. Scaling

    Why does doubling $Q$ double the cost of computing $Z$?
    """
  }

  func testADefinitionListEntry_introducesItsNames() {
    let colon = sheet(
      "- $Q$: number of queries in a batch.\n- $R$, $S$: height and width of the grid.")
    XCTAssertEqual(unintroduced(colon), [])
    let dash = sheet("* $Q$ — number of queries in a batch\n* $R$ and $S$ – height and width")
    XCTAssertEqual(unintroduced(dash), [])
  }

  func testAListItemThatOnlyUsesAName_introducesNothing() {
    let uses = sheet(
      "- $Q$ grows with the batch.\n- $R$, $S$: height and width of the grid.")
    XCTAssertEqual(
      unintroduced(uses), ["undefined-name 8", "undefined-name 12"])
  }

  /// Two numbered problems, the first opening with the paragraph `lead`.
  func problem(_ lead: String) -> String {
    """
    ### 1. Storage

    \(lead)

    How many numbers does it hold?

    ### 2. Cost

    Is reading it cheap?
    """
  }

  func testAProductOfCapitalsBeforeAPluralNoun_introducesEachSize() {
    let counted = problem("A clip $V[t,x,y]$ has $T$ frames, each $X \\times Y$ pixels.")
    XCTAssertEqual(unintroduced(counted), [])
    // The same product not counting anything introduces neither letter.
    let bare = problem("A clip $V[t,x,y]$ has $T$ frames; each frame is $X \\times Y$.")
    XCTAssertEqual(
      unintroduced(bare), ["undefined-name 3", "undefined-name 3"])
  }

  func testACountAfterAndWithAModifier_introducesTheSize() {
    let counted = problem("A layer $y[b,j] = W[j,I]\\,x[b,I]$ has $I$ inputs and $J$ output units.")
    XCTAssertEqual(unintroduced(counted), [])
    let bare = problem("A layer $y[b,j] = W[j,I]\\,x[b,I]$ has $I$ inputs and $J$ of them.")
    XCTAssertEqual(unintroduced(bare), ["undefined-name 3"])
  }

  func testANameSaidToBeAnotherChanged_isIntroduced() {
    let changed = problem(
      "A sequence $a[t]$ has $T$ entries. Here $\\hat{q}$ is $a$ padded with zeros; is $\\hat{q}$ longer?"
    )
    XCTAssertEqual(unintroduced(changed), [])
    let same = problem(
      "A sequence $a[t]$ has $T$ entries. Here $\\hat{q}$ is $a$ again; is $\\hat{q}$ longer?")
    XCTAssertEqual(unintroduced(same), ["undefined-name 3"])
  }

  func testACountOpeningAClause_introducesTheSize() {
    let counted = problem("A layer $y[b,j] = W[j,I]\\,x[b,I]$ has $I$ inputs; $J$ output units.")
    XCTAssertEqual(unintroduced(counted), [])
    let bare = problem("A layer $y[b,j] = W[j,I]\\,x[b,I]$ has $I$ inputs; $J$ is large.")
    XCTAssertEqual(unintroduced(bare), ["undefined-name 3"])
  }

  /// A preamble with `model` and two numbered problems that use its weights.
  func modelSheet(_ model: String) -> String {
    """
    # Attention sheet

    The encodings $e[b,d]$ and queries $q[b,d]$ have $B$ rows and $D$ features. \(model)

    ### 1. Cost

    How many multiplies does $V^1[n,D]\\,e[b,D]$ take?

    ### 2. Reuse

    Why is $V^2[n,D]\\,q[b,D]$ cheap?
    """
  }

  func testThePreamblesDisplayedModel_introducesItsWeights() {
    let model = modelSheet(
      "The scores are\n\n$$z[b,n] = \\tanh(V^1[n,D]\\,e[b,D] + V^2[n,D]\\,q[b,D])$$")
    XCTAssertEqual(unintroduced(model), [])
    // A formula the preamble gives as an example in its prose introduces nothing.
    let example = modelSheet("Terms such as $V^1[n,D]\\,e[b,D] + V^2[n,D]\\,q[b,D]$ appear.")
    XCTAssertEqual(
      unintroduced(example), ["undefined-name 7", "undefined-name 11"])
  }

  /// Two numbered problems: the first writes `ensemble` for a net h and asks about h̄, the
  /// second asks about h̄ again.
  func averaged(_ ensemble: String) -> String {
    """
    ### 1. Averaging

    For a net $h$ with outputs $h(v)[n,k]$, the average is \(ensemble). Show that $\\bar{h}$ is linear.

    ### 2. Smoothness

    Why is $\\bar{h}$ smooth?
    """
  }

  func testAFunctionWithAnIndexedValueDefinedByAnEquation_isIntroduced() {
    let defined = averaged("$\\bar{h}(v)[n,k] = \\frac{1}{N}\\sum_{a} h(v)[a,k]$")
    XCTAssertEqual(unintroduced(defined), [])
    // The same application merely written, with no `=`, defines nothing.
    let written = averaged("$\\bar{h}(v)[n,k]$")
    XCTAssertEqual(
      unintroduced(written), ["undefined-name 3", "undefined-name 7"])
  }

  /// Two numbered problems: the first writes `layer`, the second keeps $k$ samples.
  func stackThenSamples(_ layer: String) -> String {
    """
    ### 1. Stack

    For a batch of $B$ rows and $I$ units, a stack of layers computes \(layer).

    ### 2. Sampling

    Each row keeps $k$ samples. Is the estimate unbiased?
    """
  }

  func testALetterNumberingAFamilysMembers_doesNotClashWithACount() {
    let member = stackThenSamples("$h_{k+1}[b,i] = \\tanh(h_k[b,i])$")
    XCTAssertEqual(findings(member, kind: "role-clash"), [])
    // A letter indexing a tensor's positions in one problem and counting in another clashes.
    let position = stackThenSamples("$g[b,k] = \\tanh(h[b,k])$")
    XCTAssertEqual(findings(position, kind: "role-clash"), ["role-clash 7"])
  }
}
