import ResultStore
import Verification

/// The attempts students posted to `psverify-serve`, read as a class grading (`ClassResult`), so
/// the staff's class view, `psverify class --served` and the gradebook show them as they show a
/// graded directory of sheets.
///
/// Per student and problem the latest attempt counts: its verdict, its answer (for the answer
/// groups) and 1 point when correct. A student's notes say, per problem tried, how many attempts
/// they made, whether an earlier one was correct when the latest is not, and which variant
/// they answered. O(attempts + students × problems).
public enum ServedClass {
  /// One row per roster student, in roster order, then one per student who posted without being
  /// on the roster (the single-user page's `local`); students who never posted are `missing`.
  public static func result(
    problems: [String], roster: [ServeCredential], attempts: [ServeAttempt]
  ) -> ClassResult {
    var latest: [String: [String: ServeAttempt]] = [:]
    var history: [String: [String: [ServeAttempt]]] = [:]
    for a in attempts {
      latest[a.student, default: [:]][a.problem] = a
      history[a.student, default: [:]][a.problem, default: []].append(a)
    }
    var students = roster.filter { $0.role == .student }
      .map { (id: $0.student, name: $0.name, section: $0.section, email: $0.email) }
    for a in attempts where !students.contains(where: { $0.id == a.student }) {
      students.append((a.student, "", "", ""))
    }
    let correct = GradeVerdict.correct.rawValue
    let rows = students.map { s in
      let answers = problems.map { p -> GradedAnswer in
        guard let a = latest[s.id]?[p] else {
          return GradedAnswer(
            problem: p, answer: nil, verdict: GradedAnswer.missing, reading: nil,
            feedback: [], convention: nil, issues: [], points: 0, maxPoints: 1,
            key: GradedAnswer.missing)
        }
        return GradedAnswer(
          problem: p, answer: a.answer, verdict: a.verdict, reading: a.reading,
          feedback: a.feedback, convention: nil, issues: [],
          points: a.verdict == correct ? 1 : 0, maxPoints: 1, key: a.groupKey)
      }
      let notes = problems.compactMap { p -> String? in
        guard let tries = history[s.id]?[p], let last = tries.last else { return nil }
        var note =
          "\(p): \(tries.count) attempt\(tries.count == 1 ? "" : "s"), latest \(last.verdict)"
        if last.verdict != correct,
          let first = tries.firstIndex(where: { $0.verdict == correct })
        {
          note += " (attempt \(first + 1) was correct)"
        }
        if let v = last.variant { note += "; variant \(v)" }
        return note
      }
      return StudentResult(
        id: s.id, name: s.name, section: s.section, email: s.email,
        status: latest[s.id] != nil ? .graded : .missing, reason: nil, notes: notes,
        answers: answers)
    }
    let distinct = Set(attempts.map { $0.problem + "\u{0}" + $0.groupKey }).count
    var result = ClassResult(
      problems: problems,
      rubric: .object([
        ("points", .string("1 per problem whose latest attempt is correct")),
        ("source", .string("psverify-serve")),
      ]),
      students: rows, distinctAnswers: distinct)
    result.source =
      "\(attempts.count) attempt\(attempts.count == 1 ? "" : "s") posted to "
      + "psverify-serve"
    return result
  }
}
