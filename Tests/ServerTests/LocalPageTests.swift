import Foundation
import Hummingbird
import HummingbirdTesting
import ResultStore
import Server
import XCTest

/// The single-user page (no roster): the list, a problem, grading, the attempts, and storage.
final class LocalPageTests: XCTestCase {
  func testList_linksEveryProblem_withSecurityHeaders() async throws {
    let h = try ServerHarness()
    defer { h.remove() }
    try await h.test { client in
      try await client.execute(uri: "/", method: .get) { r in
        XCTAssertEqual(r.status, .ok)
        XCTAssertEqual(r.headers[.contentType], "text/html; charset=utf-8")
        XCTAssertTrue(
          r.headers[HTTPFields.Element.Name("Content-Security-Policy")!]?.contains(
            "default-src 'none'") ?? false)
        for id in ["1", "2", "3a", "3b", "3c", "4"] {
          XCTAssertTrue(r.text.contains("href=\"/p/\(id)\""), "no link to problem \(id)")
        }
        XCTAssertFalse(r.text.contains("<script"))
      }
    }
  }

  func testProblemPage_showsStatementAndFormWithCSRF() async throws {
    let h = try ServerHarness()
    defer { h.remove() }
    try await h.test { client in
      try await client.execute(uri: "/p/3b", method: .get) { r in
        XCTAssertEqual(r.status, .ok)
        XCTAssertTrue(r.text.contains("which γ gives"))
        XCTAssertTrue(r.text.contains("<form method=\"post\" action=\"/p/3b\""))
        XCTAssertEqual(csrfToken(in: r.text).count, 64)
        XCTAssertTrue(r.text.contains("None yet."))
      }
    }
  }

  func testPostWrongThenRight_showsVerdicts_listsAttemptsInOrder_andStoresThem() async throws {
    let h = try ServerHarness()
    defer { h.remove() }
    try await h.test { client in
      let page = try await client.execute(uri: "/p/3b", method: .get) { $0.text }
      let csrf = csrfToken(in: page)
      try await client.execute(
        uri: "/p/3b", method: .post, headers: formHeaders,
        body: form([("answer", "1/2"), ("csrf", csrf)])
      ) { r in
        XCTAssertEqual(r.status, .ok)
        XCTAssertTrue(r.text.contains("<span id=\"verdict\"><span class=\"verdict incorrect\">"))
        XCTAssertTrue(r.text.contains("your γ = 0.5"), "the 3b figure marks the student's γ")
      }
      try await client.execute(
        uri: "/p/3b", method: .post, headers: formHeaders,
        body: form([("answer", "1/sqrt(2)"), ("csrf", csrf)])
      ) { r in
        XCTAssertEqual(r.status, .ok)
        XCTAssertTrue(r.text.contains("<span id=\"verdict\"><span class=\"verdict correct\">"))
        XCTAssertTrue(r.text.contains("<math>"), "the reading is shown as MathML")
        let wrong = r.text.range(of: "<code>1/2</code>")
        let right = r.text.range(of: "<code>1/sqrt(2)</code>")
        XCTAssertNotNil(wrong)
        XCTAssertNotNil(right)
        if let wrong, let right {
          XCTAssertLessThan(wrong.lowerBound, right.lowerBound, "oldest first")
        }
      }
      try await client.execute(uri: "/", method: .get) { r in
        XCTAssertTrue(r.text.contains("<td>2</td>"), "the list counts 2 attempts at 3b")
      }
    }
    let stored = try ServeStore(path: h.database).attempts()
    XCTAssertEqual(stored.map(\.verdict), ["incorrect", "correct"])
    XCTAssertEqual(stored.map(\.answer), ["1/2", "1/sqrt(2)"])
    XCTAssertEqual(Set(stored.map(\.student)), ["local"])
    XCTAssertEqual(Set(stored.map(\.problem)), ["3b"])
    XCTAssertNil(stored[0].variant)
  }

