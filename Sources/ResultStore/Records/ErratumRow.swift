import GRDB
import Verification

/// A row of `erratum`: a finding about a printed solution. The position and source columns
/// (schema v3) are nil in older rows. The kind is stored by its raw value; one psverify does not
/// know is refused on reading (`StoreError.unreadable`).
struct ErratumRow: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "erratum"

  var id: Int64?
  var problemResultID: Int64
  var kind: Erratum.Kind
  var message: String
  var location: String
  var evidence: String?
  var line: Int?
  var column: Int?
  var excerpt: String?
  var source: String?

  enum CodingKeys: String, CodingKey {
    case id, kind, message, location, evidence, line, column, excerpt, source
    case problemResultID = "problem_result_id"
  }

  enum Columns {
    static let id = Column(CodingKeys.id)
    static let problemResultID = Column(CodingKeys.problemResultID)
  }

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
