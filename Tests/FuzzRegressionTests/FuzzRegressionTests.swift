import Foundation
import FuzzTargets
import XCTest

/// Replays the fuzz corpus and every crash the fuzzers ever found (Fuzz/corpus, Fuzz/crashes)
/// through the same targets, without sanitizers: none may trap or hang.
final class FuzzRegressionTests: XCTestCase {
  static let fuzz = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fuzz")

  func inputs(_ folder: String, _ target: String) -> [URL] {
    let directory = Self.fuzz.appendingPathComponent(folder).appendingPathComponent(target)
    return
      ((try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil))
      ?? [])
      .filter { !$0.lastPathComponent.hasPrefix(".") }.sorted { $0.path < $1.path }
  }

  func testEveryTarget_hasASeedCorpus() {
    for target in FuzzTargets.names {
      XCTAssertFalse(inputs("corpus", target).isEmpty, "no seed corpus for \(target)")
    }
  }

  func testCorpusAndCrashes_replayWithoutTrapping() throws {
    var replayed = 0
    for target in FuzzTargets.names {
      for url in inputs("corpus", target) + inputs("crashes", target) {
        // Hangs are libFuzzer's to catch (-timeout); unit tests time nothing.
        XCTAssertTrue(FuzzTargets.run(target, try Data(contentsOf: url)))
        replayed += 1
      }
    }
    XCTAssertGreaterThan(replayed, 50)
  }
}
