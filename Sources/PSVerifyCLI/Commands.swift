import ArgumentParser
import Foundation
import Verification

struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the problems psverify verifies and their parameters.")

  func run() throws {
    for p in Catalog.problems {
      print("\(p.id)\t\(p.title)")
      for spec in p.parameters {
        let value = spec.defaultValue.map { "default \($0)" } ?? "optional"
        print("\t--param \(spec.name)=…\t\(spec.summary) (\(value); \(spec.accepted))")
      }
      print("\tanswer\t\(p.answerFormat)")
    }
    print(
      "\tplain-text spellings in any answer: σ sigma · γ gamma · ℓ l or ell · ΔX dX · ← <- or left "
        + "and ↑ ^ or up (in a subscript: W_{l+1,<-}, W_{l+1,^}) · √ sqrt · · * · ≤ <= · ≥ >= · "
        + "x̂ \\hat{x} · x̃ \\tilde{x} · x̄ \\bar{x}")
  }
}

struct AllCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "all", abstract: "Verify every problem and store the run.")

  @OptionGroup var options: RunOptions

  func run() throws {
    try RunDriver(options: options, problems: Catalog.problems).execute()
  }
}

struct ProblemCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "problem", abstract: "Verify the named problems and store the run.")

  @Argument(help: "Problem ids, e.g. 3b.")
  var ids: [String]

  @OptionGroup var options: RunOptions

  @Option(
    help: "Run the checks of this variant of each named problem (0 is the base problem).",
    transform: RunOptions.parseSeed)
  var variant: UInt64?

  func validate() throws {
    if ids.isEmpty {
      throw ValidationError(
        "name at least one problem; known: \(Catalog.ids.joined(separator: ", "))")
    }
  }

  func run() throws {
    var problems: [any Problem] = []
    for id in ids {
      guard var p = Catalog.problem(id) else { throw Catalog.unknown(id) }
      if let variant, variant != 0 { p = try Catalog.variant(id, seed: variant).problem }
      if !problems.contains(where: { $0.id == p.id }) { problems.append(p) }
    }
    // A variant has no printed solution: the printed one answers the base problem.
    try RunDriver(
      options: options, problems: problems,
      auditPrinted: (variant ?? 0) == 0
    ).execute()
  }
}
