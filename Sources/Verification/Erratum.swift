import ProblemDocument

/// A finding about the printed problem set (not a failure of psverify).
public struct Erratum: Sendable, Equatable {
  /// What sort of finding it is; its raw value is stored (results.db `erratum.kind`: never
  /// renamed, only added) and shown.
  public enum Kind: String, Sendable, CaseIterable, Codable {
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
    /// A misspelt word.
    case spelling
  }

  /// What sort of finding it is.
  public let kind: Kind
  /// The finding in a sentence.
  public let message: String
  /// Where in the problem set: "problem 3b, statement", "problem 2, solution, line 19, column 76".
  public let location: String
  /// The figures or derivation that support the finding.
  public let evidence: String?
  /// The line and column in the document, and the line with a caret, when the finding has a place.
  public let line: Int?
  /// The column in that line (1-based); nil when the finding has no place.
  public let column: Int?
  /// The document's line with a caret under the column; nil when the finding has no place.
  public let excerpt: String?
  /// The rule or measurement it came from (an audit rule's kind, a check's or probe's id).
  public let source: String?

  /// An erratum; evidence, position and source are optional.
  public init(
    _ kind: Kind, _ message: String, location: String, evidence: String? = nil,
    line: Int? = nil, column: Int? = nil, excerpt: String? = nil, source: String? = nil
  ) {
    self.kind = kind
    self.message = message
    self.location = location
    self.evidence = evidence
    self.line = line
    self.column = column
    self.excerpt = excerpt
    self.source = source
  }

  /// An erratum from a document finding, at its line and column.
  public init(_ finding: Finding) {
    let kind: Kind
    switch finding.kind {
    case .syntax, .missingComma, .rankMismatch, .freeIndexOneSide, .unsummedCapital, .redundantSum,
      .thresholdSign, .unclosedMath:
      kind = .defect
    case .roleClash, .indexLists, .undefinedName, .missingSubscript, .inputLetter: kind = .notation
    case .undefinedFunction, .borderRule: kind = .assumption
    case .countDisagreement, .premiseCondition, .propertyWord, .arithmetic: kind = .disagreement
    case .spelling: kind = .spelling
    }
    self.init(
      kind, finding.message, location: "\(finding.sectionLabel), \(finding.location)",
      evidence: finding.evidence, line: finding.location.line, column: finding.location.column,
      excerpt: finding.excerpt, source: finding.kind.rawValue)
  }
}
