import IndexNotation
import TensorCore
import TestSupport
import Verification
import XCTest

@testable import P3aBottleneck

/// Problem 3a graded both ways.
final class BottleneckGrading: XCTestCase {
  let user = Bottleneck.Configuration(width: 12, bottleneck: 5, layers: 4, batch: 3)

  func outcomes(_ answer: Bottleneck.Answer, seed: UInt64) -> [String: CheckOutcome] {
    let runner = Runner(seed: seed)
    let root = RandomStream(seed: seed).split("3a")
    let outcomes = Bottleneck.checks(candidate: answer, user: user, configs: 30, maxWidth: 16)
      .map { runner.run($0, stream: root.split($0.id), trials: 1, parameters: ParameterValues(specs: [])) }
    return Dictionary(uniqueKeysWithValues: outcomes.map { ($0.id, $0) })
  }

  func answer(_ bottleneck: String, _ plain: String, _ condition: String) throws -> Bottleneck.Answer {
    Bottleneck.Answer(bottleneck: try PolynomialParser.polynomial(bottleneck),
                      plain: try PolynomialParser.polynomial(plain),
                      condition: try PolynomialParser.inequality(condition))
  }

  func testDerivedAnswer_matchesHandDerivationAndPasses() throws {
    let derived = try Bottleneck.derivedAnswer().answer
    let hand = try answer("2 N N_bottle (L - 1)", "N^2 (L - 1)", "N_bottle < N/2")
    XCTAssertEqual(derived.bottleneck, hand.bottleneck)
    XCTAssertEqual(derived.plain, hand.plain)
    XCTAssertEqual(derived.condition.description, hand.condition.description)
    for seed: UInt64 in [1, 2, 3] {
      for o in outcomes(derived, seed: seed).values { assertStatus(o, .pass) }
    }
  }

  func testPlantedAnswers_fail() throws {
    let planted: [(String, String, String, String)] = [
      ("N N_bottle (L - 1)", "N^2 (L - 1)", "N_bottle < N/2", "instrumented-count-bottleneck"),
      ("N^2 (L - 1)", "N^2 (L - 1)", "N_bottle < N/2", "instrumented-count-bottleneck"),
      ("2 N N_bottle L", "N^2 (L - 1)", "N_bottle < N/2", "instrumented-count-bottleneck"),
      ("2 N N_bottle (L - 1)", "N^2 L", "N_bottle < N/2", "instrumented-count-plain"),
      ("2 N N_bottle (L - 1)", "N^2 (L - 1)", "N_bottle ≤ N/2", "condition-exhaustive"),
      ("2 N N_bottle (L - 1)", "N^2 (L - 1)", "N_bottle < N/3", "condition-exhaustive"),
    ]
    for (b, p, c, failing) in planted {
      let results = outcomes(try answer(b, p, c), seed: 1)
      assertStatus(results[failing]!, .fail)
    }
  }

  func testPrintedSolution_agrees() {
    let audit = Bottleneck.audit()
    XCTAssertTrue(audit.agrees, audit.reading)
    XCTAssertEqual(audit.reading, "2·N·N_bottle·(L − 1); N²·(L − 1); N_bottle < N/2")
  }
}
