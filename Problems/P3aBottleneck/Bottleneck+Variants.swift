import Algebra
import IndexNotation
import TensorCore
import Verification

/// Problem 3a as a family: blocks of 1–3 bottleneck sub-blocks, each with 1–4 parallel
/// branches (never 1 and 1, the base). Counts come from the notation engine's count of the
/// block's equations; the condition from solving plain − bottleneck > 0.
extension BottleneckProblem: ProblemFamily {
  public func variant(seed: UInt64) -> Variant {
    guard seed != 0 else {
      return .base(
        self, structure: [("sub-blocks per block", "1"), ("parallel branches", "1")],
        summary: BottleneckStructure.base.summary)
    }
    var r = Variant.stream(problemID: id, seed: seed)
    var stages = 1
    var paths = 1
    while stages == 1 && paths == 1 {
      stages = 1 + r.nextInt(below: 3)
      paths = 1 + r.nextInt(below: 4)
    }
    let s = BottleneckStructure(stages: stages, paths: paths)
    return Variant(
      problemID: id, seed: seed, problem: BottleneckVariantProblem(s),
      structure: [("sub-blocks per block", "\(stages)"), ("parallel branches", "\(paths)")],
      summary: s.summary,
      kind: [stages > 1 ? "stages" : nil, paths > 1 ? "paths" : nil]
        .compactMap { $0 }.joined(separator: "+"),
      differsInStructure: s != .base)
  }
}

extension Bottleneck {
  /// The counts and the condition of a structure: one branch's two equations counted by the
  /// notation engine, times the branches and sub-blocks, plus the residual sum's count.
  static func derivedAnswer(_ s: BottleneckStructure) throws
    -> (answer: Answer, perBranch: Polynomial, residual: Polynomial)
  {
    var perBranch = Polynomial()
    for text in blockEquations.prefix(2) {
      var parser = Parser(text)
      perBranch = perBranch + (try parser.parseEquation().multiplyCount)
    }
    var residualParser = Parser(s.residualEquation)
    let residual = try residualParser.parseEquation().multiplyCount
    let n = Polynomial.symbol("N")
    let layers = Polynomial.symbol("L")
    let perBlock =
      (Polynomial(Rational(s.stages))
      * (Polynomial(Rational(s.paths)) * perBranch + residual)).substituting([
        "N_in": n, "N_out": n,
      ])
    var plainParser = Parser(plainEquation)
    let perLayer = try plainParser.parseEquation().multiplyCount
    let blocks = layers - Polynomial(1)
    let bottleneck = perBlock * blocks
    let plain = perLayer * blocks
    let m = Polynomial.symbol("M")
    let difference = (plain - bottleneck).substituting(["L": m + Polynomial(1)])
    let condition = try difference.solvePositive(in: "N_bottle", positive: ["N", "M", "N_bottle"])
    let layerCondition = LinearInequality(
      symbol: "L", relation: .greaterOrEqual, bound: Polynomial(2))
    let answer = Answer(
      bottleneck: bottleneck, plain: plain,
      condition: [
        LinearInequality(
          symbol: condition.symbol, relation: condition.relation,
          bound: condition.bound), layerCondition,
      ])
    return (answer, perBranch.substituting(["N_in": n, "N_out": n]), residual)
  }

  static func derivation(_ s: BottleneckStructure) throws -> Derivation {
    let (a, perBranch, residual) = try derivedAnswer(s)
    let main = a.condition[0]
    return Derivation(
      steps: [
        DerivationStep(
          "One branch is two equations (\(blockEquations.prefix(2).joined(separator: "; "))); "
            + "the notation engine counts \(perBranch) multiplies per example for them "
            + "(N_in = N_out = N)."
        ),
        DerivationStep(
          "A sub-block sums its \(s.paths) branch\(s.paths == 1 ? "" : "es") into the stream "
            + "(\(s.residualEquation)): \(residual) multiplies, additions only."),
        DerivationStep(
          "A block has \(s.stages) sub-block\(s.stages == 1 ? "" : "s"), and L layers "
            + "counting the input layer have L − 1 blocks: \(a.bottleneck.factoredDescription)."),
        DerivationStep("The plain MLP \(plainEquation) costs \(a.plain.factoredDescription)."),
        DerivationStep(
          "Fewer multiplies: \(a.plain) − (\(a.bottleneck)) > 0; with L = M + 1, M ≥ 1, "
            + "the positive factor divides out: \(main) (strict: equal counts at the bound), "
            + "and L ≥ 2."
        ),
      ],
      answer: a.typed,
      summary:
        "bottleneck \(a.bottleneck.factoredDescription), plain \(a.plain.factoredDescription) "
        + "per example; fewer when \(main) (L ≥ 2)")
  }

  /// Multiplies counted in forward passes of a structure's network and of the plain MLP; the
  /// base structure runs the base problem's own networks.
  static func counted(
    _ c: Configuration, structure s: BottleneckStructure, random: RandomStream,
    zeroWeights: Bool = false
  ) -> (bottleneck: Int, plain: Int) {
    guard s != .base else { return counted(c, random: random, zeroWeights: zeroWeights) }
    let net = BranchedBottleneckMLP(
      width: c.width, bottleneck: c.bottleneck, layers: c.layers,
      structure: s, random: zeroWeights ? nil : random.split("bottleneck"))
    var r = random.split("input")
    let input = Tensor<Float>.normal(shape: [c.batch, c.width], random: &r)
    let counter = MultiplyCounter()
    _ = net.forward(input, counter: counter)
    let plain =
      zeroWeights
      ? countedPlain(width: c.width, layers: c.layers) * c.batch
      : counted(c, random: random, zeroWeights: false).plain
    return (counter.value, plain)
  }
}
