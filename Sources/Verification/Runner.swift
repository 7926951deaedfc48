import TensorCore

/// Progress of a run, for a display that wants it.
public enum RunEvent: Sendable {
  case problemStarted(id: String)
  case checkStarted(problem: String, check: String, index: Int, total: Int)
  case problemFinished(id: String)
}

/// Runs problems: derives, audits, and runs each check on its own random stream.
///
/// Every check's stream is `RandomStream(seed).split(problemID).split(checkID)`, so a check's
/// draws depend only on the seed and its own ids: adding a check changes no other result, and the
/// same seed reproduces every stored value bit for bit.
public struct Runner: Sendable {
  public let seed: UInt64
  /// `--trials`; nil uses each problem's default.
  public let trials: Int?
  public let onEvent: (@Sendable (RunEvent) -> Void)?

  public init(seed: UInt64, trials: Int? = nil, onEvent: (@Sendable (RunEvent) -> Void)? = nil) {
    self.seed = seed
    self.trials = trials
    self.onEvent = onEvent
  }

  public func run(_ problem: any Problem, parameters: ParameterValues) -> ProblemReport {
    let clock = ContinuousClock()
    let start = clock.now
    onEvent?(.problemStarted(id: problem.id))
    defer { onEvent?(.problemFinished(id: problem.id)) }
    let derivation: Derivation
    do {
      derivation = try problem.derive(parameters)
    } catch {
      return ProblemReport(
        id: problem.id, title: problem.title, question: problem.question, parameters: parameters,
        derivation: nil, derivationError: "\(error)", audit: nil, outcomes: [],
        seconds: (clock.now - start).seconds)
    }
    let audit = problem.audit(derivation, parameters)
    let checks = problem.checks(derivation, parameters)
    let problemStream = RandomStream(seed: seed).split(problem.id)
    var outcomes: [CheckOutcome] = []
    for (index, check) in checks.enumerated() {
      onEvent?(.checkStarted(problem: problem.id, check: check.id, index: index, total: checks.count))
      outcomes.append(run(check, stream: problemStream.split(check.id),
                          trials: trials ?? problem.defaultTrials, parameters: parameters))
    }
    return ProblemReport(
      id: problem.id, title: problem.title, question: problem.question, parameters: parameters,
      derivation: derivation, derivationError: nil, audit: audit, outcomes: outcomes,
      seconds: (clock.now - start).seconds)
  }

  /// Runs one check; anything it throws becomes a failed outcome carrying the error text.
  public func run(_ check: Check, stream: RandomStream, trials: Int,
                  parameters: ParameterValues) -> CheckOutcome {
    let clock = ContinuousClock()
    let start = clock.now
    var context = CheckContext(random: stream, trials: trials, parameters: parameters)
    let measurement: Measurement
    do {
      measurement = try check.body(&context)
    } catch {
      measurement = Measurement(
        status: .fail, expected: .text("the check to complete"), measured: .text("error"),
        tolerance: .exact, detail: "the check threw: \(error)")
    }
    return CheckOutcome(id: check.id, kind: check.kind, summary: check.summary,
                        params: check.params, measurement: measurement, streamKey: stream.key,
                        seconds: (clock.now - start).seconds)
  }
}

extension Duration {
  /// The duration in seconds as a double.
  public var seconds: Double {
    let (s, atto) = components
    return Double(s) + Double(atto) * 1e-18
  }
}
