import Foundation
import GRDB
import Verification

extension ResultStore {
  /// A class grading's rows, inside the run's transaction: the class run, its students, and
  /// their submissions (one per student and problem).
  func insert(_ c: ClassResult, runID: Int64, _ db: Database) throws {
    try db.execute(
      sql: """
        INSERT INTO class_run (run_id, source, rubric, problems, distinct_answers)
        VALUES (?, ?, ?, ?, ?)
        """,
      arguments: [
        runID, c.source, c.rubric.serialized(),
        JSONValue.array(c.problems.map { .string($0) }).serialized(), c.distinctAnswers,
      ])
    for (position, s) in c.students.enumerated() {
      try db.execute(
        sql: """
          INSERT INTO class_student (run_id, position, student, name, section, email, status,
            reason, notes, total, maximum)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          runID, position, s.id, s.name, s.section, s.email, s.status.rawValue, s.reason,
          strings(s.notes), s.total, s.maximum,
        ])
      for a in s.answers {
        try db.execute(
          sql: """
            INSERT INTO submission (run_id, problem_id, answer, verdict, reading, feedback,
              convention, issues, typed, student, points, max_points, group_key)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)
            """,
          arguments: [
            runID, a.problem, a.answer ?? "", a.verdict, a.reading, strings(a.feedback),
            a.convention, strings(a.issues), s.id, a.points, a.maxPoints, a.key,
          ])
      }
    }
  }

  func strings(_ list: [String]) -> String {
    JSONValue.array(list.map { .string($0) }).serialized()
  }

  /// A stored class grading; the latest when `run` is nil. Opens the database as every read
  /// command does (`openForReading`): read-only, no migration of the file, a foreign or empty file
  /// read as holding no runs.
  /// - Throws: `StoreError.noDatabase`, `.noClassRuns`, `.unknownRun`, or `.notClassRun`.
  public func classResult(run: Int64?) throws(StoreError) -> ClassResult {
    let queue = try openForReading()
    defer { try? queue.close() }
    do {
      return try queue.read { db in try Self.loadClass(run: run, path: path, db) }
    } catch let error as StoreError {
      throw error
    } catch {
      throw .writeFailed(path: path, reason: Self.describe(error))
    }
  }

  static func loadClass(run: Int64?, path: String, _ db: Database) throws -> ClassResult {
    guard try db.tableExists("class_run") else { throw StoreError.noClassRuns(path: path) }
    let id: Int64
    if let run {
      let kind = try String.fetchOne(db, sql: "SELECT kind FROM run WHERE id = ?", arguments: [run])
      guard let kind else {
        let ids = try Int64.fetchAll(db, sql: "SELECT run_id FROM class_run ORDER BY run_id")
        throw StoreError.unknownRun(id: run, available: ids)
      }
      let isClass =
        try Bool.fetchOne(
          db, sql: "SELECT 1 FROM class_run WHERE run_id = ?",
          arguments: [run]) != nil
      guard isClass else {
        throw StoreError.notClassRun(id: run, kind: kind)
      }
      id = run
    } else {
      guard let last = try Int64.fetchOne(db, sql: "SELECT MAX(run_id) FROM class_run") else {
        throw StoreError.noClassRuns(path: path)
      }
      id = last
    }
    let head = try Row.fetchOne(
      db,
      sql: """
        SELECT c.source, c.rubric, c.problems, c.distinct_answers, r.seed, r.version
        FROM class_run c JOIN run r ON r.id = c.run_id WHERE c.run_id = ?
        """, arguments: [id])!
    let problems = items(try? JSONValue.parse(head["problems"] as String)).compactMap(\.string)
    var answers: [String: [GradedAnswer]] = [:]
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT student, problem_id, answer, verdict, reading, feedback, convention, issues, points,
          max_points, group_key
        FROM submission WHERE run_id = ? ORDER BY id
        """, arguments: [id])
    {
      let verdict: String = row["verdict"]
      let text: String = row["answer"]
      answers[row["student"], default: []].append(
        GradedAnswer(
          problem: row["problem_id"], answer: verdict == GradedAnswer.missing ? nil : text,
          verdict: verdict, reading: row["reading"], feedback: list(row["feedback"]),
          convention: row["convention"], issues: list(row["issues"]), points: row["points"] ?? 0,
          maxPoints: row["max_points"] ?? 0, key: row["group_key"] ?? ""))
    }
    let students = try Row.fetchAll(
      db,
      sql: """
        SELECT student, name, section, email, status, reason, notes FROM class_student
        WHERE run_id = ? ORDER BY position
        """, arguments: [id]
    ).map { row in
      StudentResult(
        id: row["student"], name: row["name"], section: row["section"],
        email: row["email"],
        status: StudentResult.Status(rawValue: row["status"]) ?? .unreadable,
        reason: row["reason"], notes: list(row["notes"]),
        answers: answers[row["student"]] ?? [])
    }
    var result = ClassResult(
      problems: problems,
      rubric: (try? JSONValue.parse(head["rubric"] as String))
        ?? .object([]),
      students: students, distinctAnswers: head["distinct_answers"])
    result.run = id
    result.seed = UInt64(bitPattern: head["seed"] as Int64)
    result.version = head["version"]
    result.source = head["source"]
    return result
  }

  static func list(_ text: String?) -> [String] {
    guard let text, let value = try? JSONValue.parse(text) else { return [] }
    return items(value).compactMap(\.string)
  }

  static func items(_ value: JSONValue?) -> [JSONValue] {
    if case .array(let items)? = value { return items }
    return []
  }
}
