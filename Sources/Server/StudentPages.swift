import Charts
import Foundation
import ResultStore
import Verification

/// The student's pages: the list of problems, and a problem with its form, the verdict of the
/// answer just posted, its figure, and the attempts so far.
enum StudentPages {
  static let e = Layout.e

  static func who(_ identity: Identity) -> String {
    switch identity.kind {
    case .local: "local page"
    case .student:
      identity.name.isEmpty ? identity.student : "\(identity.name) (\(identity.student))"
    case .staff: "staff"
    }
  }

  /// The list: each problem with the student's latest verdict and number of attempts.
  static func list(
    _ identity: Identity, problems: [any Problem], attempts: [ServeAttempt]
  ) -> String {
    var rows = ""
    for p in problems {
      let mine = attempts.filter { $0.problem == p.id }
      let latest =
        mine.last.map { Layout.verdict($0.verdict) } ?? "<span class=\"meta\">not tried</span>"
      rows +=
        "<tr><td>\(e(p.id))</td><td><a href=\"\(e(identity.base))/p/\(e(p.id))\" "
        + "id=\"open-\(e(p.id))\">\(e(p.title))</a></td><td>\(latest)</td>"
        + "<td>\(mine.count)</td></tr>\n"
    }
    let body = """
      <h1>Problems</h1>
      <p>TTIC 31230, winter 2019: convolutional networks. Open a problem, type your answer, and \
      psverify grades it with the code that checks the printed solutions.</p>
      <table id="problems"><thead><tr><th>Problem</th><th>Title</th><th>Your latest verdict</th>\
      <th>Attempts</th></tr></thead>
      <tbody>
      \(rows)</tbody></table>
      """
    return Layout.page(title: "Problems", home: identity.base + "/", who: who(identity), body: body)
  }

  /// A problem's page; `posted` is the answer just graded, if any. With a `variant`, the
  /// statement is the variant's (`problem` is its member) and its structure is named.
  static func problem(
    _ identity: Identity, _ problem: any Problem, variant: Variant? = nil, csrf: String,
    attempts: [ServeAttempt], posted: (answer: String, post: GradedPost)?
  ) -> String {
    var body =
      "<p><a href=\"\(e(identity.base))/\">← all problems</a></p>\n"
      + "<h1>Problem \(e(problem.id)): \(e(problem.title))</h1>\n"
    if let variant {
      body +=
        "<p class=\"variant\" id=\"variant\">Your variant: <strong>\(e(variant.summary))"
        + "</strong> <span class=\"meta\">("
        + variant.structure.map { "\(e($0.name)) \(e($0.value))" }.joined(separator: "; ")
        + ")</span></p>\n"
    }
    body +=
      "<div class=\"statement\" id=\"statement\"><p>\(HTMLText.prose(problem.question))</p></div>\n"
    if let posted { body += result(posted.answer, posted.post) }
    body += """
      <form method="post" action="\(e(identity.base))/p/\(e(problem.id))" id="answer-form">
      <p><label for="answer"><strong>Your answer</strong></label><br>
      <span class="meta">\(e(problem.answerFormat))</span></p>
      <textarea id="answer" name="answer" rows="4" maxlength="20000" required>\
      \(e(posted?.answer ?? ""))</textarea>
      <input type="hidden" name="csrf" value="\(e(csrf))">
      <button type="submit" id="submit">Grade my answer</button>
      </form>

      """
    body += history(attempts)
    return Layout.page(
      title: "Problem \(problem.id)", home: identity.base + "/", who: who(identity),
      body: body)
  }

  /// The verdict, how the answer was read (MathML built by psverify from the parsed answer), the
  /// feedback, the located defects, and the figure.
  static func result(_ answer: String, _ post: GradedPost) -> String {
    let g = post.grade
    var s =
      "<section class=\"result\" id=\"result\">\n<h2>Verdict: <span id=\"verdict\">"
      + Layout.verdict(g.verdict.rawValue) + "</span></h2>\n"
      + "<p>You wrote: <code id=\"your-answer\">\(e(answer))</code></p>\n"
    if let reading = g.reading {
      s +=
        "<p>Read as: " + (g.answer.map { "<span class=\"math\">\($0.mathML)</span> " } ?? "")
        + "<span class=\"meta\">(\(e(reading)))</span></p>\n"
    }
    if let c = g.convention { s += "<p>Right under the convention: \(e(c))</p>\n" }
    if !g.feedback.isEmpty {
      s += "<ul id=\"feedback\">" + g.feedback.map { "<li>\(e($0))</li>" }.joined() + "</ul>\n"
    }
    for issue in g.issues {
      s +=
        "<p>Line \(issue.line), column \(issue.column): \(e(issue.message))</p>"
        + "<pre>\(e(issue.excerpt))</pre>\n"
    }
    if !g.parts.isEmpty {
      s +=
        "<p>Parts: "
        + g.parts.map { "\(e($0.label)) \($0.correct ? "✓" : "✗")" }
        .joined(separator: ", ") + "</p>\n"
    }
    if let f = post.figure {
      s += "<figure id=\"figure\">\(f.svg)<figcaption>\(e(f.caption))</figcaption></figure>\n"
    }
    s += "<p class=\"meta\">Graded in \(String(format: "%.3f", post.seconds)) s.</p>\n</section>\n"
    return s
  }

  /// The student's attempts at this problem, oldest first.
  static func history(_ attempts: [ServeAttempt]) -> String {
    guard !attempts.isEmpty else {
      return "<h2>Your attempts</h2>\n<p class=\"meta\">None yet.</p>\n"
    }
    let time = DateFormatter()
    time.dateFormat = "yyyy-MM-dd HH:mm:ss"
    time.timeZone = TimeZone(identifier: "UTC")
    return "<h2>Your attempts</h2>\n<ol id=\"attempts\">\n"
      + attempts.map { a in
        "<li>\(Layout.verdict(a.verdict)) <code>\(e(a.answer))</code> "
          + "<span class=\"meta\">\(e(time.string(from: a.at))) UTC</span></li>"
      }.joined(separator: "\n") + "\n</ol>\n"
  }
}
