import GRDB

/// A row of `probe_outcome` (schema v3): a measurement a problem reports without a verdict.
struct ProbeOutcomeRow: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "probe_outcome"

  var id: Int64?
  var problemResultID: Int64
  var probeID: String
  var summary: String
  var params: String
  var detail: String
  var streamKey: String
  var series: String
  var seconds: Double

  enum CodingKeys: String, CodingKey {
    case id, summary, params, detail, series, seconds
    case problemResultID = "problem_result_id"
    case probeID = "probe_id"
    case streamKey = "stream_key"
  }

  enum Columns {
    static let id = Column(CodingKeys.id)
    static let problemResultID = Column(CodingKeys.problemResultID)
  }

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
