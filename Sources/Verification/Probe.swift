/// A measurement whose result is a finding about a problem's premises (an erratum when a test
/// rejects, a note otherwise), not a verdict on the answer: it has no pass or fail.
public struct Probe: Sendable {
  /// Stable kebab-case id, stored in results.db.
  public let id: String
  /// One line saying what is measured.
  public let summary: String
  /// The probe's parameters as reported and stored, in order.
  public let params: [(String, Value)]
  /// The measurement: draws from the context's stream; anything it throws becomes a note.
  public let body: @Sendable (inout CheckContext) throws -> ProbeResult

  /// A probe from its id, summary, reported parameters and body.
  public init(
    id: String, summary: String, params: [(String, Value)] = [],
    body: @escaping @Sendable (inout CheckContext) throws -> ProbeResult
  ) {
    self.id = id
    self.summary = summary
    self.params = params
    self.body = body
  }
}

/// What a probe found.
public struct ProbeResult: Sendable {
  /// One or two sentences with the figures measured.
  public var detail: String
  /// Findings about the premises that the measurement supports (e.g. when a z-test rejects).
  public var errata: [Erratum]
  /// Observations that are not errata.
  public var notes: [String]
  /// Series kept for plots and later comparison (name → values).
  public var series: [String: [Double]]

  /// A result; errata, notes and series are optional.
  public init(
    detail: String, errata: [Erratum] = [], notes: [String] = [],
    series: [String: [Double]] = [:]
  ) {
    self.detail = detail
    self.errata = errata
    self.notes = notes
    self.series = series
  }
}

/// A probe's result as reported and stored.
public struct ProbeOutcome: Sendable {
  /// The probe's stable id, as in `Probe.id`.
  public let id: String
  /// One line saying what is measured.
  public let summary: String
  /// The probe's parameters, in order.
  public let params: [(String, Value)]
  /// What the body found; a body that threw gives a note carrying the error.
  public let result: ProbeResult
  /// The key of the probe's random stream (reproduces its draws with the same seed).
  public let streamKey: UInt64
  /// Wall-clock seconds the body took.
  public let seconds: Double
}
