import Charts
import Foundation
import ResultStore
import Verification

/// A stored run as notebook cells: per problem a Markdown cell (question, derivation, answer in
/// LaTeX, the printed solution, errata, checks, verdict) and a code cell holding the exact
/// command that reproduces it with its stored output and figures. Written as a Jupyter notebook
/// (nbformat 4.5) or as Markdown with the figures beside it.
public enum NotebookReport {
  enum Cell {
    case markdown(id: String, text: String)
    case code(id: String, command: String, output: String, figures: [Figure])
  }

  static func cells(_ doc: RunDocument, problems: [any Problem]) -> [Cell] {
    var cells: [Cell] = [.markdown(id: "summary", text: summary(doc))]
    switch doc.kind {
    case .grade where !doc.submissions.isEmpty:
      cells.append(.markdown(id: "grades", text: submissions(doc)))
    case .audit:
      for (i, d) in doc.audits.enumerated() {
        cells.append(.markdown(id: "audit-\(i)", text: audit(d)))
      }
    case .bench where !doc.bench.isEmpty:
      cells.append(.markdown(id: "bench", text: bench(doc)))
    default: break
    }
    for p in doc.problems {
      let slug = p.id.filter { $0.isLetter || $0.isNumber }
      cells.append(.markdown(id: "p\(slug)-text", text: problemText(p, doc)))
      cells.append(
        .code(
          id: "p\(slug)-run", command: command(p, doc), output: output(p),
          figures: doc.storedBeforeReports
            ? [] : Figures.figures(for: p, in: problems) ?? []))
    }
    return cells
  }

  static func md(_ s: String) -> String {
    s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
  }

  static func summary(_ doc: RunDocument) -> String {
    var lines = [
      "# psverify report — \(doc.name)", "",
      (doc.kind == .verify ? "TTIC 31230 (winter 2019), CNN problems · " : "")
        + ReportText.tally(doc), "",
      "| | |", "|---|---|",
    ]
    let rows: [(String, String?)] = [
      ("Kind", doc.kind.rawValue), ("Started", doc.startedAt), ("psverify", doc.version),
      ("Seed", String(doc.seed)),
      ("Trials", doc.trials.map(String.init) ?? "each problem's default"), ("Machine", doc.machine),
      ("Command", "`\(doc.commandLine)`"), ("Exit status", doc.exitStatus.map(String.init)),
    ]
    for (k, v) in rows { if let v { lines.append("| \(k) | \(md(v)) |") } }
    if doc.storedBeforeReports {
      lines += [
        "",
        "*This run was stored by a psverify older than 0.2.0, before runs kept the question, "
          + "the derivation, the answer in LaTeX and the data behind plots: it renders without "
          + "those, and without figures.*",
      ]
    }
    lines += [
      "",
      (doc.id == nil
        ? "Not stored in a results database. "
        : "Rendered from the results database (nothing recomputed). ")
        + "Each problem's code cell holds the command that reproduces it and the output "
        + (doc.id == nil ? "of this run" : "stored with the run")
        + "; running the cell (with `psverify` on the PATH) computes it again.",
    ]
    return lines.joined(separator: "\n")
  }

  /// `psverify problem ID --seed S [--trials T] [--param NAME=VALUE …]`, with the run's
  /// overrides that apply to this problem.
  static func command(_ p: RunDocument.Problem, _ doc: RunDocument) -> String {
    var parts = ["psverify", "problem", p.id, "--seed", String(doc.seed)]
    if let t = doc.trials { parts += ["--trials", String(t)] }
    if case .object(let overrides) = doc.parameters, case .object(let own) = p.parameters {
      for (name, value) in overrides where own.contains(where: { $0.0 == name }) {
        parts += ["--param", "\(name)=\(ReportText.value(value))"]
      }
    }
    return parts.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ")
  }

