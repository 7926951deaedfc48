import ProblemDocument
import TensorCore

/// One member of a problem's family: the same question with its own structure and numbers,
/// derived, checked and graded by the problem's code parameterized by that structure.
///
/// The member is itself a `Problem` (same id, so its checks' random streams and stored check
/// ids are the base problem's); its `question` states the variant in psverify's words and its
/// `derive`, `checks` and `grade` follow the structure. Seed 0 is the base problem.
public struct Variant: Sendable {
  /// The base problem's id (`3b`).
  public let problemID: String
  /// The member's seed: 0 for the base problem, any other value for a drawn member.
  public let seed: UInt64
  /// The member as a problem: question, derivation, checks and grader of this structure.
  public let problem: any Problem
  /// The structure, named part by part: `[("branches", "3"), ("branch variance", "1 each")]`.
  public let structure: [(name: String, value: String)]
  /// The structure in one phrase, for feedback and headings: "3 independent branches".
  public let summary: String
  /// The structure's kind ("k-branches", "correlated-branch", "base"): two variants of the same
  /// kind differ only in numbers.
  public let kind: String
  /// Whether the structure differs from the base problem's, not only its numbers.
  public let differsInStructure: Bool

  /// A member from its problem and structure.
  public init(
    problemID: String, seed: UInt64, problem: any Problem,
    structure: [(name: String, value: String)], summary: String, kind: String,
    differsInStructure: Bool
  ) {
    self.problemID = problemID
    self.seed = seed
    self.problem = problem
    self.structure = structure
    self.summary = summary
    self.kind = kind
    self.differsInStructure = differsInStructure
  }

  /// The base problem as the variant of seed 0.
  public static func base(
    _ problem: any Problem, structure: [(name: String, value: String)],
    summary: String
  ) -> Variant {
    Variant(
      problemID: problem.id, seed: 0, problem: problem, structure: structure,
      summary: summary, kind: "base", differsInStructure: false)
  }

  /// The random stream a family draws a member's structure from: depends only on the problem id
  /// and the seed, so the same seed gives the same member on every machine.
  public static func stream(problemID: String, seed: UInt64) -> RandomStream {
    RandomStream(seed: seed).split("variant").split(problemID)
  }
}

/// A problem whose statement generalizes to a family of structures.
public protocol ProblemFamily: Problem {
  /// The member for `seed`; seed 0 is the base problem. Total: every seed gives a member.
  func variant(seed: UInt64) -> Variant
}

/// Why a variant may not be handed out.
public enum VariantError: Error, Equatable, CustomStringConvertible {
  /// The problem declares no family.
  case noFamily(problem: String, families: [String])
  /// The variant's derivation failed or a check failed: it is refused.
  case unverified(problem: String, seed: UInt64, reasons: [String])

  /// A sentence naming the problem and either the problems that have variants or the reasons
  /// the variant is refused.
  public var description: String {
    switch self {
    case .noFamily(let problem, let families):
      "problem \(problem) has no variants yet; problems with variants: "
        + (families.isEmpty ? "none" : families.joined(separator: ", "))
    case .unverified(let problem, let seed, let reasons):
      "variant \(seed) of problem \(problem) is not verified, so it is not handed out: "
        + reasons.joined(separator: "; ")
    }
  }
}

extension ProblemReport {
  /// The reasons a variant's run refuses it: a derivation error, each failed check with its detail.
  public var refusalReasons: [String] {
    var reasons: [String] = []
    if let derivationError { reasons.append("the derivation failed: \(derivationError)") }
    for o in outcomes where o.status == .fail {
      reasons.append("check \(o.id) failed: \(o.measurement.detail)")
    }
    return reasons
  }
}

/// A member of a problem's family other than the base: it has no printed solution, and its
/// grades name the structure the student answered.
public protocol VariantProblem: Problem {}

extension VariantProblem {
  /// A variant has no printed solution, so there is no printed answer to find.
  public func printedAnswer(_ solution: [ReadFragment]) -> (text: String, fragment: MathFragment)? {
    nil
  }
}

extension Grade {
  /// The grade with "This variant: …" appended to a readable answer's feedback.
  public func namingVariant(_ summary: String) -> Grade {
    guard verdict != .unreadable else { return self }
    var named = self
    named.feedback.append("This variant: \(summary).")
    return named
  }
}
