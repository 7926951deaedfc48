import ArgumentParser
import Foundation
import Report
import Verification

enum VariantFormat: String, ExpressibleByArgument, CaseIterable {
  case markdown, json, html
}

extension Catalog {
  /// The problems that declare a family of variants.
  static var families: [any ProblemFamily] { problems.compactMap { $0 as? any ProblemFamily } }

  /// The variant `seed` of problem `id`.
  /// - Throws: `UsageError` for an unknown problem or one without variants.
  static func variant(_ id: String, seed: UInt64) throws -> Variant {
    guard let p = problem(id) else { throw unknown(id) }
    guard let family = p as? any ProblemFamily else {
      throw UsageError(
        message: VariantError.noFamily(problem: id, families: families.map(\.id))
          .description + " (hint: run the base problem with psverify problem \(id))")
    }
    return family.variant(seed: seed)
  }
}

/// `psverify variant ID --seed N`: one member of a problem's family, derived and verified; a
/// variant whose checks fail is refused (exit 1) with the reasons.
struct VariantCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "variant",
    abstract: "Write a verified variant of a problem: statement, derived answer, its checks.",
    discussion: """
      The variant of seed 0 is the base problem. A variant changes the problem's structure \
      (stride and groups in 1; sub-blocks and branches in 3a; branches, correlation or branch \
      variance in 3b; γ on every m-th block in 3c), its answer is \
      derived by the problem's own code, and its checks run before it is written: a variant \
      whose checks fail is not written (exit 1, with the reasons on standard error). With \
      --roster, --assignment and --out it writes one problem set per student (every problem \
      with a family, each student's variant chosen from a hash of student id, assignment and \
      problem id) and records the choice in results.db, where `grade --student` finds it.
      """)

  @Argument(help: "The problem id (1, 2, 3a, 3b, 3c, 4); omit with --roster.")
  var id: String?

  @Option(help: "The variant's seed (0 is the base problem).", transform: RunOptions.parseSeed)
  var seed: UInt64?

  @Option(help: "A class roster (CSV with an id column, optionally name): one set per student.")
  var roster: String?

  @Option(help: "The assignment's name, with --roster: part of every student's variant choice.")
  var assignment: String?

  @Option(help: "The directory the students' sets are written to, with --roster.")
  var out: String?

  /// With --roster: where the students' variants are recorded (or not, with --no-store).
  @OptionGroup var storage: StorageOptions

  @Option(help: "Output format: markdown, json or html.")
  var format: VariantFormat = .markdown

  @Option(
    parsing: .unconditional,
    help: "Monte Carlo trials per estimate in the checks; default: the problem's own.",
    transform: RunOptions.parseTrials)
  var trials: Int?

  @Option(
    name: .customLong("check-seed"),
    help: "Seed of the checks' random streams (default \(RunOptions.defaultSeed)).",
    transform: RunOptions.parseSeed)
  var checkSeed: UInt64 = RunOptions.defaultSeed

  @Option(
    name: .customLong("param"),
    help: ArgumentHelp(
      "Override a parameter of the variant's checks, e.g. gamma=1/2 to test "
        + "an answer in place of the derived one (repeatable).",
      valueName: "NAME=VALUE"))
  var params: [String] = []

  func validate() throws {
    switch (id, seed, roster) {
    case (_?, _?, nil):
      if assignment != nil || out != nil {
        throw ValidationError("--assignment and --out go with --roster, not with ID --seed N")
      }
    case (nil, nil, _?):
      guard let assignment, !assignment.isEmpty, out != nil else {
        throw ValidationError(
          "--roster needs --assignment NAME and --out DIR: psverify variant --roster "
            + "students.csv --assignment hw2 --out sets/")
      }
      guard format == .markdown, params.isEmpty else {
        throw ValidationError(
          "--roster writes Markdown and HTML sets; --format and --param "
            + "apply to one variant")
      }
    case (_?, nil, nil):
      throw ValidationError("give the variant's seed: psverify variant \(id!) --seed N")
    case (nil, _?, nil):
      throw ValidationError("name the problem: psverify variant ID --seed N")
    default:
      throw ValidationError(
        "give either ID --seed N or --roster FILE --assignment NAME --out DIR, not both")
    }
  }

  func run() throws {
    guard let id, let seed else {
      return try runRoster(roster!, assignment: assignment!, out: out!)
    }
    let variant = try Catalog.variant(id, seed: seed)
    let parameters = try VariantCommand.parameters(params, for: variant.problem)
    let report = VariantCommand.verify(
      variant, parameters: parameters, seed: checkSeed,
      trials: trials)
    let reasons = report.refusalReasons
    guard reasons.isEmpty else {
      Terminal.error(
        VariantError.unverified(problem: variant.problemID, seed: seed, reasons: reasons)
          .description)
      throw ExitCode(1)
    }
    switch format {
    case .markdown: print(VariantReport.markdown(variant, report), terminator: "")
    case .json: print(VariantReport.json(variant, report).serialized(pretty: true))
    case .html: print(VariantReport.html(variant, report), terminator: "")
    }
  }

  /// Derives the variant and runs its checks (no printed solution: a variant has none).
  static func verify(
    _ variant: Variant, parameters: ParameterValues, seed: UInt64,
    trials: Int?
  ) -> ProblemReport {
    Runner(seed: seed, trials: trials).run(variant.problem, parameters: parameters)
  }

  /// The variant's parameters with the `--param NAME=VALUE` overrides.
  /// - Throws: `UsageError` naming the pair and what is accepted.
  static func parameters(_ given: [String], for problem: any Problem) throws -> ParameterValues {
    var overrides: [String: ParameterValue] = [:]
    for text in given {
      guard let eq = text.firstIndex(of: "="), eq != text.startIndex,
        text.index(after: eq) != text.endIndex
      else {
        throw UsageError(message: ParameterError.malformed(text).description)
      }
      let name = String(text[..<eq])
      guard let spec = problem.parameters.first(where: { $0.name == name }) else {
        throw UsageError(
          message: ParameterError.unknown(
            name: name, problem: "\(problem.id) (this variant)",
            known: problem.parameters.map(\.name)
          ).description)
      }
      do {
        overrides[name] = try spec.parse(String(text[text.index(after: eq)...]))
      } catch let error as ParameterError {
        throw UsageError(message: error.description)
      }
    }
    return ParameterValues(specs: problem.parameters, overrides: overrides)
  }
}
