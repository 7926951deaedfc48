import Classroom
import Foundation
import P1ConvMultiplies
import P3bResidualScale
import ResultStore
import TensorCore
import Verification
import XCTest

final class ClassGraderTests: XCTestCase {
  var directory: URL!
  let problems: [any Problem] = [ConvMultiplies.problem, ResidualScale.problem]
  var ids: [String] { problems.map(\.id) }

  override func setUpWithError() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "class-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

  func write(_ name: String, _ data: Data) throws {
    try data.write(to: directory.appendingPathComponent(name))
  }

  func testDirectory_badSheetsBecomeUnreadableRows_withTheirReasons() throws {
    try write("ada.txt", Data("\u{FEFF}1: B*X*Y*dX*dY*Nout*Nin\r\n3b: 1/2\r\n".utf8))
    try write("bob.pdf", Data([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]))
    try write("cy.txt", Data(repeating: UInt8(ascii: "a"), count: ClassSheets.maximumBytes + 1))
    try write("dee.txt", Data("this is not an answer\n".utf8))
    try write("eve.txt", Data([0xff, 0xfe, 0x41]))
    try write(".hidden", Data("1: x\n".utf8))
    let sheets = try ClassSheets.directory(directory.path, problems: ids)
    XCTAssertEqual(sheets.map(\.student), ["ada", "bob", "cy", "dee", "eve"])
    XCTAssertEqual(sheets[0].answers, ["1": "B*X*Y*dX*dY*Nout*Nin", "3b": "1/2"])
    XCTAssertNil(sheets[0].unreadable)
    XCTAssertEqual(
      sheets[1].unreadable,
      "a binary file (it holds NUL bytes); write the answers as UTF-8 text, one ID: ANSWER per line"
    )
    XCTAssertEqual(
      sheets[2].unreadable, "the sheet is 1048577 bytes, over the limit of 1048576 bytes (1 MiB)")
    XCTAssertEqual(
      sheets[3].unreadable,
      "line 1: expected an answer as ID: ANSWER (e.g. 3b: 1/sqrt(2)), "
        + "a comment starting with #, or a blank line")
    XCTAssertEqual(
      sheets[4].unreadable, "not UTF-8 text; save the sheet as UTF-8, one ID: ANSWER per line")

    let result = ClassGrader(
      problems: problems, rubric: Rubric(points: ["1": 2]),
      grading: ClassGrader.standard(seed: 1)
    ).grade(sheets, roster: nil)
    XCTAssertEqual(
      result.students.map(\.status), [.graded, .unreadable, .unreadable, .unreadable, .unreadable])
    XCTAssertEqual(result.students.map(\.total), [2, 0, 0, 0, 0])
    XCTAssertEqual(result.students[0].answers.map(\.verdict), ["correct", "incorrect"])
  }

  func testSheet_unknownIdsAndRepeatedAnswersAreNotedNotGraded_CRLinesRead() {
    let sheet = ClassSheets.parse(
      Data("1: B\r9z: x\r1: B*X\r3b:\r".utf8), student: "a", source: "a.txt",
      problems: ids)
    XCTAssertNil(sheet.unreadable)
    XCTAssertEqual(sheet.answers, ["1": "B"], "an empty answer is no answer")
    XCTAssertEqual(
      sheet.notes,
      [
        "line 2: '9z' is no problem id (known: 1, 3b); that answer was not graded",
        "line 3: a second answer to 1; the first was graded",
      ])
  }

  func testDirectory_runLevelErrors() throws {
    XCTAssertThrowsError(try ClassSheets.directory(directory.path, problems: ids)) { error in
      XCTAssertEqual(
        "\(error)",
        "'\(self.directory.path)' holds no answer sheets; put one file per student "
          + "there (the file name is the student id), e.g. alice.txt with lines like 3b: 1/sqrt(2)")
    }
    try write("ada.txt", Data("1: B\n".utf8))
    try write("ada.md", Data("1: B\n".utf8))
    XCTAssertThrowsError(try ClassSheets.directory(directory.path, problems: ids)) { error in
      XCTAssertEqual(
        "\(error)",
        "the student id 'ada' appears twice (ada.md and ada.txt); each student has one sheet")
    }
    XCTAssertThrowsError(
      try ClassSheets.directory(
        directory.appendingPathComponent("ada.txt").path,
        problems: ids)
    ) { error in
      XCTAssertEqual(
        error as? ClassError,
        .notDirectory(path: self.directory.appendingPathComponent("ada.txt").path))
    }
  }

