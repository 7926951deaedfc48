import IndexNotation
import Verification

extension ScalePyramid {
  static func derivation(filter: Int) throws -> Derivation {
    let text = equation(p: (filter - 1) / 2)
    var parser = Parser(text, parameters: [])
    let eq = try parser.parseEquation()
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
        DerivationStep("Multiplies per layer, from the notation engine: \(eq.multiplyCount), with "
                         + "X, Y the new layer's side; the pyramid costs one multiply (¼) per pixel."),
      ],
      answer: eq.description,
      answerLatex: #"L_{\ell+1,s}[b,x,y,j] = \sigma\big(W_{\ell+1,\leftarrow}[\Delta X,\Delta Y,I,j]\,"#
        + #"L_{\ell,s+1}[b,x+\Delta X-p,y+\Delta Y-p,I] + W_{\ell+1,\uparrow}[\Delta X,\Delta Y,I,j]\,"#
        + #"L_{\ell,s}[b,2x+\Delta X-p,2y+\Delta Y-p,I] - B_{\ell+1}[j]\big)"#)
  }

  static let printedRanks: [TensorName: Int] = [
    TensorName(base: "L", subscript: "ℓ+1,s"): 4, TensorName(base: "L", subscript: "ℓ,s+1"): 4,
    TensorName(base: "L", subscript: "ℓ,s"): 4, TensorName(base: "W", subscript: "ℓ+1,←"): 4,
    TensorName(base: "W", subscript: "ℓ+1,↑"): 4, TensorName(base: "B", subscript: "ℓ+1"): 1,
  ]

  static func audit() -> Audit {
    var errata: [Erratum] = []
    var reading = ""
    do {
      var parser = Parser(Printed.equation, parameters: [])
      let eq = try parser.parseEquation()
      reading = eq.description
      for d in parser.diagnostics + Checker.check(eq, declarations: TensorDeclarations(ranks: printedRanks)) {
        errata.append(Erratum(.defect, d.message, location: "problem 4, solution, \(d.position)",
                              evidence: d.excerpt))
      }
    } catch {
      reading = "unreadable: \(error.diagnostic.message)"
      errata.append(Erratum(.defect, "the printed equation cannot be read: \(error.diagnostic.message)",
                            location: "problem 4, solution, \(error.diagnostic.position)",
                            evidence: error.diagnostic.excerpt))
    }
    do {
      var parser = Parser(Printed.pyramid, parameters: [])
      let eq = try parser.parseEquation()
      for d in parser.diagnostics + Checker.check(eq) {
        errata.append(Erratum(.defect, d.message, location: "problem 4, pyramid, \(d.position)"))
      }
    } catch {
      errata.append(Erratum(.defect, "the pyramid equation cannot be read", location: "problem 4, pyramid"))
    }
    errata.append(Erratum(
      .assumption, "the ranges of the offsets Δx, Δy are never given, nor what is read outside a "
        + "layer (x + Δx past the edge); psverify centres F × F offsets and reads zeros there",
      location: "problem 4, solution"))
    errata.append(Erratum(
      .notation, "the pyramid is written I_s[x,y,c], I_s[b,x,y,c] and I_s[b,x,y,i] in the statement: "
        + "one tensor, three index lists", location: "problem 4, statement",
      evidence: Printed.pyramidSpellings.joined(separator: ", ")))
    return Audit(printed: Printed.solution, reading: reading, agrees: false, errata: errata,
                 notes: ["The solution's remark is kept: " + Printed.remark])
  }
}
