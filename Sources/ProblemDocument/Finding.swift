import IndexNotation

/// A located finding about a problem-set document.
public struct Finding: Sendable, Equatable {
  /// The rule a finding comes from; its raw value is stored (results.db `audit_finding.kind`:
  /// never renamed, only added) and shown.
  public enum Kind: String, Sendable, CaseIterable, Codable {
    // The notation engine on one fragment.
    case syntax
    case missingComma = "missing-comma"
    case rankMismatch = "rank-mismatch"
    case freeIndexOneSide = "free-index-one-side"
    case unsummedCapital = "unsummed-capital"
    case redundantSum = "redundant-sum"
    case thresholdSign = "threshold-sign"
    // Across the document.
    case roleClash = "role-clash"
    case indexLists = "index-lists"
    case undefinedName = "undefined-name"
    case missingSubscript = "missing-subscript"
    case inputLetter = "input-letter"
    case undefinedFunction = "undefined-function"
    case borderRule = "border-rule"
    case countDisagreement = "count-disagreement"
    // Claims the set makes that psverify can decide.
    case premiseCondition = "premise-condition"
    case propertyWord = "property-word"
    case arithmetic
    case unclosedMath = "unclosed-math"
    case spelling

    /// The rule's one-line description (SARIF `rules[].shortDescription`).
    public var summary: String {
      switch self {
      case .syntax: "a math fragment that cannot be read"
      case .missingComma: "two index terms side by side: a comma is probably missing"
      case .rankMismatch: "a tensor used with a number of indices other than its rank"
      case .freeIndexOneSide: "a lowercase (free) index on one side of an equation only"
      case .unsummedCapital: "a capital index that the convention does not sum"
      case .redundantSum: "an explicit Σ over indices the convention already sums"
      case .thresholdSign: "a threshold added inside σ against the convention σ(W·L − B)"
      case .roleClash: "one name in two roles"
      case .indexLists: "one tensor written with different index lists"
      case .undefinedName: "a name used before or without being introduced"
      case .missingSubscript: "a layer- or scale-indexed family used without its subscript"
      case .inputLetter: "an input written with the index letter the question uses for the output"
      case .undefinedFunction: "a function used but never said what it is"
      case .borderRule: "offsets read across a border that the problem never states"
      case .countDisagreement: "a printed multiply count that differs from the notation engine's"
      case .premiseCondition: "a condition a solution states that its problem's premises rule out"
      case .propertyWord: "invariant or equivariant, contradicted by the equation that shows it"
      case .arithmetic: "printed arithmetic in numbers that does not compute"
      case .unclosedMath: "a $ or $$ that is never closed"
      case .spelling: "a misspelt word in the prose"
      }
    }

    /// The SARIF level of the kind's findings (`rules[].defaultConfiguration.level` and each
    /// result's `level`): a misspelling is a note, every other kind a warning.
    public var sarifLevel: String { self == .spelling ? "note" : "warning" }

    /// The engine's diagnostic kinds map onto these.
    init(_ kind: Diagnostic.Kind) {
      switch kind {
      case .syntax: self = .syntax
      case .missingComma: self = .missingComma
      case .rankMismatch: self = .rankMismatch
      case .freeIndexOneSide: self = .freeIndexOneSide
      case .unsummedCapital: self = .unsummedCapital
      case .redundantSum: self = .redundantSum
      case .thresholdSign: self = .thresholdSign
      case .noRange, .rangeConflict, .unknownTensor: self = .syntax
      }
    }
  }

  public let kind: Kind
  public let message: String
  public let location: DocumentLocation
  /// The problem as printed ("3") and the item psverify numbers ("3b"), nil in the preamble.
  public let problem: String?
  public let item: String?
  /// "problem 3b, statement".
  public let sectionLabel: String
  /// The line with a caret under the column.
  public let excerpt: String
  /// Figures or other places that support the finding.
  public let evidence: String?

  public init(
    _ kind: Kind, _ message: String, at location: DocumentLocation, in section: Section,
    document: ProblemSetDocument, evidence: String? = nil
  ) {
    self.kind = kind
    self.message = message
    self.location = location
    self.problem = section.problem
    self.item = section.problem.map { p in
      if let part = section.part { return p + part }
      // A shared statement belongs to the problem's first item.
      return document.items.first { $0.problem == p }?.id ?? p
    }
    self.sectionLabel = section.label
    self.excerpt = document.excerpt(at: location)
    self.evidence = evidence
  }

  public static func == (l: Finding, r: Finding) -> Bool {
    l.kind == r.kind && l.message == r.message && l.location == r.location
  }
}

extension ProblemSetDocument {
  /// The document location of a character offset inside a fragment's text.
  public func location(in fragment: MathFragment, characterOffset: Int) -> DocumentLocation {
    let scalars = fragment.text.prefix(max(0, characterOffset)).unicodeScalars.count
    return location(ofOffset: fragment.location.offset + scalars)
  }
}
