import XCTest

@testable import ProblemDocument

/// A letter written against an offset in a later term of an index sum (`t + rΔT`) is the
/// offset's dilation, not an index of its own. Each document is written for the test.
final class DilatedOffsetTests: XCTestCase, SmallDocumentAudit {
  /// `u[b,t + rΔT - τ,i]` in a chain: one position (three indices, as u is declared), no missing
  /// comma. The look-alike glues the offset to the first term (`tΔT`), which is no sum: still a
  /// missing comma on line 3.
  func testDilationGluedToAnOffset_isAProductNotTwoIndices() {
    let text = """
      **Problem 1.** Inputs $u[b,t,i]$, taps $V[\\Delta t,i]$, dilation $r$, delay $\\tau$.

      $$z[b,t] = V[\\Delta T,I]\\,u[b,%@,I] = q[b,t]$$
      """
    let dilated = findings(text.replacingOccurrences(of: "%@", with: "t + r\\Delta T - \\tau"))
    XCTAssertFalse(dilated.contains { $0.hasPrefix("missing-comma") }, "\(dilated)")
    XCTAssertFalse(dilated.contains { $0.hasPrefix("rank-mismatch") }, "\(dilated)")
    let glued = findings(text.replacingOccurrences(of: "%@", with: "t\\Delta T"))
    XCTAssertTrue(glued.contains("missing-comma 3"), "\(glued)")
  }
}
