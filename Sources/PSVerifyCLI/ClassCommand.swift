import ArgumentParser
import Classroom
import Foundation
import ResultStore
import Verification

/// `psverify class [--run ID] [--format text|json|html]`: a stored class grading's statistics,
/// answer groups and histogram of totals. Reads results.db without writing to it.
struct ClassCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "class",
    abstract: "Show a stored class grading: shares per problem, answer groups, totals.",
    discussion: """
      Reads the latest class run (or --run ID) from results.db without writing to it. Answers are \
      grouped by meaning (equal polynomials, equal regions, equations equal on the same tensors), \
      the most common wrong answers first. --format html writes a page with an SVG histogram.
      """)

  @Option(name: .customLong("run"), help: "The class run to show (default: the latest).",
          transform: parseRunID)
  var runID: Int64?

  @Option(help: "Groups shown per problem in text (all in json and html).")
  var groups: Int = 8

  @OptionGroup var options: StoreOptions

  func validate() throws {
    guard groups >= 0 else { throw ValidationError("--groups must be 0 or more") }
  }

  func run() throws {
    try options.formats(["text", "json", "html"])
    let result = try storeQuery { () throws(StoreError) in
      try options.store.classResult(run: runID)
    }
    var report = ClassReport(result)
    report.shownGroups = groups
    switch options.format {
    case "json": print(report.json.serialized(pretty: true))
    case "html": print(ClassPage(report).html, terminator: "")
    default: print(report.text, terminator: "")
    }
  }
}
