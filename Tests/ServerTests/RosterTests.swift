import Foundation
import Hummingbird
import HummingbirdTesting
import ResultStore
import Server
import XCTest

/// Private links: students see only their own pages, the staff see the class, and neither
/// link opens the other's pages; roster names are escaped everywhere.
final class RosterTests: XCTestCase {
  static let roster =
    "\u{FEFF}id,name,section,email\r\n"
    + "ada,Ada Lovelace,A,ada@example.edu\r\n"
    + "eve,\"<script>alert('name')</script>\",B,eve@example.edu\r\n"
    + "bob,<b onmouseover=alert(1)>Bob</b>,A,bob@example.edu\r\n"

  func testImport_givesEachStudentADistinctPrivateToken_andOneStaffToken() throws {
    let h = try ServerHarness()
    defer { h.remove() }
    let first = try h.importRoster(Self.roster)
    XCTAssertEqual(first.map(\.student), ["ada", "eve", "bob", "staff"])
    XCTAssertEqual(first.map(\.role), [.student, .student, .student, .staff])
    XCTAssertEqual(first[1].name, "<script>alert('name')</script>")
    for c in first { XCTAssertNotNil(c.token.wholeMatch(of: /[0-9a-f]{64}/), c.token) }
    XCTAssertEqual(Set(first.map(\.token)).count, 4)
    // A second import gives the students new tokens and keeps the staff's.
    let second = try h.importRoster(Self.roster)
    XCTAssertTrue(zip(first.dropLast(), second.dropLast()).allSatisfy { $0.token != $1.token })
    XCTAssertEqual(first.last?.token, second.last?.token)
    XCTAssertEqual(try ServeStore(path: h.database).credentials(), second)
  }

  func testImport_refusesARosterWithoutAnIDColumn() throws {
    let h = try ServerHarness()
    defer { h.remove() }
    XCTAssertThrowsError(try h.importRoster("name,email\nAda,ada@example.edu\n")) { error in
      XCTAssertTrue("\(error)".contains("student id"), "\(error)")
    }
  }

  func testStudentLink_opensTheirPages_escapesTheirName_andNeverShowsTheStaffToken() async throws {
    let h = try ServerHarness()
    defer { h.remove() }
    let links = try h.importRoster(Self.roster)
    let (eve, staff) = (links[1], links[3])
    try await h.test { client in
      let list = try await client.execute(uri: "/s/\(eve.token)", method: .get) { r in
        XCTAssertEqual(r.status, .ok)
        return r.text
      }
      XCTAssertTrue(list.contains("href=\"/s/\(eve.token)/p/3b\""))
      XCTAssertFalse(list.contains("<script"))
      XCTAssertTrue(list.contains("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;"))
      let page = try await client.execute(uri: "/s/\(eve.token)/p/3b", method: .get) { $0.text }
      let csrf = csrfToken(in: page)
      let posted = try await client.execute(
        uri: "/s/\(eve.token)/p/3b", method: .post, headers: formHeaders,
        body: form([("answer", SafetyTests.script), ("csrf", csrf)])
      ) { r in
        XCTAssertEqual(r.status, .ok)
        return r.text
      }
      for text in [list, page, posted] {
        XCTAssertFalse(text.contains(staff.token), "the staff token leaked into a student page")
        XCTAssertFalse(text.contains("/staff/"))
        XCTAssertFalse(text.contains(links[0].token), "another student's token leaked")
      }
      XCTAssertFalse(posted.contains("<script"))
      // A student's CSRF token does not work on another student's page.
      try await client.execute(
        uri: "/s/\(links[0].token)/p/3b", method: .post, headers: formHeaders,
        body: form([("answer", "1/2"), ("csrf", csrf)])
      ) { r in
        XCTAssertEqual(r.status, .forbidden)
      }
    }
    let stored = try ServeStore(path: h.database).attempts()
    XCTAssertEqual(stored.map(\.student), ["eve"])
  }

