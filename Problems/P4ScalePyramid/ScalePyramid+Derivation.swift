import IndexNotation
import Verification

extension ScalePyramid {
  static func derivation(filter: Int) throws -> Derivation {
    let text = equation(p: (filter - 1) / 2)
    var parser = Parser(text, parameters: [])
    let eq = try parser.parseEquation()
    var zero = Parser(equation(p: 0), parameters: [])
    let uncentred = try zero.parseEquation()
    return Derivation(
      steps: [
        DerivationStep(
          "Sizes: I_s has side 2^(k−s); L_{ℓ,s} has side 2^(k−ℓ−s), so L_{ℓ,s+1} is as large as the "
            + "new layer L_{ℓ+1,s} (offsets x + ΔX) and L_{ℓ,s} twice as large (offsets 2x + ΔX)."),
        DerivationStep(
          "Capital indices ΔX, ΔY, I repeat in each product and are summed by the convention; the "
            + "threshold is subtracted inside σ; W_{ℓ+1,←}, W_{ℓ+1,↑}, B_{ℓ+1} carry no s."),
        DerivationStep(
          "Boundary rule: offsets ΔX, ΔY ∈ 0…F−1 centred by p = ⌊(F − 1)/2⌋ = \((filter - 1) / 2), "
            + "zeros read outside a layer (F = \(filter) here, --param F=… selects it)."),
        DerivationStep("The equation: \(eq)."),
        DerivationStep(
          "Scale equivariance: the pyramid of the downsampled image I_1 is I_1, I_2, …, so with "
            + "weights shared across s the network on I_1 computes L_{ℓ,s+1} at its scale s — "
            + "the same operations on the same numbers."),
        DerivationStep(
          "Multiplies per layer, from the notation engine: \(eq.multiplyCount), with "
            + "X, Y the new layer's side; the pyramid costs one multiply (¼) per pixel."),
      ],
      answer: .equation(eq),
      alternatives: [Derivation.Alternative(uncentredConvention, .equation(uncentred))])
  }

  static let uncentredConvention =
    "offsets ΔX, ΔY from 0 to F − 1 read from x (the filter not centred), "
    + "zeros read outside a layer"
}
