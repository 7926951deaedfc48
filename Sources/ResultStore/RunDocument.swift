import Foundation
import Verification

/// One run as every report renders it, typed: built from the rows results.db holds for it
/// (`RunRows`), whether those rows were just made from a finished run (`init(live:id:)`) or read
/// back from the database (`ResultStore.document(run:)`), so both give the same document.
/// Columns a run's schema did not have yet read as nil or empty.
public struct RunDocument: Sendable {
  public struct Problem: Sendable {
    public var id: String
    public var title: String
    public var status: ProblemStatus
    public var parameters: JSONValue
    public var question: String?
    public var derivationSteps: [(text: String, latex: String?)]
    public var answerText: String?
    public var answerLatex: String?
    public var answerMathML: String?
    public var derivationError: String?
    public var printedText: String?
    public var printedAnswer: String?
    public var printedLocation: String?
    public var printedAgrees: Bool?
    /// The printed answer's grade as stored (verdict, reading, feedback, …).
    public var printedGrade: JSONValue?
    public var checks: [Check]
    public var probes: [Probe]
    public var errata: [Erratum]
    public var notes: [String]
    public var seconds: Double
  }

  public struct Check: Sendable {
    public var id: String
    public var kind: CheckKind
    public var status: CheckStatus
    public var summary: String
    public var params: JSONValue
    public var expected: JSONValue
    public var measured: JSONValue
    public var measuredValue: Double?
    public var standardError: Double?
    public var tolerance: JSONValue
    public var detail: String
    public var series: [String: [Double]]
    public var seconds: Double
  }

  public struct Probe: Sendable {
    public var id: String
    public var summary: String
    public var detail: String
    public var series: [String: [Double]]
  }

  public struct Erratum: Sendable {
    public var kind: String
    public var message: String
    public var location: String
    public var evidence: String?
    public var line: Int?
    public var column: Int?
    public var excerpt: String?
    public var source: String?
  }

  public struct Submission: Sendable {
    public var problem: String
    public var answer: String
    public var verdict: String
    public var reading: String?
    public var feedback: [String]
    public var convention: String?
  }

  public struct AuditedDocument: Sendable {
    public var name: String
    public var sha256: String
    public var bytes: Int
    public var problems: Int
    public var notes: [String]
    public var findings: [Finding]
  }

  public struct Finding: Sendable {
    public var kind: String
    public var message: String
    public var line: Int
    public var column: Int
    public var problem: String?
    public var section: String
    public var excerpt: String
    public var evidence: String?
  }

  /// The run's id in results.db; nil for a run that was not stored.
  public var id: Int64?
  public var kind: RunKind
  /// "run 12", or "an unstored run".
  public var name: String { id.map { "run \($0)" } ?? "an unstored run" }
  public var startedAt: String
  public var finishedAt: String
  public var version: String
  public var seed: Int64
  public var trials: Int?
  public var commandLine: String
  public var parameters: JSONValue
  public var machine: String?
  public var exitStatus: Int?
  public var seconds: Double?
  /// The schema the database had when read (`PRAGMA user_version`: 0 before v3).
  public var schemaVersion: Int
  public var problems: [Problem]
  /// A run stored before runs kept the question, the derivation and plot data (psverify 0.1.0):
  /// every problem of it lacks the question.
  public var storedBeforeReports: Bool {
    kind == .verify && !problems.isEmpty && problems.allSatisfy { $0.question == nil }
  }
  public var submissions: [Submission]
  public var audits: [AuditedDocument]
  public var bench: [BenchRow]
}
