import Classroom
import ResultStore
import Verification

/// The staff's view of the class: each student's latest answer per problem as a class grading
/// (`ClassResult`), so the answer groups and the gradebook come from the Classroom module.
enum ClassView {
  static let e = Layout.e

  /// The class as graded so far: one row per roster student (or per student who posted, without
  /// a roster), their latest attempt per problem, 1 point for a correct one.
  static func result(
    problems: [String], roster: [ServeCredential], attempts: [ServeAttempt]
  )
    -> ClassResult
  {
    var latest: [String: [String: ServeAttempt]] = [:]
    for a in attempts { latest[a.student, default: [:]][a.problem] = a }
    var students = roster.filter { $0.role == .student }
      .map { (id: $0.student, name: $0.name, section: $0.section, email: $0.email) }
    for a in attempts where !students.contains(where: { $0.id == a.student }) {
      students.append((a.student, "", "", ""))
    }
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
          points: a.verdict == GradeVerdict.correct.rawValue ? 1 : 0, maxPoints: 1,
          key: a.groupKey)
      }
      let tried = latest[s.id] != nil
      return StudentResult(
        id: s.id, name: s.name, section: s.section, email: s.email,
        status: tried ? .graded : .missing, reason: nil, notes: [], answers: answers)
    }
    let distinct = Set(attempts.map { $0.problem + "\u{0}" + $0.groupKey }).count
    return ClassResult(
      problems: problems, rubric: .object([("points", .string("1 per correct answer"))]),
      students: rows, distinctAnswers: distinct)
  }

  static func page(
    _ identity: Identity, problems: [any Problem], result: ClassResult,
    attempts: Int
  ) -> String {
    var body =
      "<h1>The class</h1>\n<p>\(result.students.count) students, \(attempts) attempts "
      + "stored. Answer groups are formed from each student's latest answer; a group holds answers "
      + "that mean the same. <a id=\"gradebook\" href=\"\(e(identity.base))/gradebook.csv\">"
      + "Download the gradebook (CSV)</a></p>\n"
    body +=
      "<table id=\"students\"><thead><tr><th>Student</th><th>Name</th>"
      + result.problems.map { "<th>\(e($0))</th>" }.joined()
      + "<th>Total</th></tr></thead><tbody>\n"
    for s in result.students {
      body +=
        "<tr><td>\(e(s.id))</td><td>\(e(s.name))</td>"
        + s.answers.map { "<td>\(Layout.verdict($0.verdict))</td>" }.joined()
        + "<td>\(Gradebook.number(s.total)) / \(Gradebook.number(s.maximum))</td></tr>\n"
    }
    body += "</tbody></table>\n"
    let groups = AnswerGroup.groups(result)
    for p in problems {
      let list = (groups[p.id] ?? []).filter { $0.verdict != GradedAnswer.missing }
      body += "<h2 id=\"groups-\(e(p.id))\">Problem \(e(p.id)): \(e(p.title))</h2>\n"
      guard !list.isEmpty else {
        body += "<p class=\"meta\">No answers yet.</p>\n"
        continue
      }
      body +=
        "<table><thead><tr><th>Students</th><th>Verdict</th><th>Answer (most common "
        + "spelling)</th><th>Read as</th><th>Feedback</th><th>Who</th></tr></thead><tbody>\n"
      for g in list {
        body +=
          "<tr><td>\(g.size)</td><td>\(Layout.verdict(g.verdict))</td>"
          + "<td><code>\(e(g.example ?? ""))</code>"
          + (g.spellings > 1 ? " <span class=\"meta\">(\(g.spellings) spellings)</span>" : "")
          + "</td><td>\(e(g.reading ?? ""))</td><td>\(e(g.feedback.joined(separator: " ")))</td>"
          + "<td>\(e(g.members.joined(separator: ", ")))</td></tr>\n"
      }
      body += "</tbody></table>\n"
    }
    return Layout.page(title: "Class view", home: identity.base + "/", who: "staff", body: body)
  }
}
