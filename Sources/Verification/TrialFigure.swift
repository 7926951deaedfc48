import Charts

/// Problems 2 and 4's figure: the grader's trials of the student's equation against the kernel
/// (or psverify's pyramid level), as numbers. Under a wrong equation, a table of the first
/// output position of the first differing trial (the trial's shapes and stride named) with both
/// values; under a right one, the number of trials it agreed on. Every string is escaped.
public enum TrialFigure {

  /// `comparisons` are the problem's, one per convention the grader tried, in its order.
  public static func make(_ comparisons: [TrialComparison], reference: String) -> AnswerFigure? {
    guard let first = comparisons.first else { return nil }
    let shown = comparisons.first { $0.agreed == $0.trials && $0.failure == nil } ?? first
    var html = "<table class=\"trial\" id=\"trial-table\">\n"
    var caption: String
    if shown.agreed == shown.trials && shown.failure == nil {
      html +=
        "<tr><th>Trials under \(e(shown.convention))</th><td>\(shown.trials)</td></tr>\n"
        + "<tr><th>Agreed within \(e(Value.format(shown.bound)))</th>"
        + "<td id=\"trials-agreed\">\(shown.agreed)</td></tr>\n"
        + "<tr><th>Largest difference, \(e(shown.measure))</th>"
        + "<td>\(e(Value.format(shown.largest)))</td></tr>\n"
      caption =
        "Your equation agreed with \(reference) on all \(shown.trials) random trials under "
        + "\(shown.convention)."
    } else if let d = shown.first {
      let position = zip(d.indexNames, d.position).map { "\($0) = \($1)" }
        .joined(separator: ", ")
      html +=
        "<tr><th>Trial</th><td>\(d.trial) of \(shown.trials): \(e(d.setting))</td></tr>\n"
        + "<tr><th>Output position (from 0)</th><td id=\"trial-position\">"
        + "<code>\(e(position))</code></td></tr>\n"
        + "<tr><th>Your equation gives</th><td id=\"trial-yours\">"
        + "\(e(Value.format(d.answer)))</td></tr>\n"
        + "<tr><th>\(e(sentenceCase(reference))) gives</th>"
        + "<td id=\"trial-reference\">\(e(Value.format(d.reference)))</td></tr>\n"
        + "<tr><th>Trials agreeing within \(e(Value.format(shown.bound)))</th>"
        + "<td id=\"trials-agreed\">\(shown.agreed) of \(shown.trials)</td></tr>\n"
        + "<tr><th>Largest difference, \(e(shown.measure))</th>"
        + "<td>\(e(Value.format(shown.largest)))</td></tr>\n"
      caption =
        "The first output where your equation and \(reference) differ, on the first random trial "
        + "where they do, under \(shown.convention)."
    } else if let failure = shown.failure {
      html +=
        "<tr><th>Trials under \(e(shown.convention))</th><td>\(shown.trials)</td></tr>\n"
        + "<tr><th>Could not evaluate your equation</th><td id=\"trial-failure\">"
        + "\(e(failure))</td></tr>\n"
      caption = "Your equation could not be evaluated on the trials under \(shown.convention)."
    } else {
      return nil
    }
    html += "</table>"
    let others = comparisons.filter { $0 != shown }.map {
      "under \($0.convention), \($0.agreed) of \($0.trials) trials agreed"
    }
    if !others.isEmpty { caption += " Also tried: " + others.joined(separator: "; ") + "." }
    return AnswerFigure(svg: html, caption: caption)
  }

  /// `&`, `<`, `>`, `"` and `'` as character references: the table quotes the student's text.
  static func e(_ s: String) -> String { HTMLText.escape(s) }

  /// "the conv3d kernel" → "The conv3d kernel"; a name (psverify's …) keeps its lower case.
  static func sentenceCase(_ s: String) -> String {
    s.hasPrefix("the ") ? "T" + s.dropFirst() : s
  }
}
