/// What every rule of an audit reads, built once per audit: the document, each math fragment
/// read, the symbol table built from those readings, the names the text calls thresholds, the
/// multiply counts solved by the notation engine, and the audit's options.
public struct AuditReading: Sendable {
  /// The document audited.
  public let document: ProblemSetDocument
  /// Every math fragment of the document read, in document order.
  public let readings: [ReadFragment]
  /// Every use of a name, with its role and place, built from `readings`.
  public let symbols: DocumentSymbols
  /// Tensors the text calls thresholds.
  public let thresholds: Set<String>
  /// Each count question's count, solved from the statement's equations.
  public let counts: [SolvedCount]
  /// Whether the spelling rule runs.
  public let spelling: Bool
  /// Words the spelling rule accepts besides its dictionaries (`--words`).
  public let words: [String]
  /// Names the field's notation or the problem's words explain, read once for every rule.
  let known: AuditRules.KnownNotation
  /// Every use of a name nothing introduces, once per problem and name, read once for the
  /// findings, the bare-letter notes and the rules that leave those places to them
  /// (`AuditRules.UndefinedNames.unintroduced(in:)`).
  var unintroduced: [AuditRules.Unintroduced] = []
}
