import ArgumentParser
import Classroom
import Foundation
import ResultStore
import TensorCore
import Verification

extension GradeCommand {
  /// `grade --dir DIR` or `grade --csv FILE`: the class graded, stored as one run, written out.
  func runClass() throws {
    let o = classOptions
    let problems = Catalog.problems
    let ids = problems.map(\.id)
    let rubric =
      try o.rubric.map { path in
        try classInput { () throws(ClassError) in
          try Rubric.parse(try Self.text(path), file: path, parts: Self.partLabels(problems))
        }
      } ?? Rubric()
    var roster = try o.roster.map { path in
      try classInput { () throws(ClassError) in try Roster.parse(try Self.text(path), file: path) }
    }
    let sheets: [ClassSheet]
    if let dir = o.dir {
      sheets = try classInput { () throws(ClassError) in
        try ClassSheets.directory(dir, problems: ids)
      }
    } else {
      let path = o.csv!
      let read = try classInput { () throws(ClassError) in
        try ClassSheets.csv(try Self.text(path), file: path, problems: ids)
      }
      sheets = read.sheets
      if roster == nil { roster = read.roster }
    }
    for output in [o.gradebook, o.canvas].compactMap({ $0 }) { try Self.checkWritable(output) }
    if let dir = o.feedback {
      do {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
      } catch {
        throw UsageError(
          message: "cannot create the feedback directory '\(dir)': "
            + error.localizedDescription)
      }
    }
    let path = storage.path
    let store = try storage.checkedStore()

    Parallel.limitWorkers(o.threads)
    let started = Date()
    let clock = ContinuousClock()
    let start = clock.now
    var grader = ClassGrader(
      problems: problems, rubric: rubric,
      grading: ClassGrader.standard(seed: seed))
    var variantLine: String?
    if let assignment {
      let recorded = try recordedVariants(assignment, store: store, path: path)
      grader.variants = recorded.variants
      let outside = Set(sheets.map(\.student)).subtracting(recorded.variants.keys).sorted()
      variantLine =
        "each student graded against their recorded variants of '\(assignment)' "
        + "(run \(recorded.run))"
        + (outside.isEmpty
          ? ""
          : "; not in that set, graded against the base problems: "
            + outside.joined(separator: ", "))
    }
    var result = grader.grade(sheets, roster: roster)
    if !grader.variants.isEmpty {
      for i in result.students.indices {
        guard let mine = grader.variants[result.students[i].id] else { continue }
        let named = mine.keys.sorted().map { "\($0) #\(mine[$0]!.seed)" }
        result.students[i].notes.append(
          "variants of '\(assignment!)': " + named.joined(separator: ", "))
      }
    }
    result.source = o.dir.map { "--dir \($0)" } ?? "--csv \(o.csv!)"
    result.seed = seed
    result.version = Version.current
    let seconds = (clock.now - start).seconds

    let stored = StoreAttempt(
      storing: Self.record(result, seed: seed, started: started),
      in: store)
    result.run = stored.runID
    var written: [String] = []
    do {
      if let path = o.gradebook {
        try Gradebook.csv(result).write(toFile: path, atomically: true, encoding: .utf8)
        written.append("gradebook \(path)")
      }
      if let path = o.canvas {
        try Gradebook.canvas(result, rubric: rubric)
          .write(toFile: path, atomically: true, encoding: .utf8)
        written.append("Canvas gradebook \(path)")
      }
      if let dir = o.feedback {
        let expected = o.reveal ? Self.expectedAnswers(problems, seed: seed) : nil
        for s in result.students {
          var mine = expected
          if expected != nil, let assigned = grader.variants[s.id] {
            for (problem, v) in assigned {
              let p = v.problem
              mine?[problem] = (try? p.derive(ParameterValues(specs: p.parameters)))?.answer.text
            }
          }
          let page = Feedback(student: s, assignment: rubric.assignment, expected: mine)
          let base = (dir as NSString).appendingPathComponent(s.id)
          try Self.write(page.html, to: base + ".html")
          try Self.write(page.markdown, to: base + ".md")
        }
        written.append("feedback for \(result.students.count) students in \(dir)")
      }
    } catch {
      Terminal.error("could not write the outputs: \(error) (the grading is \(stored.storage))")
      throw ExitCode(3)
    }
    let answers = result.students.filter { $0.status == .graded }.count * result.problems.count
    let timing =
      "graded \(result.students.count) students (\(answers) answers, "
      + "\(result.distinctAnswers) distinct) in \(String(format: "%.2f", seconds)) s with "
      + "\(Parallel.workerCount) worker" + (Parallel.workerCount == 1 ? "" : "s")
    if format == .json {
      print(
        JSONValue.object([
          ("class", ClassReport(result).json), ("students", ClassReport.students(result)),
          ("seconds", .number(seconds)), ("stored", .string(stored.storage)),
          ("variants", variantLine.map { .string($0) } ?? .null),
          ("written", .array(written.map { .string($0) })),
        ]).serialized(pretty: true))
    } else {
      print(ClassReport(result).text)
      if let variantLine { print(variantLine) }
      print(timing)
      for w in written { print("wrote \(w)") }
      print("seed \(seed) · \(stored.storage)")
    }
    try stored.finish()
  }

