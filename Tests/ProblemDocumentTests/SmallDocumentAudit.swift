@testable import ProblemDocument

/// Tests that audit a short document written for the test (no spelling: it needs hunspell) and
/// compare its findings as `kind line` strings or as a set of kinds.
protocol SmallDocumentAudit {}

extension SmallDocumentAudit {
  /// The document's findings, each as `kind line` (`role-clash 5`), in the audit's order.
  func findings(_ text: String) -> [String] {
    Auditor.audit(ProblemSetDocument(text: text, name: "t.md"), spelling: false)
      .findings.map { "\($0.kind.rawValue) \($0.location.line)" }
  }

  /// The document's findings of one kind (its raw value), each as `kind line`.
  func findings(_ text: String, kind: String) -> [String] {
    findings(text).filter { $0.hasPrefix(kind) }
  }

  /// The document's count-disagreement findings, each as `count-disagreement line`.
  func counts(_ text: String) -> [String] { findings(text, kind: "count-disagreement") }

  /// The document's premise-condition findings, each as `premise-condition line`.
  func premises(_ text: String) -> [String] { findings(text, kind: "premise-condition") }

  /// The document's border-rule findings, each as `border-rule line`.
  func borders(_ text: String) -> [String] { findings(text, kind: "border-rule") }

  /// Every use the audit says nothing introduces, each as `undefined-name line`, ordered by line:
  /// its undefined-name findings and the bare letters it notes instead of reporting
  /// (`AuditReading.unintroduced`, read whatever becomes of each). What an introduction reading
  /// is tested by, whatever the letter's kind.
  func unintroduced(_ text: String) -> [String] {
    let reading = Auditor.reading(ProblemSetDocument(text: text, name: "t.md"), spelling: false)
    let decorated = AuditRules.DecoratedNames().findings(in: reading).map(\.location.line)
    return (reading.unintroduced.map(\.finding.location.line) + decorated).sorted()
      .map { "undefined-name \($0)" }
  }

  /// The kinds of the document's findings.
  func kinds(_ text: String) -> Set<String> {
    Set(findings(text).map { String($0.prefix { $0 != " " }) })
  }
}
