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
            + "with `same` borders it is ⌈X/s⌉."),
        DerivationStep(
          "The notation engine counts the multiplies: \(count), where X, Y, T count the output's "
            + "positions, I = N_in and J = N_out."),
      ],
      answer: eq.description,
      answerLatex: #"L_{\ell+1}[b,x,y,t,j] = \sigma\left(K_{\ell+1}[j,\Delta X,\Delta Y,\Delta T,I]\,"#
        + #"L_\ell[b,sx+\Delta X,sy+\Delta Y,st+\Delta T,I] - B_{\ell+1}[j]\right)"#)
  }

  /// The declared ranks of the tensors in the printed solution.
  static let printedRanks: [TensorName: Int] = [
    TensorName(base: "L", subscript: "ℓ+1"): 5, TensorName(base: "L", subscript: "ℓ"): 5,
    TensorName(base: "K", subscript: "ℓ+1"): 5, TensorName(base: "B"): 1,
  ]

  static func audit() -> Audit {
    var errata: [Erratum] = []
    let reading: String
    var agrees = false
    do {
      let (printed, parseDiagnostics) = try parsed(Printed.equation)
      let diagnostics = parseDiagnostics
        + Checker.check(printed, declarations: TensorDeclarations(ranks: printedRanks))
      reading = printed.description
      for d in diagnostics {
        errata.append(Erratum(.defect, d.message,
                              location: "problem 2, solution, \(d.position)",
                              evidence: d.excerpt))
      }
      agrees = diagnostics.isEmpty
      if printed.lhs.indices.last?.bareVariable?.name == "n_out" && Printed.question.contains("t, j]") {
        errata.append(Erratum(
          .notation, "the question asks for L_{ℓ+1}[b, x, y, t, j] from L_ℓ[B, X, Y, T, I]; the "
            + "solution renames j to n_out and I to N_in", location: "problem 2, solution"))
      }
      if printed.rhsReferences.contains(where: { $0.name == TensorName(base: "B") }) {
        errata.append(Erratum(
          .notation, "the threshold B[n_out] has no layer subscript while the filter is K_{ℓ+1}: "
            + "as written one threshold vector serves every layer; B_{ℓ+1}[j] is meant",
          location: "problem 2, solution"))
      }
    } catch {
      reading = "unreadable: \(error.diagnostic.message)"
      errata.append(Erratum(.defect, "the printed equation cannot be read: \(error.diagnostic.message)",
                            location: "problem 2, solution, \(error.diagnostic.position)",
                            evidence: error.diagnostic.excerpt))
    }
    errata.append(Erratum(
      .assumption, "the solution leaves unstated the range of x, y, t (⌊(X − ΔX)/s⌋ + 1 values "
        + "and likewise: windows start inside the clip, `valid` borders), the range of ΔT, and "
        + "what σ is", location: "problem 2, solution"))
    return Audit(printed: Printed.solution, reading: reading, agrees: agrees, errata: errata,
                 notes: ["With the missing comma restored, the printed equation computes the same "
                           + "values as the conv3d kernel (check printed-equation-repaired)."])
  }
}
