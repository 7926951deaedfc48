import IndexNotation
import TensorCore
import Verification

/// Problem 3c: how γ < 1 shrinks the gradient along a residual stack's direct path.
public enum GradientDecay {
  public static let problem = GradientDecayProblem()

  /// The derived exponent of γ at layer ℓ (and for block ℓ's parameters): L − 1 − ℓ.
  static var exponent: Polynomial {
    Polynomial.symbol("L") - Polynomial(1) - Polynomial.symbol("ℓ")
  }

  /// The derived exponent at the bottom (ℓ = 0): L − 1.
  public static var bottomExponent: Polynomial { exponent.substituting(["ℓ": Polynomial(0)]) }
}

public struct GradientDecayProblem: Problem {
  public init() {}

  public let id = "3c"
  public let title = "Gradient decay through γ-scaled residual stacks"
  public let question = """
    With L_{ℓ+1} = γ(L_ℓ + L̂_ℓ) and γ < 1, by what factor does γ shrink the gradient that reaches \
    the bottom of a stack of L layers (counting the input layer) along the direct residual path?
    """
  public let defaultTrials = 8
  public var printed: PrintedSolution { GradientDecay.Printed.solution }

  public var parameters: [ParameterSpec] {
    [
      ParameterSpec("L", "layers of the stack, counting the input layer", domain: .integer(2...200),
                    default: .integer(12)),
      ParameterSpec("gamma", "the residual scale γ (not 1: the exponent is read off as log base γ)",
                    domain: .real(0.05...0.99), default: .real(.approximate(0.5.squareRoot()))),
      ParameterSpec("N", "width N", domain: .integer(2...512), default: .integer(32)),
      ParameterSpec("N_bottle", "bottleneck width", domain: .integer(1...512), default: .integer(8)),
      ParameterSpec("seeds", "random networks for the live-branch measurement",
                    domain: .integer(1...200), default: .integer(8)),
    ]
  }

  public func derive(_ parameters: ParameterValues) throws -> Derivation {
    GradientDecay.derivation()
  }

  public func audit(_ derivation: Derivation, _ parameters: ParameterValues) -> Audit {
    GradientDecay.audit()
  }

  public func checks(_ derivation: Derivation, _ p: ParameterValues) -> [Check] {
    GradientDecay.checks(
      candidateBottom: GradientDecay.bottomExponent,
      setup: .init(layers: p.integer("L"), gamma: p.real("gamma")!.doubleValue,
                   width: p.integer("N"), bottleneck: p.integer("N_bottle"),
                   seeds: p.integer("seeds")))
  }
}

extension GradientDecay {
  public struct Setup: Sendable {
    public var layers: Int
    public var gamma: Double
    public var width: Int
    public var bottleneck: Int
    public var seeds: Int

    public init(layers: Int, gamma: Double, width: Int, bottleneck: Int, seeds: Int) {
      (self.layers, self.gamma, self.width, self.bottleneck, self.seeds) =
        (layers, gamma, width, bottleneck, seeds)
    }
  }

  static func derivation() -> Derivation {
    Derivation(
      steps: [
        DerivationStep(
          "Every block maps L_ℓ to L_{ℓ+1} = γ(L_ℓ + L̂_ℓ), so its Jacobian is γ(I + ∂L̂_ℓ/∂L_ℓ): "
            + "the identity (direct) path through one block carries a factor γ."),
        DerivationStep(
          "Between L_ℓ and the top layer L_{L−1} lie L − 1 − ℓ blocks, so the direct path brings "
            + "∂loss/∂L_ℓ a factor γ^(\(exponent))."),
        DerivationStep(
          "Block ℓ's parameters act through L̂_ℓ, which enters L_{ℓ+1} multiplied by γ, and then pass "
            + "L − 2 − ℓ more blocks: again γ^(\(exponent))."),
        DerivationStep(
          "At the bottom, ℓ = 0: the input layer L_0 and the first block's parameters both get "
            + "γ^(\(bottomExponent)). The factor γ^(L − 2) belongs to L_1 and to the second block."),
      ],
      answer: "γ^(L − 1 − ℓ) at layer ℓ and for block ℓ's parameters; γ^(L − 1) at the bottom",
      answerLatex: #"\gamma^{L-1-\ell},\quad \gamma^{L-1}\text{ at the bottom}"#)
  }

  static func audit() -> Audit {
    var errata: [Erratum] = []
    let reading: String
    var agrees = false
    do {
      let printed = try PolynomialParser.polynomial(Printed.exponent)
      reading = "γ^(\(printed)) at the bottom layer"
      agrees = printed == bottomExponent
      if !agrees {
        // Which layer ℓ has the printed exponent: L − 1 − ℓ = printed.
        let shift = (exponent - printed).substituting(["ℓ": Polynomial(0)]).constantValue
        errata.append(Erratum(
          .disagreement,
          "the printed factor γ^(\(printed)) is not the bottom layer's: the input layer L_0 and the "
            + "first block's parameters get γ^(\(bottomExponent))"
            + (shift.map { " — γ^(\(printed)) is the factor at L_\($0) and for block \($0)'s "
                 + "parameters (blocks counted from 0)" } ?? ""),
          location: Printed.solution.location,
          evidence: "exponents measured by backprop (check direct-path-exponents); L counts the "
            + "input layer, as problem 3a says"))
      }
    } catch {
      reading = "unreadable"
      errata.append(Erratum(.defect, "the printed exponent cannot be read", location: Printed.solution.location))
    }
    return Audit(printed: Printed.solution, reading: reading, agrees: agrees, errata: errata)
  }
}
