import IndexNotation
import Verification

extension ConvMultiplies {
  static func audit() -> Audit {
    let counts = try! counts()
    var errata: [Erratum] = []
    let reading: String
    var agrees = false
    do {
      let printed = try PolynomialParser.polynomial(Printed.answer)
      reading = printed.description
      let (equal, counterexample) = printed.compare(to: counts.same)
      agrees = equal
      if !equal {
        errata.append(Erratum(.disagreement,
                              "the printed count \(printed) differs from the verified \(counts.same)",
                              location: Printed.solution.location,
                              evidence: counterexample.map { "they differ at \($0)" }))
      }
    } catch {
      reading = "unreadable: \(error.diagnostic.message)"
      errata.append(Erratum(.defect, "the printed count cannot be read: \(error.diagnostic.message)",
                            location: Printed.solution.location))
    }
    // The figures behind the ambiguity, at a common shape (8 × 56 × 56, 64 → 64, 3 × 3).
    let point: [String: Rational] = ["B": 8, "X": 56, "Y": 56, "N_in": 64, "N_out": 64,
                                     "ΔX": 3, "ΔY": 3]
    let same = counts.same.evaluate(point)!, valid = counts.valid.evaluate(point)!
    let skip = 8 * 64 * 64 * skipTaps(input: 56, filter: 3) * skipTaps(input: 56, filter: 3)
    if Printed.definition.contains("b, x, y") && Printed.layer.contains("L[b, x, y") {
      errata.append(Erratum(
        .ambiguity,
        "X and Y are defined as the numbers of values of x and y in the input layer L, and the "
          + "statement fixes neither padding nor stride: the printed count is right for stride 1 "
          + "with `same` padding whose border zeros are multiplied (or if X, Y are read as the "
          + "output's sizes), and too large for `valid` padding or for a kernel that skips the border",
        location: "problem 1, statement",
        evidence: "at B = 8, 56 × 56, 64 → 64 channels, 3 × 3: same \(same), valid \(valid), "
          + "skipping the border \(skip) multiplies, from the closed forms that the instrumented "
          + "checks confirm on real tensors"))
    }
    return Audit(printed: Printed.solution, reading: reading, agrees: agrees, errata: errata)
  }
}