  /// Each student's variants in the latest recorded set of `assignment`, from the store (or
  /// from `path` under --no-store, read only).
  /// - Throws: `UsageError` when no set of the assignment is recorded.
  func recordedVariants(_ assignment: String, store: ResultStore?, path: String) throws
    -> (run: Int64, variants: [String: [String: Variant]])
  {
    let source = store ?? ResultStore(path: path)
    let set = try VariantCommand.recordedSet(store: source, assignment: assignment)
    var variants: [String: [String: Variant]] = [:]
    for (student, seeds) in set.students {
      for (problem, seed) in seeds {
        variants[student, default: [:]][problem] = try Catalog.variant(problem, seed: seed)
      }
    }
    return (set.run, variants)
  }

  /// A class grading as a run to store: kind "class", this psverify's version, the seed.
  static func record(_ result: ClassResult, seed: UInt64, started: Date) -> RunRecord {
    var record = RunRecord(
      startedAt: started, finishedAt: Date(), version: Version.current, seed: seed, trials: nil,
      parameters: .object([]),
      commandLine: (["psverify"] + CommandLine.arguments.dropFirst()).joined(separator: " "),
      reports: [])
    record.kind = .class
    record.classResult = result
    record.exitStatus = 0
    record.machine = Machine.description
    return record
  }

  /// Runs a class reader, turning its error into a usage error (exit 2).
  func classInput<T>(_ body: () throws(ClassError) -> T) throws -> T {
    do { return try body() } catch { throw UsageError(message: error.description) }
  }

  /// A whole input file as text; not UTF-8 or unreadable is a `ClassError`.
  static func text(_ path: String) throws(ClassError) -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadableFile(
        path: path,
        reason: FileManager.default.fileExists(atPath: path)
          ? "permission denied or not a file" : "no such file")
    }
    guard let text = String(data: data, encoding: .utf8), !data.contains(0) else {
      throw .notText(file: path)
    }
    return text
  }

  /// Each problem's part labels, from psverify's own answer (3a: bottleneck, plain, condition).
  static func partLabels(_ problems: [any Problem]) -> [String: [String]] {
    Dictionary(
      uniqueKeysWithValues: problems.map { p in
        let answer = try? p.derive(ParameterValues(specs: p.parameters)).answer
        if case .parts(let parts)? = answer { return (p.id, parts.map(\.label)) }
        return (p.id, [])
      })
  }

  /// psverify's answers, for `--reveal`.
  static func expectedAnswers(_ problems: [any Problem], seed: UInt64) -> [String: String] {
    Dictionary(
      uniqueKeysWithValues: problems.compactMap { p in
        (try? p.derive(ParameterValues(specs: p.parameters))).map { (p.id, $0.answer.text) }
      })
  }

  /// A path an output can be written to: its directory exists and it is not a directory.
  static func checkWritable(_ path: String) throws {
    let directory = (path as NSString).deletingLastPathComponent
    var isDir: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
      throw UsageError(message: "'\(path)' is a directory; name a CSV file to write")
    }
    let parent = directory.isEmpty ? "." : directory
    guard FileManager.default.fileExists(atPath: parent, isDirectory: &isDir),
      isDir.boolValue
    else {
      throw UsageError(message: "cannot write '\(path)': its directory does not exist")
    }
  }

  /// Writes a small file with plain POSIX calls: Foundation's `write(toFile:)` fsyncs every file,
  /// which costs seconds for a class's thousand feedback files on a busy disk.
  static func write(_ text: String, to path: String) throws {
    guard let file = fopen(path, "w") else {
      throw ClassError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
    }
    let bytes = Array(text.utf8)
    let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
    let closed = fclose(file)
    guard written == bytes.count, closed == 0 else {
      throw ClassError.cannotWrite(path: path, reason: "the write failed (disk full?)")
    }
  }
}
