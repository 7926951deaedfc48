import ArgumentParser
import Classroom
import Foundation
import Report
import ResultStore
import Verification

extension VariantCommand {
  /// Writes one verified problem set per student of the roster, and the key, to `out`; records
  /// each student's variants in results.db (a run of kind `variant-set`). Refuses the whole
  /// set, writing nothing, when any variant's checks fail.
  func runRoster(_ path: String, assignment: String, out: String) throws {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw UsageError(
        message: "cannot read the roster '\(path)': "
          + (FileManager.default.fileExists(atPath: path)
            ? "permission denied or not a file"
            : "no such file"))
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw UsageError(message: "the roster '\(path)' is not UTF-8 text; save it as UTF-8 CSV")
    }
    let roster: [VariantSetReport.Student]
    do {
      roster = try Roster.parse(text, file: path).students.map {
        VariantSetReport.Student(id: $0.id, name: $0.name.isEmpty ? nil : $0.name)
      }
    } catch {
      throw UsageError(message: error.description)
    }
    guard !roster.isEmpty else {
      throw UsageError(
        message: "the roster '\(path)' has no students: write a header row with an id column, "
          + "then one student a row")
    }
    if roster.contains(where: { $0.id.lowercased() == "key" }) {
      throw UsageError(
        message: "a student id 'key' in '\(path)' would overwrite key.html, the "
          + "answer key written beside the sets; rename that student's id")
    }
    let store = try storage.checkedStore()
    let started = Date()
    // Seeds that draw the same structure share one verification: the checks' streams depend
    // on the problem id and --check-seed only, so they would measure the same numbers.
    var verified: [String: ProblemReport] = [:]
    var sets: [(VariantSetReport.Student, [VariantSetReport.Item])] = []
    for student in roster {
      var items: [VariantSetReport.Item] = []
      for family in Catalog.families {
        let seed = Variant.seed(student: student.id, assignment: assignment, problem: family.id)
        let variant = family.variant(seed: seed)
        let key = "\(family.id)#\(variant.summary)"
        if verified[key] == nil {
          let report = VariantCommand.verify(
            variant, parameters: ParameterValues(specs: variant.problem.parameters),
            seed: checkSeed, trials: trials)
          let reasons = report.refusalReasons
          guard reasons.isEmpty else {
            Terminal.error(
              "no sets written: student \(student.id)'s "
                + VariantError.unverified(problem: family.id, seed: seed, reasons: reasons)
                .description)
            throw ExitCode(1)
          }
          verified[key] = report
        }
        items.append(VariantSetReport.Item(variant: variant, report: verified[key]!))
      }
      sets.append((student, items))
    }
    let directory = URL(fileURLWithPath: out)
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      for (student, items) in sets {
        try Data(
          VariantSetReport.markdown(assignment: assignment, student: student, items: items)
            .utf8
        ).write(to: directory.appendingPathComponent("\(student.id).md"))
        try Data(
          VariantSetReport.html(assignment: assignment, student: student, items: items)
            .utf8
        ).write(to: directory.appendingPathComponent("\(student.id).html"))
      }
      try Data(
        (VariantSetReport.key(assignment: assignment, sets: sets).serialized(pretty: true)
          + "\n").utf8
      ).write(to: directory.appendingPathComponent("key.json"))
      try Data(VariantSetReport.keyHTML(assignment: assignment, sets: sets).utf8)
        .write(to: directory.appendingPathComponent("key.html"))
    } catch {
      throw UsageError(message: "cannot write the sets to '\(out)': \(error.localizedDescription)")
    }
    var recorded = "not stored (--no-store)"
    if let store {
      var record = RunRecord(
        startedAt: started, finishedAt: Date(), version: Version.current, seed: checkSeed,
        trials: trials, parameters: VariantCommand.recordParameters(assignment, sets),
        commandLine: (["psverify"] + CommandLine.arguments.dropFirst()).joined(separator: " "),
        reports: [])
      record.kind = VariantCommand.setKind
      record.exitStatus = 0
      record.machine = Machine.description
      do {
        recorded = "recorded as run \(try store.store(record)) in \(store.path)"
      } catch {
        Terminal.error("NOT STORED: \(error.description)")
        throw ExitCode(3)
      }
    }
    print(
      "wrote \(sets.count) problem sets (Markdown and HTML), key.json and key.html to \(out); "
        + "\(verified.count) distinct structures verified; \(recorded)")
  }

  /// The stored run's kind for a roster's sets.
  static let setKind = RunKind.variantSet

  /// `{"assignment": NAME, "students": {ID: {PROBLEM: SEED, …}, …}}`.
  static func recordParameters(
    _ assignment: String,
    _ sets: [(VariantSetReport.Student, [VariantSetReport.Item])]
  ) -> JSONValue {
    .object([
      ("assignment", .string(assignment)),
      (
        "students",
        .object(
          sets.map { student, items in
            (
              student.id,
              .object(items.map { ($0.variant.problemID, .integer(Int($0.variant.seed))) })
            )
          })
      ),
    ])
  }

  /// The latest recorded set of `assignment`: its run and each student's seed per problem.
  /// - Throws: `UsageError` when no recorded set has the assignment.
  static func recordedSet(store: ResultStore, assignment: String) throws
    -> (run: Int64, students: [String: [String: UInt64]])
  {
    let runs = try storeQuery { () throws(StoreError) in try store.runs() }
    for run in runs.reversed() where run.kind == setKind {
      let doc = try storeQuery { () throws(StoreError) in try store.document(run: run.id) }
      guard case .object(let members) = doc.parameters,
        members.contains(where: { $0.0 == "assignment" && $0.1 == .string(assignment) }),
        case .object(let students)? = members.first(where: { $0.0 == "students" })?.1
      else { continue }
      var seeds: [String: [String: UInt64]] = [:]
      for (student, value) in students {
        guard case .object(let problems) = value else { continue }
        for (problem, seed) in problems {
          if case .integer(let n) = seed, n > 0 {
            seeds[student, default: [:]][problem] = UInt64(n)
          }
        }
      }
      return (run.id, seeds)
    }
    throw UsageError(
      message: "no problem sets of assignment '\(assignment)' are recorded in "
        + "\(store.path); write them with psverify variant --roster FILE --assignment "
        + "\(assignment) --out DIR")
  }

  /// The variant seed recorded for a student's problem in the latest set of `assignment`.
  /// - Throws: `UsageError` when no recorded set has the assignment, the student or the problem.
  static func recordedSeed(
    store: ResultStore, assignment: String, student: String,
    problem: String
  ) throws -> UInt64 {
    let set = try recordedSet(store: store, assignment: assignment)
    guard let problems = set.students[student] else {
      throw UsageError(
        message: "student '\(student)' is not in the recorded set of "
          + "'\(assignment)' (run \(set.run))")
    }
    guard let seed = problems[problem] else {
      throw UsageError(message: "the recorded set of '\(assignment)' has no problem \(problem)")
    }
    return seed
  }
}
