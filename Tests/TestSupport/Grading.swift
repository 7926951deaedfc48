import ProblemDocument
import ShippedProblemSet
import TensorCore
import Verification
import XCTest

/// The shipped problem set, read and audited once for all tests.
public enum Shipped {
  public static let document = ProblemSetDocument(
    text: ShippedProblemSet.text, name: ShippedProblemSet.fileName)
  public static let audit = Auditor.audit(document, spelling: false)

  /// A problem's text in the shipped document, with the audit's findings on it.
  public static func text(_ id: String) -> ProblemText {
    ProblemText(document: document, item: document.item(id)!, findings: audit.findings(for: id))
  }
}

/// Grades an answer the way `psverify grade` does.
public func grade(_ problem: any Problem, _ answer: String, seed: UInt64 = 1) -> Grade {
  let parameters = ParameterValues(specs: problem.parameters)
  return Runner(seed: seed).grade(problem, answer: answer, parameters: parameters).grade
}

/// Asserts a verdict, that the feedback mentions each fragment, and the convention when one is named.
public func assertGrade(
  _ problem: any Problem, _ answer: String, _ verdict: GradeVerdict,
  mentions fragments: [String] = [], convention: String? = nil,
  file: StaticString = #filePath, line: UInt = #line
) {
  let g = grade(problem, answer)
  let said = (g.feedback + g.issues.map(\.description) + [g.convention ?? ""]).joined(
    separator: "\n")
  XCTAssertEqual(g.verdict, verdict, "\(answer): \(said)", file: file, line: line)
  for f in fragments {
    XCTAssertTrue(
      said.contains(f), "\(answer): feedback lacks '\(f)':\n\(said)", file: file, line: line)
  }
  if let convention {
    XCTAssertTrue(
      g.convention?.contains(convention) ?? false,
      "\(answer): convention \(g.convention ?? "none") lacks '\(convention)'", file: file,
      line: line)
  } else if verdict == .correct {
    XCTAssertNil(g.convention, "\(answer): unexpected convention", file: file, line: line)
  }
}

/// The printed solution's answer in the shipped document, graded as printed.
public func printedGrade(_ problem: any Problem) throws -> Grade {
  let text = Shipped.text(problem.id)
  let printed = try XCTUnwrap(
    problem.printedAnswer(text.solutionFragments), "no printed answer for \(problem.id)")
  return grade(problem, printed.text)
}

/// Runs one check on its own stream.
public func runCheck(_ check: Check, seed: UInt64 = 1, trials: Int = 1) -> CheckOutcome {
  Runner(seed: seed).run(
    check, stream: RandomStream(seed: seed).split(check.id), trials: trials,
    parameters: ParameterValues(specs: []))
}

/// Runs a check with a kernel fault planted, and removes it after.
package func runCheck(_ check: Check, with fault: KernelFaults.Fault, seed: UInt64 = 1)
  -> CheckOutcome
{
  KernelFaults.set(fault)
  defer { KernelFaults.set(nil) }
  return runCheck(check, seed: seed)
}

/// Asserts that every check id of `all` appears among the ids shown to fail.
public func assertEveryCheckFails(
  _ all: [Check], failing: Set<String>,
  file: StaticString = #filePath, line: UInt = #line
) {
  let ids = Set(all.map(\.id))
  XCTAssertEqual(
    ids.subtracting(failing), [], "checks no planted answer or fault makes fail",
    file: file, line: line)
}
