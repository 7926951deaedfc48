/// One rule of an audit: a check over the shared reading of a document that reports findings of
/// the kinds it declares. The rules are values listed once, in `AuditRules.all`, which the
/// auditor applies in order and from which a SARIF log takes its rules (`AuditRules.reportedKinds`).
public protocol AuditRule: Sendable {
  /// The rule's name, unique among `AuditRules.all` (`role-clashes`).
  var id: String { get }
  /// What the rule finds, in one line.
  var summary: String { get }
  /// The kinds of the findings it reports; each kind carries its SARIF id, summary and level.
  var kinds: [Finding.Kind] { get }
  /// The rule's findings in a document, in any order: the auditor sorts them by location.
  /// - Throws: `AuditRuleError` when something the rule needs is unavailable; the audit notes it
  ///   and goes on.
  func findings(in reading: AuditReading) throws(AuditRuleError) -> [Finding]
}
