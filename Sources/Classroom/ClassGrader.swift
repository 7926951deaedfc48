import Foundation
import ResultStore
import TensorCore
import Verification

/// Grades a class: every sheet's answers through the problems' own graders, each distinct
/// (problem, answer text) once, the distinct answers spread over the cores.
///
/// A grade depends only on the problem, the answer text and the seed (the grader's stream is
/// `RandomStream(seed).split(problem).split("grade")`, the same for every answer), so the result
/// is the same on one core or two and in any order; grading an answer once and sharing the
/// grade changes nothing but the time.
/// - Complexity: one grading per distinct (problem, answer) pair, plus O(students · problems).
public struct ClassGrader: Sendable {
  /// Grades one answer to one problem.
  public typealias Grading = @Sendable (_ problem: any Problem, _ answer: String) -> Grade

  /// The problems graded, by their ids in the sheets.
  public let problems: [any Problem]
  /// The points and part weights credited per problem.
  public let rubric: Rubric
  /// How one answer is graded (`standard(seed:)` or a test's own).
  public let grading: Grading
  /// Each student's own member of a problem's family (student id → problem id → variant), from
  /// a recorded set: that student's answer is graded by the variant's grader. Students and
  /// problems not in it are graded against the base problem.
  public var variants: [String: [String: Variant]] = [:]

  /// A grader of `problems` with `rubric`, grading each distinct answer with `grading`.
  public init(problems: [any Problem], rubric: Rubric, grading: @escaping Grading) {
    (self.problems, self.rubric, self.grading) = (problems, rubric, grading)
  }

  /// The standard grading: psverify's derivation under the problem's default parameters, then
  /// the problem's grader, exactly as `psverify grade` runs it.
  public static func standard(seed: UInt64) -> Grading {
    let runner = Runner(seed: seed)
    return { problem, answer in
      let parameters = ParameterValues(specs: problem.parameters)
      return runner.grade(problem, answer: answer, parameters: parameters).grade
    }
  }

  /// Grades every sheet; students on the roster without a sheet get a `missing` row.
  public func grade(_ sheets: [ClassSheet], roster: Roster?) -> ClassResult {
    var keys: [PairKey] = []
    var graders: [any Problem] = []
    var seen: Set<PairKey> = []
    for sheet in sheets where sheet.unreadable == nil {
      for problem in problems {
        if let answer = sheet.answers[problem.id] {
          let (key, grader) = pair(sheet.student, problem, answer)
          if seen.insert(key).inserted {
            keys.append(key)
            graders.append(grader)
          }
        }
      }
    }
    let pairs = keys
    let problemOf = graders
    let graded = Parallel.map(pairs.count) { [grading] i in
      let key = pairs[i]
      let grade = grading(problemOf[i], key.answer)
      return (grade, AnswerKey.of(grade))
    }
    var memo: [PairKey: (Grade, String)] = [:]
    for (k, g) in zip(keys, graded) { memo[k] = g }

    let named = Dictionary(
      (roster?.students ?? []).map { ($0.id, $0) },
      uniquingKeysWith: { a, _ in a })
    var rows: [StudentResult] = []
    for sheet in sheets {
      let student = named[sheet.student] ?? Student(id: sheet.student)
      var notes = sheet.notes
      if roster != nil && named[sheet.student] == nil { notes.append("not on the roster") }
      rows.append(row(student, sheet, notes: notes, memo: memo))
    }
    let submitted = Set(sheets.map(\.student))
    let nothing = "no sheet was submitted"
    for s in roster?.students ?? [] where !submitted.contains(s.id) {
      rows.append(
        StudentResult(
          s, .missing, reason: "no sheet was submitted", notes: [],
          answers: problems.map { missingAnswer($0.id, nothing) }))
    }
    return ClassResult(
      problems: problems.map(\.id), rubric: rubric.json, students: rows,
      distinctAnswers: keys.count)
  }

  func row(
    _ student: Student, _ sheet: ClassSheet, notes: [String],
    memo: [PairKey: (Grade, String)]
  ) -> StudentResult {
    if let reason = sheet.unreadable {
      return StudentResult(
        student, .unreadable, reason: reason, notes: notes,
        answers: problems.map {
          missingAnswer($0.id, "the sheet could not be read: \(reason)")
        })
    }
    let answers = problems.map { p -> GradedAnswer in
      guard let text = sheet.answers[p.id],
        let (grade, key) = memo[pair(sheet.student, p, text).key]
      else {
        return missingAnswer(p.id, "no answer to \(p.id)")
      }
      return GradedAnswer(
        problem: p.id, answer: text, verdict: grade.verdict.rawValue,
        reading: grade.reading, feedback: grade.feedback,
        convention: grade.convention, issues: grade.issues.map(\.description),
        points: rubric.credit(p.id, grade),
        maxPoints: rubric.maximum(p.id), key: key)
    }
    return StudentResult(student, .graded, reason: nil, notes: notes, answers: answers)
  }

  func missingAnswer(_ problem: String, _ reason: String) -> GradedAnswer {
    GradedAnswer(
      problem: problem, answer: nil, verdict: GradedAnswer.missing, reading: nil,
      feedback: [reason], convention: nil, issues: [], points: 0,
      maxPoints: rubric.maximum(problem), key: "missing")
  }

  /// The grading of a student's answer: the problem's id, the statement of the member the
  /// student was given (empty for the base problem; equal statements grade alike), the answer.
  func pair(_ student: String, _ problem: any Problem, _ answer: String)
    -> (key: PairKey, grader: any Problem)
  {
    guard let v = variants[student]?[problem.id] else {
      return (PairKey(problem: problem.id, variant: "", answer: answer), problem)
    }
    let statement = v.problem.title + "\n" + v.problem.question
    return (PairKey(problem: problem.id, variant: statement, answer: answer), v.problem)
  }

  struct PairKey: Hashable, Sendable {
    let problem: String
    let variant: String
    let answer: String
  }
}

extension StudentResult {
  init(_ s: Student, _ status: Status, reason: String?, notes: [String], answers: [GradedAnswer]) {
    self.init(
      id: s.id, name: s.name, section: s.section, email: s.email, status: status,
      reason: reason, notes: notes, answers: answers)
  }
}
