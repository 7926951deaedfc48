import GRDB

/// A row of `note`: one remark a problem made about its run.
struct NoteRow: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "note"

  var id: Int64?
  var problemResultID: Int64
  var text: String

  enum CodingKeys: String, CodingKey {
    case id, text
    case problemResultID = "problem_result_id"
  }

  enum Columns {
    static let id = Column(CodingKeys.id)
    static let problemResultID = Column(CodingKeys.problemResultID)
  }

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
