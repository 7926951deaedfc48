import IndexNotation
import TensorCore
import Verification

extension ScalePyramid {
  /// The answer beside psverify's pyramid level on the grader's trials: the layer sides,
  /// channel counts, filter origins and random streams of `compare` (`random` is the grading
  /// stream, as `GradingContext.random`), with the first differing output kept. One comparison
  /// per origin the grader tries, in its order, stopping at the first that agrees everywhere;
  /// empty when the answer cannot be read or lacks a tensor the question names (the grader's
  /// feedback says which). The measure is `compare`'s, |level − yours|, against `bound`.
  /// O(3 trials × outputs × taps).
  public static func comparisons(_ text: String, random: RandomStream) -> [TrialComparison] {
    var parser = Parser(text, parameters: ["p"], aliases: true)
    guard let eq = try? parser.parseEquation(),
      eq.lhs.name == TensorName(base: "L", subscript: "ℓ+1,s"),
      named.allSatisfy({ n in n.0 == eq.lhs.name || eq.rhsReferences.contains { $0.name == n.0 } })
    else { return [] }
    var out: [TrialComparison] = []
    for origin in Origin.allCases {
      let c = comparison(eq, origin, random: random.split(origin.rawValue))
      out.append(c)
      if c.largest <= bound { break }
    }
    return out
  }

  /// `compare`'s trials under one filter origin, recorded output by output.
  static func comparison(_ eq: Equation, _ origin: Origin, random: RandomStream)
    -> TrialComparison
  {
    var result = TrialComparison(
      convention: origin == .centred
        ? "the filter centred (offsets −1, 0, 1)" : "the filter reading offsets 0, 1, 2",
      measure: "|psverify's level − yours|", bound: bound)
    let filter = 3
    let p = 1
    let names = eq.lhs.indices.map(\.description)
    for (trial, (n, inputs, outputs)) in [(1, 1, 2), (2, 3, 2), (4, 2, 3)].enumerated() {
      var r = random.split(trial)
      var net = Network.random(
        levels: 1, colours: inputs, channels: outputs, filter: filter,
        random: r.split("weights"))
      net.scaleDependence = 0
      let fineLayer = Tensor<Float>.normal(shape: [2, 2 * n, 2 * n, inputs], random: &r)
      let coarseLayer = Tensor<Float>.normal(shape: [2, n, n, inputs], random: &r)
      let target = net.level(
        0, fine: fineLayer, coarse: coarseLayer, scale: 0, origin: origin == .centred ? -p : 0)
      let setting =
        "a batch of 2; L_{ℓ,s} of \(2 * n) × \(2 * n) and L_{ℓ,s+1} of \(n) × \(n), "
        + "\(inputs) channel\(inputs == 1 ? "" : "s") in, \(outputs) out; a 3 × 3 filter"
      guard let leftWeights = layout(net.levels[0].left, eq, left),
        let upWeights = layout(net.levels[0].up, eq, up)
      else {
        result.fail("the weights' indices do not name two offsets and two channels")
        continue
      }
      do {
        var evaluator = try Evaluator(
          eq,
          bindings: Bindings(
            tensors: [
              coarse: coarseLayer.doubles, fine: fineLayer.doubles, left: leftWeights.doubles,
              up: upWeights.doubles, threshold: net.levels[0].threshold.doubles,
            ],
            parameters: ["p": p], outputShape: target.shape), policy: .zero)
        result.record(
          setting: setting, indexNames: names, answer: try evaluator.run().0, reference: target
        ) { a, level in abs(level - a) }
      } catch {
        result.fail("on the trial with \(setting): \(error)")
      }
    }
    return result
  }
}
