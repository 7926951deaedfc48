import Dispatch
import Foundation
import IndexNotation
import Verification

/// One answer graded, with its figure.
struct GradedPost: Sendable {
  var grade: Grade
  /// The answer group's key (`Classroom.AnswerKey`).
  var key: String
  var figure: AnswerFigure?
  var seconds: Double
}

/// Grades posted answers through the problems' graders (`Runner.grade`), off the server's event
/// loops, at most `slots` at once, each within a time limit.
///
/// A grading that passes the limit is answered with `ServeError.timedOut` and finishes in the
/// background holding its slot, so slow answers cannot pile up more CPU work than `slots`
/// gradings. Answers are bounded before grading (`AnswerLimits`: 20 000 characters, nesting
/// 200), so every grading ends.
final class GradingService: Sendable {
  let problems: [any Problem]
  let runner: Runner
  let evidence: Evidence
  let timeLimit: Double
  let gate: Gate
  /// Figures by (problem, answer key): equal answers draw the same figure (the streams are
  /// seeded), so it is computed once.
  let figures = Locked<[String: AnswerFigure?]>([:])

  init(problems: [any Problem], runner: Runner, evidence: Evidence, timeLimit: Double, slots: Int) {
    (self.problems, self.runner, self.evidence, self.timeLimit) = (
      problems, runner, evidence, timeLimit
    )
    gate = Gate(slots: slots, queueLimit: 1024)
  }

  func problem(_ id: String) -> (any Problem)? { problems.first { $0.id == id } }

  /// Grades `answer` to `problem` (the base problem, or the member of its family whose seed is
  /// `variant`) and draws its figure, within the time limit.
  /// - Throws: `ServeError.timedOut` past the limit, `.busy` when over 1024 gradings wait.
  func grade(
    _ problem: any Problem, variant: UInt64? = nil, answer: String,
    key: @escaping @Sendable (Grade) -> String
  )
    async throws(ServeError) -> GradedPost
  {
    guard await gate.enter() else { throw .busy }
    let outcome = OneShot<GradedPost>()
    let (runner, evidence, figures) = (self.runner, self.evidence, self.figures)
    DispatchQueue.global(qos: .userInitiated).async { [gate] in
      let clock = ContinuousClock()
      let start = clock.now
      let parameters = ParameterValues(specs: problem.parameters)
      let (derivation, grade) = runner.grade(problem, answer: answer, parameters: parameters)
      let groupKey = key(grade)
      // An equation's figure (the trial table of 2 and 4) quotes the student's own text and index
      // letters, so it is shared only by the same text, never across a group of equal meaning.
      var ownText = ""
      if case .equation = grade.answer { ownText = answer }
      let cacheKey =
        problem.id + "\u{0}" + (variant.map(String.init) ?? "") + "\u{0}" + groupKey
        + "\u{0}" + ownText
      let figure: AnswerFigure?
      if let cached = figures.read({ $0[cacheKey] }) {
        figure = cached
      } else {
        figure = AnswerFigure.make(
          problem, grade: grade, derivation: derivation, evidence: evidence,
          runner: runner, text: answer, variant: variant != nil)
        figures.write { $0[cacheKey] = figure }
      }
      outcome.resume(
        GradedPost(
          grade: grade, key: groupKey, figure: figure,
          seconds: (clock.now - start).seconds))
      Task { await gate.leave() }
    }
    let limit = timeLimit
    DispatchQueue.global().asyncAfter(deadline: .now() + limit) { outcome.resume(nil) }
    guard let post = await outcome.value() else { throw .timedOut(seconds: limit) }
    return post
  }
}

/// A value behind a lock.
final class Locked<Value: Sendable>: @unchecked Sendable {
  private var value: Value
  private let lock = NSLock()

  init(_ value: Value) { self.value = value }

  func read<T>(_ body: (Value) -> T) -> T {
    lock.lock()
    defer { lock.unlock() }
    return body(value)
  }

  func write(_ body: (inout Value) -> Void) {
    lock.lock()
    defer { lock.unlock() }
    body(&value)
  }
}

/// A result that arrives once, from whichever comes first (the grading or the time limit).
final class OneShot<T: Sendable>: Sendable {
  private let state = Locked<(result: T??, waiter: CheckedContinuation<T?, Never>?)>((nil, nil))

  /// The first call wins; later calls are ignored.
  func resume(_ value: T?) {
    var waiter: CheckedContinuation<T?, Never>?
    state.write { s in
      guard s.result == nil else { return }
      s.result = .some(value)
      waiter = s.waiter
      s.waiter = nil
    }
    waiter?.resume(returning: value)
  }

  func value() async -> T? {
    await withCheckedContinuation { (c: CheckedContinuation<T?, Never>) in
      var ready: T??
      state.write { s in
        if let r = s.result { ready = .some(r) } else { s.waiter = c }
      }
      if let ready { c.resume(returning: ready) }
    }
  }
}

/// A counting semaphore for async callers: `slots` inside at once, at most `queueLimit` waiting.
actor Gate {
  let slots: Int
  let queueLimit: Int
  var inside = 0
  var waiting: [CheckedContinuation<Void, Never>] = []

  init(slots: Int, queueLimit: Int) { (self.slots, self.queueLimit) = (max(1, slots), queueLimit) }

  /// Enters, waiting for a slot; false (without entering) when the queue is full.
  func enter() async -> Bool {
    if inside < slots {
      inside += 1
      return true
    }
    guard waiting.count < queueLimit else { return false }
    await withCheckedContinuation { waiting.append($0) }
    return true
  }

  func leave() {
    if waiting.isEmpty {
      inside -= 1
    } else {
      waiting.removeFirst().resume()
    }
  }
}
