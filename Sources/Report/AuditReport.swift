import Algebra
import IndexNotation
import ProblemDocument
import Verification

/// An audit as text, grouped by problem like a notebook; as JSON; and as SARIF 2.1.0.
public enum AuditRendering {
  /// The audit as terminal text: findings grouped by problem (preamble first) with location, rule,
  /// message, excerpt and evidence; then the multiply counts solved from the statements, the notes,
  /// a summary of findings per rule, and `storage`.
  public static func text(_ report: AuditReport, sha256: String, storage: String) -> String {
    var out = "━━ Audit of \(report.document.name)  (sha256 \(sha256.prefix(12))…)\n"
    let problems = Set(report.document.items.map(\.problem)).count
    out +=
      "  \(problems) problem(s), \(report.document.items.count) question(s), "
      + "\(report.readings.count) math fragment(s) read\n"
    var groups: [(String, [Finding])] = []
    for f in report.findings {
      let key = f.problem.map { "Problem \($0)" } ?? "Preamble"
      if let i = groups.firstIndex(where: { $0.0 == key }) {
        groups[i].1.append(f)
      } else {
        groups.append((key, [f]))
      }
    }
    for (title, findings) in groups {
      out += "\n━━ \(title)\n"
      for f in findings {
        out += "  \(f.location) [\(f.kind.rawValue)] (\(f.sectionLabel))\n"
        out += wrap(f.message, indent: "    ") + "\n"
        out +=
          f.excerpt.split(separator: "\n", omittingEmptySubsequences: false).map { "  \($0)" }
          .joined(separator: "\n") + "\n"
        if let e = f.evidence { out += wrap(e, indent: "    ") + "\n" }
      }
    }
    if !report.counts.isEmpty {
      out += "\n━━ Multiply counts solved from the statements' equations\n"
      for c in report.counts {
        out +=
          "  \(c.item): \(c.perApplication) per application"
          + (c.printed.map { "; printed \($0) — " + (c.agrees ? "agrees" : "disagrees") }
            ?? "; no printed count")
          + (c.applications.map { $0 == Polynomial(1) ? "" : " (× \($0) applications)" } ?? "")
          + "\n"
        if let rule = c.borderRule { out += "    \(rule)\n" }
      }
    }
    for n in report.notes { out += "\n  note: " + n + "\n" }
    out += "\n━━ Summary\n  \(report.findings.count) finding(s)"
    let kinds = Dictionary(grouping: report.findings, by: \.kind).map {
      "\($0.value.count) \($0.key.rawValue)"
    }.sorted()
    if !kinds.isEmpty { out += ": " + kinds.joined(separator: ", ") }
    out += "\n  \(storage)\n"
    return out
  }

  static func wrap(_ text: String, indent: String) -> String {
    var lines: [String] = []
    var line = indent
    for word in text.split(separator: " ") {
      if line.count + word.count + 1 > 100, line != indent {
        lines.append(line)
        line = indent
      }
      line += (line == indent ? "" : " ") + word
    }
    lines.append(line)
    return lines.joined(separator: "\n")
  }

  /// One finding as a JSON object: rule kind, message, line and column, problem, item, section,
  /// excerpt and evidence (null when absent).
  public static func findingJSON(_ f: Finding) -> JSONValue {
    .object([
      ("kind", .string(f.kind.rawValue)), ("message", .string(f.message)),
      ("line", .integer(f.location.line)), ("column", .integer(f.location.column)),
      ("problem", f.problem.map { .string($0) } ?? .null),
      ("item", f.item.map { .string($0) } ?? .null),
      ("section", .string(f.sectionLabel)), ("excerpt", .string(f.excerpt)),
      ("evidence", f.evidence.map { .string($0) } ?? .null),
    ])
  }

  /// The audit as one JSON object: the document (name, sha256, item ids), the findings, the solved
  /// multiply counts, the notes and `stored` (where the audit was stored, or why not).
  public static func json(_ report: AuditReport, sha256: String, storage: String) -> String {
    JSONValue.object([
      (
        "document",
        .object([
          ("name", .string(report.document.name)), ("sha256", .string(sha256)),
          ("items", .array(report.document.items.map { .string($0.id) })),
        ])
      ),
      ("findings", .array(report.findings.map(findingJSON))),
      (
        "counts",
        .array(
          report.counts.map { c in
            .object([
              ("item", .string(c.item)), ("per_application", .string(c.perApplication.description)),
              ("printed", c.printed.map { .string($0.description) } ?? .null),
              ("applications", c.applications.map { .string($0.description) } ?? .null),
              ("agrees", .bool(c.agrees)),
              ("border_rule", c.borderRule.map { .string($0) } ?? .null),
            ])
          })
      ),
      ("notes", .array(report.notes.map { .string($0) })),
      ("stored", .string(storage)),
    ]).serialized(pretty: true) + "\n"
  }

  /// SARIF 2.1.0: one run, psverify's rules (the kinds the audit's rules report, from
  /// `AuditRules.reportedKinds`), one result per finding at its line and column (columns in
  /// Unicode code points).
  public static func sarif(_ report: AuditReport, sha256: String, uri: String, version: String)
    -> String
  {
    let kinds = AuditRules.reportedKinds
    let rules = JSONValue.array(
      kinds.map { k in
        .object([
          ("id", .string(k.rawValue)),
          ("shortDescription", .object([("text", .string(k.summary))])),
          (
            "defaultConfiguration",
            .object([("level", .string(k.sarifLevel))])
          ),
        ])
      })
    let results = JSONValue.array(
      report.findings.map { f in
        .object([
          ("ruleId", .string(f.kind.rawValue)),
          ("ruleIndex", .integer(kinds.firstIndex(of: f.kind) ?? 0)),
          ("level", .string(f.kind.sarifLevel)),
          (
            "message",
            .object([("text", .string(f.message + (f.evidence.map { " (\($0))" } ?? "")))])
          ),
          (
            "locations",
            .array([
              .object([
                (
                  "physicalLocation",
                  .object([
                    ("artifactLocation", .object([("uri", .string(uri)), ("index", .integer(0))])),
                    (
                      "region",
                      .object([
                        ("startLine", .integer(f.location.line)),
                        ("startColumn", .integer(f.location.column)),
                      ])
                    ),
                  ])
                ),
                (
                  "logicalLocations",
                  .array([
                    .object([("name", .string(f.sectionLabel)), ("kind", .string("module"))])
                  ])
                ),
              ])
            ])
          ),
        ])
      })
    return JSONValue.object([
      ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
      ("version", .string("2.1.0")),
      (
        "runs",
        .array([
          .object([
            (
              "tool",
              .object([
                (
                  "driver",
                  .object([
                    ("name", .string("psverify")), ("version", .string(version)),
                    ("informationUri", .string("https://github.com/psverify/psverify")),
                    ("rules", rules),
                  ])
                )
              ])
            ),
            ("columnKind", .string("unicodeCodePoints")),
            (
              "artifacts",
              .array([
                .object([
                  ("location", .object([("uri", .string(uri))])),
                  ("hashes", .object([("sha-256", .string(sha256))])),
                ])
              ])
            ),
            ("results", results),
          ])
        ])
      ),
    ]).serialized(pretty: true) + "\n"
  }
}
