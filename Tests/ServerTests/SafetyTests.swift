import Foundation
import Hummingbird
import HummingbirdTesting
import ResultStore
import Server
import XCTest

/// Hostile input: script in answers, huge and malformed bodies, traversal, forged forms, wrong
/// media types; each answered by an HTML page with the right status and nothing executable.
final class SafetyTests: XCTestCase {
  static let script = "<script>alert('x')</script><img src=x onerror=alert(1)>"

  func testScriptInAnswer_isEscapedOnTheProblemPage() async throws {
    let h = try ServerHarness()
    defer { h.remove() }
    try await h.test { client in
      let csrf = csrfToken(in: try await client.execute(uri: "/p/3b", method: .get) { $0.text })
      try await client.execute(
        uri: "/p/3b", method: .post, headers: formHeaders,
        body: form([("answer", Self.script), ("csrf", csrf)])
      ) { r in
        XCTAssertEqual(r.status, .ok)
        XCTAssertFalse(r.text.contains("<script"), "a raw script tag reached the page")
        XCTAssertFalse(r.text.contains("<img"), "a raw img tag reached the page")
        XCTAssertTrue(r.text.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        XCTAssertTrue(r.text.contains("verdict unreadable"))
      }
    }
    XCTAssertEqual(try ServeStore(path: h.database).attempts().map(\.answer), [Self.script])
  }

  func testForgedOrMissingCSRF_is403_andNothingIsStored() async throws {
    let h = try ServerHarness()
    defer { h.remove() }
    try await h.test { client in
      for fields in [
        [("answer", "1/2"), ("csrf", String(repeating: "0", count: 64))],
        [("answer", "1/2")], [("answer", "1/2"), ("csrf", "")],
      ] {
        try await client.execute(
          uri: "/p/3b", method: .post, headers: formHeaders,
          body: form(fields)
        ) { r in
          XCTAssertEqual(r.status, .forbidden)
          XCTAssertTrue(r.text.contains("security token does not match"))
        }
      }
    }
    XCTAssertEqual(try ServeStore(path: h.database).attemptCount(), 0)
  }

  func testOneMegabyteBody_is413() async throws {
    let h = try ServerHarness()
    defer { h.remove() }
    try await h.test { client in
      let big = "answer=" + String(repeating: "a", count: 1 << 20) + "&csrf=x"
      try await client.execute(
        uri: "/p/3b", method: .post, headers: formHeaders,
        body: ByteBuffer(string: big)
      ) { r in
        XCTAssertEqual(r.status, .contentTooLarge)
        XCTAssertTrue(r.text.contains("larger than 64 KB"))
      }
      // Just under the limit is read (and then refused for its CSRF token, not its size).
      let fits = "answer=" + String(repeating: "a", count: 60_000) + "&csrf=x"
      try await client.execute(
        uri: "/p/3b", method: .post, headers: formHeaders,
        body: ByteBuffer(string: fits)
      ) { r in
        XCTAssertEqual(r.status, .forbidden)
      }
    }
  }

  func testMalformedUTF8_is400() async throws {
    let h = try ServerHarness()
    defer { h.remove() }
    try await h.test { client in
      let csrf = csrfToken(in: try await client.execute(uri: "/p/3b", method: .get) { $0.text })
      for raw in ["answer=%FF%FE&csrf=\(csrf)", "answer=%C3&csrf=\(csrf)"] {
        try await client.execute(
          uri: "/p/3b", method: .post, headers: formHeaders,
          body: ByteBuffer(string: raw)
        ) { r in
          XCTAssertEqual(r.status, .badRequest)
          XCTAssertTrue(r.text.contains("not UTF-8"))
        }
      }
      // Raw (not percent-encoded) invalid bytes too.
      var buffer = ByteBuffer(string: "answer=")
      buffer.writeBytes([0xC0, 0xAF, 0xFF])
      buffer.writeString("&csrf=\(csrf)")
      try await client.execute(uri: "/p/3b", method: .post, headers: formHeaders, body: buffer) {
        r in
        XCTAssertEqual(r.status, .badRequest)
      }
      try await client.execute(
        uri: "/p/3b", method: .post, headers: formHeaders,
        body: ByteBuffer(string: "answer=%G1&csrf=\(csrf)")
      ) { r in
        XCTAssertEqual(r.status, .badRequest)
        XCTAssertTrue(r.text.contains("two hexadecimal digits"))
      }
    }
    XCTAssertEqual(try ServeStore(path: h.database).attemptCount(), 0)
  }

  func testPathTraversalAndUnknownPaths_are404Pages() async throws {
    let h = try ServerHarness()
    defer { h.remove() }
    try await h.test { client in
      for uri in [
        "/p/..%2F..%2Fetc%2Fpasswd", "/p/../../etc/passwd", "/../../etc/passwd",
        "/static/../../results.db", "/results.db", "/p/%2e%2e", "/p/5", "/nothing",
      ] {
        try await client.execute(uri: uri, method: .get) { r in
          XCTAssertEqual(r.status, .notFound, uri)
          XCTAssertEqual(r.headers[.contentType], "text/html; charset=utf-8", uri)
          XCTAssertFalse(r.text.contains("root:"), uri)
          XCTAssertFalse(r.text.contains("SQLite"), uri)
        }
      }
      try await client.execute(uri: "/p/..%2F..%2Fetc%2Fpasswd", method: .get) { r in
        XCTAssertTrue(r.text.contains("The problems are 1, 2, 3a, 3b, 3c, 4."))
      }
    }
  }

  func testWrongMediaType_is415_andWrongMethod_isAnErrorPage() async throws {
    let h = try ServerHarness()
    defer { h.remove() }
    try await h.test { client in
      try await client.execute(
        uri: "/p/3b", method: .post, headers: [.contentType: "application/json"],
        body: ByteBuffer(string: #"{"answer":"1/2"}"#)
      ) { r in
        XCTAssertEqual(r.status, .unsupportedMediaType)
        XCTAssertTrue(r.text.contains("posted as a form"))
      }
      try await client.execute(uri: "/", method: .delete) { r in
        XCTAssertTrue([.notFound, .methodNotAllowed].contains(r.status), "\(r.status)")
        XCTAssertTrue(r.text.hasPrefix("<!DOCTYPE html>"))
      }
    }
  }

  func testGradingPastTheTimeLimit_is503_andNothingIsStored() async throws {
    let h = try ServerHarness(timeLimit: 0.000_001)
    defer { h.remove() }
    try await h.test { client in
      let csrf = csrfToken(in: try await client.execute(uri: "/p/2", method: .get) { $0.text })
      try await client.execute(
        uri: "/p/2", method: .post, headers: formHeaders,
        body: form([
          (
            "answer",
            "L_{l+1}[b,x,y,t,j] = sigma(K[j,dX,dY,dT,I] L_l[b,s*x+dX,s*y+dY,s*t+dT,I] - B[j])"
          ),
          ("csrf", csrf),
        ])
      ) { r in
        XCTAssertEqual(r.status, .serviceUnavailable)
        XCTAssertTrue(r.text.contains("Grading took longer than"))
      }
    }
    XCTAssertEqual(try ServeStore(path: h.database).attemptCount(), 0)
  }
}
