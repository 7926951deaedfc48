import Classroom
import P1ConvMultiplies
import P2VideoConv
import P3aBottleneck
import P3bResidualScale
import P3cGradientDecay
import ResultStore
import TestSupport
import Verification
import XCTest

final class AnswerGroupTests: XCTestCase {
  func key(_ p: any Problem, _ answer: String) -> String { AnswerKey.of(grade(p, answer)) }

  func testTwoSpellingsOfOneWrongAnswer_shareAKey() {
    XCTAssertEqual(
      key(ConvMultiplies.problem, "B*X*Y*dX*dY*Nout"),
      key(ConvMultiplies.problem, #"BXY\Delta X\Delta Y N_{\text{out}}"#))
    XCTAssertEqual(
      key(ConvMultiplies.problem, "B*X*Y*dX*dY*Nout*Nin + B*X*Y*Nout"),
      key(ConvMultiplies.problem, "B X Y N_out (dX dY N_in + 1)"), "equal polynomials")
    XCTAssertEqual(key(ResidualScale.problem, "1/2"), key(ResidualScale.problem, #"\frac{1}{2}"#))
    XCTAssertEqual(key(GradientDecay.problem, "gamma^(L-2)"), key(GradientDecay.problem, "γ^(L−2)"))
    XCTAssertEqual(
      key(Bottleneck.problem, "2*N*Nb*(L-1); N^2*(L-1); Nb <= N/2"),
      key(Bottleneck.problem, "2·N·N_bottle·(L − 1); N²·(L − 1); 2 N_bottle ≤ N"),
      "equal regions")
    // An equation with other index letters and factors in another order: equal on the tensors.
    XCTAssertEqual(
      key(
        VideoConv.problem,
        "L_{l+1}[b,x,y,t,j] = sigma(K[j,dX,dY,dT,I] L_l[b,x+dX,y+dY,t+dT,I] - B[j])"),
      key(
        VideoConv.problem,
        "L_{ℓ+1}[n, u, v, w, c] = σ(L_ℓ[n, u + ΔX, v + ΔY, w + ΔT, I] K[c, ΔX, ΔY, ΔT, I] − B[c])"))
  }

  func testDifferentWrongAnswers_getDifferentKeys() {
    XCTAssertNotEqual(
      key(ConvMultiplies.problem, "B*X*Y*dX*dY*Nout"),
      key(ConvMultiplies.problem, "B*X*Y*dX*dY*Nin"))
    XCTAssertNotEqual(key(ResidualScale.problem, "1/2"), key(ResidualScale.problem, "1"))
    XCTAssertNotEqual(
      key(
        VideoConv.problem,
        "L_{l+1}[b,x,y,t,j] = sigma(K[j,dX,dY,dT,I] L_l[b,x+dX,y+dY,t+dT,I] - B[j])"),
      key(
        VideoConv.problem,
        "L_{l+1}[b,x,y,t,j] = sigma(K[j,dX,dY,dT,I] L_l[b,s*x+dX,s*y+dY,s*t+dT,I] + B[j])"))
  }

  /// Every grouping of a mixed class: each group's members were graded alone with the group's
  /// verdict, and a group never mixes right and wrong.
  func testRightIsNeverGroupedWithWrong() {
    let answers: [(any Problem, [String])] = [
      (
        ConvMultiplies.problem,
        [
          "B*X*Y*dX*dY*Nout*Nin", "B·X·Y·ΔX·ΔY·N_out·N_in", "B*X*Y*dX*dY*Nout",
          "2*B*X*Y*dX*dY*Nout*Nin", "B*(X-dX+1)*(Y-dY+1)*dX*dY*Nout*Nin", "B*X*(Y",
        ]
      ),
      (
        ResidualScale.problem,
        ["1/sqrt(2)", "sqrt(2)/2", "0.7071", "0.7", "0.708", "1/2", "-1/sqrt(2)"]
      ),
      (GradientDecay.problem, ["gamma^(L-1)", "gamma^L", "gamma^(L-2)", "L - 1", "gamma^(L+1)"]),
    ]
    for (problem, texts) in answers {
      let students = texts.enumerated().map { i, t in
        StudentResult(
          id: "s\(i)", name: "", section: "", email: "", status: .graded, reason: nil, notes: [],
          answers: [graded(problem, t)])
      }
      let result = ClassResult(
        problems: [problem.id], rubric: .object([]), students: students,
        distinctAnswers: texts.count)
      let groups = AnswerGroup.groups(result)[problem.id]!
      XCTAssertEqual(groups.map(\.size).reduce(0, +), texts.count)
      for g in groups {
        for m in g.members {
          let alone = grade(problem, texts[Int(m.dropFirst())!]).verdict.rawValue
          XCTAssertEqual(
            alone, g.verdict, "\(problem.id): \(texts[Int(m.dropFirst())!]) in a \(g.verdict) group"
          )
        }
      }
      XCTAssertTrue(
        groups.contains { $0.verdict == "correct" }
          && groups.contains { $0.verdict == "incorrect" },
        "the class mixes right and wrong answers to \(problem.id)")
      // The key leads with the verdict, so groups cannot mix verdicts by construction; what can
      // fail is the meaning itself: a right and a wrong answer must never read as the same value.
      let grades = texts.map { grade(problem, $0) }
      for (i, a) in grades.enumerated() {
        for (j, b) in grades.enumerated() where i < j && a.verdict != b.verdict {
          guard let x = a.answer, let y = b.answer else { continue }
          XCTAssertNotEqual(
            AnswerKey.meaning(x), AnswerKey.meaning(y),
            "\(problem.id): '\(texts[i])' (\(a.verdict)) and '\(texts[j])' "
              + "(\(b.verdict)) read as one meaning")
        }
      }
    }
  }

  /// An equation with tensors of high rank is keyed by its text: 3 entries per axis at rank 40
  /// would be 3⁴⁰ values (an overflow, not a key).
  func testHighRankEquation_keyedByText_notEvaluated() {
    let indices = Array(repeating: "x", count: 40).joined(separator: ",")
    let g = grade(VideoConv.problem, "L[\(indices)] = K[\(indices)]")
    XCTAssertNotEqual(g.verdict, .correct)
    guard case .equation? = g.answer else {
      return XCTFail("expected the answer read as an equation: \(g.verdict) \(g.feedback)")
    }
    XCTAssertTrue(AnswerKey.of(g).contains("equation-text:"), AnswerKey.of(g))
  }

  func testGroups_mostCommonWrongFirst_exampleIsTheCommonestSpelling() {
    let p = ResidualScale.problem
    let texts = ["1/sqrt(2)", "1", "1/2", "0.5", "0.5", #"\frac{1}{2}"#, "1/sqrt(2)", "garbage("]
    let students = texts.enumerated().map { i, t in
      StudentResult(
        id: "s\(i)", name: "", section: "", email: "", status: .graded, reason: nil, notes: [],
        answers: [graded(p, t)])
    }
    let groups = AnswerGroup.groups(
      ClassResult(
        problems: ["3b"], rubric: .object([]), students: students,
        distinctAnswers: 0))["3b"]!
    XCTAssertEqual(groups.map(\.verdict), ["incorrect", "incorrect", "unreadable", "correct"])
    XCTAssertEqual(groups[0].members, ["s2", "s3", "s4", "s5"])
    XCTAssertEqual(groups[0].example, "0.5")
    XCTAssertEqual(groups[0].spellings, 3)
    XCTAssertEqual(groups[3].members, ["s0", "s6"])
  }

  func graded(_ p: any Problem, _ text: String) -> GradedAnswer {
    let g = grade(p, text)
    return GradedAnswer(
      problem: p.id, answer: text, verdict: g.verdict.rawValue, reading: g.reading,
      feedback: g.feedback, convention: g.convention, issues: [], points: 0,
      maxPoints: 1, key: AnswerKey.of(g))
  }
}
