import IndexNotation
import Verification

extension Bottleneck {
  /// The per-example counts of the printed equations, read by the notation engine.
  static func derivedAnswer() throws -> (answer: Answer, perEquation: [Polynomial]) {
    var perEquation: [Polynomial] = []
    for text in Printed.equations {
      var parser = Parser(text)
      perEquation.append(try parser.parseEquation().multiplyCount)
    }
    let n = Polynomial.symbol("N"), layers = Polynomial.symbol("L")
    let square: [String: Polynomial] = ["N_in": n, "N_out": n]
    let perBlock = perEquation.reduce(Polynomial(), +).substituting(square)
    var plainParser = Parser(plainEquation)
    let perLayer = try plainParser.parseEquation().multiplyCount
    // L layers counting the input layer: L − 1 blocks (or matrices).
    let blocks = layers - Polynomial(1)
    let bottleneck = perBlock * blocks, plain = perLayer * blocks
    // plain − bottleneck > 0 with L = M + 1, M > 0 (at least one block), N > 0, N_bottle > 0.
    let m = Polynomial.symbol("M")
    let difference = (plain - bottleneck).substituting(["L": m + Polynomial(1)])
    let condition = try difference.solvePositive(in: "N_bottle", positive: ["N", "M", "N_bottle"])
    return (Answer(bottleneck: bottleneck, plain: plain, condition: condition), perEquation)
  }

  static func derivation() throws -> Derivation {
    let (a, per) = try derivedAnswer()
    return Derivation(
      steps: [
        DerivationStep(
          "The notation engine reads problem 3's three equations as printed and counts, per "
            + "example: \(per[0]) for L̃, \(per[1]) for L̂, \(per[2]) for the residual add."),
        DerivationStep(
          "With N_in = N_out = N a block costs \(a.bottleneck.substituting(["L": Polynomial(2)])) "
            + "multiplies; L layers counting the input layer have L − 1 blocks: "
            + "\(a.bottleneck.factoredDescription)."),
        DerivationStep(
          "The plain MLP \(plainEquation) costs N·N per layer: \(a.plain.factoredDescription). Thresholds are "
            + "subtracted and the residual is added: neither multiplies. A batch of B multiplies "
            + "both counts by B."),
        DerivationStep(
          "Fewer multiplies: \(a.plain) − (\(a.bottleneck)) > 0. With L = M + 1, M ≥ 1, the "
            + "positive factor \(a.condition.dividedFactor) divides out, leaving the linear "
            + "inequality \(a.condition) (strict: at N_bottle = N/2 the counts are equal)."),
        DerivationStep("For L = 1 there are no blocks and both counts are 0, so the condition needs L ≥ 2."),
      ],
      answer: "bottleneck \(a.bottleneck.factoredDescription), plain \(a.plain.factoredDescription) "
        + "per example; fewer when \(a.condition) "
        + "(L ≥ 2)",
      answerLatex: "\(a.bottleneck.latex),\\quad \(a.plain.latex),\\quad N_{\\text{bottle}} < N/2")
  }

  static func audit() -> Audit {
    let derived = try! derivedAnswer().answer
    var errata: [Erratum] = []
    var readings: [String] = []
    var agrees = true
    let pairs = [("bottleneck count", Printed.bottleneckCount, derived.bottleneck),
                 ("plain count", Printed.plainCount, derived.plain)]
    for (what, text, verified) in pairs {
      do {
        let printed = try PolynomialParser.polynomial(text)
        readings.append(printed.factoredDescription)
        let (equal, point) = printed.compare(to: verified)
        if !equal {
          agrees = false
          errata.append(Erratum(.disagreement, "the printed \(what) \(printed) differs from \(verified)",
                                location: Printed.solution.location,
                                evidence: point.map { "they differ at \($0)" }))
        }
      } catch {
        agrees = false
        readings.append("unreadable")
        errata.append(Erratum(.defect, "the printed \(what) cannot be read: \(error.diagnostic.message)",
                              location: Printed.solution.location))
      }
    }
    do {
      let printed = try PolynomialParser.inequality(Printed.condition)
      readings.append(printed.description)
      if printed.symbol != derived.condition.symbol || printed.relation != derived.condition.relation
        || !printed.bound.compare(to: derived.condition.bound).equal {
        agrees = false
        errata.append(Erratum(.disagreement,
                              "the printed condition \(printed) differs from \(derived.condition)",
                              location: Printed.solution.location))
      }
    } catch {
      agrees = false
      errata.append(Erratum(.defect, "the printed condition cannot be read", location: Printed.solution.location))
    }
    errata.append(Erratum(
      .assumption, "the condition N_bottle < N/2 needs L ≥ 2: with L = 1 there are no blocks, both "
        + "counts are 0 and neither network is cheaper; the solution does not say so",
      location: Printed.solution.location, evidence: "(L − 1) divides out only when L − 1 > 0"))
    return Audit(printed: Printed.solution, reading: readings.joined(separator: "; "),
                 agrees: agrees, errata: errata,
                 notes: ["The printed counts are per example; a batch of B multiplies both by B, "
                           + "which leaves the condition unchanged."])
  }
}
