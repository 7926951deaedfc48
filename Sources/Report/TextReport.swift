import Verification

/// The run as a notebook in the terminal: per problem a heading, the question, the derivation,
/// the answer, the printed solution, one line per check, the errata; then a summary.
public struct TextReport: Sendable {
  /// ANSI colour, only for a terminal without NO_COLOR.
  public var colour: Bool

  /// A renderer that paints with ANSI colour when `colour` is true.
  public init(colour: Bool) { self.colour = colour }

  func paint(_ s: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
  func bold(_ s: String) -> String { paint(s, "1") }
  func green(_ s: String) -> String { paint(s, "32") }
  func red(_ s: String) -> String { paint(s, "31") }
  func yellow(_ s: String) -> String { paint(s, "33") }
  func dim(_ s: String) -> String { paint(s, "2") }

  /// The whole run: one section per problem, then the summary.
  public func render(_ run: RunSummary) -> String {
    var out = ""
    for report in run.reports { out += section(report) + "\n" }
    out += summary(run)
    return out
  }

  func section(_ r: ProblemReport) -> String {
    var out = bold("━━ Problem \(r.id) · \(r.title)") + "\n\n"
    out += wrap(r.question, indent: "  ") + "\n\n"
    if let d = r.derivation {
      out += bold("  Derivation") + "\n"
      for (i, step) in d.steps.enumerated() {
        out += wrap(step.text, indent: "    ", first: "  \(i + 1). ") + "\n"
      }
      out += "\n" + bold("  Answer  ") + d.summary + "\n"
    } else {
      out += red("  The derivation failed: \(r.derivationError ?? "unknown error")") + "\n"
    }
    if let a = r.audit {
      let verdict = a.agrees ? green("agrees") : red("disagrees")
      let place = a.printed.answerLocation.map { " (line \($0.line))" } ?? ""
      out +=
        bold("  Printed ") + (a.printed.answer ?? "no answer found") + dim(place)
        + dim("   read as \(a.reading)") + " — " + verdict + "\n"
      if let grade = a.grade {
        for f in grade.feedback { out += wrap(f, indent: "      ", first: "    ") + "\n" }
      }
    }
    if !r.parameters.overridden.isEmpty {
      out +=
        dim(
          "  Parameters given: "
            + r.parameters.overridden.sorted()
            .map { "\($0)=\(r.parameters.values[$0]!)" }.joined(separator: ", ")) + "\n"
    }
    out += "\n" + bold("  Checks") + "\n"
    for o in r.outcomes {
      let mark = o.status == .pass ? green("✓") : red("✗")
      out += "  \(mark) \(o.id)  " + dim("[\(o.kind.rawValue)]") + "\n"
      out += wrap(o.measurement.detail, indent: "      ") + "\n"
      if o.status == .fail {
        out +=
          red(
            "      expected \(o.measurement.expected), measured \(o.measurement.measured); "
              + "tolerance: \(o.measurement.tolerance.reason)") + "\n"
      }
    }
    let errata = r.errata
    if !errata.isEmpty {
      out += "\n" + bold("  Errata in the printed problem set") + "\n"
      for e in errata {
        out +=
          wrap(
            "\(e.message) (\(e.location))", indent: "      ",
            first: "    " + yellow("• \(e.kind.rawValue): ")) + "\n"
        if let evidence = e.evidence {
          // A caret excerpt keeps its lines as they are, so the caret stays under its column.
          out +=
            evidence.contains("\n")
            ? evidence.split(separator: "\n", omittingEmptySubsequences: false)
              .map { "    " + dim(String($0)) }.joined(separator: "\n") + "\n"
            : wrap(evidence, indent: "      ", first: "      ") + "\n"
        }
      }
    }
    let notes = r.notes
    if !notes.isEmpty {
      out += "\n" + bold("  Notes") + "\n"
      for n in notes { out += wrap(n, indent: "      ", first: "    • ") + "\n" }
    }
    let status: String
    switch r.status {
    case .verified: status = green("verified")
    case .verifiedWithErrata: status = yellow("verified with errata")
    case .failed: status = red("FAILED")
    }
    out += "\n  Verdict: \(status)" + dim("  (\(Value.format(r.seconds, digits: 3)) s)") + "\n"
    return out
  }

  /// The closing summary: each problem's status, checks passed out of all, errata, the seed, trials
  /// and version, and where the run was stored.
  public func summary(_ run: RunSummary) -> String {
    let problems = run.reports.map { "\($0.id) \($0.status.rawValue)" }.joined(separator: ", ")
    var out = bold("━━ Summary") + "\n"
    out += wrap("\(run.reports.count) problem(s): \(problems)", indent: "    ", first: "  ") + "\n"
    out +=
      "  \(run.checkCount - run.failedChecks)/\(run.checkCount) checks passed, "
      + "\(run.errataCount) errata\n"
    out +=
      "  seed \(run.seed)" + (run.trials.map { ", trials \($0)" } ?? "")
      + ", psverify \(run.version)\n"
    out += "  \(run.storage)\n"
    return out
  }

  /// Wraps text at 100 columns.
  func wrap(_ text: String, indent: String, first: String? = nil) -> String {
    let width = 100
    var lines: [String] = []
    var line = first ?? indent
    var lineLength = (first.map(visibleLength) ?? indent.count)
    var empty = true
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      if !empty && lineLength + 1 + word.count > width {
        lines.append(line)
        line = indent
        lineLength = indent.count
        empty = true
      }
      if !empty {
        line += " "
        lineLength += 1
      }
      line += word
      lineLength += word.count
      empty = false
    }
    lines.append(line)
    return lines.joined(separator: "\n")
  }

  func visibleLength(_ s: String) -> Int {
    var n = 0
    var escape = false
    for c in s {
      if c == "\u{1B}" {
        escape = true
        continue
      }
      if escape {
        if c == "m" { escape = false }
        continue
      }
      n += 1
    }
    return n
  }
}
