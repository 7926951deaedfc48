import XCTest

@testable import ProblemDocument

/// Defects shown by a document's structure, each on a small document written for the test beside
/// a look-alike on which the rule must stay silent.
final class StructureRuleTests: XCTestCase {
  func findings(_ text: String) -> [String] {
    Auditor.audit(ProblemSetDocument(text: text, name: "t.md"), spelling: false)
      .findings.map { "\($0.kind.rawValue) \($0.location.line)" }
  }

  /// The lines of one rule's findings, the rule run alone.
  func lines(_ rule: some AuditRule, _ text: String) throws -> [Int] {
    let reading = Auditor.reading(ProblemSetDocument(text: text, name: "t.md"), spelling: false)
    return try rule.findings(in: reading).map(\.location.line)
  }

  /// `A[m,k]`, then `A[k,M]`: two positions exchanged. The same order with a summed capital, and
  /// an exchange of two letters of one range (`S[t,t′]`, `S[t′,t]`), are not findings.
  func testExchangedPositions_areAnIndexListFinding() throws {
    let exchanged = """
      **Problem 1.** A dense map with weights $A[m,k]$ turns features $u[n,k]$ into scores
      $v[n,m]$, for $N$ examples, $K$ inputs and $M$ outputs: $$v[n,m] = A[m,K]\\,u[n,K]$$

      (a) Write the signal sent back to the features from errors $e[n,m]$:

      $$r[n,k] = A[k,M]\\,e[n,M]$$
      """
    XCTAssertTrue(findings(exchanged).contains("index-lists 6"), "\(findings(exchanged))")
    let ordered = exchanged.replacingOccurrences(of: "A[k,M]", with: "A[M,k]")
    // The exchange is this rule's own finding (the index-lists rule is silent here).
    XCTAssertEqual(try lines(AuditRules.SwappedPositions(), exchanged), [6])
    XCTAssertEqual(try lines(AuditRules.IndexLists(), exchanged), [])
    XCTAssertEqual(try lines(AuditRules.SwappedPositions(), ordered), [])
    XCTAssertFalse(
      findings(ordered).contains { $0.hasPrefix("index-lists") }, "\(findings(ordered))")
    let oneRange = """
      **Problem 1.** Scores $S[t,t']$ compare step $t$ with step $t'$ over $T$ steps:
      $$S[t,t'] = q[t,J]\\,q[t',J]$$

      (a) Show that $S[t',t] = S[t,t']$.
      """
    XCTAssertFalse(
      findings(oneRange).contains { $0.hasPrefix("index-lists") }, "\(findings(oneRange))")
  }

  /// In a solution, a layer family written without ℓ inside a product over ℓ is missing its
  /// subscript; the plain name in a derivative, or in a product over another letter, is not.
  func testFamilyInsideAProductOverTheLayers_needsItsSubscript() {
    func doc(_ solution: String) -> String {
      """
      **Problem 1.** Layer $\\ell$ scales its input by a gate: $$z_{\\ell+1}[n,k] =
      a_\\ell[n,k]\\,z_\\ell[n,k]$$ with $a_\\ell[n,k] \\in (0,1)$, for $N$ examples and $K$ units.

      (a) How does the last layer depend on the first?

      **Solution.** \(solution)
      """
    }
    let bound = doc("$$z_L[n,k] = z_0[n,k]\\prod_{\\ell=0}^{L-1} a[n,k]$$")
    XCTAssertTrue(findings(bound).contains("missing-subscript 6"), "\(findings(bound))")
    let derivative = doc("Each factor is $\\partial z_{\\ell+1}[n,k]/\\partial a[n,k]$.")
    XCTAssertFalse(
      findings(derivative).contains { $0.hasPrefix("missing-subscript") },
      "\(findings(derivative))")
    let otherLetter = doc("$$z_L[n,k] = z_0[n,k]\\prod_{m=0}^{L-1} a_m[n,k]$$")
    XCTAssertFalse(
      findings(otherLetter).contains { $0.hasPrefix("missing-subscript") },
      "\(findings(otherLetter))")
  }

