import Charts
import Classroom
import Foundation
import Hummingbird
import HummingbirdTesting
import ProblemRegistry
import ResultStore
import Server
import Verification
import XCTest

/// A roster imported with an assignment whose problem sets were recorded: each student's page
/// states and grades their variant; without a recorded set the import is refused; without an
/// assignment the base problems are served.
final class VariantPageTests: XCTestCase {
  static let roster = "id,name\nada,Ada\nbob,Bob\n"

  /// The family member of 3b with `k` independent branches: the first seed that draws one.
  static func branches(_ kind: String) -> Variant {
    let family = ProblemRegistry.problem("3b") as! any ProblemFamily
    return (UInt64(1)...).lazy.map { family.variant(seed: $0) }.first { $0.kind == kind }!
  }

  /// Records a `variant-set` run as `psverify variant --roster` does: ada gets `seed` for 3b.
  func record(_ h: ServerHarness, assignment: String, students: [String: UInt64]) throws {
    var record = RunRecord(
      startedAt: Date(), finishedAt: Date(), version: "test", seed: 1, trials: nil,
      parameters: .object([
        ("assignment", .string(assignment)),
        (
          "students",
          .object(
            students.sorted { $0.key < $1.key }.map { id, seed in
              (id, .object([("3b", .integer(Int(seed)))]))
            })
        ),
      ]), commandLine: "psverify variant", reports: [])
    record.kind = .variantSet
    _ = try ResultStore(path: h.database).store(record)
  }

  func testStudentPage_statesAndGradesTheirVariant_andStoresIt() async throws {
    let h = try ServerHarness()
    defer { h.remove() }
    let variant = Self.branches("k-branches")
    try record(h, assignment: "hw1", students: ["ada": variant.seed, "bob": 0])
    let links = try h.importRoster(Self.roster, assignment: "hw1")
    XCTAssertEqual(links[0].variants, ["3b": variant.seed])
    XCTAssertEqual(links[0].assignment, "hw1")
    let (ada, bob) = (links[0], links[1])
    let derived = try variant.problem.derive(ParameterValues(specs: variant.problem.parameters))
    try await h.test { client in
      let page = try await client.execute(uri: "/s/\(ada.token)/p/3b", method: .get) { $0.text }
      XCTAssertTrue(page.contains("id=\"variant\""), "the variant is named")
      XCTAssertTrue(page.contains(HTML.escape(variant.summary)), page)
      XCTAssertTrue(
        page.contains(HTMLText.prose(variant.problem.question)), "the variant's statement")
      XCTAssertTrue(page.contains("L<sub>ℓ+1</sub>"), "the statement's subscripts are set")
      XCTAssertFalse(page.contains("L_{ℓ+1}"), "no raw subscript in the statement")
      XCTAssertNotEqual(variant.problem.question, ProblemRegistry.problem("3b")!.question)
      let csrf = csrfToken(in: page)
      // The base problem's answer is wrong for k ≥ 2 branches; the variant's own is right.
      for (answer, verdict) in [("1/sqrt(2)", "incorrect"), (derived.answer.text, "correct")] {
        try await client.execute(
          uri: "/s/\(ada.token)/p/3b", method: .post, headers: formHeaders,
          body: form([("answer", answer), ("csrf", csrf)])
        ) { r in
          XCTAssertEqual(r.status, .ok)
          XCTAssertTrue(
            r.text.contains("<span id=\"verdict\"><span class=\"verdict \(verdict)\">"),
            "\(answer) should be \(verdict) for \(variant.summary)")
          XCTAssertTrue(r.text.contains("This variant: "), "the feedback names the variant")
        }
      }
      // Bob's recorded seed is 0: the base problem, where 1/√2 is right.
      let base = try await client.execute(uri: "/s/\(bob.token)/p/3b", method: .get) { $0.text }
      XCTAssertFalse(base.contains("id=\"variant\""))
      try await client.execute(
        uri: "/s/\(bob.token)/p/3b", method: .post, headers: formHeaders,
        body: form([("answer", "1/sqrt(2)"), ("csrf", csrfToken(in: base))])
      ) { r in
        XCTAssertTrue(r.text.contains("<span id=\"verdict\"><span class=\"verdict correct\">"))
      }
    }
    try await h.test { client in
      let page = try await client.execute(uri: "/staff/\(links[2].token)", method: .get) { $0.text }
      XCTAssertTrue(
        page.contains("3b: 2 attempts, latest correct; variant \(variant.seed)"),
        "the class view shows ada's attempts and variant")
    }
    let stored = try ServeStore(path: h.database).attempts()
    XCTAssertEqual(stored.map(\.variant), [String(variant.seed), String(variant.seed), nil])
    XCTAssertEqual(stored.map(\.verdict), ["incorrect", "correct", "correct"])
  }

  func testImport_withAnUnrecordedAssignment_isRefused_andAStudentOutsideTheSetToo() throws {
    let h = try ServerHarness()
    defer { h.remove() }
    XCTAssertThrowsError(try h.importRoster(Self.roster, assignment: "hw9")) { error in
      XCTAssertTrue("\(error)".contains("no problem sets of assignment 'hw9'"), "\(error)")
    }
    try record(h, assignment: "hw1", students: ["ada": 5])
    XCTAssertThrowsError(try h.importRoster(Self.roster, assignment: "hw1")) { error in
      XCTAssertTrue("\(error)".contains("bob is not in the recorded problem sets"), "\(error)")
    }
    XCTAssertEqual(try ServeStore(path: h.database).credentials(), [], "nothing stored")
    // Without an assignment: the base problems.
    let links = try h.importRoster(Self.roster)
    XCTAssertEqual(links[0].variants, [:])
  }
}
