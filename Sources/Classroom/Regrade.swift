import Foundation
import ResultStore
import Verification

/// A stored class grading graded again with the current graders: the same answers, rubric and
/// seed, and the students whose points or verdicts changed, with the old and new verdict and the
/// new grader's reason.
public struct Regrade: Sendable {
  /// One answer whose verdict changed or whose points moved by more than 10⁻⁹.
  public struct Change: Sendable, Equatable {
    /// The student's id, as in the roster.
    public var student: String
    /// The problem's id, e.g. `3b`.
    public var problem: String
    /// The stored verdict (`correct`, `incorrect`, `unreadable`).
    public var oldVerdict: String
    /// The verdict of the current grader.
    public var newVerdict: String
    /// The stored points.
    public var oldPoints: Double
    /// The points under the current grader and the stored rubric.
    public var newPoints: Double
    /// The new grader's first sentence of feedback.
    public var why: String
  }

  /// The stored grading.
  public let old: ClassResult
  /// The grading again: every graded student's answers replaced by the current grader's, the
  /// others as stored; its source names the old run.
  public let new: ClassResult
  /// Every answer whose verdict or points changed, by student then problem.
  public let changes: [Change]

  /// Grades `old`'s answers again. Unreadable sheets and missing answers stay as they were:
  /// there is nothing to grade again.
  /// - Parameters:
  ///   - problems: the current problems; an answer to a problem no longer known stays unchanged.
  public init(_ old: ClassResult, problems: [any Problem], grading: @escaping ClassGrader.Grading) {
    let known = problems.filter { old.problems.contains($0.id) }
    let grader = ClassGrader(problems: known, rubric: Rubric(json: old.rubric), grading: grading)
    var sheets: [ClassSheet] = []
    for s in old.students where s.status == .graded {
      var answers: [String: String] = [:]
      for a in s.answers { if let text = a.answer { answers[a.problem] = text } }
      sheets.append(ClassSheet(student: s.id, source: old.source, answers: answers, notes: s.notes))
    }
    let regraded = grader.grade(sheets, roster: nil)
    let byID = Dictionary(regraded.students.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var students: [StudentResult] = []
    var changes: [Change] = []
    for s in old.students {
      guard s.status == .graded, let fresh = byID[s.id] else {
        students.append(s)
        continue
      }
      var row = s
      for (i, a) in s.answers.enumerated() {
        guard let b = fresh.answers.first(where: { $0.problem == a.problem }) else { continue }
        row.answers[i] = b
        if a.verdict != b.verdict || abs(a.points - b.points) > 1e-9 {
          changes.append(
            Change(
              student: s.id, problem: a.problem, oldVerdict: a.verdict,
              newVerdict: b.verdict, oldPoints: a.points, newPoints: b.points,
              why: b.feedback.first ?? ""))
        }
      }
      students.append(row)
    }
    var new = ClassResult(
      problems: old.problems, rubric: old.rubric, students: students,
      distinctAnswers: regraded.distinctAnswers)
    new.source = "regrade of run " + (old.run.map(String.init) ?? "?")
    self.old = old
    self.new = new
    self.changes = changes
  }

  /// The students whose points or verdicts changed, in class order.
  public var changedStudents: [String] {
    var seen: Set<String> = []
    return changes.map(\.student).filter { seen.insert($0).inserted }
  }
}