  /// The stored outcome as the command's output: the status, each check, each erratum.
  static func output(_ p: RunDocument.Problem) -> String {
    var lines = ["problem \(p.id) — \(p.title): \(p.status.rawValue)"]
    if let a = p.answerText { lines.append("  answer: \(a)") }
    for c in p.checks {
      lines.append(
        "  [\(c.status.rawValue)] \(c.id): expected \(ReportText.value(c.expected)), measured "
          + "\(ReportText.value(c.measured))"
          + (c.standardError.map { " ± \(ReportText.number($0))" } ?? ""))
    }
    for (n, e, _, _) in ReportText.placed(p) {
      lines.append("  erratum \(n) [\(e.kind.rawValue)] \(e.message) (\(e.location))")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func problemText(_ p: RunDocument.Problem, _ doc: RunDocument) -> String {
    var s = ["## Problem \(p.id) — \(p.title) · *\(p.status.rawValue)*", ""]
    if let q = p.question { s += ["**Question (in psverify's words).** \(q)", ""] }
    if !p.derivationSteps.isEmpty {
      s += ["**Derivation.**", ""]
      for (i, step) in p.derivationSteps.enumerated() {
        s.append("\(i + 1). \(step.text)" + (step.latex.map { " $\($0)$" } ?? ""))
      }
      s.append("")
    }
    if let error = p.derivationError { s += ["**The derivation failed:** \(error)", ""] }
    if let latex = p.answerLatex {
      s += ["**Answer.**", "", "$$\(latex)$$", ""]
      if let text = p.answerText { s += [text, ""] }
    } else if let text = p.answerText {
      s += ["**Answer.** \(text)", ""]
    }
    if let printed = p.printedText {
      s += [
        "**The printed solution, as printed**" + (p.printedLocation.map { " (\($0))" } ?? "") + ":",
        "",
      ]
      s += printed.split(separator: "\n", omittingEmptySubsequences: false).map { "> \($0)" }
      s.append("")
      if let grade = p.printedGrade, let verdict = grade.member("verdict")?.string {
        s += [
          "Printed answer: **\(verdict)**. "
            + (grade.member("feedback").map(ReportText.value) ?? ""), "",
        ]
      }
    }
    let placed = ReportText.placed(p)
    if !placed.isEmpty {
      s += ["**Errata (\(placed.count)).**", ""]
      for (n, e, _, _) in placed {
        s.append("\(n). **\(e.kind.rawValue)**: \(e.message) — *\(e.location)*")
        if let excerpt = e.excerpt {
          s += [
            "", "    ```",
            excerpt.split(separator: "\n").map { "    \($0)" }.joined(separator: "\n"), "    ```",
            "",
          ]
        }
        if let evidence = e.evidence { s.append("   Evidence: \(evidence)") }
      }
      s.append("")
    }
    if !p.checks.isEmpty {
      s += [
        "**Checks.**", "", "| check | kind | status | expected | measured | SE | z | tolerance |",
        "|---|---|---|---|---|---|---|---|",
      ]
      for c in p.checks {
        let t = ReportText.tolerance(c.tolerance)
        s.append(
          "| \(md(c.id)) | \(c.kind.rawValue) | **\(c.status.rawValue)** | \(md(ReportText.value(c.expected))) | "
            + "\(md(ReportText.value(c.measured))) | \(c.standardError.map(ReportText.short) ?? "—") | "
            + "\(ReportText.z(c).map { String(format: "%.2f", $0) } ?? "—") | \(md(t.rule)): \(md(t.reason)) |"
        )
      }
      s.append("")
    }
    for probe in p.probes {
      s += ["*Probe* `\(probe.id)` — \(probe.summary): \(probe.detail)", ""]
    }
    for note in p.notes { s += ["*Note.* \(note)", ""] }
    let failed = p.checks.filter { $0.status != .pass }.count
    s.append(
      "**Verdict: \(p.status.rawValue)** — \(p.checks.count - failed) of \(p.checks.count) checks passed, "
        + "\(p.errata.count) errata.")
    return s.joined(separator: "\n")
  }

  static func submissions(_ doc: RunDocument) -> String {
    var s = [
      "## Graded answers", "", "| problem | answer | verdict | read as | feedback |",
      "|---|---|---|---|---|",
    ]
    for sub in doc.submissions {
      s.append(
        "| \(sub.problem) | `\(md(sub.answer))` | **\(sub.verdict)** | \(md(sub.reading ?? "—")) | "
          + "\(md(sub.feedback.joined(separator: " "))) |")
    }
    return s.joined(separator: "\n")
  }

  static func audit(_ d: RunDocument.AuditedDocument) -> String {
    var s = [
      "## Audit of \(d.name)", "",
      "SHA-256 `\(d.sha256)` · \(d.bytes) bytes · \(d.problems) problem(s) · "
        + "\(d.findings.count) finding(s)", "",
    ]
    for n in d.notes { s += ["*\(n)*", ""] }
    s += ["| line:column | kind | finding |", "|---|---|---|"]
    for f in d.findings {
      s.append("| \(f.line):\(f.column) | \(f.kind.rawValue) | \(md(f.message)) |")
    }
    return s.joined(separator: "\n")
  }

  static func bench(_ doc: RunDocument) -> String {
    var s = [
      "## Benchmark", "", "| measurement | tool | T | median | min | max | unit |",
      "|---|---|---|---|---|---|---|",
    ]
    for r in doc.bench {
      s.append(
        "| \(md(r.measurement)) | \(md(r.tool)) | \(r.threads) | \(ReportText.number(r.median)) | "
          + "\(ReportText.number(r.min)) | \(ReportText.number(r.max)) | \(r.unit) |")
    }
    return s.joined(separator: "\n")
  }

  // MARK: Jupyter

  /// The run as an nbformat 4.5 notebook (JSON text).
  public static func ipynb(_ doc: RunDocument, problems: [any Problem]) -> String {
    func lines(_ text: String) -> JSONValue {
      var parts = text.split(separator: "\n", omittingEmptySubsequences: false).map {
        String($0) + "\n"
      }
      if let last = parts.last { parts[parts.count - 1] = String(last.dropLast()) }
      if parts.last == "" { parts.removeLast() }
      return .array(parts.map { .string($0) })
    }
    var count = 0
    let cells: [JSONValue] = cells(doc, problems: problems).map { cell in
      switch cell {
      case .markdown(let id, let text):
        return .object([
          ("cell_type", .string("markdown")), ("id", .string(id)),
          ("metadata", .object([])), ("source", lines(text)),
        ])
      case .code(let id, let command, let output, let figures):
        count += 1
        var outputs: [JSONValue] = [
          .object([
            ("output_type", .string("stream")), ("name", .string("stdout")),
            ("text", lines(output)),
          ])
        ]
        for f in figures {
          switch f.content {
          case .svg(let svg):
            outputs.append(
              .object([
                ("output_type", .string("display_data")),
                (
                  "data",
                  .object([
                    ("image/svg+xml", lines(svg)), ("text/plain", .array([.string(f.title)])),
                  ])
                ),
                ("metadata", .object([])),
              ]))
          case .pictures(let pictures):
            for p in pictures {
              outputs.append(
                .object([
                  ("output_type", .string("display_data")),
                  (
                    "data",
                    .object([
                      ("image/png", .string(p.png.base64EncodedString())),
                      ("text/plain", .array([.string(p.label)])),
                    ])
                  ),
                  ("metadata", .object([])),
                ]))
            }
          }
          outputs.append(
            .object([
              ("output_type", .string("display_data")),
              (
                "data",
                .object([
                  ("text/markdown", lines("*\(f.title).* \(f.caption)")),
                  ("text/plain", lines("\(f.title). \(f.caption)")),
                ])
              ),
              ("metadata", .object([])),
            ]))
        }
        return .object([
          ("cell_type", .string("code")), ("id", .string(id)),
          ("execution_count", .integer(count)), ("metadata", .object([])),
          ("source", lines("!" + command)), ("outputs", .array(outputs)),
        ])
      }
    }
    return JSONValue.object([
      ("cells", .array(cells)),
      (
        "metadata",
        .object([
          (
            "kernelspec",
            .object([
              ("display_name", .string("Python 3")), ("language", .string("python")),
              ("name", .string("python3")),
            ])
          ),
          ("language_info", .object([("name", .string("python"))])),
          (
            "psverify",
            .object([
              ("run", doc.id.map { .integer(Int($0)) } ?? .null), ("seed", .integer(Int(doc.seed))),
              ("version", .string(doc.version)),
            ])
          ),
        ])
      ),
      ("nbformat", .integer(4)), ("nbformat_minor", .integer(5)),
    ]).serialized(pretty: true) + "\n"
  }

  // MARK: Markdown

  /// The run as Markdown; figures are written by `writeFigure(name, data)` (SVG charts, PNG
  /// pictures) and linked by their relative path, or left out when `figureDirectory` is nil.
  public static func markdown(
    _ doc: RunDocument, problems: [any Problem], figureDirectory: String?,
    writeFigure: (String, Data) throws -> Void
  ) rethrows -> String {
    var out: [String] = []
    var omitted = 0
    for cell in cells(doc, problems: problems) {
      switch cell {
      case .markdown(_, let text): out.append(text)
      case .code(_, let command, let output, let figures):
        out.append("```sh\n\(command)\n```\n\n```text\n\(output)```")
        for f in figures {
          guard let dir = figureDirectory else {
            omitted += 1
            continue
          }
          switch f.content {
          case .svg(let svg):
            try writeFigure("\(f.id).svg", Data(svg.utf8))
            out.append("![\(f.title)](\(dir)/\(f.id).svg)\n\n*\(f.title).* \(f.caption)")
          case .pictures(let pictures):
            var row: [String] = []
            for (i, p) in pictures.enumerated() {
              try writeFigure("\(f.id)-\(i).png", p.png)
              row.append("![\(p.label)](\(dir)/\(f.id)-\(i).png)")
            }
            out.append(row.joined(separator: " ") + "\n\n*\(f.title).* \(f.caption)")
          }
        }
      }
    }
    if omitted > 0 {
      out.append(
        "*\(omitted) figure(s) left out: write the report to a file (`-o report.md`) to "
          + "have them saved beside it.*")
    }
    return out.joined(separator: "\n\n") + "\n"
  }
}
