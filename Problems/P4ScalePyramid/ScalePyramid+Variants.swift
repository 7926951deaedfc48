import Foundation
import IndexNotation
import TensorCore
import Verification

/// Problem 4 as a family: a pyramid factor r ∈ {2, 3}, a centred filter side F ∈ {1, 3, 5} and
/// the recurrence between scales (two scales as printed, or the finer scale only). Each member's
/// equation is composed from its structure and checked against the network run with it.
extension ScalePyramidProblem: ProblemFamily {
  public func variant(seed: UInt64) -> Variant {
    guard seed != 0 else {
      return .base(
        self, structure: [("factor", "2"), ("filter", "3 × 3"), ("recurrence", "two-scales")],
        summary: "pyramid factor 2, 3 × 3 filters, each unit reading L_{ℓ,s+1} and L_{ℓ,s}")
    }
    var r = Variant.stream(problemID: id, seed: seed)
    let factor = 2 + r.nextInt(below: 2)
    let filter = [1, 3, 5][r.nextInt(below: 3)]
    let recurrence = PyramidStructure.Recurrence.allCases[r.nextInt(below: 2)]
    let s = PyramidStructure(factor: factor, filter: filter, recurrence: recurrence)
    return Variant(
      problemID: id, seed: seed, problem: ScalePyramidVariantProblem(s),
      structure: [
        ("factor", "\(factor)"), ("filter", "\(filter) × \(filter)"),
        ("recurrence", recurrence.rawValue),
      ],
      summary: s.summary, kind: "factor-\(factor), \(recurrence.rawValue)",
      differsInStructure: !s.isBaseShape)
  }
}

extension ScalePyramid {
  static func derivation(_ v: PyramidStructure) throws -> Derivation {
    var parser = Parser(v.equation, parameters: [])
    let eq = try parser.parseEquation()
    let r = v.factor
    let reads =
      v.recurrence == .twoScales
      ? "L_{ℓ,s+1} is as large as the new layer L_{ℓ+1,s} (offsets x + ΔX) and L_{ℓ,s} is \(r) "
        + "times as large (offsets \(r)x + ΔX)"
      : "the unit reads only L_{ℓ,s}, \(r) times as large as the new layer (offsets \(r)x + ΔX)"
    return Derivation(
      steps: [
        DerivationStep(
          "Sizes: I_s has side \(r)^(k−s) (each step averages \(r) × \(r) blocks); L_{ℓ,s} has "
            + "side \(r)^(k−ℓ−s), so \(reads)."),
        DerivationStep(
          "Offsets ΔX, ΔY ∈ 0…\(v.filter - 1) centred by p = ⌊(F − 1)/2⌋ = \(v.shift), zeros "
            + "read outside a layer; ΔX, ΔY, I repeat in each product and are summed; the "
            + "threshold is subtracted inside σ; no weight carries s."),
        DerivationStep("The equation: \(eq)."),
        DerivationStep(
          "Multiplies per layer, from the notation engine: \(eq.multiplyCount), with X, Y the "
            + "new layer's side."),
      ],
      answer: .equation(eq), summary: v.summary)
  }

  /// One level of the structure's network: L_{ℓ+1,s} from the finer L_{ℓ,s} (side r·n) read with
  /// stride r and, for two scales, the coarser L_{ℓ,s+1} (side n), each filter's tap 0 at −p and
  /// zeros read outside a layer; the weights of scale s are W·(1 + dependence·s) (the control).
  static func level(
    _ net: Network, _ l: Int, fine: Tensor<Float>, coarse: Tensor<Float>?, scale s: Int,
    structure v: PyramidStructure
  ) -> Tensor<Float> {
    let weights = net.levels[l]
    let n = fine.shape[1] / v.factor
    func axis(_ input: Int, _ stride: Int) -> ConvolutionAxis {
      ConvolutionAxis(
        input: input, filter: v.filter, stride: stride, padding: .same, lowPad: v.shift)
    }
    var z = Convolution.forward(
      input: fine, kernel: net.kernel(weights.up, scale: s), thresholds: nil,
      axes: [axis(v.factor * n, v.factor), axis(v.factor * n, v.factor)])
    if v.recurrence == .twoScales, let coarse {
      let sideways = Convolution.forward(
        input: coarse, kernel: net.kernel(weights.left, scale: s), thresholds: nil,
        axes: [axis(n, 1), axis(n, 1)])
      for e in z.storage.indices { z.storage[e] = sideways.storage[e] + z.storage[e] }
    }
    let channels = z.shape[3]
    for e in z.storage.indices {
      z.storage[e] = 1 / (1 + expf(-(z.storage[e] - weights.threshold.storage[e % channels])))
    }
    return z
  }

  /// The pyramid I_0 … I_k of an image [B, r^k, r^k, C] and every layer L_{ℓ,s}, ℓ + s ≤ k.
  static func run(_ net: Network, _ image: Tensor<Float>, structure v: PyramidStructure)
    -> [[Tensor<Float>]]
  {
    var pyramid = [image]
    while pyramid.last!.shape[1] >= v.factor { pyramid.append(v.pool(pyramid.last!)) }
    let k = pyramid.count - 1
    var layers: [[Tensor<Float>]] = [pyramid]
    for l in 0..<min(k, net.levels.count) {
      var next: [Tensor<Float>] = []
      for s in 0...(k - l - 1) {
        next.append(
          level(net, l, fine: layers[l][s], coarse: layers[l][s + 1], scale: s, structure: v))
      }
      layers.append(next)
    }
    return layers
  }
}
