import Foundation
import ProblemDocument
import Verification

/// One run as every report renders it, typed: built from the rows results.db holds for it
/// (`RunRows`), whether those rows were just made from a finished run (`init(live:id:)`) or read
/// back from the database (`ResultStore.document(run:)`), so both give the same document.
/// Columns a run's schema did not have yet read as nil or empty.
public struct RunDocument: Sendable {
  /// One problem of the run: its verdict, derivation, printed solution and the outcomes of its
  /// checks and probes.
  public struct Problem: Sendable {
    /// The problem's id in the registry.
    public var id: String
    /// The problem's title as it was when the run was stored.
    public var title: String
    /// The problem's verdict in the run.
    public var status: ProblemStatus
    /// The parameters the problem ran with, as a JSON object keyed by name in sorted order.
    public var parameters: JSONValue
    /// The question in psverify's words; nil in runs stored before the question was kept.
    public var question: String?
    /// The derivation's steps, each as text with optional LaTeX; empty when there was no derivation
    /// or it was not stored.
    public var derivationSteps: [(text: String, latex: String?)]
    /// The derivation's summary of the answer as plain text, nil when the derivation failed.
    public var answerText: String?
    /// The derived answer as LaTeX, nil when the derivation failed.
    public var answerLatex: String?
    /// The derived answer as MathML from psverify's expression tree, nil when not stored.
    public var answerMathML: String?
    /// The derived answer as typed JSON (its shape and value), nil when the derivation failed or
    /// it was not stored.
    public var answerTyped: JSONValue?
    /// Why the derivation failed, nil when it succeeded.
    public var derivationError: String?
    /// The printed solution's passage as quoted from the problem set, nil when none was found.
    public var printedText: String?
    /// The answer read from the printed solution, nil when none was found.
    public var printedAnswer: String?
    /// Where the printed solution stands in the problem set ("problem 3b, solution (line 37)").
    public var printedLocation: String?
    /// The 1-based line of the printed answer in the problem set, nil when none was found or it
    /// was not stored (runs before schema v7).
    public var printedAnswerLine: Int?
    /// How the printed answer was read, nil when there was no printed solution to read.
    public var printedReading: String?
    /// Whether the printed answer agrees with the derived one; nil when there was nothing to
    /// compare.
    public var printedAgrees: Bool?
    /// The printed answer's grade as stored (verdict, reading, feedback, …).
    public var printedGrade: JSONValue?
    /// The problem's checks in the order they ran.
    public var checks: [Check]
    /// The problem's probes (measurements reported without a verdict) in the order they ran.
    public var probes: [Probe]
    /// The findings about the printed solution.
    public var errata: [Erratum]
    /// Remarks the problem made about its run, in order.
    public var notes: [String]
    /// Wall-clock seconds the problem took.
    public var seconds: Double
  }

  /// One check of a problem: what it compared, what it measured, its tolerance and verdict.
  public struct Check: Sendable {
    /// The check's id within its problem.
    public var id: String
    /// What kind of comparison the check makes.
    public var kind: CheckKind
    /// The check's verdict.
    public var status: CheckStatus
    /// One line saying what the check tests.
    public var summary: String
    /// The parameters the check ran with, as JSON; null when not stored.
    public var params: JSONValue
    /// The expected value as JSON; null when not stored.
    public var expected: JSONValue
    /// The measured value as JSON; null when not stored.
    public var measured: JSONValue
    /// The measured value as a number, nil when it is not a finite number.
    public var measuredValue: Double?
    /// The standard error of the measurement, nil when it has none or it is not finite.
    public var standardError: Double?
    /// The tolerance the comparison used, with its reason, as JSON; null when not stored.
    public var tolerance: JSONValue
    /// The check's free-text detail on what it measured.
    public var detail: String
    /// The key of the random stream the check drew from, as decimal text.
    public var streamKey: String
    /// Plot data by series name; the problem's figures are drawn from these. Empty when none was
    /// stored.
    public var series: [String: [Double]]
    /// Wall-clock seconds the check took.
    public var seconds: Double
  }

  /// One probe of a problem: a measurement reported without a verdict.
  public struct Probe: Sendable {
    /// The probe's id within its problem.
    public var id: String
    /// One line saying what the probe measures.
    public var summary: String
    /// The parameters the probe ran with, as JSON; null when not stored.
    public var params: JSONValue
    /// The probe's free-text result.
    public var detail: String
    /// The key of the random stream the probe drew from, as decimal text.
    public var streamKey: String
    /// Plot data by series name, empty when none was stored.
    public var series: [String: [Double]]
    /// Wall-clock seconds the probe took.
    public var seconds: Double
  }

