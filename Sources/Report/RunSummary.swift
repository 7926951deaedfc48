import Verification

/// What a report says about the run as a whole.
public struct RunSummary: Sendable {
  public var runID: Int64?
  public var seed: UInt64
  public var trials: Int?
  public var version: String
  public var startedAt: String
  public var reports: [ProblemReport]
  /// Where the run was stored, or why it was not.
  public var storage: String

  public init(runID: Int64?, seed: UInt64, trials: Int?, version: String, startedAt: String,
              reports: [ProblemReport], storage: String) {
    self.runID = runID
    self.seed = seed
    self.trials = trials
    self.version = version
    self.startedAt = startedAt
    self.reports = reports
    self.storage = storage
  }

  public var checkCount: Int { reports.reduce(0) { $0 + $1.outcomes.count } }
  public var failedChecks: Int {
    reports.reduce(0) { $0 + $1.outcomes.filter { $0.status == .fail }.count }
  }
  public var errataCount: Int { reports.reduce(0) { $0 + $1.errata.count } }
}

/// The run as one JSON object: `run` and `problems` (DESIGN.md, command-line contract).
public enum JSONReport {
  public static func render(_ run: RunSummary) -> String {
    JSONValue.object([
      ("run", .object([
        ("id", run.runID.map { .integer(Int($0)) } ?? .null),
        ("seed", .integer(Int(run.seed))),
        ("trials", run.trials.map { .integer($0) } ?? .null),
        ("version", .string(run.version)),
        ("started_at", .string(run.startedAt)),
        ("stored", .string(run.storage)),
      ])),
      ("problems", .array(run.reports.map(\.json))),
      ("summary", .object([
        ("checks", .integer(run.checkCount)), ("failed", .integer(run.failedChecks)),
        ("errata", .integer(run.errataCount)),
      ])),
    ]).serialized(pretty: true) + "\n"
  }
}
