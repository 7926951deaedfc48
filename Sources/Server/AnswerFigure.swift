import Foundation
import TensorCore
import Verification

extension AnswerFigure {
  /// The figure for a graded answer, drawn by the problem of the same id among the page's
  /// (`Problem.answerFigure`), or nil when none fits (an unreadable answer, an answer of
  /// another kind). For a `variant` the problem's checks are the variant's; the problem says
  /// which of its figures still apply.
  static func make(
    _ problem: any Problem, grade: Grade, derivation: Derivation?,
    evidence: Evidence, runner: Runner, text: String = "", variant: Bool = false
  ) -> AnswerFigure? {
    guard let answer = grade.answer, let derivation else { return nil }
    let owner = evidence.owners[problem.id] ?? problem
    let parameters = ParameterValues(specs: problem.parameters)
    let trials = runner.trials ?? problem.defaultTrials
    let context = Context(
      text: text, variant: variant, parameters: parameters, trials: trials,
      gradingStream: runner.gradingStream(problem.id),
      runCheck: { id, substituted in
        // The problem's own check `id`, run with the answer under test in place of psverify's.
        guard let c = problem.checks(substituted, parameters).first(where: { $0.id == id })
        else { return nil }
        return runner.run(
          c, stream: RandomStream(seed: runner.seed).split(problem.id).split(id),
          trials: trials, parameters: parameters)
      },
      measured: evidence.measured[problem.id] ?? [:])
    return owner.answerFigure(answer, derivation: derivation, context: context)
  }
}

/// What the figures need that does not depend on the answer, measured once when the server
/// starts: each problem's `answerFigureChecks` on psverify's own answer.
struct Evidence: Sendable {
  /// The page's problems by id: they draw the answer figures.
  var owners: [String: any Problem] = [:]
  /// Outcomes by problem id, then check id.
  var measured: [String: [String: CheckOutcome]] = [:]

  /// Runs every problem's `answerFigureChecks` with the runner's seed and trials.
  static func measure(_ problems: [any Problem], runner: Runner) -> Evidence {
    var e = Evidence()
    for p in problems {
      e.owners[p.id] = p
      let wanted = p.answerFigureChecks
      guard !wanted.isEmpty else { continue }
      let parameters = ParameterValues(specs: p.parameters)
      guard let derivation = try? p.derive(parameters) else { continue }
      for c in p.checks(derivation, parameters) where wanted.contains(c.id) {
        e.measured[p.id, default: [:]][c.id] = runner.run(
          c, stream: RandomStream(seed: runner.seed).split(p.id).split(c.id),
          trials: runner.trials ?? p.defaultTrials, parameters: parameters)
      }
    }
    return e
  }
}
