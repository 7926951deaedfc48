import Algebra
import Answers
import IndexNotation
import ProblemDocument
import TensorCore
import Verification
import XCTest

/// A problem made for testing the runner: its checks record their stream keys and one throws; its
/// grader takes 6·7 = 42 (decided by reading the answer, not by looking at the text).
struct FakeProblem: Problem {
  var extraCheck = false
  let id = "9"
  let title = "fake"
  let question = "?"
  let answerFormat = "a number"
  let defaultTrials = 17
  var parameters: [ParameterSpec] {
    [ParameterSpec("n", "a count", domain: .integer(1...10), default: .integer(3))]
  }

  func derive(_ parameters: ParameterValues) throws -> Derivation {
    Derivation(steps: [], answer: .scalar(.exact(Surd(Rational(42)))))
  }

  func printedAnswer(_ solution: [ReadFragment]) -> (text: String, fragment: MathFragment)? {
    solution.first.map { ($0.fragment.text, $0.fragment) }
  }

  func grade(_ answer: String, _ derivation: Derivation, _ context: inout GradingContext) -> Grade {
    guard let value = try? ScalarExpression.evaluate(answer) else {
      return Grade(.unreadable, feedback: ["expected a number"])
    }
    guard case .scalar(let expected) = derivation.answer else { return Grade(.unreadable) }
    return value == expected
      ? Grade(.correct, reading: value.description)
      : Grade(.incorrect, reading: value.description, feedback: ["6·7 = 42, not \(value)."])
  }

  func checks(_ derivation: Derivation, _ parameters: ParameterValues) -> [Check] {
    var checks = [
      Check(id: "draws", kind: .monteCarlo, summary: "draws") { context in
        Measurement(
          status: .pass, expected: .integer(context.trials),
          measured: .integer(Int(truncatingIfNeeded: context.random.next() >> 1)),
          tolerance: .exact, detail: "")
      },
      Check(id: "throws", kind: .numeric, summary: "throws") { _ in
        throw TestFailure.planted
      },
    ]
    if extraCheck {
      checks.insert(
        Check(id: "extra", kind: .symbolic, summary: "extra") { _ in
          Measurement(status: .pass, expected: 0, measured: 0, tolerance: .exact, detail: "")
        }, at: 0)
    }
    return checks
  }

  func probes(_ derivation: Derivation, _ parameters: ParameterValues) -> [Probe] {
    [
      Probe(id: "premise", summary: "a premise") { context in
        ProbeResult(
          detail: "measured", errata: [Erratum(.assumption, "false premise", location: "here")],
          series: ["x": [Double(context.trials)]])
      }
    ]
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
    let a = FakeProblem()
    let b = FakeProblem(extraCheck: true)
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

  func testProbe_runsAndItsErrataJoinTheReport() {
    let p = FakeProblem()
    let r = Runner(seed: 1).run(p, parameters: ParameterValues(specs: p.parameters))
    XCTAssertEqual(r.probes.map(\.id), ["premise"])
    XCTAssertEqual(r.probes[0].result.series["x"], [17])
    XCTAssertEqual(r.errata.map(\.message), ["false premise"])
  }

  /// `agrees` comes from grading the printed text: the same runner says yes to 42 and no to 41.
  func testPrintedSolution_isGradedNotTypedIn() throws {
    let p = FakeProblem()
    for (printed, agrees) in [("42", true), ("41", false), ("6\\cdot 7", true)] {
      let document = ProblemSetDocument(
        text: "**Problem 9.** What is six times seven?\n\n**Solution**: It is $\(printed)$.\n",
        name: "t.md")
      let item = try XCTUnwrap(document.item("9"))
      let text = ProblemText(document: document, item: item, findings: [])
      let report = Runner(seed: 1).run(
        p, parameters: ParameterValues(specs: p.parameters), text: text)
      let audit = try XCTUnwrap(report.audit)
      XCTAssertEqual(audit.agrees, agrees, printed)
      XCTAssertEqual(audit.printed.answer, printed)
      XCTAssertEqual(audit.printed.answerLocation?.line, 3)
      XCTAssertEqual(audit.errata.contains { $0.kind == .disagreement }, !agrees, printed)
    }
  }

  func testPrintedSolutionWithoutAnAnswer_isADefect() throws {
    let p = FakeProblem()
    let document = ProblemSetDocument(
      text: "**Problem 9.** Six times seven?\n\n**Solution**: forty-two.\n",
      name: "t.md")
    let text = ProblemText(
      document: document, item: try XCTUnwrap(document.item("9")), findings: [])
    let report = Runner(seed: 1).run(
      p, parameters: ParameterValues(specs: p.parameters), text: text)
    XCTAssertEqual(report.audit?.agrees, false)
    XCTAssertEqual(
      report.errata.first?.message,
      "the printed solution has no answer of the form the question asks for")
  }
}

final class ParameterTests: XCTestCase {
  let integer = ParameterSpec("N", "width", domain: .integer(2...2048), default: .integer(256))
  let real = ParameterSpec("gamma", "γ", domain: .real(-10...10), default: nil)

