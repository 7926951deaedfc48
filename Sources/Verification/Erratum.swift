/// A finding about the printed solution (not a failure of psverify).
public struct Erratum: Sendable, Equatable {
  public enum Kind: String, Sendable, CaseIterable {
    /// The printed answer differs from the verified one.
    case disagreement
    /// A parse or index defect in a printed equation.
    case defect
    /// A symbol used for two things, or a name that does not match the statement.
    case notation
    /// An assumption that is unstated, or stated but false for the model as defined.
    case assumption
    /// A statement that admits more than one reading.
    case ambiguity
  }

  public let kind: Kind
  public let message: String
  /// Where in the problem set: "problem 3b, statement", "problem 2, solution, column 41".
  public let location: String
  /// The figures or derivation that support the finding.
  public let evidence: String?

  public init(_ kind: Kind, _ message: String, location: String, evidence: String? = nil) {
    self.kind = kind
    self.message = message
    self.location = location
    self.evidence = evidence
  }
}
