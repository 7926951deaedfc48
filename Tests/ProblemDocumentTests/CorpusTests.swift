import Foundation
import ProblemDocument
import ShippedProblemSet
import XCTest

/// The audit on problem sets it was not written against: the corpus beside this file (written
/// for the tests, in other voices, on other topics, with planted defects and correct controls,
/// described in `Corpus/manifest.json`), and the shipped set as one more document.
final class CorpusTests: XCTestCase {
  struct Manifest: Decodable {
    struct Document: Decodable {
      let file: String
      let planted: [Planted]
      let controls: [Control]
    }
    struct Planted: Decodable {
      let id: String
      let kind: String
      let problem: String
      let line: Int
      let note: String
    }
    struct Control: Decodable {
      let problem: String
      let from_line: Int
      let to_line: Int
      let note: String
    }
    let documents: [Document]
  }

  /// The share of planted defects found at their lines must reach this, with no finding on a
  /// control.
  static let bar = 0.95

  /// The manifest's kinds that are not finding kinds: a role clash across problems is a role
  /// clash naming both places.
  static func findingKind(_ planted: String) -> String {
    planted == "role-clash-across" ? "role-clash" : planted
  }

  var corpus: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")
  }

  func spellingAvailable() -> Bool { (try? Spelling.misspelt(["word"])) != nil }

  func testCorpus_plantedDefectsFoundAtTheirLines_andNothingOnControls() throws {
    let data = try Data(contentsOf: corpus.appendingPathComponent("manifest.json"))
    let manifest = try JSONDecoder().decode(Manifest.self, from: data)
    XCTAssertGreaterThanOrEqual(
      manifest.documents.count, 6, "the corpus has at least six documents")
    let spelling = spellingAvailable()
    var total = 0
    var found = 0
    var missed: [String] = []
    var extra: [String] = []
    var skipped: [String] = []
    for entry in manifest.documents {
      let doc = try ProblemSetDocument.read(path: corpus.appendingPathComponent(entry.file).path)
      let report = Auditor.audit(doc, spelling: spelling)
      for p in entry.planted {
        if p.kind == "spelling" && !spelling {
          skipped.append("\(entry.file) \(p.id)")
          continue
        }
        total += 1
        let kind = CorpusTests.findingKind(p.kind)
        if report.findings.contains(where: {
          $0.kind.rawValue == kind && $0.location.line == p.line
        }) {
          found += 1
        } else {
          let there = report.findings.filter { $0.location.line == p.line }.map(\.kind.rawValue)
          missed.append(
            "\(entry.file) \(p.id) \(p.kind) line \(p.line) (found there: \(there)): \(p.note)")
        }
      }
      for c in entry.controls {
        for f in report.findings where (c.from_line...c.to_line).contains(f.location.line) {
          extra.append(
            "\(entry.file) lines \(c.from_line)–\(c.to_line): \(f.kind.rawValue) "
              + "\(f.location): \(f.message)")
        }
      }
    }
    // The shipped set: the findings it is known to have (AuditTests lists them with reasons).
    let shipped = ProblemSetDocument(text: ShippedProblemSet.text, name: ShippedProblemSet.fileName)
    let known: [(String, Int)] = [
      ("role-clash", 9), ("index-lists", 19), ("missing-comma", 19),
      ("border-rule", 19), ("role-clash", 19), ("missing-subscript", 19), ("role-clash", 25),
      ("missing-subscript", 35), ("undefined-name", 35), ("rank-mismatch", 47), ("index-lists", 47),
      ("input-letter", 59), ("rank-mismatch", 63), ("border-rule", 63),
      ("threshold-sign", 63),
    ]
    let shippedReport = Auditor.audit(shipped, spelling: false)
    for (kind, line) in known {
      total += 1
      if shippedReport.findings.contains(where: {
        $0.kind.rawValue == kind && $0.location.line == line
      }) {
        found += 1
      } else {
        missed.append("\(ShippedProblemSet.fileName) \(kind) line \(line)")
      }
    }
    let share = Double(found) / Double(max(total, 1))
    let summary =
      "found \(found) of \(total) planted defects at their lines "
      + "(\(String(format: "%.1f", 100 * share)) %), \(extra.count) finding(s) on controls"
      + (skipped.isEmpty
        ? ""
        : "; spelling not checked (no hunspell), not counted: \(skipped.joined(separator: ", "))")
      + "\nmissed:\n" + missed.joined(separator: "\n") + "\non controls:\n"
      + extra.joined(separator: "\n")
    XCTAssertGreaterThanOrEqual(share, CorpusTests.bar, summary)
    XCTAssertEqual(extra, [], summary)
    print(summary)
  }

  /// Rules know no document: none of them may quote a phrase of a corpus document (of the corpus
  /// or of a held-out set). Every run of five words of a document's prose is looked for in the
  /// audit's sources.
  func testRules_quoteNoPhraseOfACorpusDocument() throws {
    let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
        "Sources/ProblemDocument")
    var code = ""
    for name in try FileManager.default.contentsOfDirectory(atPath: sources.path)
    where name.hasSuffix(".swift") {
      code += try String(contentsOf: sources.appendingPathComponent(name), encoding: .utf8)
        .lowercased()
    }
    // Every run of five words of the sources, read once: a phrase is quoted when it is one.
    let codeWords = code.split { !$0.isLetter }.map(String.init)
    var quoted = Set<String>()
    if codeWords.count >= 5 {
      for k in 0...(codeWords.count - 5) {
        quoted.insert(codeWords[k..<(k + 5)].joined(separator: " "))
      }
    }
    /// Every run of five words of a text's prose.
    func phrases(_ doc: ProblemSetDocument) -> Set<String> {
      var out = Set<String>()
      for section in doc.sections {
        for span in section.prose {
          let w = span.text.lowercased().split { !$0.isLetter }.map(String.init)
          guard w.count >= 5 else { continue }
          // Phrases with two words of five letters or more: "at the end of the" is English.
          for k in 0...(w.count - 5) where w[k..<(k + 5)].filter({ $0.count >= 5 }).count >= 2 {
            out.insert(w[k..<(k + 5)].joined(separator: " "))
          }
        }
      }
      return out
    }
    // The course's own phrasing (the shipped set's, shared by several documents) is convention;
    // a phrase of one document only is that document's. Every folder of test documents counts:
    // the corpus and the held-out sets measured after it.
    var perDocument: [String: Set<String>] = [:]
    let tests = corpus.deletingLastPathComponent()
    for folder in try FileManager.default.contentsOfDirectory(atPath: tests.path).sorted() {
      let dir = tests.appendingPathComponent(folder)
      guard FileManager.default.fileExists(atPath: dir.appendingPathComponent("manifest.json").path)
      else { continue }
      for name in try FileManager.default.contentsOfDirectory(atPath: dir.path)
      where name.hasSuffix(".md") && name != "README.md" {
        perDocument[folder + "/" + name] = phrases(
          try ProblemSetDocument.read(path: dir.appendingPathComponent(name).path))
      }
    }
    XCTAssertGreaterThanOrEqual(perDocument.count, 11, "the corpus folders hold their documents")
    let shipped = phrases(
      ProblemSetDocument(text: ShippedProblemSet.text, name: ShippedProblemSet.fileName))
    // A phrase is one document's when no other document and not the shipped set has it: counted
    // once over all documents, so the test is linear in the documents' and the sources' words.
    var holders: [String: Int] = [:]
    for own in perDocument.values {
      for phrase in own { holders[phrase, default: 0] += 1 }
    }
    for (name, own) in perDocument.sorted(by: { $0.key < $1.key }) {
      for phrase in own.sorted() where holders[phrase] == 1 && !shipped.contains(phrase) {
        XCTAssertFalse(quoted.contains(phrase), "\(name): the sources quote '\(phrase)'")
      }
    }
  }
}
