import ArgumentParser
import Classroom
import Foundation
import ResultStore
import Verification

/// `psverify regrade --run ID`: a stored class grading graded again with this psverify (same
/// answers, rubric and seed), listing every student whose points or verdicts changed.
struct RegradeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "regrade",
    abstract: "Grade a stored class run again with this psverify and list what changed.",
    discussion: """
      Lists each student whose points changed, with the old and new verdict and the new grader's \
      reason. The regrading is stored as a new class run unless --no-store. Exit 0 whether or not \
      anything changed.
      """)

  @Option(name: .customLong("run"), help: "The class run to grade again.", transform: parseRunID)
  var runID: Int64

  @Flag(help: "Do not store the regrading.")
  var noStore = false

  @OptionGroup var options: StoreOptions

  func run() throws {
    try options.formats(["text", "json"])
    let store = options.store
    let old = try storeQuery { () throws(StoreError) in try store.classResult(run: runID) }
    let started = Date()
    let seed = old.seed ?? RunOptions.defaultSeed
    let regrade = Regrade(
      old, problems: Catalog.problems,
      grading: ClassGrader.standard(seed: seed))
    let stored = StoreAttempt(
      storing: GradeCommand.record(regrade.new, seed: seed, started: started),
      in: noStore ? nil : store)
    let storage = stored.storage
    if options.format == "json" {
      print(
        JSONValue.object([
          ("run", .integer(Int(runID))), ("old_version", old.version.map { .string($0) } ?? .null),
          ("new_version", .string(Version.current)),
          ("seed", .integer(Int(truncatingIfNeeded: seed))),
          ("changed_students", .array(regrade.changedStudents.map { .string($0) })),
          (
            "changes",
            .array(
              regrade.changes.map { c in
                .object([
                  ("student", .string(c.student)), ("problem", .string(c.problem)),
                  ("old_verdict", .string(c.oldVerdict)), ("new_verdict", .string(c.newVerdict)),
                  ("old_points", .number(c.oldPoints)), ("new_points", .number(c.newPoints)),
                  ("why", .string(c.why)),
                ])
              })
          ),
          ("stored", .string(storage)),
        ]).serialized(pretty: true))
    } else {
      print(
        "regrade of class run \(runID) (psverify \(old.version ?? "?") → \(Version.current), "
          + "seed \(seed)): "
          + "\(regrade.changedStudents.count) of \(old.students.count) students changed")
      for c in regrade.changes {
        print(
          "  \(c.student)  problem \(c.problem): \(c.oldVerdict) "
            + "\(Gradebook.number(c.oldPoints)) → \(c.newVerdict) \(Gradebook.number(c.newPoints))"
            + (c.why.isEmpty ? "" : "  — \(c.why)"))
      }
      print(storage)
    }
    try stored.finish()
  }
}
