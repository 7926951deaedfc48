import GRDB
import ProblemDocument

/// A row of `audit_finding` (schema v3): one finding in an audited document, at its line and
/// column. The kind is stored by its raw value; one psverify does not know is refused on reading
/// (`StoreError.unreadable`).
struct AuditFindingRow: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "audit_finding"

  var id: Int64?
  var documentID: Int64
  var kind: Finding.Kind
  var message: String
  var line: Int
  var column: Int
  var problem: String?
  var item: String?
  var section: String
  var excerpt: String
  var evidence: String?

  enum CodingKeys: String, CodingKey {
    case id, kind, message, line, column, problem, item, section, excerpt, evidence
    case documentID = "document_id"
  }

  enum Columns {
    static let id = Column(CodingKeys.id)
    static let documentID = Column(CodingKeys.documentID)
  }

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
