import Classroom
import P3aBottleneck
import TestSupport
import Verification
import XCTest

final class RubricTests: XCTestCase {
  let parts = ["1": [String](), "3a": ["bottleneck", "plain", "condition"], "3b": []]

  func testParse_readsPointsPartsAndCanvasID_withCRLFAndBOM() throws {
    let text =
      "\u{FEFF}assignment = \"PS 1\"\r\ncanvas_id = 12345\r\n\r\n[problems.1]\r\npoints = 2\r\n"
      + "[problems.3a]\r\npoints = 4\r\nparts = { bottleneck = 2, plain = 1, condition = 1 }\r\n"
    let r = try Rubric.parse(text, file: "r.toml", parts: parts)
    XCTAssertEqual(
      r,
      Rubric(
        assignment: "PS 1", canvasID: "12345", points: ["1": 2, "3a": 4],
        parts: ["3a": ["bottleneck": 2, "plain": 1, "condition": 1]]))
    XCTAssertEqual(r.columnTitle, "PS 1 (12345)")
    XCTAssertEqual(r.maximum("3b"), 1, "a problem the rubric leaves out is worth 1 point")
    XCTAssertEqual(Rubric(json: r.json), r)
  }

  func testParse_errorsNameWhatIsAccepted() {
    func message(_ text: String) -> String {
      do {
        _ = try Rubric.parse(text, file: "r.toml", parts: parts)
        return "no error"
      } catch { return error.description }
    }
    XCTAssertEqual(
      message("[problems.9z]\npoints = 1\n"),
      "the rubric 'r.toml': '9z' is no problem id; known: 1, 3a, 3b")
    XCTAssertEqual(
      message("[problems.3a]\nparts = { bottle = 1 }\n"),
      "the rubric 'r.toml': problem 3a has no part 'bottle'; its parts: bottleneck, plain, condition"
    )
    XCTAssertEqual(
      message("[problems.1]\npoints = -1\n"),
      "the rubric 'r.toml': problems.1.points must be a non-negative number up to 1000000")
    XCTAssertEqual(
      message("[problems.1]\npoints = 1e19\n"),
      "the rubric 'r.toml': problems.1.points must be a non-negative number up to 1000000")
    XCTAssertEqual(
      message("[problems.1]\nparts = { a = 1 }\n"),
      "the rubric 'r.toml': problem 1 has no parts; remove problems.1.parts")
    XCTAssertEqual(
      message("title = \"x\"\n"),
      "the rubric 'r.toml': unknown key 'title'; accepted: assignment, canvas_id, [problems.ID]")
    XCTAssertTrue(
      message("[problems.1\npoints = 1\n").hasPrefix("the rubric 'r.toml': line 1, column "),
      message("[problems.1\npoints = 1\n"))
  }

  /// 3a worth 4 points, parts weighing 2 (bottleneck), 1 (plain), 1 (condition): a sheet with the
  /// bottleneck count wrong earns 4 · (1 + 1)/4 = 2; with only the condition wrong 4 · 3/4 = 3;
  /// all wrong 0; all right 4.
  func testPartialCredit_addsUpByPartWeights() {
    let rubric = Rubric(
      points: ["3a": 4], parts: ["3a": ["bottleneck": 2, "plain": 1, "condition": 1]])
    let p = Bottleneck.problem
    XCTAssertEqual(rubric.credit("3a", grade(p, "N*Nb*(L-1); N^2*(L-1); Nb < N/2")), 2)
    XCTAssertEqual(rubric.credit("3a", grade(p, "2*N*Nb*(L-1); N^2*(L-1); Nb <= N/2")), 3)
    XCTAssertEqual(rubric.credit("3a", grade(p, "N*Nb*L; N*L; Nb > N")), 0)
    XCTAssertEqual(rubric.credit("3a", grade(p, "2*N*Nb*(L-1); N^2*(L-1); Nb < N/2")), 4)
    XCTAssertEqual(rubric.credit("3a", grade(p, "2*N*Nb*(L-1; N^2")), 0, "unreadable earns nothing")
    let even = Rubric(points: ["3a": 3])
    XCTAssertEqual(
      even.credit("3a", grade(p, "2*N*Nb*(L-1); N^2*(L-1)")), 2,
      "a missing condition costs its third")
  }
}
