import Algebra
import Foundation
import IndexNotation
import TensorCore
import Verification

/// Problem 3c as a family: γ on every m-th block (m ∈ {1, 2, 3, 4}) and the factor asked at
/// L_k (k ∈ {0, m, 2m}), never m = 1 with k = 0 (the base). The exponent comes from solving the
/// recurrence e(ℓ) = e(ℓ + m) + 1 with e(L − 1) = 0, then ℓ = k.
extension GradientDecayProblem: ProblemFamily {
  public func variant(seed: UInt64) -> Variant {
    guard seed != 0 else {
      return .base(
        self, structure: [("scaled blocks", "every block"), ("layer asked", "L_0")],
        summary: DecayStructure.base.summary)
    }
    var r = Variant.stream(problemID: id, seed: seed)
    var every = 1
    var layer = 0
    while every == 1 && layer == 0 {
      // Three in four members change the stack itself; the rest ask about another layer.
      every = r.nextInt(below: 4) == 0 ? 1 : 2 + r.nextInt(below: 3)
      layer = every * r.nextInt(below: 3)
    }
    let s = DecayStructure(every: every, layer: layer)
    return Variant(
      problemID: id, seed: seed, problem: GradientDecayVariantProblem(s),
      structure: [
        ("scaled blocks", every == 1 ? "every block" : "every \(s.ordinal(every))"),
        ("layer asked", "L_\(layer)"),
      ],
      summary: s.summary, kind: every == 1 ? "layer-asked" : "every-m-th-block",
      differsInStructure: every != 1)
  }
}

extension GradientDecay {
  static func derivation(_ s: DecayStructure) throws -> Derivation {
    let (exponent, _) = try solveExponent(every: s.every)
    let asked = exponent.substituting(["ℓ": Polynomial(Rational(s.layer))])
    return Derivation(
      steps: [
        DerivationStep(
          "A scaled block maps L_ℓ to γ(L_ℓ + L̂_ℓ): its Jacobian γ(I + ∂L̂_ℓ/∂L_ℓ) carries γ "
            + "on the "
            + "direct path; a plain block L_ℓ + L̂_ℓ carries 1."
            + (s.every == 1
              ? ""
              : " Between L_ℓ and L_{ℓ+\(s.every)} (ℓ a multiple of \(s.every)) "
                + "lie \(s.every) blocks, exactly one of them scaled.")),
        DerivationStep(
          "So e(ℓ) = e(ℓ + \(s.every)) + 1 with e(L − 1) = 0 at the top; the ansatz e(ℓ) = a + b·ℓ "
            + "gives e(ℓ) = \(exponent)"
            + (s.every == 1 ? "." : " for ℓ = 0, \(s.every), \(2 * s.every), …")),
        DerivationStep(
          "At L_\(s.layer) the factor is γ^(\(asked)).",
          latex: "\\gamma^{\(asked.latex)}"),
      ],
      answer: .power(base: "γ", exponent: asked),
      summary: "γ^(\(asked)) at L_\(s.layer) (\(s.summary))",
      alternatives: [
        Derivation.Alternative(
          "per layer: the factor at L_ℓ", .power(base: "γ", exponent: exponent))
      ])
  }

  /// A variant's checks: backprop through a stack with each block's own γ against finite
  /// differences; the exponents read off backprop at the layers ℓ = 0, m, 2m, … against e(ℓ);
  /// the answer's exponent at L_k against the measured one, over several depths.
  public static func variantChecks(
    candidate: Polynomial, perLayer: Polynomial,
    structure s: DecayStructure, setup: Setup
  ) -> [Check] {
    [
      finiteDifferenceCheck(
        setup, backwardGamma: nil,
        blockGammas: s.blockGammas(layers: 4, gamma: setup.gamma)),
      variantExponentsCheck(perLayer, s, setup),
      askedLayerCheck(candidate, s, setup),
    ]
  }

  static func variantExponentsCheck(
    _ exponent: Polynomial, _ s: DecayStructure,
    _ setup: Setup
  ) -> Check {
    Check(
      id: "direct-path-exponents", kind: .instrumented,
      summary: "log_γ of the gradient ratio (γ vs γ = 1, same weights) at L_0, L_\(s.every), "
        + "L_\(2 * s.every), … equals e(ℓ) = \(exponent), branches cut, \(s.summary)",
      params: [
        ("gamma", .real(setup.gamma)), ("every", .integer(s.every)),
        ("L", .text(s.depths(setup.layers).map(String.init).joined(separator: ", "))),
      ]
    ) { context in
      var mismatches: [String] = []
      var readings = 0
      for layers in s.depths(setup.layers) {
        let e = measureExponents(
          layers: layers, gamma: setup.gamma, width: setup.width,
          bottleneck: setup.bottleneck, random: context.random.split(layers),
          blockGammas: s.blockGammas(layers: layers, gamma: setup.gamma))
        for l in stride(from: 0, to: layers, by: s.every) {
          readings += 1
          let expected = exponent.evaluate(["L": Rational(layers), "ℓ": Rational(l)])
          if whole(e.layers[l]).map(Rational.init) != expected {
            mismatches.append(
              "L=\(layers) layer \(l): \(Value.format(e.layers[l])) vs "
                + (expected?.description ?? "none"))
          }
        }
      }
      return Measurement(
        status: mismatches.isEmpty ? .pass : .fail, expected: .integer(readings),
        measured: .integer(readings - mismatches.count),
        tolerance: Tolerance(.exact, reason: "whole exponents; read to within 1e-9 of rounding"),
        detail: "\(readings - mismatches.count) of \(readings) exponents agree over L ∈ "
          + "{\(s.depths(setup.layers).map(String.init).joined(separator: ", "))}"
          + (mismatches.isEmpty
            ? "" : "; mismatches: " + mismatches.prefix(3).joined(separator: "; ")))
    }
  }

  static func askedLayerCheck(_ candidate: Polynomial, _ s: DecayStructure, _ setup: Setup) -> Check
  {
    Check(
      id: "asked-layer-exponent", kind: .instrumented,
      summary: "the exponent under test, γ^(\(candidate)), at L_\(s.layer) against backprop",
      params: [("exponent", .text(candidate.description)), ("layer", .integer(s.layer))]
    ) { context in
      var first: String?
      var count = 0
      for layers in s.depths(setup.layers) {
        let e = measureExponents(
          layers: layers, gamma: setup.gamma, width: setup.width,
          bottleneck: setup.bottleneck, random: context.random.split(layers),
          blockGammas: s.blockGammas(layers: layers, gamma: setup.gamma))
        let claimed = candidate.evaluate(["L": Rational(layers)])
        let measured = whole(e.layers[s.layer])
        count += 1
        if claimed != measured.map(Rational.init), first == nil {
          first =
            "L=\(layers): claimed \(claimed.map(\.description) ?? "?"), measured "
            + "\(measured.map(String.init) ?? Value.format(e.layers[s.layer])) at L_\(s.layer)"
        }
      }
      return Measurement(
        status: first == nil ? .pass : .fail, expected: .text("γ^(\(candidate))"),
        measured: .text(first == nil ? "agrees at \(count) depths" : "disagrees"),
        tolerance: .exact,
        detail: first.map { "first disagreement \($0)" }
          ?? "γ^(\(candidate)) matches the measured exponent at L_\(s.layer) for \(count) depths")
    }
  }
}
