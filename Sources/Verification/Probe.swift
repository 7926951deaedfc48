/// A measurement whose result is a finding about a problem's premises (an erratum when a test
/// rejects, a note otherwise), not a verdict on the answer: it has no pass or fail.
public struct Probe: Sendable {
  /// Stable kebab-case id, stored in results.db.
  public let id: String
  public let summary: String
  public let params: [(String, Value)]
  public let body: @Sendable (inout CheckContext) throws -> ProbeResult

  public init(id: String, summary: String, params: [(String, Value)] = [],
              body: @escaping @Sendable (inout CheckContext) throws -> ProbeResult) {
    self.id = id
    self.summary = summary
    self.params = params
    self.body = body
  }
}

/// What a probe found.
public struct ProbeResult: Sendable {
  public var detail: String
  public var errata: [Erratum]
  public var notes: [String]
  public var series: [String: [Double]]

  public init(detail: String, errata: [Erratum] = [], notes: [String] = [],
              series: [String: [Double]] = [:]) {
    self.detail = detail
    self.errata = errata
    self.notes = notes
    self.series = series
  }
}

/// A probe's result as reported and stored.
public struct ProbeOutcome: Sendable {
  public let id: String
  public let summary: String
  public let params: [(String, Value)]
  public let result: ProbeResult
  public let streamKey: UInt64
  public let seconds: Double
}
