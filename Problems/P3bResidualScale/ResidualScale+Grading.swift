import Algebra
import Answers
import Foundation
import IndexNotation
import TensorCore
import Verification

extension ResidualScale {
  /// Pairs behind the Monte Carlo figure quoted for a wrong γ.
  static let gradingPairs = 100_000

  /// Grades γ: exactly when the answer is exact (a surd), within the rounding of its digits when
  /// it is a decimal with at least three significant digits; a wrong γ gets the variance it gives,
  /// exactly and by sampling. A variant's `structure` sets the variance c·γ² a γ gives.
  static func grade(
    _ text: String, _ derivation: Derivation, _ context: inout GradingContext,
    structure: ResidualStructure = .base
  ) -> Grade {
    guard case .scalar(.exact(let gamma)) = derivation.answer,
      let c = (try? solveGamma(structure))?.equation.coefficients(in: "γ")[2]?.constantValue
    else {
      return Grade(.unreadable, feedback: ["psverify's own γ is not exact"])
    }
    // "2γ²", "(5/2)γ²"
    let varianceFactor = (c.description.contains("/") ? "(\(c))" : "\(c)") + "γ²"
    let value: ScalarValue
    let decimals: Int?
    do throws(AnswerSyntaxError) {
      let parts = try AnswerParser.parse(text)
      guard parts.parts.count == 1, parts.parts[0].conjuncts.count == 1,
        parts.parts[0].conjuncts[0].relations.isEmpty
      else {
        throw AnswerSyntaxError("expected one value of γ", offset: 0, in: text)
      }
      let e = parts.parts[0].conjuncts[0].operands[0]
      value = try AnswerReading.scalar(e, text: text)
      decimals = AnswerReading.decimals(e)
    } catch {
      return .unreadable(error, in: text, expected: problem.answerFormat)
    }
    let g = value.doubleValue
    let reading =
      decimals == nil
      ? "γ = \(value)"
      : "γ = \(text.split(separator: "=").last!.trimmingCharacters(in: .whitespaces))"
    if case .exact(let s) = value, decimals == nil {
      if s == gamma {
        return Grade(
          .correct, reading: reading, answer: .scalar(value),
          feedback: ["\(varianceFactor) − 1 = 0 exactly at γ = \(s), and γ > 0."])
      }
      if let alternative = derivation.alternatives.first(where: {
        if case .scalar(.exact(let a)) = $0.answer { return a == s }
        return false
      }) {
        return Grade(
          .correct, reading: reading, answer: .scalar(value),
          feedback: ["\(varianceFactor) − 1 = 0 exactly at γ = \(s)."],
          convention: alternative.convention)
      }
    }
    // A decimal is judged by its rounding, exactly and as the symbolic check judges it: the
    // variance must reach 1 within ±½·10^(−d) of it (γ of either sign; the negative root under
    // the convention that names it), with at least three significant digits so that 0.7 (one
    // digit) is not taken for 1/√2.
    let typed = text.trimmingCharacters(in: .whitespaces)
    if let decimals, case .exact(let s) = value, s.radicand == 1 {
      let j = roundingJudgement(s.coefficient, decimals: decimals, structure: structure)
      if j.crosses {
        guard j.significant >= 3 else {
          return Grade(
            .incorrect, reading: reading, answer: .scalar(value),
            feedback: [
              "Too few digits to tell: \(typed) rounds many values; give γ exactly "
                + "(\(gamma)) or to at least three significant digits."
            ])
        }
        let root =
          s.isPositive
          ? gamma
          : derivation.alternatives.lazy.compactMap { a -> Surd? in
            if case .scalar(.exact(let r)) = a.answer, !r.isPositive { return r }
            return nil
          }.first
        let note =
          "\(typed) is \(root.map { "\($0)" } ?? "a root") = "
          + "\(Value.format(root?.doubleValue ?? g, digits: 10)) rounded to \(decimals) decimals "
          + "(tolerance ±\(String(format: "%g", j.half.doubleValue)), the rounding of the digits given)."
        if s.isPositive {
          return Grade(.correct, reading: reading, answer: .scalar(value), feedback: [note])
        }
        if let other = derivation.alternatives.first(where: {
          if case .scalar(.exact(let r)) = $0.answer { return !r.isPositive }
          return false
        }) {
          return Grade(
            .correct, reading: reading, answer: .scalar(value), feedback: [note],
            convention: other.convention)
        }
      }
    } else if case .approximate = value {
      // A computed value: within 10⁻¹² of a root.
      if abs(g - gamma.doubleValue) <= 1e-12 {
        return Grade(
          .correct, reading: reading, answer: .scalar(value),
          feedback: ["Equal to \(gamma) within 10⁻¹², the rounding of a computed value."])
      }
      if let other = derivation.alternatives.first(where: {
        if case .scalar(let r) = $0.answer { return abs(g - r.doubleValue) <= 1e-12 }
        return false
      }) {
        return Grade(
          .correct, reading: reading, answer: .scalar(value),
          feedback: ["Equal to the negative root within 10⁻¹², the rounding of a computed value."],
          convention: other.convention)
      }
    }
    var feedback: [String] = []
    if abs(g + gamma.doubleValue) <= 1e-12 {
      feedback.append(
        "γ = \(value) solves \(varianceFactor) = 1 but flips the residual stream's sign at every block."
      )
    }
    let variance = c.doubleValue * g * g
    let shown = Self.formatApartFromOne(variance)
    let m = sampleMoments(
      gamma: g, distribution: .gaussian, pairs: gradingPairs, stream: context.random,
      structure: structure)
    feedback.append(
      "γ = \(value) gives Var γ(\(structure.sumText)) = \(varianceFactor) = \(shown), not 1; "
        + "\(gradingPairs) Gaussian pairs measure \(Value.format(m.variance, digits: 4)) ± "
        + "\(Value.format(m.standardErrorOfVariance, digits: 2)).")
    if g > 0, abs(variance - 1) > 1e-9 {
      feedback.append(
        variance < 1
          ? "The variance is multiplied by \(shown) at every "
            + "block: γ is too small."
          : "The variance is multiplied by \(shown) "
            + "at every block: γ is too large.")
    }
    return Grade(.incorrect, reading: reading, answer: .scalar(value), feedback: feedback)
  }

