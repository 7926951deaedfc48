import Foundation
import ShippedProblemSet
import XCTest

@testable import ProblemDocument

/// The list of audit rules against the rule types the module declares, and each rule's declared
/// kinds against the findings it reports.
final class AuditRegistryTests: XCTestCase {
  var moduleSources: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../Sources/ProblemDocument").standardized
  }

  /// The names of the types a Swift source declares conforming to `AuditRule` (in their
  /// declaration or in an extension).
  static func ruleTypeNames(inSource text: String) throws -> [String] {
    let pattern = try NSRegularExpression(
      pattern: #"(?:struct|enum|class|actor|extension)\s+([A-Za-z_][\w.]*)\s*:[^{]*\bAuditRule\b"#)
    let range = NSRange(text.startIndex..., in: text)
    return pattern.matches(in: text, range: range).compactMap { m in
      Range(m.range(at: 1), in: text).map { String(text[$0].split(separator: ".").last!) }
    }
  }

  static func name(_ rule: any AuditRule) -> String {
    String(String(reflecting: type(of: rule)).split(separator: ".").last!)
  }

  func testRuleTypeNames_findsConformancesOnly() throws {
    let text = """
      struct Stray: AuditRule {}
      extension AuditRules {
        struct Nested: Sendable, AuditRule {
      }
      struct Other: Sendable {}
      extension AuditRules.Late: AuditRule {}
      """
    XCTAssertEqual(try Self.ruleTypeNames(inSource: text), ["Stray", "Nested", "Late"])
  }

  func testEveryDeclaredRuleTypeIsListedOnce() throws {
    let files = try FileManager.default.contentsOfDirectory(
      at: moduleSources, includingPropertiesForKeys: nil
    ).filter { $0.pathExtension == "swift" }
    XCTAssertGreaterThan(files.count, 10, "the module's sources are found")
    var declared: [String] = []
    for file in files {
      declared += try Self.ruleTypeNames(inSource: String(contentsOf: file, encoding: .utf8))
    }
    let listed = AuditRules.all.map(Self.name)
    XCTAssertEqual(
      Set(declared).subtracting(listed), [],
      "rule types declared but missing from AuditRules.all: never applied")
    XCTAssertEqual(Set(listed).subtracting(declared), [], "listed rules the scan did not find")
    XCTAssertEqual(listed.count, Set(listed).count, "a rule type listed twice")
    XCTAssertEqual(declared.count, Set(declared).count, "a rule type declared twice")
  }

  func testRuleIdsAreUniqueAndEveryRuleIsDescribed() {
    let ids = AuditRules.all.map(\.id)
    let repeated = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys
    XCTAssertEqual(repeated.sorted(), [], "two rules share an id")
    for rule in AuditRules.all {
      XCTAssertFalse(rule.summary.isEmpty, rule.id)
      XCTAssertFalse(rule.kinds.isEmpty, rule.id)
    }
  }

  /// Each kind of finding is reported by some rule, so SARIF's rules are exactly the kinds.
  func testEveryFindingKindHasARule() {
    XCTAssertEqual(AuditRules.reportedKinds, Finding.Kind.allCases)
  }

  /// Each rule applied alone to the shipped set and the test corpora (every held-out set)
  /// reports only the kinds it declares, and every rule but the spelling one (which needs
  /// hunspell) reports something.
  func testRulesReportOnlyTheirDeclaredKinds() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    var documents = [
      ProblemSetDocument(text: ShippedProblemSet.text, name: ShippedProblemSet.fileName)
    ]
    let heldOut = ["HeldOut"] + (2...26).map { "HeldOut\($0)" }
    for sub in ["Corpus"] + heldOut + ["Fixtures"] {
      let dir = folder.appendingPathComponent(sub)
      let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
      for name in names.sorted() where name.hasSuffix(".md") {
        documents.append(try ProblemSetDocument.read(path: dir.appendingPathComponent(name).path))
      }
    }
    XCTAssertGreaterThan(documents.count, 10)
    var reported: Set<String> = []
    for doc in documents {
      let reading = Auditor.reading(doc, spelling: false)
      for rule in AuditRules.all {
        for finding in try rule.findings(in: reading) {
          reported.insert(rule.id)
          XCTAssertTrue(
            rule.kinds.contains(finding.kind),
            "\(rule.id) reported \(finding.kind.rawValue), which it does not declare")
        }
      }
    }
    let silent = Set(AuditRules.all.map(\.id)).subtracting(reported).subtracting([
      "misspelt-words"
    ])
    XCTAssertEqual(silent, [], "rules that found nothing in the documents")
  }
}
