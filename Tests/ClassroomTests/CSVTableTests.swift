import Classroom
import XCTest

final class CSVTableTests: XCTestCase {
  let file = "t.csv"

  func fields(_ text: String) throws -> [[String]] {
    try CSVTable.parse(text, file: file).rows.map(\.fields)
  }

  func testLineEndingsAndBOM_readAlike() throws {
    let expected = [["id", "name"], ["a", "Ada"], ["b", "Bo"]]
    XCTAssertEqual(try fields("id,name\na,Ada\nb,Bo\n"), expected)
    XCTAssertEqual(try fields("id,name\r\na,Ada\r\nb,Bo\r\n"), expected)
    XCTAssertEqual(try fields("id,name\ra,Ada\rb,Bo"), expected)
    XCTAssertEqual(try fields("\u{FEFF}id,name\r\na,Ada\r\nb,Bo"), expected)
  }

  func testQuotedFields_holdCommasQuotesAndLineBreaks() throws {
    let text = "id,answer\r\na,\"x, y\"\r\nb,\"say \"\"hi\"\"\"\r\nc,\"two\r\nlines\"\r\nd,\"\"\r\n"
    let rows = try CSVTable.parse(text, file: file).rows
    XCTAssertEqual(
      rows.map(\.fields),
      [
        ["id", "answer"], ["a", "x, y"], ["b", "say \"hi\""],
        ["c", "two\nlines"], ["d", ""],
      ])
    XCTAssertEqual(rows.map(\.line), [1, 2, 3, 4, 6])
  }

  func testBlankLinesAreSkipped_emptyFieldsKept() throws {
    XCTAssertEqual(try fields("a,b\n\n1,\n,2\n"), [["a", "b"], ["1", ""], ["", "2"]])
  }

  func testUnterminatedQuote_namesItsLine() {
    XCTAssertThrowsError(try CSVTable.parse("id,x\na,\"open\nmore", file: file)) { error in
      XCTAssertEqual(
        (error as? ClassError)?.description,
        "'t.csv', line 2: a quoted field is never closed; end it with a '\"' "
          + "(write a quote inside a field as \"\")")
    }
  }

  func testCharacterAfterClosingQuote_isAnError() {
    XCTAssertThrowsError(try CSVTable.parse("id,x\na,\"q\"z\n", file: file)) { error in
      XCTAssertEqual(error as? ClassError, .strayAfterQuote(file: file, line: 2, column: 6))
    }
  }

  func testWrite_quotesWhatNeedsQuotingAndReadsBack() throws {
    let rows = [
      ["id", "name"], ["a", "García, Jr."], ["b", "O\"Neil"], ["c", "=HYPERLINK(1)"],
      ["d", "-2.5"],
    ]
    let text = CSVTable.write(rows)
    XCTAssertEqual(
      text, "id,name\r\na,\"García, Jr.\"\r\nb,\"O\"\"Neil\"\r\nc,'=HYPERLINK(1)\r\nd,-2.5\r\n")
    XCTAssertEqual(
      try fields(text),
      [
        ["id", "name"], ["a", "García, Jr."], ["b", "O\"Neil"],
        ["c", "'=HYPERLINK(1)"], ["d", "-2.5"],
      ])
  }

  /// The roster `variant --roster` and `grade --dir` read: LF, CRLF and CR line endings, with or
  /// without a byte-order mark and a final line ending, quoted fields, blank lines skipped.
  func testRoster_everyLineEndingAndABOM_readTheSameStudents() throws {
    let rows = ["id,name", "s1,Ada Lovelace", "s2,\"Turing, Alan\"", "s3,\"Said \"\"hi\"\"\""]
    let expected = [
      Student(id: "s1", name: "Ada Lovelace"), Student(id: "s2", name: "Turing, Alan"),
      Student(id: "s3", name: "Said \"hi\""),
    ]
    for ending in ["\n", "\r\n", "\r"] {
      for bom in ["", "\u{FEFF}"] {
        for last in ["", ending] {
          let text = bom + rows.joined(separator: ending) + last
          XCTAssertEqual(
            try Roster.parse(text, file: "r.csv").students, expected,
            "ending \(ending.debugDescription), BOM \(!bom.isEmpty)")
        }
      }
    }
    XCTAssertEqual(
      try Roster.parse("student_id\r\n\r\nx-1\r\ny_2", file: "r.csv").students
        .map(\.id), ["x-1", "y_2"])
  }

  func testRoster_headerVariantsAndErrors() throws {
    let roster = try Roster.parse(
      "\u{FEFF}Name,SIS User ID,Section,Email\r\nAda L,a1,A,a@x\r\nBo,b2,,\r\n",
      file: "r.csv")
    XCTAssertEqual(
      roster.students,
      [
        Student(id: "a1", name: "Ada L", section: "A", email: "a@x"),
        Student(id: "b2", name: "Bo"),
      ])
    XCTAssertThrowsError(try Roster.parse("id,name\na,A\na,B\n", file: "r.csv")) { error in
      XCTAssertEqual(
        "\(error)",
        "the student id 'a' appears twice (r.csv line 2 and line 3); each "
          + "student has one sheet")
    }
    XCTAssertThrowsError(try Roster.parse("who,name\na,A\n", file: "r.csv")) { error in
      XCTAssertEqual(
        "\(error)",
        "'r.csv' has no student id column; name it one of: id, student, "
          + "student id, student_id, sis user id")
    }
    XCTAssertThrowsError(try Roster.parse("id,name\n,A\n", file: "r.csv")) { error in
      XCTAssertEqual(error as? ClassError, .emptyStudentID(file: "r.csv", line: 2))
    }
    // A roster id names feedback files too: no path is built from one.
    XCTAssertThrowsError(try Roster.parse("id,name\n../../x,A\n", file: "r.csv")) { error in
      XCTAssertEqual(error as? ClassError, .badStudentID(id: "../../x"))
    }
  }
}
