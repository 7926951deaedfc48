import Algebra
import Answers
import IndexNotation
import TensorCore
import TestSupport
import Verification
import XCTest

@testable import P3bResidualScale

/// Problem 3b graded both ways: γ compared exactly, decimals within their own rounding, and the
/// checks of `psverify all` each failing on a planted γ or a broken kernel.
final class ResidualScaleGrading: XCTestCase {
  let problem = ResidualScale.problem
  /// A network small enough for debug builds; the checks are the same code as in a full run.
  let network = ResidualScale.NetworkShape(
    width: 32, bottleneck: 8, layers: 4, batch: 64,
    replicates: 16)

  func testRightValues_inPlainUnicodeAndLaTeX_areCorrect() {
    assertGrade(problem, "1/sqrt(2)", .correct)
    assertGrade(problem, "γ = 1/√2", .correct)
    assertGrade(problem, #"\frac{\sqrt{2}}{2}"#, .correct)
    assertGrade(problem, "2^(-1/2)", .correct)
    assertGrade(problem, "0.7071", .correct, mentions: ["rounded to 4 decimals"])
    assertGrade(problem, "-1/sqrt(2)", .correct, convention: "the negative root")
  }

  func testWrongValues_areIncorrectWithTheVarianceTheyGive() {
    assertGrade(
      problem, "1/2", .incorrect,
      mentions: [
        "γ = 1/2 gives Var γ(A + B) = 2γ² = 0.5, not 1",
        "100000 Gaussian pairs measure 0.5", "γ is too small",
      ])
    assertGrade(problem, "1", .incorrect, mentions: ["2γ² = 2, not 1", "γ is too large"])
    assertGrade(problem, "1/sqrt(3)", .incorrect, mentions: ["2γ² = 0.6667"])
    // 2 · 0.7072² = 1.00026368: printed with the digits that tell it from 1.
    assertGrade(problem, "0.7072", .incorrect, mentions: ["2γ² = 1.0003, not 1", "γ is too large"])
    assertGrade(problem, "sqrt(2)", .incorrect, mentions: ["2γ² = 4"])
    assertGrade(problem, "0.7", .incorrect, mentions: ["Too few digits to tell"])
    assertGrade(problem, "0.708", .incorrect, mentions: ["2γ² = 1.003"])
  }

  func testMalformedValues_areUnreadableWithALocatedDiagnostic() {
    let g = grade(problem, "1/sqrt(")
    XCTAssertEqual(g.verdict, .unreadable)
    XCTAssertEqual(g.issues.first?.column, 8)
    XCTAssertEqual(
      grade(problem, "gamma").issues.first?.message, "expected a number, found the symbol 'gamma'")
  }

  func testPrintedSolution_agreesAndItsUnstatedSignIsFound() throws {
    let g = try printedGrade(problem)
    XCTAssertEqual(g.verdict, .correct)
    let derivation = try problem.derive(ParameterValues(specs: problem.parameters))
    let errata = problem.findings(derivation, printed: g, text: Shipped.text("3b"))
    XCTAssertEqual(errata.map(\.kind), [.assumption])
    XCTAssertTrue(
      errata[0].message.contains("−1/√2 satisfies the variance condition too"), errata[0].message)
  }

  func outcomes(_ gamma: ScalarValue, seed: UInt64, trials: Int = 100_000) -> [String: CheckOutcome]
  {
    let runner = Runner(seed: seed, trials: trials)
    let root = RandomStream(seed: seed).split("3b")
    return Dictionary(
      uniqueKeysWithValues: ResidualScale.checks(candidate: gamma, network: network).map {
        (
          $0.id,
          runner.run(
            $0, stream: root.split($0.id), trials: trials, parameters: ParameterValues(specs: []))
        )
      })
  }

  func testDerivedGamma_passesEveryCheckForThreeSeeds() throws {
    let derivation = try problem.derive(ParameterValues(specs: problem.parameters))
    guard case .scalar(let gamma) = derivation.answer else { return XCTFail("not a scalar") }
    for seed: UInt64 in [1, 2, 3] {
      for outcome in outcomes(gamma, seed: seed).values { assertStatus(outcome, .pass) }
    }
  }

  /// Every check of `psverify all` for 3b fails on a planted γ or a broken kernel.
  func testEveryCheck_failsOnAPlantedGammaOrBrokenKernel() throws {
    var failing = Set<String>()
    for text in ["1/2", "1/sqrt(3)"] {
      // The sampler and estimator checks do not depend on γ: they fail on planted kernel bugs.
      for (id, outcome) in outcomes(try ScalarExpression.evaluate(text), seed: 1)
      where ![
        "network-forward-reference", "gaussian-sampler-tails", "gaussian-sampler-maximum",
        "moment-estimators-known",
      ].contains(id) {
        assertStatus(outcome, .fail)
        failing.insert(id)
      }
    }
    let reference = ResidualScale.forwardReferenceCheck(gamma: 0.5.squareRoot())
    assertStatus(runCheck(reference), .pass)
    assertStatus(runCheck(reference, with: .extraMultiply), .fail)
    failing.insert(reference.id)
    for (check, fault) in [
      (ResidualScale.samplerCheck(), KernelFaults.Fault.zigguratBaseBoundary),
      (ResidualScale.samplerMaximumCheck(), .zigguratBaseBoundary),
      (ResidualScale.momentsCheck(), .varianceBias),
    ] {
      assertStatus(runCheck(check), .pass)
      assertStatus(runCheck(check, with: fault), .fail)
      failing.insert(check.id)
    }
    assertEveryCheckFails(
      ResidualScale.checks(candidate: .approximate(0.7), network: network), failing: failing)
  }

  func testApproximateGamma_judgedWithinStatedRounding() {
    let close = outcomes(.approximate(0.5.squareRoot()), seed: 1)["gamma-solves-variance-equation"]!
    assertStatus(close, .pass)
    assertStatus(outcomes(.approximate(0.7071), seed: 1)["gamma-solves-variance-equation"]!, .fail)
  }

  /// A decimal is judged by its rounding the same way by `grade` and by the symbolic check that
  /// `problem 3b --param gamma=…` runs; the negative root is right in every spelling, under its
  /// named convention, and fails the check's γ > 0 in every spelling.
  func testDecimals_judgedAlikeByGradeAndByTheCheck() throws {
    for (text, right) in [
      ("0.7071067811865476", true), ("0.7071", true), ("0.707", true),
      ("0.708", false), ("0.7072", false), ("0.70710678", true), ("0.70710679", false),
    ] {
      assertGrade(problem, text, right ? .correct : .incorrect)
      let check = outcomes(try ScalarExpression.evaluate(text), seed: 1)[
        "gamma-solves-variance-equation"]!
      assertStatus(check, right ? .pass : .fail)
    }
    for text in ["-1/sqrt(2)", "-0.7071", "-0.7071067811865476", "-sqrt(2)/2"] {
      assertGrade(problem, text, .correct, convention: "the negative root")
      let check = outcomes(try ScalarExpression.evaluate(text), seed: 1)[
        "gamma-solves-variance-equation"]!
      assertStatus(check, .fail)
    }
  }

  /// The symbolic check evaluates the variance from its definition: exact 1 at 1/√2 (hand value
  /// 2·(1/2) = 1) and 2·(1/3) = 2/3 at 1/√3, and it does not use the solved equation.
  func testExactVariance_fromTheDefinition() {
    XCTAssertEqual(ResidualScale.exactVariance(gammaSquared: Rational(1, 2)), Rational(1))
    XCTAssertEqual(ResidualScale.exactVariance(gammaSquared: Rational(1, 3)), Rational(2, 3))
    XCTAssertEqual(ResidualScale.decimals(Surd(Rational(7071, 10000))), 4)
    XCTAssertNil(ResidualScale.decimals(Surd(Rational(1, 3))))
  }

  /// The branch-mean probe reports the ReLU premise only when its z-test rejects a zero mean.
  func testBranchMeanProbe_findsTheNonZeroMean() {
    let probe = ResidualScale.branchMeanProbe(gamma: 0.5.squareRoot(), shape: network)
    let outcome = Runner(seed: 1).run(
      probe, stream: RandomStream(seed: 1).split(probe.id), trials: 1,
      parameters: ParameterValues(specs: []))
    XCTAssertTrue(
      outcome.result.errata.contains { $0.message.hasPrefix("L̂_ℓ[n] = ReLU(…) ≥ 0") },
      outcome.result.detail)
  }
}
