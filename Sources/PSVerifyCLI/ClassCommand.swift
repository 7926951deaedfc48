import ArgumentParser
import Classroom
import Foundation
import ResultStore
import Verification

/// `psverify class [--run ID | --served] [--format text|json|html] [--gradebook FILE]`: a stored
/// class grading's statistics, answer groups and histogram of totals, or (`--served`) the
/// attempts students posted to psverify-serve read the same way. Reads results.db without
/// writing to it.
struct ClassCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "class",
    abstract: "Show a stored class grading: shares per problem, answer groups, totals.",
    discussion: """
      Reads the latest class run (or --run ID) from results.db without writing to it. Answers are \
      grouped by meaning (equal polynomials, equal regions, equations equal on the same tensors), \
      the most common wrong answers first. --format html writes a page with an SVG histogram. \
      --served reads the attempts posted to psverify-serve instead: each student's latest \
      attempt per problem counts (1 point when correct), with their number of attempts in the \
      notes. --gradebook FILE also writes the class's points as CSV.
      """)

  @Option(
    name: .customLong("run"), help: "The class run to show (default: the latest).",
    transform: parseRunID)
  var runID: Int64?

  @Option(help: "Groups shown per problem in text (all in json and html).")
  var groups: Int = 8

  @Flag(help: "Show the attempts posted to psverify-serve (latest per student and problem).")
  var served = false

  @Option(help: "Also write the gradebook (CSV: id, name, section, points per problem, total).")
  var gradebook: String?

  @OptionGroup var options: StoreOptions

  func validate() throws {
    guard groups >= 0 else { throw ValidationError("--groups must be 0 or more") }
    if served && runID != nil {
      throw ValidationError(
        "--run names a stored class grading; --served reads the page's "
          + "attempts instead: give one of them")
    }
  }

  func run() throws {
    try options.formats(["text", "json", "html"])
    let result =
      served
      ? try Self.servedClass(options.store)
      : try storeQuery { () throws(StoreError) in try options.store.classResult(run: runID) }
    if let gradebook { try Self.write(Gradebook.csv(result), to: gradebook) }
    var report = ClassReport(result)
    report.shownGroups = groups
    switch options.format {
    case "json":
      let json = served ? Self.withStudents(report.json, result) : report.json
      print(json.serialized(pretty: true))
    case "html": print(ClassPage(report).html, terminator: "")
    default: print(report.text + (served ? Self.attemptsText(result) : ""), terminator: "")
    }
  }
}
