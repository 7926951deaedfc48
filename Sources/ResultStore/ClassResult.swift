import Verification

/// A class graded: one row per student with one graded answer per problem. What `grade --dir`
/// writes out, what a class run stores, and what `class` and `regrade` read back.
public struct ClassResult: Sendable {
  /// The problem ids, in gradebook column order.
  public var problems: [String]
  /// The rubric the points came from, as JSON (points per problem, part weights, assignment).
  public var rubric: JSONValue
  public var students: [StudentResult]
  /// How many distinct (problem, answer) pairs were graded.
  public var distinctAnswers: Int
  /// The stored run's id, seed and psverify version, when read back from results.db.
  public var run: Int64?
  public var seed: UInt64?
  public var version: String?
  /// Where the sheets came from (`--dir PATH` or `--csv FILE`).
  public var source: String = ""

  public init(problems: [String], rubric: JSONValue, students: [StudentResult],
              distinctAnswers: Int) {
    (self.problems, self.rubric, self.students, self.distinctAnswers) =
      (problems, rubric, students, distinctAnswers)
  }
}

/// One student's row.
public struct StudentResult: Sendable {
  public enum Status: String, Sendable, CaseIterable {
    /// The sheet was read and every answer graded.
    case graded
    /// The sheet could not be read (binary, too large, malformed); `reason` says why.
    case unreadable
    /// On the roster, but no sheet was submitted.
    case missing
  }

  public var id: String
  public var name: String
  public var section: String
  public var email: String
  public var status: Status
  public var reason: String?
  /// What was set aside while reading the sheet (unknown problem ids, repeated answers).
  public var notes: [String]
  public var answers: [GradedAnswer]

  public init(id: String, name: String, section: String, email: String, status: Status,
              reason: String?, notes: [String], answers: [GradedAnswer]) {
    (self.id, self.name, self.section, self.email) = (id, name, section, email)
    (self.status, self.reason, self.notes, self.answers) = (status, reason, notes, answers)
  }

  public var total: Double { answers.reduce(0) { $0 + $1.points } }
  public var maximum: Double { answers.reduce(0) { $0 + $1.maxPoints } }
}

/// One answer as graded, with its points and the key of its answer group.
public struct GradedAnswer: Sendable, Equatable {
  /// The verdict of an answer that is not there.
  public static let missing = "missing"

  public var problem: String
  /// The answer as typed; nil when missing.
  public var answer: String?
  /// `correct`, `incorrect`, `unreadable` or `missing`.
  public var verdict: String
  public var reading: String?
  public var feedback: [String]
  public var convention: String?
  public var issues: [String]
  public var points: Double
  public var maxPoints: Double
  /// Equal keys mean the same answer by meaning, and the same verdict (see Classroom.AnswerKey).
  public var key: String

  public init(problem: String, answer: String?, verdict: String, reading: String?,
              feedback: [String], convention: String?, issues: [String], points: Double,
              maxPoints: Double, key: String) {
    (self.problem, self.answer, self.verdict, self.reading, self.feedback, self.convention) =
      (problem, answer, verdict, reading, feedback, convention)
    (self.issues, self.points, self.maxPoints, self.key) = (issues, points, maxPoints, key)
  }
}