  /// One finding about a printed solution. Position, excerpt and source are nil in runs stored
  /// before schema v3.
  public struct Erratum: Sendable {
    /// What sort of finding the erratum is.
    public var kind: Verification.Erratum.Kind
    /// What is wrong, in a sentence.
    public var message: String
    /// Where in the problem set, e.g. "problem 2, solution, line 19, column 76".
    public var location: String
    /// The figures or derivation that support the finding, nil when there are none.
    public var evidence: String?
    /// The 1-based line in the problem set, nil when the finding has no place.
    public var line: Int?
    /// The 1-based column in the problem set, nil when the finding has no place.
    public var column: Int?
    /// The document's line with a caret under the column, nil when the finding has no place.
    public var excerpt: String?
    /// The rule or measurement the finding came from (an audit rule's kind, a check's or probe's
    /// id).
    public var source: String?
  }

  /// One graded answer of a grade run.
  public struct Submission: Sendable {
    /// The id of the problem the answer is for.
    public var problem: String
    /// The answer as submitted.
    public var answer: String
    /// The grade's verdict, as its raw value.
    public var verdict: String
    /// How the answer was read, nil when it could not be read.
    public var reading: String?
    /// The feedback sentences given with the grade, in order.
    public var feedback: [String]
    /// The convention the answer was graded under, nil when none applied.
    public var convention: String?
  }

  /// One document of an audit run with its findings.
  public struct AuditedDocument: Sendable {
    /// The document's name as given to the audit.
    public var name: String
    /// The SHA-256 of the document's bytes, in hex.
    public var sha256: String
    /// The document's size in bytes.
    public var bytes: Int
    /// The number of problems the audit found in the document.
    public var problems: Int
    /// The audit's notes on the document, in order.
    public var notes: [String]
    /// The audit's findings in the document, in order.
    public var findings: [Finding]
  }

  /// One finding of an audit at its line and column of the audited document.
  public struct Finding: Sendable {
    /// The audit rule the finding comes from.
    public var kind: ProblemDocument.Finding.Kind
    /// What the rule found, in a sentence.
    public var message: String
    /// The 1-based line in the audited document.
    public var line: Int
    /// The 1-based column in the audited document, in Unicode code points.
    public var column: Int
    /// The problem the finding is in, nil in the preamble.
    public var problem: String?
    /// The section the finding is in, e.g. "problem 3b, statement".
    public var section: String
    /// The document's line with a caret under the column.
    public var excerpt: String
    /// The figures or derivation that support the finding, nil when there are none.
    public var evidence: String?
  }

  /// The run's id in results.db; nil for a run that was not stored.
  public var id: Int64?
  /// The command that made the run; runs stored before kinds existed read as verifications.
  public var kind: RunKind
  /// "run 12", or "an unstored run".
  public var name: String { id.map { "run \($0)" } ?? "an unstored run" }
  /// When the run started, as the stored timestamp text (to the millisecond).
  public var startedAt: String
  /// When the run finished, as the stored timestamp text (to the millisecond).
  public var finishedAt: String
  /// The psverify version that made the run.
  public var version: String
  /// The run's seed as results.db stores it, a signed 64-bit integer.
  public var seed: Int64
  /// The trial count given on the command line, nil when none was given.
  public var trials: Int?
  /// The command line that started the run.
  public var commandLine: String
  /// The `--param` overrides as a JSON object, empty when none were given.
  public var parameters: JSONValue
  /// The machine the run ran on (CPU model and cores), nil when not recorded.
  public var machine: String?
  /// The process's exit status, nil when not recorded.
  public var exitStatus: Int?
  /// Wall-clock seconds from start to finish, nil when not recorded.
  public var seconds: Double?
  /// The schema the database had when read (`PRAGMA user_version`: 0 before v3).
  public var schemaVersion: Int
  /// The run's problems in the order they ran; empty for runs that ran none.
  public var problems: [Problem]
  /// A run stored before runs kept the question, the derivation and plot data (psverify 0.1.0):
  /// every problem of it lacks the question.
  public var storedBeforeReports: Bool {
    kind == .verify && !problems.isEmpty && problems.allSatisfy { $0.question == nil }
  }
  /// The graded answers of a grade run, empty otherwise.
  public var submissions: [Submission]
  /// The audited documents of an audit run, empty otherwise.
  public var audits: [AuditedDocument]
  /// The benchmark rows of a bench run, empty otherwise.
  public var bench: [BenchRow]
}