  /// `(1/T) r_t[n,k]`: the average's letter t is free on the right only; with `\sum_t` it is
  /// bound, and a subscript the left side carries too is a recursion, not a finding.
  func testSubscriptLetterFreeBesideItsRange_isAFreeIndex() {
    let free = """
      **Problem 1.** A reader returns $r_t[n,k]$ at each of $T$ steps for $N$ inputs.

      (a) Write the mean read: $$m[n,k] = \\frac{1}{T}\\,r_t[n,k]$$
      """
    XCTAssertTrue(findings(free).contains("free-index-one-side 3"), "\(findings(free))")
    let bound = free.replacingOccurrences(of: "\\,r_t", with: "\\sum_{t}r_t")
    XCTAssertFalse(
      findings(bound).contains { $0.hasPrefix("free-index-one-side") }, "\(findings(bound))")
    let recursion = """
      **Problem 1.** A reader returns $r_t[n,k]$ at each of $T$ steps for $N$ inputs.

      (a) Write the running mean: $$m_t[n,k] = \\frac{1}{T}\\,r_t[n,k] + m_{t-1}[n,k]$$
      """
    XCTAssertFalse(
      findings(recursion).contains { $0.hasPrefix("free-index-one-side") },
      "\(findings(recursion))")
  }

  /// A `$` left open at the end of a list item is unclosed there: it does not pair with the next
  /// item's `$`, whose own math still reads.
  func testDollarOpenAtAListItemsEnd_isUnclosedThere() {
    let open = """
      **Problem 1.** Notation:

      - the state $s[n,k] \\ge 0 holds one value per unit
      - the weights $A[k,j]$ mix the units

      (a) Is $A[k,J]\\,s[n,J]$ bounded?
      """
    XCTAssertTrue(findings(open).contains("unclosed-math 3"), "\(findings(open))")
    let closed = open.replacingOccurrences(of: "\\ge 0 holds", with: "\\ge 0$ holds")
    XCTAssertFalse(
      findings(closed).contains { $0.hasPrefix("unclosed-math") }, "\(findings(closed))")
  }

  /// `q̂[n] = N` states a condition on an accented name that nothing defines (only q is); a
  /// definition `q̂[n] = q[n]/N` before it makes the same use clean.
  func testAccentedNameWithOnlyItsPlainLetterDefined_isUndefined() throws {
    let undefined = """
      **Problem 1.** A scorer rates $N$ items: $q[n] = w[J]\\,f[n,J]$ over $J$ features.

      (a) When is the item ranked first? When $\\hat{q}[n] = N$.
      """
    XCTAssertTrue(findings(undefined).contains("undefined-name 3"), "\(findings(undefined))")
    XCTAssertEqual(try lines(AuditRules.DecoratedNames(), undefined), [3])
    let defined = """
      **Problem 1.** A scorer rates $N$ items: $q[n] = w[J]\\,f[n,J]$ over $J$ features,
      and a rescaled score $\\hat{q}[n] = q[n]/N$.

      (a) When is the item ranked first? When $\\hat{q}[n] = 1$.
      """
    XCTAssertFalse(
      findings(defined).contains { $0.hasPrefix("undefined-name") }, "\(findings(defined))")
    XCTAssertEqual(try lines(AuditRules.DecoratedNames(), defined), [])
  }

  /// A sum written with its bounds reads as the sum over its letter: a letter free on its right
  /// side only is then found, and a sum over the layer letter ℓ is not taken for a capital's.
  func testSumWithBounds_readsAsASumOverItsLetter() {
    let free = """
      **Problem 1.** Each layer adds its update: for $L$ layers, $K$ units and $N$ examples,

      $$y[n,k] = \\sum_{\\ell=0}^{L-1} u_\\ell[n,t,k]$$
      """
    XCTAssertEqual(findings(free), ["free-index-one-side 3"])
    let clean = free.replacingOccurrences(of: "[n,t,k]", with: "[n,k]")
    XCTAssertEqual(findings(clean), [])
    XCTAssertEqual(
      FragmentReader.blankingSumBounds("\\sum_{v=1}^{V} a[v]"), "\\sum_{v  }     a[v]")
  }
  /// `a 3×3 window, stride one, no padding, on a 10×10 map`: the output is 8×8; a solution that
  /// calls it 10×10 is a finding, one that says 8×8 is not, and a question that states no
  /// padding is not read.
  func testStatedOutputSize_againstWindowPaddingAndStride() {
    func doc(_ padding: String, _ answer: String, stride: String = "one") -> String {
      """
      **Problem 1.** A smoothing layer slides a window over a map.

      (a) The window is $3 \\times 3$ with stride \(stride) and \(padding). What is the output
      size on a $10 \\times 10$ map?

      **Solution.** The window must fit, so the output is $\(answer) \\times \(answer)$.
      """
    }
    XCTAssertTrue(findings(doc("no padding", "10")).contains("border-rule 6"))
    XCTAssertEqual(findings(doc("no padding", "8")), [])
    XCTAssertEqual(findings(doc("padding of one", "10")), [])
    XCTAssertEqual(findings(doc("padding of one", "8")), ["border-rule 6"])
    XCTAssertEqual(findings(doc("no padding", "4", stride: "two")), [])
    XCTAssertEqual(findings(doc("no padding", "8", stride: "two")), ["border-rule 6"])
    XCTAssertEqual(findings(doc("a bias", "10")), [])
    // A padding too large to read is not read (no overflow): nothing is decided.
    XCTAssertEqual(findings(doc("padding of 9000000000000000000", "10")), [])
    // The window named in the answer's sentence is not the output.
    let window = doc("no padding", "8").replacingOccurrences(
      of: "so the output is", with: "so the output of the $3 \\times 3$ window is")
    XCTAssertEqual(findings(window), [])
    XCTAssertEqual(
      findings(window.replacingOccurrences(of: "$8 \\times 8$", with: "$10 \\times 10$")),
      ["border-rule 6"])
  }

