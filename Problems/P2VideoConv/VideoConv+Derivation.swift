import IndexNotation
import Verification

extension VideoConv {
  static func parsed(_ text: String) throws(NotationError) -> (Equation, [Diagnostic]) {
    var parser = Parser(text)
    let eq = try parser.parseEquation()
    return (eq, parser.diagnostics)
  }

  static func derivation() throws -> Derivation {
    let (eq, _) = try parsed(equation)
    let count = eq.multiplyCount
    return Derivation(
      steps: [
        DerivationStep(
          "Output channel j, position (x, y, t): the filter K_{ℓ+1}[j, ΔX, ΔY, ΔT, I] meets the input "
            + "window that starts at (s·x, s·y, s·t); the capital indices ΔX, ΔY, ΔT, I repeat in the "
            + "product and are summed; the threshold is subtracted inside σ."),
        DerivationStep("The equation: \(eq)."),
        DerivationStep(
          "Free indices b, x, y, t, j; summed ΔX, ΔY, ΔT, I. With no offset the window starts "
            + "inside the clip (`valid`): x ranges over ⌊(X − ΔX)/s⌋ + 1 values, and likewise y, t; "
            + "with `same` borders (filter centred, zeros outside) it is ⌈X/s⌉."),
        DerivationStep(
          "The notation engine counts the multiplies: \(count), where X, Y, T count the output's "
            + "positions, I = N_in and J = N_out."),
      ],
      answer: .equation(eq))
  }
}
