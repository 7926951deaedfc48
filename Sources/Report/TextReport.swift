import ResultStore
import Verification

/// A run document as a notebook in the terminal: per problem a heading, the question, the
/// derivation, the answer, the printed solution, one line per check, the errata; then a summary.
/// The same document a live run and a stored one make (`RunDocument`).
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
  /// - Parameters:
  ///   - document: the run.
  ///   - storage: where the run was stored, or why it was not.
  ///   - problems: the registry, to print `--param` values as each problem read them; a name
  ///     no registered problem declares prints as it was given.
  /// - Complexity: linear in the size of the document.
  public func render(_ document: RunDocument, storage: String, problems: [any Problem]) -> String {
    var out = ""
    for p in document.problems {
      out += section(p, given: given(document, p, problems)) + "\n"
    }
    out += summary(document, storage: storage)
    return out
  }

  /// The `--param` values of the run that `problem` declares, `name=value` sorted by name, each
  /// as the problem's parameter reads it.
  func given(_ document: RunDocument, _ problem: RunDocument.Problem, _ problems: [any Problem])
    -> [String]
  {
    guard case .object(let run) = document.parameters,
      case .object(let declared) = problem.parameters
    else { return [] }
    let specs = problems.first { $0.id == problem.id }?.parameters ?? []
    var values: [String: String] = [:]
    for (name, value) in run where declared.contains(where: { $0.0 == name }) {
      guard let text = value.string else { continue }
      // The last of repeated `--param`s wins, as when the run read them.
      values[name] =
        (try? specs.first { $0.name == name }?.parse(text))?.description ?? text
    }
    return values.keys.sorted().map { "\($0)=\(values[$0]!)" }
  }

  func section(_ r: RunDocument.Problem, given: [String]) -> String {
    var out = bold("━━ Problem \(r.id) · \(r.title)") + "\n\n"
    if let question = r.question { out += wrap(question, indent: "  ") + "\n\n" }
    if let answer = r.answerText {
      out += bold("  Derivation") + "\n"
      for (i, step) in r.derivationSteps.enumerated() {
        out += wrap(step.text, indent: "    ", first: "  \(i + 1). ") + "\n"
      }
      out += "\n" + bold("  Answer  ") + answer + "\n"
    } else {
      out += red("  The derivation failed: \(r.derivationError ?? "unknown error")") + "\n"
    }
    if let agrees = r.printedAgrees {
      let verdict = agrees ? green("agrees") : red("disagrees")
      let place = r.printedAnswerLine.map { " (line \($0))" } ?? ""
      out +=
        bold("  Printed ") + (r.printedAnswer ?? "no answer found") + dim(place)
        + dim("   read as \(r.printedReading ?? "")") + " — " + verdict + "\n"
      if case .array(let feedback)? = r.printedGrade?.member("feedback") {
        for f in feedback.compactMap(\.string) {
          out += wrap(f, indent: "      ", first: "    ") + "\n"
        }
      }
    }
    if !given.isEmpty {
      out += dim("  Parameters given: " + given.joined(separator: ", ")) + "\n"
    }
    out += "\n" + bold("  Checks") + "\n"
    for c in r.checks {
      let mark = c.status == .pass ? green("✓") : red("✗")
      out += "  \(mark) \(c.id)  " + dim("[\(c.kind.rawValue)]") + "\n"
      out += wrap(c.detail, indent: "      ") + "\n"
      if c.status == .fail {
        let reason = c.tolerance.member("reason")?.string ?? ""
        out +=
          red(
            "      expected \(Self.value(c.expected)), measured \(Self.value(c.measured)); "
              + "tolerance: \(reason)") + "\n"
      }
    }
    if !r.errata.isEmpty {
      out += "\n" + bold("  Errata in the printed problem set") + "\n"
      for e in r.errata {
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
    if !r.notes.isEmpty {
      out += "\n" + bold("  Notes") + "\n"
      for n in r.notes { out += wrap(n, indent: "      ", first: "    • ") + "\n" }
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

  /// A stored value as `Value` prints it: integers exact, reals to six significant digits; a
  /// non-finite real, which JSON stores as null, prints as "non-finite".
  static func value(_ json: JSONValue) -> String {
    switch json {
    case .null: "non-finite"
    case .bool(let b): b ? "true" : "false"
    case .integer(let i): String(i)
    case .number(let d): Value.format(d)
    case .string(let s): s
    case .array(let items): "[" + items.map(value).joined(separator: ", ") + "]"
    case .object: json.serialized()
    }
  }

  /// The closing summary: each problem's status, checks passed out of all, errata, the seed, trials
  /// and version, and where the run was stored.
  public func summary(_ document: RunDocument, storage: String) -> String {
    let problems = document.problems.map { "\($0.id) \($0.status.rawValue)" }
      .joined(separator: ", ")
    let checks = document.problems.flatMap(\.checks)
    let failed = checks.filter { $0.status == .fail }.count
    let errata = document.problems.reduce(0) { $0 + $1.errata.count }
    var out = bold("━━ Summary") + "\n"
    out +=
      wrap("\(document.problems.count) problem(s): \(problems)", indent: "    ", first: "  ")
      + "\n"
    out += "  \(checks.count - failed)/\(checks.count) checks passed, \(errata) errata\n"
    out +=
      "  seed \(UInt64(bitPattern: document.seed))"
      + (document.trials.map { ", trials \($0)" } ?? "") + ", psverify \(document.version)\n"
    out += "  \(storage)\n"
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
