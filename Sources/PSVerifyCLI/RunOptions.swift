import ArgumentParser
import Foundation
import Verification

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, markdown
}

/// Options shared by `all` and `problem`.
struct RunOptions: ParsableArguments {
  static let defaultSeed: UInt64 = 31230
  static let maximumTrials = 10_000_000_000

  @Option(
    parsing: .unconditional,
    help: "Seed of every random stream (0…\(Int64.max)); recorded, reproduces a run.",
    transform: RunOptions.parseSeed)
  var seed: UInt64 = RunOptions.defaultSeed

  @Option(
    parsing: .unconditional,
    help:
      "Monte Carlo trials per estimate (1…\(RunOptions.maximumTrials)); default: each problem's own.",
    transform: RunOptions.parseTrials)
  var trials: Int?

  @Option(
    name: .customLong("param"),
    help: ArgumentHelp(
      "Override a problem parameter (repeatable); `psverify list` shows them.",
      valueName: "NAME=VALUE"))
  var params: [String] = []

  @Option(help: "A binary PGM or PPM photograph for problem 4 (same as --param image=PATH).")
  var image: String?

  @Option(help: "Output format: text, json or markdown.")
  var format: OutputFormat = .text

  @OptionGroup var storage: StorageOptions

  @Flag(help: "Exit 1 when the printed solutions have errata.")
  var strict = false

  @Flag(help: "Print only the summary.")
  var quiet = false

  @Option(
    help: ArgumentHelp(
      "Also render the stored run to FILE: HTML (.html), a Jupyter notebook (.ipynb) or Markdown (.md).",
      valueName: "FILE"))
  var report: String?

  /// Digits only: a sign or spaces are refused, as for every parameter.
  static func digits(_ text: String) -> Bool {
    !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber }
  }

  static func parseSeed(_ text: String) throws -> UInt64 {
    guard digits(text), let n = UInt64(text), n <= UInt64(Int64.max) else {
      throw ValidationError(
        "expected a whole number from 0 to \(Int64.max), written with digits only")
    }
    return n
  }

  static func parseTrials(_ text: String) throws -> Int {
    guard digits(text), let n = Int(text), n >= 1, n <= maximumTrials else {
      throw ValidationError(
        "expected a whole number from 1 to \(maximumTrials), written with digits only")
    }
    return n
  }

  /// The `--param` overrides for each selected problem.
  /// - Throws: `UsageError` for a malformed pair, an unknown name or an invalid value.
  func parameterValues(for problems: [any Problem]) throws -> [String: ParameterValues] {
    var given: [(String, String)] = image.map { [("image", $0)] } ?? []
    for text in params {
      guard let eq = text.firstIndex(of: "="), eq != text.startIndex,
        text.index(after: eq) != text.endIndex
      else {
        throw UsageError(message: ParameterError.malformed(text).description)
      }
      given.append((String(text[..<eq]), String(text[text.index(after: eq)...])))
    }
    for (name, _) in given
    where !problems.contains(where: { p in
      p.parameters.contains { $0.name == name }
    }) {
      let known = Array(Set(problems.flatMap { $0.parameters.map(\.name) })).sorted()
      throw UsageError(
        message: ParameterError.unknown(
          name: name, problem: problems.map(\.id).joined(separator: ", "), known: known
        ).description)
    }
    var result: [String: ParameterValues] = [:]
    for problem in problems {
      var overrides: [String: ParameterValue] = [:]
      for (name, value) in given {
        guard let spec = problem.parameters.first(where: { $0.name == name }) else { continue }
        do {
          overrides[name] = try spec.parse(value)
        } catch let error as ParameterError {
          throw UsageError(message: error.description)
        }
      }
      let values = ParameterValues(specs: problem.parameters, overrides: overrides)
      do {
        try problem.validate(values)
      } catch let error as ParameterError {
        throw UsageError(message: error.description)
      }
      result[problem.id] = values
    }
    return result
  }

  /// One line per `--param` name that some selected problems have and others do not, or that
  /// several have: which problems it was applied to.
  func parameterNotes(for problems: [any Problem]) -> [String] {
    guard problems.count > 1 else { return [] }
    var names: [String] = image.map { _ in ["image"] } ?? []
    for text in params {
      if let eq = text.firstIndex(of: "=") { names.append(String(text[..<eq])) }
    }
    var seen = Set<String>()
    return names.filter { seen.insert($0).inserted }.map { name in
      let ids = problems.filter { p in p.parameters.contains { $0.name == name } }.map(\.id)
      return "--param \(ParameterError.shown(name)) applies to problem\(ids.count == 1 ? "" : "s") "
        + ids.joined(separator: ", ") + (ids.count < problems.count ? " only" : "")
    }
  }

  var parametersJSON: JSONValue {
    .object(
      (image.map { [("image", JSONValue.string($0))] } ?? [])
        + params.map { p in
          let parts = p.split(separator: "=", maxSplits: 1).map(String.init)
          return (parts[0], .string(parts.count > 1 ? parts[1] : ""))
        })
  }
}
