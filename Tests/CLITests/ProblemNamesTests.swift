import Foundation
import ProblemRegistry
import Verification
import XCTest

/// Problems are units the rest discovers: no source file outside the problems' folders and the
/// registry names a problem id or a check id. The rule, on each string literal of Sources/
/// (comments skipped):
/// - a problem id with a letter (`"3b"`) or a check or probe id with a hyphen
///   (`"gamma-sweep"`) is flagged wherever it stands, and so is an interpolated literal whose text
///   before the interpolation ends in "-" and begins a check id (`"instrumented-count-\(p)"`);
/// - an all-digit problem id (`"1"`) or a one-word check id (`"sizes"`) is flagged where it is
///   used as an id: on a line that names `id` or calls `check(`, in a `case` of a `switch` on an
///   id, or beside a flagged id. Elsewhere such a string is a digit or a word (a superscript
///   table, "the sizes are …"), not a name of a problem.
final class ProblemNamesTests: XCTestCase {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The registered problems' ids, and their checks' and probes' ids at default parameters.
  static let names: (problems: Set<String>, checks: Set<String>) = {
    var checks = Set<String>()
    for p in ProblemRegistry.problems {
      let parameters = ParameterValues(specs: p.parameters)
      guard let d = try? p.derive(parameters) else { continue }
      checks.formUnion(p.checks(d, parameters).map(\.id))
      checks.formUnion(p.probes(d, parameters).map(\.id))
    }
    return (Set(ProblemRegistry.ids), checks)
  }()

  /// What `literal` names, by the rule above; nil when nothing.
  static func named(
    _ literal: SwiftLiteral, problems: Set<String>, checks: Set<String>
  ) -> String? {
    func distinct(_ text: String) -> Bool {
      problems.contains(text) && text.contains(where: \.isLetter)
        || checks.contains(text) && text.contains("-")
    }
    if let prefix = literal.prefixBeforeInterpolation {
      if prefix.hasSuffix("-"), let id = checks.first(where: { $0.hasPrefix(prefix) }) {
        return "check id \(id) (as \"\(literal.text)\")"
      }
      return nil
    }
    let text = literal.text
    let kind = problems.contains(text) ? "problem id" : checks.contains(text) ? "check id" : nil
    guard let kind else { return nil }
    if distinct(text) { return "\(kind) \(text)" }
    let code = literal.before.trimmingCharacters(in: .whitespaces)
    let line = literal.lineText
    let quoted = line.matches(of: /"([^"\\]*)"/).map { String($0.output.1) }
    // `id` as an identifier (`p.id`, `id:`): ASCII boundaries, since Unicode word boundaries
    // join `p.id` into one word.
    let namesID = /(^|[^A-Za-z0-9_])id($|[^A-Za-z0-9_])/
    if line.contains(namesID) || line.contains("check(")
      || code.hasSuffix("case") && (literal.switchLine?.contains(namesID) ?? false)
      || quoted.contains(where: distinct)
    {
      return "\(kind) \(text)"
    }
    return nil
  }

  /// Every Swift file under Sources/ except the registry's, with what its literals name.
  static func violations(problems: Set<String>, checks: Set<String>) throws -> [String] {
    let sources = root.appendingPathComponent("Sources")
    let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
      .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
      .filter { !$0.path.contains("/Sources/ProblemRegistry/") }
    XCTAssertGreaterThan(files.count, 50, "the scan found the source tree")
    var found: [String] = []
    for file in files {
      let text = try String(contentsOf: file, encoding: .utf8)
      for literal in SwiftLiteral.scan(text) {
        if let name = named(literal, problems: problems, checks: checks) {
          found.append("\(file.path.dropFirst(root.path.count + 1)):\(literal.line): \(name)")
        }
      }
    }
    return found.sorted()
  }

  func testNoSourceOutsideTheProblemsAndTheRegistry_namesAProblemOrCheckId() throws {
    let (problems, checks) = Self.names
    XCTAssertEqual(problems.count, ProblemRegistry.problems.count)
    XCTAssertGreaterThan(checks.count, 20, "the checks were enumerated")
    let found = try Self.violations(problems: problems, checks: checks)
    XCTAssertEqual(found, [], found.joined(separator: "\n"))
  }

  /// The rule flags each way of naming an id and stays silent on the same strings used
  /// otherwise (text the rule sees exactly as it sees a file).
  func testTheRule_flagsPlantedNames_silentOnDigitsAndComments() {
    let source = #"""
      // case "3b": a comment is not code
      switch p.id {
      case "1": break
      }
      let sweep = check("gamma-sweep")
      let counts = ["same", "valid"].map { "instrumented-count-\($0)" }
      if problem.id == "4" {}
      let listed = ["2", "3a"]
      let raw = #"3c"#
      let ansi = paint(s, "1")
      let superscripts = ["¹": "1", "²": "2"]
      if mantissa == "1" {}
      let prose = ["size", "sizes"].contains(word)
      switch character {
      case "4": break
      }
      let planted = check("sizes")
      """#
    let named = SwiftLiteral.scan(source).compactMap {
      Self.named(
        $0, problems: ["1", "2", "3a", "3b", "3c", "4"],
        checks: ["gamma-sweep", "instrumented-count-same", "sizes"])
    }
    XCTAssertEqual(
      named,
      [
        "problem id 1", "check id gamma-sweep",
        "check id instrumented-count-same (as \"instrumented-count-\\($0)\")", "problem id 4",
        "problem id 2", "problem id 3a", "problem id 3c", "check id sizes",
      ])
  }
}