  func testParse_acceptsValidValues() throws {
    XCTAssertEqual(try integer.parse("64"), .integer(64))
    XCTAssertEqual(try real.parse("1/sqrt(2)").description, "1/√2")
    XCTAssertEqual(try real.parse("-1/2").description, "-1/2")
  }

  func testParse_errorTextsNameWhatIsAccepted() {
    XCTAssertThrowsError(try integer.parse("-3")) {
      XCTAssertEqual(
        "\($0)", "invalid value '-3' for parameter N: expected a whole number from 2 to 2048")
    }
    XCTAssertThrowsError(try integer.parse("2.5")) {
      XCTAssertEqual(
        "\($0)", "invalid value '2.5' for parameter N: expected a whole number from 2 to 2048")
    }
    XCTAssertThrowsError(try real.parse("1/")) {
      XCTAssertEqual(
        "\($0)",
        "invalid value '1/' for parameter gamma (expected a number, a symbol or '(', "
          + "found the end of the answer at column 3): expected a number or expression such as 1/sqrt(2) from -10 to 10"
      )
    }
    XCTAssertThrowsError(try real.parse("11")) {
      XCTAssertEqual(
        "\($0)",
        "invalid value '11' for parameter gamma: expected a number or "
          + "expression such as 1/sqrt(2) from -10 to 10")
    }
  }

  /// Spaces and a leading + are refused alike for every kind of parameter, with a word on why.
  func testParse_spacesAndPlusAreRefusedAlike() {
    for text in [" 8", "8 ", "+8"] {
      XCTAssertThrowsError(try integer.parse(text)) {
        XCTAssertEqual(
          "\($0)",
          "invalid value '\(text)' for parameter N: expected a whole number from 2 to "
            + "2048, written without spaces or a + sign")
      }
    }
    XCTAssertThrowsError(try real.parse("+0.5"))
    XCTAssertThrowsError(try real.parse(" 0.5"))
  }

  func testJSON_keepsIntegersExactAndEscapes() {
    let v = JSONValue.object([
      ("n", .integer(9_007_199_254_740_993)), ("s", .string("a\"b\n")),
      ("x", .number(.nan)), ("y", .number(0.25)),
    ])
    XCTAssertEqual(
      v.serialized(), "{\"n\":9007199254740993,\"s\":\"a\\\"b\\n\",\"x\":null,\"y\":0.25}")
  }

  func testAnswerSheet_readsIdsContinuationsAndComments() throws {
    let sheet = try AnswerSheet.parse(
      """
      # my answers
      1: B*X*Y
      - **3b**: 1/sqrt(2)
      2: L[b] = W[j,
        I] x[I]

      3c: gamma^(L-1)
      """)
    XCTAssertEqual(sheet.entries.map(\.problem), ["1", "3b", "2", "3c"])
    XCTAssertEqual(sheet.entries[2].answer, "L[b] = W[j, I] x[I]")
    XCTAssertEqual(sheet.entries[2].line, 4)
    XCTAssertThrowsError(try AnswerSheet.parse("hello\n1: x")) {
      XCTAssertEqual(
        "\($0)",
        "line 1: expected an answer as ID: ANSWER (e.g. 3b: 1/sqrt(2)), a comment "
          + "starting with #, or a blank line")
    }
  }
}
