import IndexNotation
import TensorCore
import Verification

extension ConvMultiplies {
  /// Grades a count: exact symbolic equality with the derived count under `same` borders, or
  /// with the `valid` count (a convention the question leaves open, named when it applies);
  /// otherwise what differs, with a point where both values are shown and the kernel's own count
  /// there.
  static func grade(_ text: String, _ derivation: Derivation) -> Grade {
    guard case .polynomial(let same) = derivation.answer,
          case .polynomial(let valid)? = derivation.alternative("`valid`") else {
      return Grade(.unreadable, feedback: ["psverify's own count is not a polynomial"])
    }
    let answer: Polynomial
    do {
      answer = try PolynomialFeedback.read(text, symbols: symbols)
    } catch {
      return .unreadable(error, in: text, expected: problem.answerFormat)
    }
    let reading = answer.factoredDescription
    if answer == same {
      return Grade(.correct, reading: reading, answer: .polynomial(answer),
                   feedback: ["Equal to B·X·Y·ΔX·ΔY·N_out·N_in exactly: one multiply per output, tap "
                                + "and input channel, the border zeros included (stride 1, `same`)."])
    }
    if answer == valid {
      return Grade(.correct, reading: reading, answer: .polynomial(answer),
                   feedback: ["Equal to the count under `valid` borders exactly."],
                   convention: validConvention)
    }
    var feedback: [String] = []
    let threshold = Polynomial.symbol("B") * .symbol("X") * .symbol("Y") * .symbol("N_out")
    if answer - same == threshold {
      feedback.append("The threshold B[n_out] is subtracted, which costs no multiply: drop the term B·X·Y·N_out.")
    }
    let (sentences, point) = PolynomialFeedback.describe(answer: answer, expected: same, what: "multiplies",
                                                         point: ["B": 1, "X": 4, "Y": 3, "ΔX": 3, "ΔY": 2,
                                                                 "N_out": 2, "N_in": 3])
    feedback += sentences
    if let point, let counted = kernelCount(at: point) {
      feedback.append("The conv2d kernel, run there with `same` borders, counts \(counted) multiplies.")
    }
    return Grade(.incorrect, reading: reading, answer: .polynomial(answer), feedback: feedback)
  }

  /// The multiplies the conv2d kernel counts at a point of the sizes (`same` borders), when the
  /// point names every size and is small enough to run at once.
  static func kernelCount(at point: [String: Int]) -> Int? {
    guard let b = point["B"], let x = point["X"], let y = point["Y"], let fx = point["ΔX"],
          let fy = point["ΔY"], let o = point["N_out"], let i = point["N_in"],
          ResourceLimits.saturatingProduct([b, x, y, fx, fy, o, i]) <= 10_000_000 else { return nil }
    var random = RandomStream(seed: 1).split("grading-point")
    return countedMultiplies(Shape(batch: b, width: x, height: y, inputs: i, outputs: o, filterX: fx,
                                   filterY: fy), padding: .same, random: &random)
  }
}
