import Verification

/// What a report says about the run as a whole.
public struct RunSummary: Sendable {
  /// The run's id in results.db, nil for a run not stored.
  public var runID: Int64?
  /// The seed every random check of the run derived its draws from.
  public var seed: UInt64
  /// The trial count given on the command line, nil when each check used its own default.
  public var trials: Int?
  /// The psverify version that produced the run.
  public var version: String
  /// When the run started, as the timestamp text stored with it.
  public var startedAt: String
  /// One report per problem run, in the order they ran.
  public var reports: [ProblemReport]
  /// Where the run was stored, or why it was not.
  public var storage: String

  /// A summary from its parts, stored as given.
  public init(
    runID: Int64?, seed: UInt64, trials: Int?, version: String, startedAt: String,
    reports: [ProblemReport], storage: String
  ) {
    self.runID = runID
    self.seed = seed
    self.trials = trials
    self.version = version
    self.startedAt = startedAt
    self.reports = reports
    self.storage = storage
  }

  /// The number of checks over all problems.
  public var checkCount: Int { reports.reduce(0) { $0 + $1.outcomes.count } }
  /// The number of checks whose status is `.fail`, over all problems.
  public var failedChecks: Int {
    reports.reduce(0) { $0 + $1.outcomes.filter { $0.status == .fail }.count }
  }
  /// The number of errata over all problems.
  public var errataCount: Int { reports.reduce(0) { $0 + $1.errata.count } }
}

/// The run as one JSON object: `run` and `problems` (DESIGN.md, command-line contract).
public enum JSONReport {
  /// The run as pretty-printed JSON ending in a newline: `run` (id, seed, trials, version,
  /// started_at, stored), `problems` and `summary` (checks, failed, errata).
  public static func render(_ run: RunSummary) -> String {
    JSONValue.object([
      (
        "run",
        .object([
          ("id", run.runID.map { .integer(Int($0)) } ?? .null),
          ("seed", .integer(Int(run.seed))),
          ("trials", run.trials.map { .integer($0) } ?? .null),
          ("version", .string(run.version)),
          ("started_at", .string(run.startedAt)),
          ("stored", .string(run.storage)),
        ])
      ),
      ("problems", .array(run.reports.map(\.json))),
      (
        "summary",
        .object([
          ("checks", .integer(run.checkCount)), ("failed", .integer(run.failedChecks)),
          ("errata", .integer(run.errataCount)),
        ])
      ),
    ]).serialized(pretty: true) + "\n"
  }
}
