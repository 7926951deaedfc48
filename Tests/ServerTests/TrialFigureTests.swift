import Foundation
import Hummingbird
import HummingbirdTesting
import ResultStore
import Server
import XCTest

/// Problems 2 and 4's figure on the page: a wrong equation gets the first output where it and
/// the kernel differ, as numbers; a right one the number of trials it agreed on.
final class TrialFigureTests: XCTestCase {
  static let right2 =
    "L_{l+1}[b,x,y,t,j] = sigma(K[j,dX,dY,dT,I] L_l[b,s*x+dX,s*y+dY,s*t+dT,I] - B[j])"
  static let wrong2 =
    "L_{l+1}[b,x,y,t,j] = sigma(K[j,dX,dY,dT,I] L_l[b,s*x-dX,s*y+dY,s*t+dT,I] - B[j])"

  /// The text of the table cell with this id.
  static func cell(_ id: String, _ page: String) -> String? {
    guard let start = page.range(of: "<td id=\"\(id)\">"),
      let end = page[start.upperBound...].range(of: "</td>")
    else { return nil }
    return String(page[start.upperBound..<end.lowerBound])
  }

  func testProblem2_wrongEquation_showsTheFirstDifferingOutput_rightOne_allTrialsAgreed()
    async throws
  {
    let h = try ServerHarness()
    defer { h.remove() }
    try await h.test { client in
      let csrf = csrfToken(in: try await client.execute(uri: "/p/2", method: .get) { $0.text })
      let wrong = try await client.execute(
        uri: "/p/2", method: .post, headers: formHeaders,
        body: form([("answer", Self.wrong2), ("csrf", csrf)])
      ) { $0.text }
      XCTAssertTrue(wrong.contains("id=\"trial-table\""), wrong)
      let position = try XCTUnwrap(Self.cell("trial-position", wrong))
      // The output position names the answer's own indices b, x, y, t, j.
      XCTAssertNotNil(
        position.wholeMatch(of: /<code>b = \d+, x = \d+, y = \d+, t = \d+, j = \d+<\/code>/),
        position)
      let yours = try XCTUnwrap(Self.cell("trial-yours", wrong).flatMap(Double.init))
      let kernel = try XCTUnwrap(Self.cell("trial-reference", wrong).flatMap(Double.init))
      XCTAssertGreaterThan(abs(yours - kernel), 2e-4, "the shown values differ")
      let agreed = try XCTUnwrap(Self.cell("trials-agreed", wrong))
      XCTAssertNotNil(agreed.wholeMatch(of: /\d+ of 12/), agreed)
      XCTAssertNotEqual(agreed, "12 of 12")
      XCTAssertTrue(wrong.contains("stride s = "), "the trial's stride is named")

      let right = try await client.execute(
        uri: "/p/2", method: .post, headers: formHeaders,
        body: form([("answer", Self.right2), ("csrf", csrf)])
      ) { $0.text }
      XCTAssertEqual(Self.cell("trials-agreed", right), "12")
      XCTAssertNil(Self.cell("trial-position", right))
      XCTAssertTrue(right.contains("agreed with the conv3d kernel on all 12 random trials"))
    }
  }

  func testProblem4_wrongEquation_showsTheFirstDifferingOutput() async throws {
    let h = try ServerHarness()
    defer { h.remove() }
    let wrong =
      "L_{ℓ+1,s}[b, x, y, j] = σ(W_{ℓ+1,←}[ΔX, ΔY, I, j] L_{ℓ,s+1}[b, x + ΔX, y + ΔY, I] "
      + "+ W_{ℓ+1,↑}[ΔX, ΔY, I, j] L_{ℓ,s}[b, 2x + ΔX − 1, 2y + ΔY − 1, I] − B_{ℓ+1}[j])"
    try await h.test { client in
      let csrf = csrfToken(in: try await client.execute(uri: "/p/4", method: .get) { $0.text })
      let page = try await client.execute(
        uri: "/p/4", method: .post, headers: formHeaders,
        body: form([("answer", wrong), ("csrf", csrf)])
      ) { $0.text }
      let position = try XCTUnwrap(Self.cell("trial-position", page), page)
      XCTAssertNotNil(
        position.wholeMatch(of: /<code>b = \d+, x = \d+, y = \d+, j = \d+<\/code>/), position)
      let yours = try XCTUnwrap(Self.cell("trial-yours", page).flatMap(Double.init))
      let level = try XCTUnwrap(Self.cell("trial-reference", page).flatMap(Double.init))
      XCTAssertGreaterThan(abs(yours - level), 1e-4)
      XCTAssertTrue(page.contains("psverify&#39;s pyramid level"), "the reference is named")
    }
  }

  /// Two wrong equations of one meaning (the same up to index letters) fall in one answer group,
  /// but each table quotes its own text's letters: a figure is never another student's.
  func testProblem2_equalMeaningOtherLetters_eachTableNamesItsOwnLetters() async throws {
    let h = try ServerHarness()
    defer { h.remove() }
    let renamed = Self.wrong2.replacingOccurrences(of: "b,", with: "n,")
    XCTAssertNotEqual(renamed, Self.wrong2)
    try await h.test { client in
      let csrf = csrfToken(in: try await client.execute(uri: "/p/2", method: .get) { $0.text })
      var positions: [String] = []
      for text in [Self.wrong2, renamed] {
        let page = try await client.execute(
          uri: "/p/2", method: .post, headers: formHeaders,
          body: form([("answer", text), ("csrf", csrf)])
        ) { $0.text }
        positions.append(try XCTUnwrap(Self.cell("trial-position", page), page))
      }
      XCTAssertTrue(positions[0].hasPrefix("<code>b = "), positions[0])
      XCTAssertTrue(positions[1].hasPrefix("<code>n = "), positions[1])
    }
  }
}
