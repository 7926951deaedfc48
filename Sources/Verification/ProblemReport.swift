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
  /// The problem's stable id (`3b`).
  public let id: String
  /// The problem's title.
  public let title: String
  /// The question in psverify's own words.
  public let question: String
  /// The parameters the run used, after defaults and `--param` overrides.
  public let parameters: ParameterValues
  /// nil when the derivation threw; `derivationError` then says why.
  public let derivation: Derivation?
  /// Why the derivation threw, in the error's own words; nil when it did not.
  public let derivationError: String?
  /// The printed solution judged; nil when the run had no document.
  public let audit: Audit?
  /// The checks' outcomes, in the problem's declaration order.
  public let outcomes: [CheckOutcome]
  /// The probes' outcomes, in declaration order.
  public let probes: [ProbeOutcome]
  /// Wall-clock seconds for the whole problem: derivation, audit, checks and probes.
  public let seconds: Double

  /// A report from everything the run produced.
  public init(
    id: String, title: String, question: String, parameters: ParameterValues,
    derivation: Derivation?, derivationError: String?, audit: Audit?,
    outcomes: [CheckOutcome], probes: [ProbeOutcome] = [], seconds: Double
  ) {
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

  /// The audit's notes, then those of the checks and probes.
  public var notes: [String] {
    (audit?.notes ?? []) + outcomes.flatMap(\.measurement.notes) + probes.flatMap(\.result.notes)
  }

  /// `failed` when the derivation threw or a check failed, else `verifiedWithErrata` when
  /// there are errata or the printed answer disagrees, else `verified`.
  public var status: ProblemStatus {
    if derivation == nil || outcomes.contains(where: { $0.status == .fail }) { return .failed }
    if !errata.isEmpty || audit?.agrees == false { return .verifiedWithErrata }
    return .verified
  }
}
