import Algebra
import Answers
import IndexNotation
import TensorCore
import Verification

extension GradientDecay {
  /// Grades the bottom factor: a power of γ whose exponent is compared exactly, as a polynomial
  /// in L (and ℓ, when the answer gives the factor at every layer). A wrong exponent gets the layer
  /// where that factor holds, with exponents measured by backprop on a small stack. A variant's
  /// `structure` (γ on every m-th block, the factor asked at L_k) sets the stack measured.
  static func grade(
    _ text: String, _ derivation: Derivation,
    structure: DecayStructure = .base
  ) -> Grade {
    guard case .power(_, let bottom) = derivation.answer, let general = perLayer(derivation) else {
      return Grade(.unreadable, feedback: ["psverify's own factor is not a power of γ"])
    }
    let exponent: Polynomial
    var remark: String?
    do throws(AnswerSyntaxError) {
      let parts = try AnswerParser.parse(text)
      guard parts.parts.count == 1, parts.parts[0].conjuncts.count == 1,
        parts.parts[0].conjuncts[0].relations.isEmpty
      else {
        throw AnswerSyntaxError("expected one factor such as γ^(L − 1)", offset: 0, in: text)
      }
      let e = parts.parts[0].conjuncts[0].operands[0]
      if case .power = e {
        exponent = try AnswerReading.power(
          e, bases: bases, shown: "γ", symbols: symbols, text: text)
      } else if case .identifier(let run, nil, _) = e, bases.contains(run) {
        exponent = Polynomial(1)  // γ alone: γ¹
      } else {
        exponent = try AnswerReading.polynomial(e, symbols: symbols, text: text)
        remark = "Read as the exponent of γ."
      }
    } catch {
      return .unreadable(error, in: text, expected: problem.answerFormat)
    }
    let reading = "γ^(\(exponent))"
    let typed = TypedAnswer.power(base: "γ", exponent: exponent)
    let lead = remark.map { [$0] } ?? []
    if exponent.symbols.contains("ℓ") {
      if exponent == general {
        return Grade(
          .correct, reading: reading, answer: typed,
          feedback: lead + [
            structure == .base
              ? "The factor at every layer; at the bottom, ℓ = 0, it is γ^(\(bottom))."
              : "The factor at the layers ℓ = 0, \(structure.every), …; "
                + "at ℓ = \(structure.layer) "
                + "it is γ^(\(bottom))."
          ])
      }
      return Grade(
        .incorrect, reading: reading, answer: typed,
        feedback: lead + [
          "The factor at layer ℓ is γ^(\(general)); γ^(\(exponent)) differs from "
            + "it, e.g. at the bottom (ℓ = 0) it gives γ^(\(exponent.substituting(["ℓ": Polynomial(0)])))."
        ])
    }
    if exponent == bottom {
      return Grade(
        .correct, reading: reading, answer: typed,
        feedback: lead + [
          structure == .base
            ? "L − 1 blocks lie between the input layer L_0 and the top; each multiplies "
              + "the direct path by γ."
            : "\(bottom) scaled blocks lie between L_\(structure.layer) and the top; each "
              + "multiplies the direct path by γ."
        ])
    }
    if let alternative = derivation.alternatives.first(where: {
      if case .power(_, let e) = $0.answer {
        return e == exponent && $0.convention == blocksConvention
      }
      return false
    }) {
      return Grade(
        .correct, reading: reading, answer: typed,
        feedback: lead + ["Right if L counts the blocks."],
        convention: alternative.convention)
    }
    var feedback = lead
    // Which layer has this factor: L − 1 − ℓ = exponent.
    let shift = (general - exponent).coefficients(in: "ℓ")
    if let c = shift[1]?.constantValue, !c.isZero,
      let k = ((Rational(-1) / c) * (shift[0] ?? Polynomial())).constantValue,
      k.isInteger, let layer = k.intValue, layer >= 0
    {
      feedback.append(
        "γ^(\(exponent)) is the factor at L_\(layer) (ℓ = \(layer)), "
          + (layer == 0
            ? "the bottom"
            : layer == 1
              ? "one layer above the bottom"
              : "\(layer) layers above the bottom") + "; "
          + (structure.layer == 0 ? "the input layer L_0" : "L_\(structure.layer)")
          + " gets γ^(\(bottom)).")
    } else if !exponent.symbols.contains("L") {
      feedback.append(
        "The factor must depend on the depth L: each of the L − 1 blocks between the bottom "
          + "and the top multiplies the direct path by γ.")
    } else {
      feedback.append(
        "No layer of the stack has the factor γ^(\(exponent)): the exponents run from "
          + "\(general.substituting(["ℓ": Polynomial(0)])) at L_0 down to 0 at the "
          + "top.")
    }
    let depth = structure.layer + 4 * structure.every + 1  // 5 for the base problem's L_0
    let measured = measureExponents(
      layers: depth, gamma: 0.5.squareRoot(), width: 6, bottleneck: 2,
      random: RandomStream(seed: 1).split("grading"),
      blockGammas: structure == .base
        ? nil
        : structure.blockGammas(
          layers: depth,
          gamma: 0.5.squareRoot()))
    let shown = stride(from: 0, to: depth, by: structure.every).prefix(3).map {
      "L_\($0): \(whole(measured.layers[$0]).map(String.init) ?? "?")"
    }
    let claimed = exponent.evaluate(["L": Rational(depth)]).map(\.description) ?? "?"
    feedback.append(
      "Backprop on a \(depth)-layer stack measures the exponents "
        + "\(shown.joined(separator: ", ")), …; "
        + "the answer gives \(claimed) at "
        + (structure.layer == 0 ? "the bottom." : "L_\(structure.layer)."))
    return Grade(.incorrect, reading: reading, answer: typed, feedback: feedback)
  }
}
