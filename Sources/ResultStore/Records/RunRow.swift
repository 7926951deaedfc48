import GRDB

/// A row of `run`: when, which psverify, seed, trials, the command line, and how it ended.
/// Columns added by later migrations decode as nil from a row that lacks them.
struct RunRow: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "run"

  var id: Int64?
  var startedAt: String
  var finishedAt: String
  var version: String
  var seed: Int64
  var trials: Int?
  /// The `--param` overrides as serialized JSON.
  var parameters: String
  var commandLine: String
  /// nil only in a schema before v2, where every run was a verification.
  var kind: RunKind?
  var exitStatus: Int?
  var seconds: Double?
  var machine: String?

  enum CodingKeys: String, CodingKey {
    case id, version, seed, trials, parameters, kind, seconds, machine
    case startedAt = "started_at"
    case finishedAt = "finished_at"
    case commandLine = "command_line"
    case exitStatus = "exit_status"
  }

  enum Columns {
    static let id = Column(CodingKeys.id)
    static let kind = Column(CodingKeys.kind)
  }

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
