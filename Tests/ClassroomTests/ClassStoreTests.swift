import Classroom
import Foundation
import P1ConvMultiplies
import P3bResidualScale
import ResultStore
import Verification
import XCTest

final class ClassStoreTests: XCTestCase {
  var directory: URL!
  var db: String { directory.appendingPathComponent("results.db").path }
  let problems: [any Problem] = [ConvMultiplies.problem, ResidualScale.problem]

  override func setUpWithError() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "classdb-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

  /// Five students: s0 and s3 wrote 1/2 for 3b, the others 1/sqrt(2) or 1; s4's sheet is unreadable.
  func storedClass() throws -> (ResultStore, Int64, ClassResult) {
    let texts = ["1/2", "1/sqrt(2)", "1", "0.5"]
    var sheets = texts.enumerated().map { i, t in
      ClassSheet(student: "s\(i)", source: "t", answers: ["1": "B*X*Y*dX*dY*Nout*Nin", "3b": t])
    }
    sheets.append(ClassSheet(student: "s4", source: "t", unreadable: "a binary file"))
    var result = ClassGrader(
      problems: problems, rubric: Rubric(points: ["3b": 2]),
      grading: ClassGrader.standard(seed: 9)
    ).grade(sheets, roster: nil)
    result.source = "--dir t"
    let store = ResultStore(path: db)
    var record = RunRecord(
      startedAt: Date(), finishedAt: Date(), version: "test", seed: 9, trials: nil,
      parameters: .object([]), commandLine: "psverify grade --dir t", reports: [])
    record.kind = .class
    record.classResult = result
    return (store, try store.store(record), result)
  }

  func testStoredClass_readsBackRowForRow_withoutWriting() throws {
    let (store, id, result) = try storedClass()
    let before = try FileManager.default.attributesOfItem(atPath: db)
    let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    let read = try store.classResult(run: nil)
    XCTAssertEqual(read.run, id)
    XCTAssertEqual(read.seed, 9)
    XCTAssertEqual(read.source, "--dir t")
    XCTAssertEqual(read.problems, ["1", "3b"])
    XCTAssertEqual(read.students.map(\.id), result.students.map(\.id))
    XCTAssertEqual(read.students.map(\.status), result.students.map(\.status))
    XCTAssertEqual(read.students.map(\.answers), result.students.map(\.answers))
    // Problem 1 is worth 1 (the default), 3b 2: everyone's count is right; s1's γ too.
    XCTAssertEqual(read.students.map(\.total), [1, 3, 1, 1, 0])
    XCTAssertEqual(Rubric(json: read.rubric), Rubric(points: ["3b": 2]))
    let after = try FileManager.default.attributesOfItem(atPath: db)
    XCTAssertEqual(before[.modificationDate] as? Date, after[.modificationDate] as? Date)
    XCTAssertEqual(before[.size] as? Int, after[.size] as? Int)
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted(), files)
  }

  func testClassResult_errors() throws {
    XCTAssertThrowsError(try ResultStore(path: db).classResult(run: nil)) { error in
      XCTAssertEqual(error as? StoreError, .noDatabase(path: self.db))
    }
    let (store, id, _) = try storedClass()
    XCTAssertThrowsError(try store.classResult(run: id + 5)) { error in
      XCTAssertEqual(error as? StoreError, .unknownRun(id: id + 5, available: [id]))
    }
    var grade = RunRecord(
      startedAt: Date(), finishedAt: Date(), version: "t", seed: 1, trials: nil,
      parameters: .object([]), commandLine: "psverify grade", reports: [])
    grade.kind = .grade
    let other = try store.store(grade)
    XCTAssertThrowsError(try store.classResult(run: other)) { error in
      XCTAssertEqual(
        "\(error)",
        "run \(other) is a grade run, not a class grading; list the runs with psverify history")
    }
  }

  /// A grader change that accepts γ = 1/2: exactly the students who wrote 1/2 (in any spelling)
  /// change, and nobody else.
  func testRegrade_listsExactlyTheStudentsWhoseVerdictsChanged() throws {
    let (store, id, _) = try storedClass()
    let old = try store.classResult(run: id)
    let standard = ClassGrader.standard(seed: 9)
    let changed: ClassGrader.Grading = { p, a in
      var g = standard(p, a)
      if p.id == "3b", case .scalar(let v)? = g.answer, v.doubleValue == 0.5 {
        g.verdict = .correct
        g.feedback = ["accepted by the changed grader"]
      }
      return g
    }
    let regrade = Regrade(old, problems: problems, grading: changed)
    XCTAssertEqual(regrade.changedStudents, ["s0", "s3"])
    XCTAssertEqual(regrade.changes.map(\.oldVerdict), ["incorrect", "incorrect"])
    XCTAssertEqual(regrade.changes.map(\.newVerdict), ["correct", "correct"])
    XCTAssertEqual(regrade.changes.map(\.newPoints), [2, 2])
    XCTAssertEqual(regrade.changes.first?.why, "accepted by the changed grader")
    XCTAssertEqual(
      Regrade(old, problems: problems, grading: standard).changes, [],
      "the same grader changes nothing")
    XCTAssertEqual(
      regrade.new.students.last?.status, .unreadable, "an unreadable sheet stays as it was")
  }
}
