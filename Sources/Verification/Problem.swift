import Charts
import Foundation
import IndexNotation
import ProblemDocument

/// The printed solution as it stands in the document: its text, where it is, and the part of it
/// that answers the question.
public struct PrintedSolution: Sendable {
  /// The solution's text exactly as printed (Markdown and LaTeX included).
  public let quote: String
  /// Where it stands: "problem 3b, solution (line 37)".
  public let location: String
  /// The answer found in it by its form (a count, an equation, a power of γ), as graded; nil when
  /// the solution has none.
  public let answer: String?
  /// Where the answer's first fragment starts.
  public let answerLocation: DocumentLocation?

  /// A printed solution from its text, its place, and the answer found in it (nil when none).
  public init(quote: String, location: String, answer: String?, answerLocation: DocumentLocation?) {
    self.quote = quote
    self.location = location
    self.answer = answer
    self.answerLocation = answerLocation
  }
}

/// One step of a derivation, in words and optionally as LaTeX.
public struct DerivationStep: Sendable {
  /// The step in words, as the reports print it.
  public let text: String
  /// The step as LaTeX when it has a formula; nil for a step in words only.
  public let latex: String?

  /// A step from its words and, optionally, its LaTeX.
  public init(_ text: String, latex: String? = nil) {
    self.text = text
    self.latex = latex
  }
}

/// psverify's own answer: how it was derived and what it is.
public struct Derivation: Sendable {
  /// The steps in order, from the question's quantities to the answer.
  public let steps: [DerivationStep]
  /// The answer as typed data; graders and checks take this value.
  public let answer: TypedAnswer
  /// The answer in words, when more than the typed answer says (conditions, conventions).
  public let summary: String
  /// The answer under other conventions that the question leaves open, each named: the count
  /// with `valid` borders, the factor when L counts the blocks.
  public let alternatives: [Alternative]

  /// The answer under one convention the question leaves open.
  public struct Alternative: Sendable {
    /// The convention's name (e.g. "`valid` borders"); `alternative(_:)` finds it by prefix.
    public let convention: String
    /// The answer under that convention.
    public let answer: TypedAnswer
    /// An alternative from its convention's name and its answer.
    public init(_ convention: String, _ answer: TypedAnswer) {
      self.convention = convention
      self.answer = answer
    }
  }

  /// A derivation from its steps and answer; `summary` defaults to the answer's text.
  public init(
    steps: [DerivationStep], answer: TypedAnswer, summary: String? = nil,
    alternatives: [Alternative] = []
  ) {
    self.steps = steps
    self.answer = answer
    self.summary = summary ?? answer.text
    self.alternatives = alternatives
  }

  /// The alternative answer under a convention, by the start of its name.
  public func alternative(_ prefix: String) -> TypedAnswer? {
    alternatives.first { $0.convention.hasPrefix(prefix) }?.answer
  }
}

/// The printed solution judged: graded through the same path as any answer, with the findings
/// about the problem's text.
public struct Audit: Sendable {
  /// The printed solution that was judged.
  public let printed: PrintedSolution
  /// The grade of the printed answer (nil when the solution has no answer psverify can find).
  public let grade: Grade?
  /// The findings about the problem's text: the document's findings on this item, the grade's
  /// disagreement or unreadable answer, and the problem's own findings.
  public let errata: [Erratum]
  /// Observations that are not errata, e.g. that the printed answer holds only under a
  /// convention the question leaves open.
  public let notes: [String]

  /// An audit from the printed solution, its grade (nil when no answer was found) and findings.
  public init(printed: PrintedSolution, grade: Grade?, errata: [Erratum], notes: [String] = []) {
    self.printed = printed
    self.grade = grade
    self.errata = errata
    self.notes = notes
  }

  /// The printed answer as psverify read it.
  public var reading: String { grade?.reading ?? "no answer found" }
  /// Whether the printed answer is correct: decided by grading, never set by hand.
  public var agrees: Bool { grade?.verdict == .correct }
}

/// The problem's text in a document, read for one item ("3b").
public struct ProblemText: Sendable {
  /// The whole document the item was read from.
  public let document: ProblemSetDocument
  /// The item ("3b"): the indices of its statement and solution sections in `document`.
  public let item: DocumentItem
  /// The statement's math fragments, each read by `FragmentReader`.
  public let statementFragments: [ReadFragment]
  /// The solution's math fragments, each read by `FragmentReader`.
  public let solutionFragments: [ReadFragment]
  /// The audit's findings that stand in this item's text.
  public let findings: [Finding]