  /// A size clause pairs its lists in order: four sizes against three indices is a finding, four
  /// against four is not.
  func testSizeClauseWithListsOfDifferentLengths_isAFinding() {
    let short = """
      **Problem 1.** A layer computes $v[n,t,k] = A[k,J]\\,u[n,t,J]$, where $N$, $T$, $J$ and
      $K$ are the numbers of values of $n$, $t$ and $k$.
      """
    XCTAssertTrue(findings(short).contains("index-lists 1"), "\(findings(short))")
    let full = short.replacingOccurrences(of: "$n$, $t$ and $k$", with: "$n$, $t$, $j$ and $k$")
    XCTAssertFalse(findings(full).contains { $0.hasPrefix("index-lists") }, "\(findings(full))")
    // The list ends at the first fragment that is not a list of names.
    let followed = full.replacingOccurrences(
      of: "$j$ and $k$.", with: "$j$ and $k$, and $A[k,J]$ is the weight matrix.")
    XCTAssertFalse(
      findings(followed).contains { $0.hasPrefix("index-lists") }, "\(findings(followed))")
    // …and starts after the last fragment before it that is not a list of names: the sizes
    // are still the four, so the shorter index list is still a finding, and the full one not.
    let preceded = short.replacingOccurrences(
      of: "u[n,t,J]$, where $N$", with: "u[n,t,J]$ with $u[n,t,J]$, $N$")
    XCTAssertTrue(findings(preceded).contains("index-lists 1"), "\(findings(preceded))")
    let precededFull = full.replacingOccurrences(
      of: "u[n,t,J]$, where $N$", with: "u[n,t,J]$ with $u[n,t,J]$, $N$")
    XCTAssertFalse(
      findings(precededFull).contains { $0.hasPrefix("index-lists") },
      "\(findings(precededFull))")
    // The rule's patterns compile within the bound of `ShortPatterns` (ShortPatternTests).
    for pattern in [
      AuditRules.SizeLists.anchorPattern, AuditRules.SizeLists.listAtEndPattern,
      AuditRules.SizeLists.listAtStartPattern, AuditRules.SizeLists.namesPattern,
    ] {
      XCTAssertNotNil(ShortPatterns.compiled(pattern), pattern)
    }
  }

  /// `Writing $n$ for the number of items kept` names n a count; in a set whose earlier problem
  /// indexes by n, that is one letter in two roles. Another letter for the count is clean.
  func testLetterNamedAsACount_clashesWithItsIndexRoleInAnotherProblem() {
    let clash = """
      **Problem 1.** A layer maps items $x[n,j]$ to $h[n,k] = A[k,J]\\,x[n,J]$ for $N$ items.

      (a) How many multiplies does it take?

      **Problem 2.** Some items are dropped.

      (a) Writing $n$ for the number of items kept, how does the cost change?
      """
    XCTAssertTrue(findings(clash).contains("role-clash 7"), "\(findings(clash))")
    let other = clash.replacingOccurrences(of: "Writing $n$", with: "Writing $m$")
    XCTAssertFalse(findings(other).contains { $0.hasPrefix("role-clash") }, "\(findings(other))")
  }
}
