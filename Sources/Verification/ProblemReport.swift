/// A problem's overall verdict.
public enum ProblemStatus: String, Sendable, CaseIterable, Codable {
  /// Every check passes and the printed solution agrees without errata.
  case verified
  /// Every check passes; the printed solution has errata.
  case verifiedWithErrata = "verified-with-errata"
  /// A check failed (or the derivation itself could not be made).
  case failed
}

/// Everything one problem's run produced.
public struct ProblemReport: Sendable {
  public let id: String
  public let title: String
  public let question: String
  public let parameters: ParameterValues
  /// nil when the derivation threw; `derivationError` then says why.
  public let derivation: Derivation?
  public let derivationError: String?
  public let audit: Audit?
  public let outcomes: [CheckOutcome]
  public let probes: [ProbeOutcome]
  public let seconds: Double

  public init(id: String, title: String, question: String, parameters: ParameterValues,
              derivation: Derivation?, derivationError: String?, audit: Audit?,
              outcomes: [CheckOutcome], probes: [ProbeOutcome] = [], seconds: Double) {
    self.id = id
    self.title = title
    self.question = question
    self.parameters = parameters
    self.derivation = derivation
    self.derivationError = derivationError
    self.audit = audit
    self.outcomes = outcomes
    self.probes = probes
    self.seconds = seconds
  }

  /// The audit's errata, then those the checks' and probes' evidence produced.
  public var errata: [Erratum] {
    (audit?.errata ?? []) + outcomes.flatMap(\.measurement.errata) + probes.flatMap(\.result.errata)
  }

  public var notes: [String] {
    (audit?.notes ?? []) + outcomes.flatMap(\.measurement.notes) + probes.flatMap(\.result.notes)
  }

  public var status: ProblemStatus {
    if derivation == nil || outcomes.contains(where: { $0.status == .fail }) { return .failed }
    if !errata.isEmpty || audit?.agrees == false { return .verifiedWithErrata }
    return .verified
  }
}
