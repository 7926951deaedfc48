import Algebra
import IndexNotation
import TensorCore
import Verification

extension ConvMultiplies {
  /// The count under each border convention, in the input sizes X, Y.
  struct Counts: Sendable {
    /// From the notation engine, in the output sizes (X, Y of the output).
    var fromEquation: Polynomial
    /// `same`, zeros multiplied: output X × Y, so the same polynomial in the input sizes.
    var same: Polynomial
    /// `valid`: the output is (X − ΔX + 1) × (Y − ΔY + 1).
    var valid: Polynomial
  }

  /// The counts, from the convolution equation read by the notation engine.
  static func counts() throws -> Counts {
    var parser = Parser(equation)
    let count = try parser.parseEquation().multiplyCount
    let x = Polynomial.symbol("X")
    let y = Polynomial.symbol("Y")
    let dx = Polynomial.symbol("ΔX")
    let dy = Polynomial.symbol("ΔY")
    let valid = count.substituting(["X": x - dx + Polynomial(1), "Y": y - dy + Polynomial(1)])
    return Counts(fromEquation: count, same: count, valid: valid)
  }

  static let validConvention =
    "`valid` borders: only windows that fit inside the X × Y image are "
    + "computed, (X − ΔX + 1)·(Y − ΔY + 1) outputs per image and channel"

  /// Σ over output positions of the taps inside the image, along one axis, for `skip`:
  /// C = Σ_{d = −p}^{k−1−p} max(0, n − |d|), p = ⌊(k − 1)/2⌋ — the number of (output, input)
  /// pairs at offset d. For odd k ≤ 2n − 1 this is k·n − (k² − 1)/4.
  public static func skipTaps(input n: Int, filter k: Int) -> Int {
    let p = (k - 1) / 2
    var total = 0
    for d in -p...(k - 1 - p) { total += max(0, n - abs(d)) }
    return total
  }

  static func derivation() throws -> Derivation {
    let c = try counts()
    return Derivation(
      steps: [
        DerivationStep("In the course's notation, with stride 1 and no activation: \(equation)."),
        DerivationStep(
          "The notation engine counts one multiply per factor pair for every value of the free "
            + "indices (b, x, y, n_out) and of the summed ones (ΔX, ΔY, N_in): \(c.fromEquation), "
            + "with X and Y the output's sizes."),
        DerivationStep("Subtracting the threshold B[n_out] is an addition: it costs no multiply."),
        DerivationStep(
          "With `same` padding (zeros outside the image, multiplied like any tap) the output is "
            + "X × Y, so in the input's sizes the count is \(c.same)."),
        DerivationStep(
          "With `valid` padding the output is (X − ΔX + 1) × (Y − ΔY + 1): "
            + "B·N_in·N_out·ΔX·ΔY·(X − ΔX + 1)·(Y − ΔY + 1) for ΔX ≤ X and ΔY ≤ Y, else 0."),
        DerivationStep(
          "A kernel that skips taps outside the image multiplies B·N_out·N_in·C_X·C_Y, with "
            + "C_X = Σ_{d=−p}^{ΔX−1−p} max(0, X − |d|), p = ⌊(ΔX − 1)/2⌋; for odd ΔX ≤ 2X − 1, "
            + "C_X = ΔX·X − (ΔX² − 1)/4."),
      ],
      answer: .polynomial(c.same),
      summary: "\(c.same) multiplies (stride 1, `same` padding with the border zeros multiplied)",
      alternatives: [Derivation.Alternative(validConvention, .polynomial(c.valid))])
  }
}