  /// Reads the item's statement and solution fragments from `document`; `findings` are the
  /// document audit's findings that stand in this item.
  public init(document: ProblemSetDocument, item: DocumentItem, findings: [Finding]) {
    self.document = document
    self.item = item
    statementFragments = document.fragments(in: item.statements).map(FragmentReader.read)
    solutionFragments = document.fragments(in: item.solutions).map(FragmentReader.read)
    self.findings = findings
  }

  /// The statement's prose (shared and the part's own), lowercased, for phrase queries.
  public var statementProse: String { document.prose(in: item.statements).lowercased() }

  /// The solution's text as printed.
  public var solutionText: String {
    item.solutions.map { document.text(of: document.sections[$0]) }.joined()
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// "problem 3b, solution (line 37)".
  public var solutionLocation: String {
    guard let s = item.solutions.first else { return "problem \(item.id), solution" }
    return "problem \(item.id), solution (line \(document.sections[s].start.line))"
  }
}

/// A problem of the set: derived, implemented, checked, and able to grade any answer.
///
/// A conforming type never prints; it returns data that the report renders.
public protocol Problem: Sendable {
  /// Stable id (`1`, `2`, `3a`, `3b`, `3c`, `4`); stored in results.db, never renamed.
  var id: String { get }
  /// The title that heads the problem in `psverify list` and the reports.
  var title: String { get }
  /// The question in a sentence or two, in psverify's own words.
  var question: String { get }
  /// How to write an answer for `psverify grade`, with an example.
  var answerFormat: String { get }
  /// The parameters the problem takes, each with its domain and default (`--param NAME=VALUE`).
  var parameters: [ParameterSpec] { get }
  /// Monte Carlo trials when `--trials` is not given.
  var defaultTrials: Int { get }
  /// The fewest trials for which the problem's Monte Carlo checks hold their stated false-alarm
  /// rate (their estimates near enough to normal); `--trials` below it is refused.
  var minimumTrials: Int { get }

  /// Rejects parameter combinations the machine cannot run (memory, time) before anything runs.
  /// - Throws: `ParameterError.tooLarge` naming the limit.
  func validate(_ parameters: ParameterValues) throws

  /// Derives the answer symbolically.
  func derive(_ parameters: ParameterValues) throws -> Derivation
  /// The text in a printed solution that answers the question, found by its form; nil if none.
  func printedAnswer(_ solution: [ReadFragment]) -> (text: String, fragment: MathFragment)?
  /// Grades any answer against the derived one. Total: never throws, never traps.
  func grade(_ answer: String, _ derivation: Derivation, _ context: inout GradingContext) -> Grade
  /// The checks of the answer under test (the derived one unless the parameters name another).
  func checks(_ derivation: Derivation, _ parameters: ParameterValues) -> [Check]
  /// Measurements whose results are findings about the problem's premises, not pass or fail.
  func probes(_ derivation: Derivation, _ parameters: ParameterValues) -> [Probe]
  /// Findings about the printed solution that need this problem's own analysis (the problem's
  /// notation findings come from the document audit).
  func findings(_ derivation: Derivation, printed: Grade?, text: ProblemText) -> [Erratum]
  /// The report's figures of a stored run, drawn from the series its checks and probes stored:
  /// nil when the problem draws no figures, [] when it does but the run stored no data for them.
  func figures(_ stored: FigureData) -> [Figure]?
  /// The served page's figure with a graded `answer` placed on it; nil when none fits (an answer
  /// of another kind, a variant where the figure is the base problem's).
  func answerFigure(_ answer: TypedAnswer, derivation: Derivation, context: AnswerFigure.Context)
    -> AnswerFigure?
  /// The checks (ids) whose outcomes on psverify's own answer `answerFigure` reads from
  /// `context.measured`: run once when the page starts.
  var answerFigureChecks: [String] { get }
}

extension Problem {
  /// One trial by default, for problems without Monte Carlo checks.
  public var minimumTrials: Int { 1 }
  /// Accepts every combination by default.
  public func validate(_ parameters: ParameterValues) throws {}
  /// No probes by default.
  public func probes(_ derivation: Derivation, _ parameters: ParameterValues) -> [Probe] { [] }
  /// No findings of the problem's own by default.
  public func findings(_ derivation: Derivation, printed: Grade?, text: ProblemText) -> [Erratum] {
    []
  }
  public func figures(_ stored: FigureData) -> [Figure]? { nil }
  public func answerFigure(
    _ answer: TypedAnswer, derivation: Derivation, context: AnswerFigure.Context
  ) -> AnswerFigure? { nil }
  public var answerFigureChecks: [String] { [] }
}
