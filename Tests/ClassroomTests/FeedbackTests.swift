import Classroom
import ResultStore
import XCTest

final class FeedbackTests: XCTestCase {
  let student = StudentResult(
    id: "s1", name: "Eve <script>", section: "A", email: "", status: .graded, reason: nil,
    notes: ["line 3: '9z' is no problem id"],
    answers: [
      GradedAnswer(
        problem: "3b", answer: "<img src=x onerror=alert(1)> & `x`", verdict: "incorrect",
        reading: "γ = 1/2", feedback: ["Var \"2γ²\" < 1"], convention: nil, issues: [],
        points: 0, maxPoints: 1, key: "k")
    ])

  func testHTML_escapesEverythingTyped() {
    let html = Feedback(student: student, assignment: "PS", expected: nil).html
    XCTAssertFalse(html.contains("<script>"))
    XCTAssertFalse(html.contains("<img"))
    XCTAssertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt; &amp; `x`"))
    XCTAssertTrue(html.contains("Eve &lt;script&gt;"))
    XCTAssertTrue(html.contains("Var &quot;2γ²&quot; &lt; 1"))
    XCTAssertFalse(html.contains("psverify's answer"), "the answer is shown only with --reveal")
    XCTAssertTrue(
      Feedback(student: student, assignment: "PS", expected: ["3b": "1/√2"]).html
        .contains("psverify's answer: <code>1/√2</code>"))
  }

  func testMarkdown_fencesTypedTextInCodeSpans() {
    let md = Feedback(student: student, assignment: "PS", expected: nil).markdown
    XCTAssertTrue(md.contains("You wrote: `` <img src=x onerror=alert(1)> & `x` ``"), md)
    XCTAssertTrue(md.contains("## Problem 3b · incorrect · 0/1"))
  }

  func testGradebooks_layout() {
    var other = student
    other.id = "s2"
    other.name = "García, Jr."
    other.email = "s2@x.edu"
    let result = ClassResult(
      problems: ["3b"], rubric: .object([]), students: [student, other], distinctAnswers: 1)
    XCTAssertEqual(
      Gradebook.csv(result),
      "id,name,section,email,status,3b,total,maximum\r\ns1,Eve <script>,A,,graded,0,0,1\r\n"
        + "s2,\"García, Jr.\",A,s2@x.edu,graded,0,0,1\r\n")
    XCTAssertEqual(
      Gradebook.canvas(result, rubric: Rubric(assignment: "CNN problems", canvasID: "12345")),
      "Student,ID,SIS User ID,SIS Login ID,Section,CNN problems (12345)\r\n"
        + "    Points Possible,,,,,1\r\nEve <script>,,s1,,A,0\r\n"
        + "\"García, Jr.\",,s2,s2@x.edu,A,0\r\n")
  }

  func testHistogram_binsOnePerWholePoint_orTwentyBins() {
    let bins = ClassStatistics.histogram([0, 0.5, 1, 2.5, 3, 3], maximum: 3)
    XCTAssertEqual(bins.map(\.count), [2, 1, 1, 2])
    XCTAssertEqual(bins.map(\.lower), [0, 1, 2, 3])
    let fine = ClassStatistics.histogram([0, 39.9, 40, 21], maximum: 40)
    XCTAssertEqual(fine.count, 20)
    XCTAssertEqual(fine[0].count, 1)
    XCTAssertEqual(fine[10].count, 1, "21 lies in [20, 22)")
    XCTAssertEqual(fine[19].count, 2, "39.9 and the maximum 40 in the last bin")
  }
}
