import Foundation
import ProblemDocument
import XCTest

/// The audit's scores on the held-out sets: problem sets written by writers who saw no rule, no
/// code and no other corpus document, each measured once unseen and kept here since. The bar of
/// `CorpusTests` (95 % found, nothing on controls) is not met on them yet; this test keeps what
/// has been reached from being lost: each set's found defects may not fall below, nor its
/// findings on controls rise above, the figures measured when it was last changed.
final class HeldOutScoreTests: XCTestCase {
  /// Per folder: planted defects found at their lines (at least), findings on controls (at most).
  /// Four figures moved the wrong way by one when items read by their numbering were switched on
  /// (sixth round): HeldOut5, HeldOut9 and HeldOut14 one more on controls, HeldOut6 one more on
  /// controls and one find fewer — count and role readings that first meet text once read as
  /// preamble; the README's sixth-round paragraph names each.
  static let reached: [(folder: String, found: Int, onControls: Int)] = [
    ("HeldOut", 18, 0), ("HeldOut2", 21, 0), ("HeldOut3", 27, 0), ("HeldOut4", 25, 0),
    ("HeldOut5", 26, 0), ("HeldOut6", 23, 1), ("HeldOut7", 24, 0), ("HeldOut8", 28, 0),
    ("HeldOut9", 25, 0), ("HeldOut10", 22, 0), ("HeldOut11", 25, 0), ("HeldOut12", 22, 0),
    ("HeldOut13", 21, 0), ("HeldOut14", 22, 0), ("HeldOut15", 23, 0), ("HeldOut16", 19, 1),
    ("HeldOut17", 22, 0), ("HeldOut18", 23, 1), ("HeldOut19", 20, 1), ("HeldOut20", 20, 0),
    ("HeldOut21", 17, 2), ("HeldOut22", 17, 1), ("HeldOut23", 14, 3), ("HeldOut24", 16, 0),
    ("HeldOut25", 15, 4), ("HeldOut26", 16, 11),
  ]

  struct Score {
    var found = 0
    var planted = 0
    var missed: [String] = []
    var onControls: [String] = []
  }

  /// Audits every document of a folder's manifest and scores it as `CorpusTests` does.
  static func score(_ folder: URL) throws -> Score {
    let data = try Data(contentsOf: folder.appendingPathComponent("manifest.json"))
    let manifest = try JSONDecoder().decode(CorpusTests.Manifest.self, from: data)
    var score = Score()
    for entry in manifest.documents {
      let doc = try ProblemSetDocument.read(path: folder.appendingPathComponent(entry.file).path)
      let findings = Auditor.audit(doc, spelling: true).findings
      for p in entry.planted {
        score.planted += 1
        let kind = CorpusTests.findingKind(p.kind)
        if findings.contains(where: { $0.kind.rawValue == kind && $0.location.line == p.line }) {
          score.found += 1
        } else {
          score.missed.append("\(entry.file) \(p.id) \(p.kind) line \(p.line)")
        }
      }
      for c in entry.controls {
        for f in findings where (c.from_line...c.to_line).contains(f.location.line) {
          score.onControls.append("\(entry.file) \(f.kind.rawValue) \(f.location): \(f.message)")
        }
      }
    }
    return score
  }

  func testHeldOutSets_keepTheScoresReached() throws {
    try XCTSkipUnless(
      (try? Spelling.misspelt(["word"])) != nil, "hunspell is needed to score spelling defects")
    let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    for (folder, found, onControls) in HeldOutScoreTests.reached {
      let s = try HeldOutScoreTests.score(here.appendingPathComponent(folder))
      let summary =
        "\(folder): \(s.found)/\(s.planted) found, \(s.onControls.count) on controls\nmissed:\n"
        + s.missed.joined(separator: "\n") + "\non controls:\n"
        + s.onControls.joined(separator: "\n")
      XCTAssertGreaterThanOrEqual(s.found, found, summary)
      XCTAssertLessThanOrEqual(s.onControls.count, onControls, summary)
      print(summary)
    }
  }
}
