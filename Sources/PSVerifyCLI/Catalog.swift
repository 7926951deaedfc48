import Foundation
import ProblemDocument
import ProblemRegistry
import ShippedProblemSet
import Verification

/// The problems psverify knows, in the order of the problem set: `ProblemRegistry`'s (shared
/// with the page), unless the caller bound others for one invocation with
/// `PSVerifyMain.run(arguments:problems:)` (a test's own problem beside the registry's).
enum Catalog {
  @TaskLocal static var problems: [any Problem] = ProblemRegistry.problems

  static var ids: [String] { problems.map(\.id) }

  /// The problem with exactly this id (`3b`, not `3B`). O(problems).
  static func problem(_ id: String) -> (any Problem)? { problems.first { $0.id == id } }

  static func unknown(_ id: String) -> UsageError {
    let near = problems.first { $0.id.lowercased() == id.lowercased() }
    return UsageError(
      message: "unknown problem '\(id)'; known: \(ids.joined(separator: ", "))"
        + (near.map { " (ids are exact: did you mean \($0.id)?)" } ?? ""))
  }

  /// The shipped problem set, read once.
  static let document = ProblemSetDocument(
    text: ShippedProblemSet.text, name: ShippedProblemSet.fileName)
}

enum Version {
  static let current = "0.2.0"
}

/// The machine a run ran on: CPU model and cores, for reports.
enum Machine {
  static let description: String = {
    let cpu =
      (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
      .split(separator: "\n").first { $0.hasPrefix("model name") }?
      .split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces)
      ?? "unknown CPU"
    return "\(cpu), \(ProcessInfo.processInfo.activeProcessorCount) cores"
  }()
}
