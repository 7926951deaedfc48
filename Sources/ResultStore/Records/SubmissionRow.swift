import GRDB

/// A row of `submission` (schema v3): one graded answer. `feedback` and `issues` hold JSON
/// arrays, `typed` the typed answer's JSON; the class columns (v4) are nil outside class runs.
struct SubmissionRow: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "submission"

  var id: Int64?
  var runID: Int64
  var problemID: String
  var answer: String
  var verdict: String
  var reading: String?
  var feedback: String
  var convention: String?
  var issues: String
  var typed: String?
  var student: String?
  var points: Double?
  var maxPoints: Double?
  var groupKey: String?

  enum CodingKeys: String, CodingKey {
    case id, answer, verdict, reading, feedback, convention, issues, typed, student, points
    case runID = "run_id"
    case problemID = "problem_id"
    case maxPoints = "max_points"
    case groupKey = "group_key"
  }

  enum Columns {
    static let id = Column(CodingKeys.id)
    static let runID = Column(CodingKeys.runID)
  }

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
