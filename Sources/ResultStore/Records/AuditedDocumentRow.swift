import GRDB

/// A row of `audited_document` (schema v3): one document of an audit run; `notes` is a JSON
/// array of strings.
struct AuditedDocumentRow: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "audited_document"

  var id: Int64?
  var runID: Int64
  var name: String
  var sha256: String
  var bytes: Int
  var problems: Int
  var notes: String

  enum CodingKeys: String, CodingKey {
    case id, name, sha256, bytes, problems, notes
    case runID = "run_id"
  }

  enum Columns {
    static let id = Column(CodingKeys.id)
    static let runID = Column(CodingKeys.runID)
  }

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
