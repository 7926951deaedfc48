/// An audit of a problem-set document: every fragment read, the symbol table, the findings.
public struct AuditReport: Sendable {
  public let document: ProblemSetDocument
  public let readings: [ReadFragment]
  public let symbols: DocumentSymbols
  public let findings: [Finding]
  public let counts: [SolvedCount]
  /// What the audit could not do or decide (spelling unavailable, a count's repetition factor).
  public let notes: [String]

  /// The findings that stand in one item ("3b"), in document order.
  public func findings(for item: String) -> [Finding] { findings.filter { $0.item == item } }
}
