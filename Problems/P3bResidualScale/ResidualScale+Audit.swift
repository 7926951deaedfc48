import IndexNotation
import Verification

extension ResidualScale {
  /// Reads the printed answer as printed and compares it exactly with the derived γ.
  static func audit() -> Audit {
    var errata: [Erratum] = []
    let reading: String
    let agrees: Bool
    do {
      let value = try ScalarExpression.evaluate(Printed.answer)
      reading = "γ = \(value)"
      if case .exact(let s) = value {
        agrees = s == derivedGamma
      } else {
        agrees = false
      }
      if !agrees {
        errata.append(Erratum(
          .disagreement, "the printed γ = \(value) differs from the verified γ = \(derivedGamma)",
          location: Printed.solution.location,
          evidence: "2γ² − 1 = \(Value.format(2 * value.doubleValue * value.doubleValue - 1)) at the printed value"))
      }
    } catch {
      reading = "unreadable: \(error)"
      agrees = false
      errata.append(Erratum(.defect, "the printed answer \(Printed.answer) cannot be read: \(error)",
                            location: Printed.solution.location))
    }
    if Printed.questionSentence.contains("h[\\ell+1,j]") {
      errata.append(Erratum(
        .notation,
        "the question asks about h[ℓ+1, j], a name problem 3 never defines; the layer being "
          + "defined is L_{ℓ+1}[n]",
        location: "problem 3b, statement",
        evidence: "quoted: \"gives that  $h[\\ell+1,j]$  has zero mean and unit variance\""))
    }
    if Printed.questionSentence.contains("$\\hat{L}[n]$") {
      errata.append(Erratum(
        .notation, "L̂[n] is written without its layer subscript; the premise is about L̂_ℓ[n]",
        location: "problem 3b, statement"))
    }
    errata.append(Erratum(
      .assumption,
      "the printed solution gives γ = 1/√2 without saying that γ = −1/√2 satisfies the variance "
        + "condition too; the choice γ > 0 is unstated",
      location: Printed.solution.location,
      evidence: "2γ² − 1 = 0 has the roots ±1/√2"))
    return Audit(printed: Printed.solution, reading: reading, agrees: agrees, errata: errata)
  }
}
