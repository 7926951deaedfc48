import Algebra
import Answers
import IndexNotation
import TensorCore
import Verification

extension ConvMultiplies {
  /// Grades a count: exact symbolic equality with the derived count under `same` borders, or
  /// with the `valid` count (a convention the question leaves open, named when it applies);
  /// otherwise what differs, with a point where both values are shown and the kernel's own count
  /// there. A variant's `structure` (stride, groups, borders) has one count and no `valid`
  /// alternative; its kernel count is the grouped, strided kernel's.
  static func grade(
    _ text: String, _ derivation: Derivation,
    structure: ConvStructure = .base
  ) -> Grade {
    guard case .polynomial(let same) = derivation.answer else {
      return Grade(.unreadable, feedback: ["psverify's own count is not a polynomial"])
    }
    var valid: Polynomial?
    if case .polynomial(let v)? = derivation.alternative("`valid`") { valid = v }
    let answer: Polynomial
    do {
      answer = try PolynomialFeedback.read(text, symbols: symbols)
    } catch {
      return .unreadable(error, in: text, expected: problem.answerFormat)
    }
    let reading = answer.factoredDescription
    if answer == same {
      return Grade(
        .correct, reading: reading, answer: .polynomial(answer),
        feedback: [
          structure == .base
            ? "Equal to B·X·Y·ΔX·ΔY·N_out·N_in exactly: one multiply per output, tap "
              + "and input channel, the border zeros included (stride 1, `same`)."
            : "Equal to \(same.factoredDescription) exactly: one multiply per output, tap "
              + "and input channel of its group (\(structure.summary))."
        ])
    }
    if answer == valid {
      return Grade(
        .correct, reading: reading, answer: .polynomial(answer),
        feedback: ["Equal to the count under `valid` borders exactly."],
        convention: validConvention)
    }
    var feedback: [String] = []
    let threshold =
      Polynomial.symbol("B") * structure.outputExtent("X", "ΔX")
      * structure.outputExtent("Y", "ΔY") * .symbol("N_out")
    if answer - same == threshold {
      feedback.append(
        "The threshold B[n_out] is subtracted, which costs no multiply: drop the term B·X·Y·N_out.")
    }
    let (sentences, point) = PolynomialFeedback.describe(
      answer: answer, expected: same, what: "multiplies",
      point: gradingPoint(structure))
    feedback += sentences
    if let point, let counted = kernelCount(at: point, structure: structure) {
      feedback.append(
        structure == .base
          ? "The conv2d kernel, run there with `same` borders, counts \(counted) multiplies."
          : "The conv2d kernel, run there with \(structure.summary), counts \(counted) multiplies.")
    }
    return Grade(.incorrect, reading: reading, answer: .polynomial(answer), feedback: feedback)
  }

  /// The multiplies the conv2d kernel counts at a point of the sizes (`same` borders), when the
  /// point names every size and is small enough to run at once.
  static func kernelCount(at point: [String: Int], structure: ConvStructure = .base) -> Int? {
    guard let b = point["B"], let x = point["X"], let y = point["Y"], let fx = point["ΔX"],
      let fy = point["ΔY"], let o = point["N_out"], let i = point["N_in"],
      ResourceLimits.saturatingProduct([b, x, y, fx, fy, o, i]) <= 10_000_000
    else { return nil }
    var random = RandomStream(seed: 1).split("grading-point")
    let shape = Shape(
      batch: b, width: x, height: y, inputs: i, outputs: o, filterX: fx,
      filterY: fy)
    guard structure != .base else {
      return countedMultiplies(shape, padding: .same, random: &random)
    }
    let s = structure
    let fitsX = s.padding == .valid ? x >= fx && (x - fx) % s.stride == 0 : x % s.stride == 0
    let fitsY = s.padding == .valid ? y >= fy && (y - fy) % s.stride == 0 : y % s.stride == 0
    let fits = i % s.groups == 0 && o % s.groups == 0 && fitsX && fitsY
    return fits ? countedMultiplies(s, shape, random: &random) : nil
  }

  /// The point where a wrong count is shown: the base problem's, or one the structure allows.
  static func gradingPoint(_ s: ConvStructure) -> [String: Int] {
    guard s != .base else {
      return ["B": 1, "X": 4, "Y": 3, "ΔX": 3, "ΔY": 2, "N_out": 2, "N_in": 3]
    }
    let x = s.padding == .valid ? 3 + 2 * s.stride : 4 * s.stride
    let y = s.padding == .valid ? 2 + 2 * s.stride : 3 * s.stride
    return ["B": 1, "X": x, "Y": y, "ΔX": 3, "ΔY": 2, "N_out": 2 * s.groups, "N_in": 3 * s.groups]
  }
}
