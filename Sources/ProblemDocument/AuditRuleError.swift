/// Why an audit rule could not run. The auditor notes it and applies the other rules.
public enum AuditRuleError: Error, CustomStringConvertible {
  /// A tool or data the rule needs is missing or failed (hunspell, a dictionary): why.
  case unavailable(String)

  /// The reason, as a sentence for the audit's notes.
  public var description: String {
    switch self {
    case .unavailable(let why): why
    }
  }
}
