import Verification

/// A class graded: one row per student with one graded answer per problem. What `grade --dir`
/// writes out, what a class run stores, and what `class` and `regrade` read back.
public struct ClassResult: Sendable {
  /// The problem ids, in gradebook column order.
  public var problems: [String]
  /// The rubric the points came from, as JSON (points per problem, part weights, assignment).
  public var rubric: JSONValue
  /// One row per student. A class graded from sheets lists those who handed one in, in sheet
  /// order, then the roster's students who did not.
  public var students: [StudentResult]
  /// How many distinct (problem, answer) pairs were graded.
  public var distinctAnswers: Int
  /// The stored run's id, seed and psverify version, when read back from results.db.
  public var run: Int64?
  /// The seed the class was graded with, when read back from results.db.
  public var seed: UInt64?
  /// The psverify version that graded the class, when read back from results.db.
  public var version: String?
  /// Where the sheets came from (`--dir PATH` or `--csv FILE`).
  public var source: String = ""

  /// A class result from its problems, rubric, students and distinct-answer count; run, seed,
  /// version and source are set afterwards.
  public init(
    problems: [String], rubric: JSONValue, students: [StudentResult],
    distinctAnswers: Int
  ) {
    (self.problems, self.rubric, self.students, self.distinctAnswers) =
      (problems, rubric, students, distinctAnswers)
  }
}

/// One student's row.
public struct StudentResult: Sendable {
  /// What became of a student's sheet.
  public enum Status: String, Sendable, CaseIterable {
    /// The sheet was read and every answer graded.
    case graded
    /// The sheet could not be read (binary, too large, malformed); `reason` says why.
    case unreadable
    /// On the roster, but no sheet was submitted.
    case missing
  }

  /// The student's roster id.
  public var id: String
  /// The student's name from the roster.
  public var name: String
  /// The student's section from the roster.
  public var section: String
  /// The student's email from the roster.
  public var email: String
  /// Whether the sheet was graded, unreadable or missing.
  public var status: Status
  /// Why the sheet was unreadable or missing; nil for a graded one.
  public var reason: String?
  /// What was set aside while reading the sheet (unknown problem ids, repeated answers).
  public var notes: [String]
  /// One graded answer per problem, in the class's problem order; a sheet graded as missing or
  /// unreadable gets answers with verdict `missing` and 0 points.
  public var answers: [GradedAnswer]

  /// A student's row from its parts, stored as given.
  public init(
    id: String, name: String, section: String, email: String, status: Status,
    reason: String?, notes: [String], answers: [GradedAnswer]
  ) {
    (self.id, self.name, self.section, self.email) = (id, name, section, email)
    (self.status, self.reason, self.notes, self.answers) = (status, reason, notes, answers)
  }

  /// The points the student earned: the sum of `points` over the answers.
  public var total: Double { answers.reduce(0) { $0 + $1.points } }
  /// The points the student could have earned: the sum of `maxPoints` over the answers.
  public var maximum: Double { answers.reduce(0) { $0 + $1.maxPoints } }
}

/// One answer as graded, with its points and the key of its answer group.
public struct GradedAnswer: Sendable, Equatable {
  /// The verdict of an answer that is not there.
  public static let missing = "missing"

  /// The id of the problem answered.
  public var problem: String
  /// The answer as typed; nil when missing.
  public var answer: String?
  /// `correct`, `incorrect`, `unreadable` or `missing`.
  public var verdict: String
  /// How the answer was read, nil when it was not read.
  public var reading: String?
  /// The feedback sentences of the grade, in order.
  public var feedback: [String]
  /// The convention under which the answer holds when it is not psverify's own; nil otherwise.
  public var convention: String?
  /// The defects found in the answer's text, as sentences.
  public var issues: [String]
  /// The points the rubric gives this answer.
  public var points: Double
  /// The most points the rubric gives an answer to this problem.
  public var maxPoints: Double
  /// Equal keys mean the same answer by meaning, and the same verdict (see Classroom.AnswerKey).
  public var key: String

  /// A graded answer from its parts, stored as given.
  public init(
    problem: String, answer: String?, verdict: String, reading: String?,
    feedback: [String], convention: String?, issues: [String], points: Double,
    maxPoints: Double, key: String
  ) {
    (self.problem, self.answer, self.verdict, self.reading, self.feedback, self.convention) =
      (problem, answer, verdict, reading, feedback, convention)
    (self.issues, self.points, self.maxPoints, self.key) = (issues, points, maxPoints, key)
  }
}
