/// The printed solution of a problem, quoted exactly as it stands in the problem set.
public struct PrintedSolution: Sendable {
  /// The text exactly as printed (LaTeX and Markdown included).
  public let quote: String
  /// Where it stands: "problem 3b, solution".
  public let location: String

  public init(quote: String, location: String) {
    self.quote = quote
    self.location = location
  }
}

/// One step of a derivation, in words and optionally as LaTeX.
public struct DerivationStep: Sendable {
  public let text: String
  public let latex: String?

  public init(_ text: String, latex: String? = nil) {
    self.text = text
    self.latex = latex
  }
}

/// psverify's own answer: how it was derived and what it is.
public struct Derivation: Sendable {
  public let steps: [DerivationStep]
  /// The answer as plain text (Unicode).
  public let answer: String
  /// The answer as LaTeX.
  public let answerLatex: String

  public init(steps: [DerivationStep], answer: String, answerLatex: String) {
    self.steps = steps
    self.answer = answer
    self.answerLatex = answerLatex
  }
}

/// The comparison of the printed solution with the verified answer.
public struct Audit: Sendable {
  public let printed: PrintedSolution
  /// The printed answer as psverify read it.
  public let reading: String
  /// Whether the printed answer agrees with the verified one.
  public let agrees: Bool
  public let errata: [Erratum]
  public let notes: [String]

  public init(printed: PrintedSolution, reading: String, agrees: Bool, errata: [Erratum],
              notes: [String] = []) {
    self.printed = printed
    self.reading = reading
    self.agrees = agrees
    self.errata = errata
    self.notes = notes
  }
}

/// A problem of the set: derived, implemented, checked and audited.
///
/// A conforming type never prints; it returns data that the report renders.
public protocol Problem: Sendable {
  /// Stable id (`1`, `2`, `3a`, `3b`, `3c`, `4`); stored in results.db, never renamed.
  var id: String { get }
  var title: String { get }
  /// The question in a sentence or two, in psverify's own words.
  var question: String { get }
  var parameters: [ParameterSpec] { get }
  /// Monte Carlo trials when `--trials` is not given.
  var defaultTrials: Int { get }
  var printed: PrintedSolution { get }

  /// Rejects parameter combinations the machine cannot run (memory, time) before anything runs.
  /// - Throws: `ParameterError.tooLarge` naming the limit.
  func validate(_ parameters: ParameterValues) throws

  /// Derives the answer symbolically.
  func derive(_ parameters: ParameterValues) throws -> Derivation
  /// Compares the printed solution, read as printed, with the derivation.
  func audit(_ derivation: Derivation, _ parameters: ParameterValues) -> Audit
  /// The checks of the answer under test (the derived one unless the parameters name another).
  func checks(_ derivation: Derivation, _ parameters: ParameterValues) -> [Check]
}

extension Problem {
  public func validate(_ parameters: ParameterValues) throws {}
}
