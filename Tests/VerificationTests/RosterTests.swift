import Verification
import XCTest

final class RosterTests: XCTestCase {
  func testEveryLineEndingAndABOM_readTheSameStudents() throws {
    let rows = ["id,name", "s1,Ada Lovelace", "s2,\"Turing, Alan\"", "s3,\"Said \"\"hi\"\"\""]
    let expected = [
      Roster.Student(id: "s1", name: "Ada Lovelace"),
      Roster.Student(id: "s2", name: "Turing, Alan"),
      Roster.Student(id: "s3", name: "Said \"hi\""),
    ]
    for ending in ["\n", "\r\n", "\r"] {
      for bom in ["", "\u{FEFF}"] {
        let text = bom + rows.joined(separator: ending) + ending
        XCTAssertEqual(
          try Roster.parse(text).students, expected, "ending \(ending.debugDescription)")
      }
    }
    // No final line ending, blank lines skipped, other id column names, no name column.
    XCTAssertEqual(
      try Roster.parse("student_id\r\n\r\nx-1\r\ny_2").students.map(\.id), ["x-1", "y_2"])
  }

  func testBadRosters_sayWhatIsWrongAndWhere() {
    let cases: [(String, String)] = [
      (
        "",
        "the roster has no students: write a header row with an id column, then one student a row"
      ),
      (
        "id,name\n",
        "the roster has no students: write a header row with an id column, then one student a row"
      ),
      (
        "email,name\na@b,A\n",
        "the roster's header has no id column (found: email, name); name one id, student_id, "
          + "student"
      ),
      ("id,name\ns1\n", "line 2 of the roster has 1 fields, the header 2"),
      (
        "id\n../x\n",
        "line 2 of the roster: student id '../x' is not usable as a file name; use letters, "
          + "digits, '.', '_' or '-'"
      ),
      ("id\ns1\ns2\ns1\n", "line 4 of the roster repeats student id 's1' (first on line 2)"),
      (
        "id,name\ns1,A\"b\n",
        "line 2 of the roster has a '\"' inside an unquoted field; quote the field and write "
          + "the quote as \"\""
      ),
      ("id,name\ns1,\"A\nb\n", "the quoted field starting on line 2 of the roster never ends"),
    ]
    for (text, message) in cases {
      XCTAssertThrowsError(try Roster.parse(text), text.debugDescription) { error in
        XCTAssertEqual("\(error)", message)
      }
    }
  }

  /// The seed depends on student, assignment and problem, never gives the base problem, and is
  /// the first 60 bits of SHA-256 plus 1 (digest of "hw1␀s1␀3b" computed with sha256sum).
  func testSeeds_areAHashOfStudentAssignmentAndProblem() {
    let s = Variant.seed(student: "s1", assignment: "hw1", problem: "3b")
    XCTAssertEqual(s, Variant.seed(student: "s1", assignment: "hw1", problem: "3b"))
    XCTAssertNotEqual(s, Variant.seed(student: "s2", assignment: "hw1", problem: "3b"))
    XCTAssertNotEqual(s, Variant.seed(student: "s1", assignment: "hw2", problem: "3b"))
    XCTAssertNotEqual(s, Variant.seed(student: "s1", assignment: "hw1", problem: "1"))
    XCTAssertGreaterThan(s, 0)
    XCTAssertEqual(s, UInt64("394c3379c962e21", radix: 16)! + 1)
  }
}
