import Answers
import ArgumentParser
import Foundation
import ResultStore
import Verification

/// `psverify grade ID --answer "…"` or `psverify grade --file answers.txt`: any answer judged by
/// the code that judges the printed solutions.
struct GradeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "grade",
    abstract: "Grade an answer to a problem: correct, incorrect (with what differs) or unreadable.",
    discussion: """
      Answers are read as plain text (B*X*Y*dX*dY*Nout*Nin, 1/sqrt(2), gamma^(L-1)), Unicode \
      (B·X·Y·ΔX·ΔY·N_out·N_in, γ^(L−1)) or LaTeX as the problem set prints them. A file holds one \
      answer per problem as `ID: ANSWER` lines (continuation lines allowed, # comments). Exit 0 \
      when grading ran, whatever the verdicts; 2 for an unknown problem or an unreadable file.

      A class: --dir DIR (one sheet per student, the file name is the student id) or --csv FILE \
      (a row per student, a column per problem id), with --roster, --rubric, --gradebook, \
      --canvas and --feedback; stored as one class run (see psverify class and regrade).
      """)

  @Argument(help: "The problem id (1, 2, 3a, 3b, 3c, 4); omit with --file.")
  var id: String?

  @Option(
    parsing: .unconditional,
    help: "The answer to grade; any text (--answer=---1, or the answer after --).")
  var answer: String?

  @Argument(
    parsing: .postTerminator,
    help: ArgumentHelp(
      "The answer after `--`, taken as it is: grade 3b -- ---1.",
      valueName: "answer"))
  var answerWords: [String] = []

  @Option(help: "A file of answers, one per problem (ID: ANSWER).")
  var file: String?

  @OptionGroup(title: "A class")
  var classOptions: ClassGradeOptions

  @Option(help: "Output format: text or json.")
  var format: OutputFormat = .text

  @Option(
    help: "Seed of the grader's random evidence; recorded, reproduces a grading.",
    transform: RunOptions.parseSeed)
  var seed: UInt64 = RunOptions.defaultSeed

  @OptionGroup var storage: StorageOptions

  @Option(
    help: "Grade against this variant of the problem (0 is the base problem); with ID only.",
    transform: RunOptions.parseSeed)
  var variant: UInt64?

  @Option(help: "Grade against this student's recorded variants (with --assignment).")
  var student: String?

  @Option(help: "The assignment whose recorded sets --student refers to.")
  var assignment: String?

  /// `--answer TEXT`, or the words after `--` joined by spaces.
  var answerText: String? {
    answer ?? (answerWords.isEmpty ? nil : answerWords.joined(separator: " "))
  }

  func validate() throws {
    guard format != .markdown else { throw ValidationError("grade prints text or json") }
    if answer != nil && !answerWords.isEmpty {
      throw ValidationError("give the answer once: with --answer \"…\" or after --, not both")
    }
    if classOptions.isClass {
      guard id == nil, answerText == nil, file == nil else {
        throw ValidationError(
          "grade a class with --dir DIR or --csv FILE alone, not with an ID, --answer or --file")
      }
      if student != nil || variant != nil {
        throw ValidationError(
          "a class is graded against each student's recorded variants with "
            + "--assignment NAME alone, not --student or --variant")
      }
      return try classOptions.validate()
    }
    try classOptions.validateUnused()
    switch (id, answerText, file) {
    case (_?, _?, nil), (nil, nil, _?): break
    case (nil, _?, nil): throw ValidationError("name the problem: psverify grade ID --answer \"…\"")
    case (_?, nil, nil):
      throw ValidationError("give the answer with --answer \"…\", or a file with --file")
    default: throw ValidationError("give either ID --answer \"…\" or --file FILE, not both")
    }
    if (student == nil) != (assignment == nil) {
      throw ValidationError(
        "--student and --assignment go together: psverify grade ID "
          + "--student S --assignment NAME --answer \"…\"")
    }
    if student != nil && variant != nil {
      throw ValidationError(
        "--student grades against the recorded variants: give --student "
          + "S --assignment NAME without --variant")
    }
    if variant != nil && id == nil {
      throw ValidationError(
        "--variant grades one answer: psverify grade ID --variant N --answer \"…\"")
    }
  }

  func run() throws {
    if classOptions.isClass {
      return try runClass()
    }
    var entries: [(problem: any Problem, answer: String, line: Int?)] = []
    if let file {
      guard let data = FileManager.default.contents(atPath: file) else {
        throw UsageError(
          message: "cannot read the answers file '\(file)': "
            + (FileManager.default.fileExists(atPath: file)
              ? "permission denied or not a file" : "no such file"))
      }
      guard let text = String(data: data, encoding: .utf8) else {
        throw UsageError(message: "'\(file)' is not UTF-8 text; save the answers as UTF-8")
      }
      let sheet: AnswerSheet
      do { sheet = try AnswerSheet.parse(text) } catch {
        throw UsageError(message: "cannot read the answers file '\(file)': \(error)")
      }
      guard !sheet.entries.isEmpty else {
        throw UsageError(
          message:
            "'\(file)' holds no answers; write one per line as ID: ANSWER, e.g. 3b: 1/sqrt(2)")
      }
      for e in sheet.entries {
        guard let p = Catalog.problem(e.problem) else {
          throw UsageError(
            message: "line \(e.line) of '\(file)': " + Catalog.unknown(e.problem).message)
        }
        entries.append((try recorded(p), e.answer, e.line))
      }
    } else if let id, let answer = answerText {
      guard var p = Catalog.problem(id) else { throw Catalog.unknown(id) }
      if let variant, variant != 0 { p = try Catalog.variant(id, seed: variant).problem }
      entries.append((try recorded(p), answer, nil))
    }
    let store = try storage.checkedStore()
    let started = Date()
    let runner = Runner(seed: seed)
    var submissions: [Submission] = []
    for entry in entries {
      let parameters = ParameterValues(specs: entry.problem.parameters)
      let grade = runner.grade(entry.problem, answer: entry.answer, parameters: parameters).grade
      submissions.append(Submission(problem: entry.problem.id, answer: entry.answer, grade: grade))
    }
    let stored = StoreAttempt(
      storing: {
        var record = RunRecord(
          startedAt: started, finishedAt: Date(), version: Version.current, seed: seed,
          trials: nil, parameters: .object([]),
          commandLine: (["psverify"] + CommandLine.arguments.dropFirst()).joined(separator: " "),
          reports: [])
        record.kind = .grade
        record.submissions = submissions
        record.exitStatus = 0
        record.machine = Machine.description
        return record
      }(), in: store)
    let correct = submissions.filter { $0.grade.verdict == .correct }.count
    let unreadable = submissions.filter { $0.grade.verdict == .unreadable }.count
    if format == .json {
      print(
        JSONValue.object([
          (
            "submissions",
            .array(
              submissions.map { s in
                .object(
                  [("problem", .string(s.problem)), ("submitted", .string(s.answer))]
                    + members(s.grade.json))
              })
          ),
          (
            "score",
            .object([
              ("correct", .integer(correct)), ("graded", .integer(submissions.count)),
              ("unreadable", .integer(unreadable)),
            ])
          ),
          ("seed", .integer(Int(seed))), ("stored", .string(stored.storage)),
        ]).serialized(pretty: true))
    } else {
      for s in submissions { print(text(s)) }
      print(
        "score: \(correct)/\(submissions.count) correct"
          + (unreadable > 0 ? ", \(unreadable) unreadable" : "")
          + " · seed \(seed) · \(stored.storage)")
    }
    try stored.finish()
  }

  /// The student's recorded variant of `problem` (with --student and --assignment, for a problem
  /// with a family), else `problem` itself.
  func recorded(_ problem: any Problem) throws -> any Problem {
    guard let student, let assignment, problem is any ProblemFamily else { return problem }
    let store = storage.database.store
    let seed = try VariantCommand.recordedSeed(
      store: store, assignment: assignment,
      student: student, problem: problem.id)
    return try Catalog.variant(problem.id, seed: seed).problem
  }

  func members(_ json: JSONValue) -> [(String, JSONValue)] {
    if case .object(let m) = json { return m }
    return []
  }

  func text(_ s: Submission) -> String {
    let g = s.grade
    var out = "\(s.problem)  \(g.verdict.rawValue)" + (g.reading.map { "  \($0)" } ?? "") + "\n"
    if let c = g.convention { out += "    under the convention: \(c)\n" }
    for f in g.feedback { out += "    \(f)\n" }
    for issue in g.issues {
      out += "    line \(issue.line), column \(issue.column): \(issue.message)\n"
      out +=
        issue.excerpt.split(separator: "\n", omittingEmptySubsequences: false).map { "    \($0)" }
        .joined(separator: "\n") + "\n"
    }
    return out
  }
}