  func testCSV_unknownColumnAndDuplicateRows() {
    XCTAssertThrowsError(try ClassSheets.csv("id,1,9z\na,B,C\n", file: "c.csv", problems: ids)) {
      error in
      XCTAssertEqual(
        "\(error)",
        "'c.csv' has a column '9z' that is no problem id; known: 1, 3b "
          + "(and id, name, section, email, timestamp)")
    }
    XCTAssertThrowsError(try ClassSheets.csv("id,1\na,B\na,C\n", file: "c.csv", problems: ids)) {
      error in
      XCTAssertEqual(
        error as? ClassError, .duplicateStudent(id: "a", first: "c.csv line 2", second: "line 3"))
    }
    XCTAssertThrowsError(try ClassSheets.csv("id,1\n../x,B\n", file: "c.csv", problems: ids)) {
      error in
      XCTAssertEqual(error as? ClassError, .badStudentID(id: "../x"))
    }
  }

  func testCSV_andRoster_missingStudentsAndNames() throws {
    let read = try ClassSheets.csv(
      "Timestamp,Student ID,Name,3b,1\r\nx,a,Ada,\"1/sqrt(2)\",\r\ny,b,Bo,0.5,B\r\n",
      file: "c.csv", problems: ids)
    XCTAssertEqual(read.sheets.map(\.answers), [["3b": "1/sqrt(2)"], ["3b": "0.5", "1": "B"]])
    let roster = Roster(students: [Student(id: "a", name: "Ada"), Student(id: "z", name: "Zoe")])
    let result = ClassGrader(
      problems: problems, rubric: Rubric(), grading: ClassGrader.standard(seed: 1)
    )
    .grade(read.sheets, roster: roster)
    XCTAssertEqual(result.students.map(\.id), ["a", "b", "z"])
    XCTAssertEqual(result.students.map(\.status), [.graded, .graded, .missing])
    XCTAssertEqual(result.students[0].answers.map(\.verdict), ["missing", "correct"])
    XCTAssertEqual(result.students[0].answers[0].feedback, ["no answer to 1"])
    XCTAssertEqual(result.students[1].notes, ["not on the roster"])
    XCTAssertEqual(
      result.students[2].answers.map(\.feedback),
      [["no sheet was submitted"], ["no sheet was submitted"]])
  }

  /// Each distinct (problem, answer) is graded once, and one worker or two give the same rows.
  func testSameAnswerGradedOnce_andWorkerCountChangesNothing() {
    let sheets = (0..<40).map { i in
      ClassSheet(
        student: "s\(i)", source: "",
        answers: [
          "1": ["B*X*Y*dX*dY*Nout*Nin", "B*X*Y", "B*X*(Y"][i % 3],
          "3b": ["1/sqrt(2)", "0.5"][i % 2],
        ])
    }
    let calls = Calls()
    let standard = ClassGrader.standard(seed: 5)
    let grader = ClassGrader(
      problems: problems, rubric: Rubric(),
      grading: { p, a in
        calls.add("\(p.id)|\(a)")
        return standard(p, a)
      })
    Parallel.limitWorkers(1)
    let one = grader.grade(sheets, roster: nil)
    Parallel.limitWorkers(2)
    let two = grader.grade(sheets, roster: nil)
    Parallel.limitWorkers(0)
    XCTAssertEqual(calls.all.count, 2 * 5, "3 + 2 distinct answers, graded once per run")
    XCTAssertEqual(Set(calls.all).count, 5)
    XCTAssertEqual(one.distinctAnswers, 5)
    XCTAssertEqual(one.students.map(\.answers), two.students.map(\.answers))
  }
}

/// Grading calls recorded from several workers.
final class Calls: @unchecked Sendable {
  private let lock = NSLock()
  private var list: [String] = []
  func add(_ s: String) {
    lock.lock()
    list.append(s)
    lock.unlock()
  }
  var all: [String] {
    lock.lock()
    defer { lock.unlock() }
    return list
  }
}
