import IndexNotation

/// The rules an audit applies across a document. Each is silent on a document that does not
/// have the defect it names: none looks at a particular problem set's wording.
public enum AuditRules {
  /// Every rule an audit applies, in the order it applies them. Adding a rule is its file
  /// (`AuditRules+Name.swift`, a type conforming to `AuditRule`) and one line here; a test fails
  /// for a rule type missing from this list and for two rules with one id.
  public static let all: [any AuditRule] = [
    EngineDiagnostics(),
    SumsAndThresholds(),
    ThresholdSigns(),
    EquationSides(),
    RoleClashes(),
    CrossProblemRoles(),
    IndexLists(),
    SetRanks(),
    SwappedPositions(),
    SizeLists(),
    UndefinedNames(),
    DecoratedNames(),
    MissingSubscripts(),
    SubscriptsInEquations(),
    FreeSubscripts(),
    InputLetters(),
    EquationInputLetters(),
    UngivenInputs(),
    UndefinedFunctions(),
    UndefinedAppliedLetters(),
    BorderRules(),
    OutputSizes(),
    RangeSizes(),
    StatedBounds(),
    RangeCounts(),
    Lookbacks(),
    OutsideReads(),
    PaddedLengths(),
    ReadListRanges(),
    UnpaddedSizes(),
    WindowRanges(),
    WindowCounts(),
    WindowSizes(),
    RoundedSizes(),
    InstancedSizes(),
    ArithmeticChains(),
    PremiseConditions(),
    JustifiedConditions(),
    ClaimedImplications(),
    EquivalentConditions(),
    ReversedConditions(),
    RestatedPremises(),
    DefinedRanges(),
    PropertyWords(),
    PropertyStatements(),
    CountDisagreements(),
    ProductCosts(),
    ItemCosts(),
    SummedParts(),
    ValuedFormulas(),
    InstancedFormulas(),
    UnclosedMath(),
    MisspeltWords(),
  ]

  /// The kinds of finding the rules report, in the order of `Finding.Kind`: the rules of a
  /// SARIF log (`tool.driver.rules`), each with its id, summary and level.
  public static let reportedKinds: [Finding.Kind] = Finding.Kind.allCases.filter { kind in
    all.contains { $0.kinds.contains(kind) }
  }

  static func article(_ role: SymbolRole) -> String { role == .index ? "an" : "a" }

  /// `L_ℓ+1,s` → `L_{ℓ+1,s}` for messages.
  static func displayName(_ key: String) -> String {
    var out = ""
    var script = ""
    var inScript: Character?
    func flush() {
      guard let s = inScript else { return }
      out += script.count == 1 ? "\(s)\(script)" : "\(s){\(script)}"
      script = ""
      inScript = nil
    }
    for c in key {
      if c == "_" || c == "^" {
        flush()
        inScript = c
      } else if inScript != nil {
        script.append(c)
      } else {
        out.append(c)
      }
    }
    flush()
    return out
  }
}