  func testLinksOpenOnlyTheirOwnKindOfPage() async throws {
    let h = try ServerHarness()
    defer { h.remove() }
    let links = try h.importRoster(Self.roster)
    let (ada, staff) = (links[0], links[3])
    let unknown = String(repeating: "a", count: 64)
    try await h.test { client in
      let cases: [(String, HTTPResponse.Status)] = [
        ("/staff/\(ada.token)", .forbidden), ("/staff/\(ada.token)/gradebook.csv", .forbidden),
        ("/s/\(staff.token)", .forbidden), ("/s/\(staff.token)/p/1", .forbidden),
        ("/s/\(unknown)", .notFound), ("/staff/\(unknown)", .notFound),
        ("/s/\(ada.token.dropLast())", .notFound), ("/s/\(ada.token)0", .notFound),
        ("/p/1", .notFound), ("/", .ok), ("/s/\(ada.token)", .ok), ("/staff/\(staff.token)", .ok),
      ]
      for (uri, status) in cases {
        try await client.execute(uri: uri, method: .get) { r in
          XCTAssertEqual(r.status, status, uri)
          XCTAssertTrue(r.text.hasPrefix("<!DOCTYPE html>"), uri)
        }
      }
      try await client.execute(uri: "/", method: .get) { r in
        XCTAssertTrue(r.text.contains("open the private link"))
        XCTAssertFalse(r.text.contains(staff.token))
      }
      try await client.execute(uri: "/staff/\(ada.token)", method: .get) { r in
        XCTAssertTrue(r.text.contains("for the course staff"))
      }
    }
  }

  func testClassView_groupsAnswersAsTheyForm_andTheGradebookHasEveryStudent() async throws {
    let h = try ServerHarness()
    defer { h.remove() }
    let links = try h.importRoster(Self.roster)
    let staff = links[3]
    try await h.test { client in
      // ada and bob give the same wrong γ in two spellings; eve gives the right one.
      for (student, answer) in [(links[0], "1/2"), (links[2], "0.5"), (links[1], "1/sqrt(2)")] {
        let page = try await client.execute(uri: "/s/\(student.token)/p/3b", method: .get) {
          $0.text
        }
        try await client.execute(
          uri: "/s/\(student.token)/p/3b", method: .post, headers: formHeaders,
          body: form([("answer", answer), ("csrf", csrfToken(in: page))])
        ) { r in
          XCTAssertEqual(r.status, .ok)
        }
      }
      try await client.execute(uri: "/staff/\(staff.token)", method: .get) { r in
        XCTAssertEqual(r.status, .ok)
        XCTAssertTrue(r.text.contains("3 students, 3 attempts stored"))
        XCTAssertTrue(r.text.contains("<td>ada, bob</td>"), "the two wrong γ = 1/2 form one group")
        XCTAssertTrue(r.text.contains("(2 spellings)"))
        XCTAssertTrue(r.text.contains("<td>eve</td>"))
        XCTAssertFalse(r.text.contains("<script"))
        XCTAssertFalse(r.text.contains("<b onmouseover"))
        XCTAssertTrue(r.text.contains("&lt;b onmouseover=alert(1)&gt;Bob&lt;/b&gt;"))
      }
      try await client.execute(uri: "/staff/\(staff.token)/gradebook.csv", method: .get) { r in
        XCTAssertEqual(r.status, .ok)
        XCTAssertEqual(r.headers[.contentType], "text/csv; charset=utf-8")
        let lines = r.text.split(whereSeparator: \.isNewline).map(String.init)
        XCTAssertEqual(lines.first, "id,name,section,email,status,1,2,3a,3b,3c,4,total,maximum")
        XCTAssertEqual(lines.count, 4)
        XCTAssertTrue(
          lines.contains { $0.hasPrefix("eve,") && $0.hasSuffix(",graded,0,0,0,1,0,0,1,6") },
          lines.joined(separator: "\n"))
        XCTAssertTrue(
          lines.contains { $0.hasPrefix("ada,") && $0.hasSuffix(",graded,0,0,0,0,0,0,0,6") })
      }
    }
  }
}
