import TensorCore
import Verification
import XCTest

/// A problem made for testing the runner: its checks record their stream keys and one throws.
struct FakeProblem: Problem {
  var extraCheck = false
  let id = "9t"
  let title = "fake"
  let question = "?"
  let defaultTrials = 17
  var parameters: [ParameterSpec] {
    [ParameterSpec("n", "a count", domain: .integer(1...10), default: .integer(3))]
  }
  var printed: PrintedSolution { PrintedSolution(quote: "x", location: "nowhere") }

  func derive(_ parameters: ParameterValues) throws -> Derivation {
    Derivation(steps: [], answer: "x", answerLatex: "x")
  }
  func audit(_ derivation: Derivation, _ parameters: ParameterValues) -> Audit {
    Audit(printed: printed, reading: "x", agrees: true, errata: [])
  }
  func checks(_ derivation: Derivation, _ parameters: ParameterValues) -> [Check] {
    var checks = [
      Check(id: "draws", kind: .monteCarlo, summary: "draws") { context in
        Measurement(status: .pass, expected: .integer(context.trials),
                    measured: .integer(Int(truncatingIfNeeded: context.random.next() >> 1)),
                    tolerance: .exact, detail: "")
      },
      Check(id: "throws", kind: .numeric, summary: "throws") { _ in
        throw TestFailure.planted
      },
    ]
    if extraCheck {
      checks.insert(Check(id: "extra", kind: .symbolic, summary: "extra") { _ in
        Measurement(status: .pass, expected: 0, measured: 0, tolerance: .exact, detail: "")
      }, at: 0)
    }
    return checks
  }
}

enum TestFailure: Error { case planted }

final class RunnerTests: XCTestCase {
  func testThrowingCheck_becomesFailedOutcomeAndRunContinues() {
    let p = FakeProblem()
    let report = Runner(seed: 1).run(p, parameters: ParameterValues(specs: p.parameters))
    XCTAssertEqual(report.outcomes.map(\.id), ["draws", "throws"])
    XCTAssertEqual(report.outcomes[1].status, .fail)
    XCTAssertEqual(report.outcomes[1].measurement.detail, "the check threw: planted")
    XCTAssertEqual(report.status, .failed)
    XCTAssertEqual(report.outcomes[0].measurement.expected, .integer(17))
  }

  func testAddingACheck_leavesOtherChecksDrawsUnchanged() {
    let a = FakeProblem(), b = FakeProblem(extraCheck: true)
    let ra = Runner(seed: 5).run(a, parameters: ParameterValues(specs: a.parameters))
    let rb = Runner(seed: 5).run(b, parameters: ParameterValues(specs: b.parameters))
    let draw = { (r: ProblemReport) in r.outcomes.first { $0.id == "draws" }!.measurement.measured }
    XCTAssertEqual(draw(ra), draw(rb))
    let rc = Runner(seed: 6).run(a, parameters: ParameterValues(specs: a.parameters))
    XCTAssertNotEqual(draw(ra), draw(rc))
  }

  func testTrialsOverride() {
    let p = FakeProblem()
    let r = Runner(seed: 1, trials: 99).run(p, parameters: ParameterValues(specs: p.parameters))
    XCTAssertEqual(r.outcomes[0].measurement.expected, .integer(99))
  }
}

final class ParameterTests: XCTestCase {
  let integer = ParameterSpec("N", "width", domain: .integer(2...2048), default: .integer(256))
  let real = ParameterSpec("gamma", "γ", domain: .real(-10...10), default: nil)

  func testParse_acceptsValidValues() throws {
    XCTAssertEqual(try integer.parse("64"), .integer(64))
    XCTAssertEqual(try real.parse("1/sqrt(2)").description, "1/√2")
  }

  func testParse_errorTextsNameWhatIsAccepted() {
    XCTAssertThrowsError(try integer.parse("-3")) {
      XCTAssertEqual("\($0)", "invalid value '-3' for parameter N: expected a whole number from 2 to 2048")
    }
    XCTAssertThrowsError(try integer.parse("2.5")) {
      XCTAssertEqual("\($0)", "invalid value '2.5' for parameter N: expected a whole number from 2 to 2048")
    }
    XCTAssertThrowsError(try real.parse("1/")) {
      XCTAssertEqual("\($0)", "invalid value '1/' for parameter gamma (expected a number at the end "
        + "of the input at column 3): expected a number or expression such as 1/sqrt(2) from -10 to 10")
    }
    XCTAssertThrowsError(try real.parse("11")) {
      XCTAssertEqual("\($0)", "invalid value '11' for parameter gamma: expected a number or "
        + "expression such as 1/sqrt(2) from -10 to 10")
    }
  }

  func testJSON_keepsIntegersExactAndEscapes() {
    let v = JSONValue.object([("n", .integer(9_007_199_254_740_993)), ("s", .string("a\"b\n")),
                              ("x", .number(.nan)), ("y", .number(0.25))])
    XCTAssertEqual(v.serialized(), "{\"n\":9007199254740993,\"s\":\"a\\\"b\\n\",\"x\":null,\"y\":0.25}")
  }
}
