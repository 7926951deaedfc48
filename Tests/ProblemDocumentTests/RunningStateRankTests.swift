import XCTest

@testable import ProblemDocument

/// A running state (`G[b,t,i] = G[b,t−1,i] + …`) is a new tensor with one index more than the
/// total it accumulates: its uses are no rank mismatch. Each document is written for the test.
final class RunningStateRankTests: XCTestCase, SmallDocumentAudit {
  /// The total G[b,i] first, then a running version over t written as a recurrence and read out
  /// with three indices: silent. The same three-index G defined without a recurrence: G then has
  /// two ranks in one problem (two with two indices on line 1, two with three after), so the
  /// two uses of the rank that loses the tie are findings.
  func testRecurrence_introducesTheStateWithItsOwnRank() {
    let text = """
      **Problem 1.** Inputs $U[b,t,i]$ with weights $W[i]$. The total is $G[b,i] = U[b,T,i]$ \
      and the score is $h[b] = G[b,I]W[I]$.

      $$G[b,t,i] = %@$$

      and the running score is $r[b,t] = G[b,t,I]W[I]$.
      """
    let recurrence = findings(
      text.replacingOccurrences(of: "%@", with: "G[b,t-1,i] + U[b,t,i]"), kind: "rank-mismatch")
    XCTAssertEqual(recurrence, [], "\(recurrence)")
    let plain = findings(
      text.replacingOccurrences(of: "%@", with: "U[b,t,i]\\,W[i]"), kind: "rank-mismatch")
    XCTAssertEqual(plain.count, 2, "\(plain)")
  }
}