  func testCountFigure_placesTheStudentsFormulaAgainstTheKernelsCount() async throws {
    let h = try ServerHarness()
    defer { h.remove() }
    try await h.test { client in
      let csrf = csrfToken(in: try await client.execute(uri: "/p/1", method: .get) { $0.text })
      let right = try await client.execute(
        uri: "/p/1", method: .post, headers: formHeaders,
        body: form([("answer", "B*X*Y*dX*dY*Nout*Nin"), ("csrf", csrf)])
      ) { $0.text }
      let wrong = try await client.execute(
        uri: "/p/1", method: .post, headers: formHeaders,
        body: form([("answer", "B*X*Y*N_in*N_out"), ("csrf", csrf)])
      ) { $0.text }
      // The caption counts the cases on the diagonal: all for the right formula, not all for
      // the wrong one (it misses ΔX·ΔY, which is 1 only for 1×1 filters).
      guard let all = Self.agreeing(right), let some = Self.agreeing(wrong) else {
        return XCTFail("no count figure on the page")
      }
      XCTAssertEqual(all.agree, all.of)
      XCTAssertLessThan(some.agree, some.of)
    }
  }

  static func agreeing(_ page: String) -> (agree: Int, of: Int)? {
    guard let r = page.range(of: #"[0-9]+ of [0-9]+ do"#, options: .regularExpression) else {
      return nil
    }
    let n = page[r].split(separator: " ")
    return (Int(n[0])!, Int(n[2])!)
  }

  func testEveryProblem_gradesARightAndAWrongAnswer() async throws {
    let answers: [(String, right: String, wrong: String)] = [
      ("1", "B*X*Y*dX*dY*Nout*Nin", "B*X*Y*N_in*N_out"),
      (
        "2", "L_{l+1}[b,x,y,t,j] = sigma(K[j,dX,dY,dT,I] L_l[b,s*x+dX,s*y+dY,s*t+dT,I] - B[j])",
        "L_{l+1}[b,x,y,t,j] = sigma(K[j,dX,dY,dT,I] L_l[b,s*x+dX,s*y+dY,t+dT,I] - B[j])"
      ),
      ("3a", "2*N*Nb*(L-1); N^2*(L-1); Nb < N/2", "N*Nb*(L-1); N^2*(L-1); Nb < N/2"),
      ("3b", "1/sqrt(2)", "1/2"),
      ("3c", "gamma^(L-1)", "gamma^(L+1)"),
      (
        "4",
        "L_{ℓ+1,s}[b, x, y, j] = σ(W_{ℓ+1,←}[ΔX, ΔY, I, j] L_{ℓ,s+1}[b, x + ΔX − 1, y + ΔY − 1, I] "
          + "+ W_{ℓ+1,↑}[ΔX, ΔY, I, j] L_{ℓ,s}[b, 2x + ΔX − 1, 2y + ΔY − 1, I] − B_{ℓ+1}[j])",
        "L_{ℓ+1,s}[b, x, y, j] = σ(W_{ℓ+1,←}[ΔX, ΔY, I, j] L_{ℓ,s+1}[b, x + ΔX − 1, y + ΔY − 1, I] "
          + "+ W_{ℓ+1,↑}[ΔX, ΔY, I, j] L_{ℓ,s}[b, x + ΔX − 1, y + ΔY − 1, I] − B_{ℓ+1}[j])"
      ),
    ]
    let h = try ServerHarness()
    defer { h.remove() }
    try await h.test { client in
      for (id, right, wrong) in answers {
        let csrf = csrfToken(
          in: try await client.execute(uri: "/p/\(id)", method: .get) { $0.text })
        for (answer, verdict) in [(wrong, "incorrect"), (right, "correct")] {
          try await client.execute(
            uri: "/p/\(id)", method: .post, headers: formHeaders,
            body: form([("answer", answer), ("csrf", csrf)])
          ) { r in
            XCTAssertEqual(r.status, .ok, "problem \(id)")
            XCTAssertTrue(
              r.text.contains("<span id=\"verdict\"><span class=\"verdict \(verdict)\">"),
              "problem \(id): expected \(verdict) for \(answer)")
          }
        }
      }
    }
    XCTAssertEqual(try ServeStore(path: h.database).attemptCount(), 12)
  }
}