  /// The second root is left unmentioned: a finding when the variance equation has two real roots,
  /// the printed answer names only the positive one, and the solution states no sign condition.
  static func signFinding(_ derivation: Derivation, _ printed: Grade?, _ text: ProblemText)
    -> [Erratum]
  {
    guard let other = derivation.alternatives.first, printed?.verdict == .correct,
      printed?.convention == nil
    else { return [] }
    let states =
      text.solutionFragments.contains { r in
        if case .comparisons(let cs, let symbols) = r.content {
          return symbols.contains("γ")
            && cs.contains { $0.relation == .greater || $0.relation == .greaterOrEqual }
        }
        return false
      } || text.solutionText.lowercased().contains("positive")
    guard !states else { return [] }
    return [
      Erratum(
        .assumption,
        "the printed solution gives one γ without saying that \(other.answer.text) satisfies the variance "
          + "condition too; the choice γ > 0 is unstated",
        location: text.solutionLocation,
        evidence: "2γ² − 1 = 0 has two real roots (derivation)", source: "variance-roots")
    ]
  }
}

extension ResidualScale {
  /// `v` with the fewest significant digits (4 to 15) that do not round it to 1, so a variance
  /// factor of 1.00027 is never printed as "1, not 1".
  static func formatApartFromOne(_ v: Double) -> String {
    for digits in 4...15 {
      let s = Value.format(v, digits: digits)
      if Double(s) != 1 { return s }
    }
    return Value.format(v, digits: 17)
  }
}
