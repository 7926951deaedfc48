import Algebra
import IndexNotation
import ProblemDocument
import Verification

extension ConvMultiplies {
  /// Words that settle how a convolution treats the border (or its stride).
  static let borderWords = [
    "padding", "padded", "border", "boundary", "stride", "valid", "same size",
    "outside the image", "out of range",
  ]

  /// The ambiguity of problem 1 as a finding that could have come out otherwise: the statement
  /// (read from the document) names no border rule or stride, and the counts under the two
  /// evident border rules differ (closed forms that the instrumented checks confirm).
  static func borderAmbiguity(_ derivation: Derivation, _ text: ProblemText) -> [Erratum] {
    let prose = text.statementProse
    guard !borderWords.contains(where: { prose.contains($0) }),
      case .polynomial(let samePolynomial) = derivation.answer,
      case .polynomial(let validPolynomial)? = derivation.alternative("`valid`")
    else { return [] }
    let point: [String: Rational] = [
      "B": 8, "X": 56, "Y": 56, "N_in": 64, "N_out": 64, "ΔX": 3, "ΔY": 3,
    ]
    guard let same = samePolynomial.evaluate(point), let valid = validPolynomial.evaluate(point),
      same != valid
    else {
      return []
    }
    let skip = 8 * 64 * 64 * skipTaps(input: 56, filter: 3) * skipTaps(input: 56, filter: 3)
    return [
      Erratum(
        .ambiguity,
        "the statement counts X and Y in the input layer L but fixes neither the border rule nor the "
          + "stride: the count B·X·Y·ΔX·ΔY·N_out·N_in holds for stride 1 with `same` borders whose zeros "
          + "are multiplied (or with X, Y read as the output's sizes); with `valid` borders, or a kernel "
          + "that skips the border, it is smaller",
        location: "problem 1, statement",
        evidence:
          "at B = 8, 56 × 56, 64 → 64 channels, 3 × 3: same \(same), valid \(valid), skipping the "
          + "border \(skip) multiplies (closed forms confirmed by the instrumented checks)",
        source: "border-conventions")
    ]
  }
}
