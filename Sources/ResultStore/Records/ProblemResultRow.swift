import GRDB
import Verification

/// A row of `problem_result`: one problem of a run, its verdict, derivation and printed solution.
/// JSON-valued columns (parameters, derivation steps, the typed answer, the printed grade) hold
/// serialized JSON text.
struct ProblemResultRow: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "problem_result"

  var id: Int64?
  var runID: Int64
  var problemID: String
  var title: String
  var status: ProblemStatus
  var parameters: String
  var answerText: String?
  var answerLatex: String?
  var derivationError: String?
  var printedText: String?
  var printedReading: String?
  var printedAgrees: Bool?
  var seconds: Double
  var question: String?
  var derivationSteps: String?
  var answerTyped: String?
  var answerMathML: String?
  var printedAnswer: String?
  var printedLocation: String?
  var printedGrade: String?
  var printedAnswerLine: Int?

  enum CodingKeys: String, CodingKey {
    case id, title, status, parameters, seconds, question
    case runID = "run_id"
    case problemID = "problem_id"
    case answerText = "answer_text"
    case answerLatex = "answer_latex"
    case derivationError = "derivation_error"
    case printedText = "printed_text"
    case printedReading = "printed_reading"
    case printedAgrees = "printed_agrees"
    case derivationSteps = "derivation_steps"
    case answerTyped = "answer_typed"
    case answerMathML = "answer_mathml"
    case printedAnswer = "printed_answer"
    case printedLocation = "printed_location"
    case printedGrade = "printed_grade"
    case printedAnswerLine = "printed_answer_line"
  }

  enum Columns {
    static let id = Column(CodingKeys.id)
    static let runID = Column(CodingKeys.runID)
  }

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
