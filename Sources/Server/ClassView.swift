import Classroom
import ResultStore
import Verification

/// The staff's view of the class: each student's latest answer per problem as a class grading
/// (`ClassResult`), so the answer groups and the gradebook come from the Classroom module.
enum ClassView {
  static let e = Layout.e

  /// The class as graded so far (`ServedClass`): one row per roster student (or per student
  /// who posted, without a roster), their latest attempt per problem, 1 point for a correct one.
  static func result(
    problems: [String], roster: [ServeCredential], attempts: [ServeAttempt]
  )
    -> ClassResult
  {
    ServedClass.result(problems: problems, roster: roster, attempts: attempts)
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
        "<tr><td>\(e(s.id))</td><td>\(e(s.name))"
        + (s.notes.isEmpty
          ? "" : "<br><span class=\"meta\">\(s.notes.map(e).joined(separator: "<br>"))</span>")
        + "</td>"
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
