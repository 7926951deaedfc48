import Answers
import TensorCore

/// The verdict on one answer.
public enum GradeVerdict: String, Sendable, CaseIterable {
  /// The answer is psverify's, possibly under a convention the question leaves open.
  case correct
  case incorrect
  /// The answer cannot be read; a located diagnostic says where and why.
  case unreadable
}

/// How psverify judged an answer: the verdict, how it read the answer, and what it found.
public struct Grade: Sendable {
  /// Correct, incorrect, or unreadable.
  public var verdict: GradeVerdict
  /// The answer as psverify read it, in Unicode (nil when unreadable).
  public var reading: String?
  /// The typed answer read, for storage and reports.
  public var answer: TypedAnswer?
  /// What differs or what holds, in sentences: a counterexample with both values, the layer
  /// whose factor was given, the variance a γ gives.
  public var feedback: [String]
  /// The convention under which a correct answer holds, when it is not psverify's own
  /// (`valid` borders, offsets from 0, L counting the blocks).
  public var convention: String?
  /// Defects of the text, located in it.
  public var issues: [AnswerIssue]
  /// The verdict on each named part, for answers with parts (3a's two counts and condition):
  /// what partial credit counts. Empty for answers of one piece.
  public var parts: [PartVerdict] = []

  /// Whether one named part of an answer is right, as the problem's grader decided it.
  public struct PartVerdict: Sendable, Equatable {
    /// The part's name as the problem's grader calls it.
    public let label: String
    /// Whether that part is right.
    public let correct: Bool
    /// A part verdict from the part's name and whether it is right.
    public init(_ label: String, correct: Bool) {
      self.label = label
      self.correct = correct
    }
  }

  /// A grade; `parts` is empty unless set afterwards.
  public init(
    _ verdict: GradeVerdict, reading: String? = nil, answer: TypedAnswer? = nil,
    feedback: [String] = [], convention: String? = nil, issues: [AnswerIssue] = []
  ) {
    self.verdict = verdict
    self.reading = reading
    self.answer = answer
    self.feedback = feedback
    self.convention = convention
    self.issues = issues
  }

  /// An unreadable answer from a syntax error.
  public static func unreadable(_ error: AnswerSyntaxError, in text: String, expected: String)
    -> Grade
  {
    Grade(.unreadable, feedback: ["expected \(expected)"], issues: [AnswerIssue(error, in: text)])
  }

  /// The grade as JSON: verdict, reading, typed answer, feedback, convention and issues.
  public var json: JSONValue {
    .object([
      ("verdict", .string(verdict.rawValue)), ("reading", reading.map { .string($0) } ?? .null),
      ("answer", answer?.json ?? .null), ("feedback", .array(feedback.map { .string($0) })),
      ("convention", convention.map { .string($0) } ?? .null),
      (
        "issues",
        .array(
          issues.map { i in
            .object([
              ("message", .string(i.message)), ("line", .integer(i.line)),
              ("column", .integer(i.column)), ("excerpt", .string(i.excerpt)),
            ])
          })
      ),
    ])
  }
}

/// What a grader may use besides the answer: its own random stream (for evidence by sampling)
/// and the Monte Carlo budget.
public struct GradingContext: Sendable {
  /// The grader's own random stream: `Runner.gradingStream(_:)` for a submitted answer, the
  /// problem's `printed` stream when the printed solution is audited.
  public var random: RandomStream
  /// The number of Monte Carlo trials a grader may draw.
  public let trials: Int

  /// A context from the grader's stream and trial budget.
  public init(random: RandomStream, trials: Int) {
    self.random = random
    self.trials = trials
  }
}
