import ProblemDocument
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
  /// The run seed (`--seed`), root of every check's and grader's random stream.
  public let seed: UInt64
  /// `--trials`; nil uses each problem's default.
  public let trials: Int?
  /// Called with progress events, possibly from several threads at once.
  public let onEvent: (@Sendable (RunEvent) -> Void)?

  /// A runner from the seed, the trial count (nil for each problem's default) and a progress hook.
  public init(seed: UInt64, trials: Int? = nil, onEvent: (@Sendable (RunEvent) -> Void)? = nil) {
    self.seed = seed
    self.trials = trials
    self.onEvent = onEvent
  }

  /// Derives, grades the printed solution (when the problem's text is given), runs the checks
  /// and the probes.
  public func run(
    _ problem: any Problem, parameters: ParameterValues,
    text: ProblemText? = nil
  ) -> ProblemReport {
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
    let problemStream = RandomStream(seed: seed).split(problem.id)
    let trials = self.trials ?? problem.defaultTrials
    let printedAudit = text.map {
      self.audit(problem, derivation, $0, stream: problemStream.split("printed"), trials: trials)
    }
    let checks = problem.checks(derivation, parameters)
    let probeList = problem.probes(derivation, parameters)
    // Checks and probes run side by side on the cores: each draws only from its own stream and
    // nests its own work splits, so the outcomes do not depend on the order or the number of
    // cores; they come back in declaration order. Probes first: they are the longest.
    let onEvent = self.onEvent
    let results = Parallel.map(probeList.count + checks.count) { j -> RunResult in
      if j < probeList.count {
        let probe = probeList[j]
        return .probe(
          run(
            probe, stream: problemStream.split(probe.id), trials: trials,
            parameters: parameters))
      }
      let index = j - probeList.count
      let check = checks[index]
      onEvent?(
        .checkStarted(
          problem: problem.id, check: check.id, index: index,
          total: checks.count))
      return .check(
        run(
          check, stream: problemStream.split(check.id), trials: trials,
          parameters: parameters))
    }
    let outcomes: [CheckOutcome] = results.compactMap {
      if case .check(let o) = $0 { return o }
      return nil
    }
    let probes: [ProbeOutcome] = results.compactMap {
      if case .probe(let o) = $0 { return o }
      return nil
    }
    return ProblemReport(
      id: problem.id, title: problem.title, question: problem.question, parameters: parameters,
      derivation: derivation, derivationError: nil, audit: printedAudit, outcomes: outcomes,
      probes: probes,
      seconds: (clock.now - start).seconds)
  }

  /// The printed solution graded as printed, through the same grader as any answer, with the
  /// document's findings on this item and the problem's own.
  func audit(
    _ problem: any Problem, _ derivation: Derivation, _ text: ProblemText,
    stream: RandomStream, trials: Int
  ) -> Audit {
    let found = problem.printedAnswer(text.solutionFragments)
    var context = GradingContext(random: stream, trials: trials)
    let grade = found.map { problem.grade($0.text, derivation, &context) }
    let location = found.map { text.document.location(in: $0.fragment, characterOffset: 0) }
    var errata = text.findings.map(Erratum.init)
    var notes: [String] = []
    let place =
      location.map {
        "\(text.solutionLocation.split(separator: "(")[0])line \($0.line), column \($0.column)"
      }
      ?? text.solutionLocation
    switch grade?.verdict {
    case .incorrect?:
      errata.append(
        Erratum(
          .disagreement,
          "the printed answer \(grade!.reading ?? found!.text) is not right: "
            + grade!.feedback.joined(separator: " "),
          location: place, line: location?.line, column: location?.column,
          excerpt: location.map(text.document.excerpt(at:)), source: "grade"))
    case .unreadable?:
      errata.append(
        Erratum(
          .defect,
          "the printed answer cannot be read: "
            + (grade!.issues.first?.message ?? grade!.feedback.joined(separator: " ")),
          location: place, line: location?.line, column: location?.column,
          excerpt: location.map(text.document.excerpt(at:)), source: "grade"))
    case .correct?:
      if let convention = grade!.convention {
        notes.append(
          "The printed answer is right under a convention the question leaves open: \(convention).")
      }
    case nil:
      errata.append(
        Erratum(
          .defect, "the printed solution has no answer of the form the question asks for",
          location: text.solutionLocation, source: "grade"))
    }
    errata += problem.findings(derivation, printed: grade, text: text)
    return Audit(
      printed: PrintedSolution(
        quote: text.solutionText, location: text.solutionLocation,
        answer: found?.text, answerLocation: location),
      grade: grade, errata: errata, notes: notes)
  }

  /// The random stream a grader draws from for problem `id` (`GradingContext.random`): what a
  /// figure needs to show the grader's own trials.
  public func gradingStream(_ id: String) -> RandomStream {
    RandomStream(seed: seed).split(id).split("grade")
  }

  /// Grades one answer: derives, then grades through the problem's grader.
  public func grade(_ problem: any Problem, answer: String, parameters: ParameterValues)
    -> (derivation: Derivation?, grade: Grade)
  {
    do {
      let derivation = try problem.derive(parameters)
      var context = GradingContext(
        random: gradingStream(problem.id),
        trials: trials ?? problem.defaultTrials)
      return (derivation, problem.grade(answer, derivation, &context))
    } catch {
      return (
        nil, Grade(.unreadable, feedback: ["psverify could not derive its own answer: \(error)"])
      )
    }
  }

  /// Runs one probe; anything it throws becomes a note carrying the error text.
  public func run(
    _ probe: Probe, stream: RandomStream, trials: Int,
    parameters: ParameterValues
  ) -> ProbeOutcome {
    let clock = ContinuousClock()
    let start = clock.now
    var context = CheckContext(random: stream, trials: trials, parameters: parameters)
    let result: ProbeResult
    do {
      result = try probe.body(&context)
    } catch {
      result = ProbeResult(
        detail: "the probe could not run: \(error)",
        notes: ["The probe \(probe.id) could not run: \(error)."])
    }
    return ProbeOutcome(
      id: probe.id, summary: probe.summary, params: probe.params, result: result,
      streamKey: stream.key, seconds: (clock.now - start).seconds)
  }

  /// Runs one check; anything it throws becomes a failed outcome carrying the error text.
  public func run(
    _ check: Check, stream: RandomStream, trials: Int,
    parameters: ParameterValues
  ) -> CheckOutcome {
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
    return CheckOutcome(
      id: check.id, kind: check.kind, summary: check.summary,
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

/// A check's or a probe's outcome, collected side by side by `Runner.run`.
private enum RunResult: Sendable {
  case check(CheckOutcome)
  case probe(ProbeOutcome)
}
