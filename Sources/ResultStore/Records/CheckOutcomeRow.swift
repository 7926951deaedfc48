import GRDB
import Verification

/// A row of `check_outcome`: one check of one problem. `params`, `expected`, `measured`,
/// `tolerance` and `series` hold serialized JSON; `measured_value` and `standard_error` are the
/// numbers `compare` tests, nil when not finite.
struct CheckOutcomeRow: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "check_outcome"

  var id: Int64?
  var problemResultID: Int64
  var checkID: String
  var kind: CheckKind
  var status: CheckStatus
  var summary: String
  var params: String
  var expected: String
  var measured: String
  var measuredValue: Double?
  var standardError: Double?
  var tolerance: String
  var detail: String
  var streamKey: String
  var series: String
  var seconds: Double

  enum CodingKeys: String, CodingKey {
    case id, kind, status, summary, params, expected, measured, tolerance, detail, series, seconds
    case problemResultID = "problem_result_id"
    case checkID = "check_id"
    case measuredValue = "measured_value"
    case standardError = "standard_error"
    case streamKey = "stream_key"
  }

  enum Columns {
    static let id = Column(CodingKeys.id)
    static let problemResultID = Column(CodingKeys.problemResultID)
  }

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
