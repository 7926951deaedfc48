import Algebra
import IndexNotation
import Verification

extension Bottleneck {
  /// The counts and the condition, derived from psverify's equations by the notation engine.
  static func derivedAnswer() throws -> (answer: Answer, perEquation: [Polynomial]) {
    var perEquation: [Polynomial] = []
    for text in blockEquations {
      var parser = Parser(text)
      perEquation.append(try parser.parseEquation().multiplyCount)
    }
    let n = Polynomial.symbol("N")
    let layers = Polynomial.symbol("L")
    let square: [String: Polynomial] = ["N_in": n, "N_out": n]
    let perBlock = perEquation.reduce(Polynomial(), +).substituting(square)
    var plainParser = Parser(plainEquation)
    let perLayer = try plainParser.parseEquation().multiplyCount
    // L layers counting the input layer: L − 1 blocks (or matrices).
    let blocks = layers - Polynomial(1)
    let bottleneck = perBlock * blocks
    let plain = perLayer * blocks
    // plain − bottleneck > 0 with L = M + 1, M > 0 (at least one block), N > 0, N_bottle > 0.
    let m = Polynomial.symbol("M")
    let difference = (plain - bottleneck).substituting(["L": m + Polynomial(1)])
    let condition = try difference.solvePositive(in: "N_bottle", positive: ["N", "M", "N_bottle"])
    // Dividing by the positive factor M = L − 1 needs L ≥ 2: part of the condition.
    let layerCondition = LinearInequality(
      symbol: "L", relation: .greaterOrEqual, bound: Polynomial(2))
    let answer = Answer(
      bottleneck: bottleneck, plain: plain,
      condition: [
        LinearInequality(
          symbol: condition.symbol, relation: condition.relation,
          bound: condition.bound), layerCondition,
      ])
    return (answer, perEquation)
  }

  static func derivation() throws -> Derivation {
    let (a, per) = try derivedAnswer()
    let main = a.condition[0]
    return Derivation(
      steps: [
        DerivationStep(
          "The notation engine reads the block's three equations (\(blockEquations.joined(separator: "; "))) "
            + "and counts, per example: \(per[0]) for L̃, \(per[1]) for L̂, \(per[2]) for the residual add."
        ),
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
            + "positive factor M·N divides out, leaving the linear inequality \(main) (strict: at "
            + "N_bottle = N/2 the counts are equal)."),
        DerivationStep(
          "For L = 1 there are no blocks and both counts are 0, so the condition needs L ≥ 2."),
      ],
      answer: a.typed,
      summary:
        "bottleneck \(a.bottleneck.factoredDescription), plain \(a.plain.factoredDescription) "
        + "per example; fewer when \(main) (L ≥ 2)")
  }
}
