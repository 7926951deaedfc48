import Foundation
import Models
import TensorCore

extension GradientDecay {
  /// Exponents of γ recovered by backprop on a stack whose branches cannot pass gradient to the
  /// layers below (W^{b,1} = 0, B^{b,1} = −1, so L̃ = 1 whatever L_ℓ is): the direct path only.
  /// B^{b,2} is set so that every unit of L̂ is active and every parameter has a gradient.
  struct Exponents {
    /// Per layer ℓ = 0 … L − 1: log_γ of ∂loss/∂L_ℓ(γ) ÷ ∂loss/∂L_ℓ(γ = 1), averaged over units.
    var layers: [Double]
    /// Per block and group (W1, B1, W2, B2).
    var groups: [[String: Double]]
    /// The largest spread of an exponent over the entries it was read from.
    var spread: Double
  }

  static let groupNames = ["W1", "B1", "W2", "B2"]

  /// - Parameter blockGammas: each block's γ for a variant scaling only some blocks (nil: all).
  static func measureExponents(
    layers: Int, gamma: Double, width: Int, bottleneck: Int,
    random: RandomStream, blockGammas: [Double]? = nil
  ) -> Exponents {
    var live = ResidualStack.random(
      width: width, bottleneck: bottleneck, layers: layers,
      gamma: gamma, weightScale: 1, thresholdScale: 0.5,
      random: random.split("weights"))
    for b in live.blocks.indices {
      live.blocks[b].w1 = [Double](repeating: 0, count: bottleneck * width)
      live.blocks[b].b1 = [Double](repeating: -1, count: bottleneck)
      // Every unit of L̂ active (z2 = Σ W2 − B2 > 0), so every parameter carries a gradient.
      for i in 0..<width {
        let row = live.blocks[b].w2[(i * bottleneck)..<((i + 1) * bottleneck)]
        live.blocks[b].b2[i] = -1 - row.reduce(0) { $0 + abs($1) }
      }
    }
    live.blockGammas = blockGammas
    var reference = live
    reference.gamma = 1
    reference.blockGammas = nil
    var r = random.split("data")
    let input = (0..<width).map { _ in r.nextNormal() }
    let top = (0..<width).map { _ in r.nextNormal() }
    let tapeG = live.forward(input)
    let tape1 = reference.forward(input)
    let (layersG, blocksG) = live.backward(tapeG, top: top)
    let (layers1, blocks1) = reference.backward(tape1, top: top)
    var spread = 0.0
    func exponent(_ a: [Double], _ b: [Double]) -> Double {
      var values: [Double] = []
      for i in a.indices where b[i] != 0 && a[i] != 0 {
        values.append(log(a[i] / b[i]) / log(gamma))  // a NaN here means a sign flip
      }
      guard let first = values.first else { return .nan }
      let mean = values.reduce(0, +) / Double(values.count)
      spread = max(spread, values.map { abs($0 - mean) }.max() ?? 0, first.isNaN ? .infinity : 0)
      return mean
    }
    let layerExponents = zip(layersG, layers1).map { exponent($0, $1) }
    var groups: [[String: Double]] = []
    for l in blocksG.indices {
      // ∂loss/∂W1[j, i] = δ1[j]·L_ℓ[i]: dividing by the layer's own L_ℓ[i] leaves δ1[j], the
      // backward signal, without the forward pass's dependence on γ.
      let perInput = { (g: [Double], x: [Double]) -> [Double] in
        g.indices.map { x[$0 % width] == 0 ? 0 : g[$0] / x[$0 % width] }
      }
      groups.append([
        "W1": exponent(
          perInput(blocksG[l].w1, tapeG.layers[l]), perInput(blocks1[l].w1, tape1.layers[l])),
        "B1": exponent(blocksG[l].b1, blocks1[l].b1),
        "W2": exponent(blocksG[l].w2, blocks1[l].w2),
        "B2": exponent(blocksG[l].b2, blocks1[l].b2),
      ])
    }
    return Exponents(layers: layerExponents, groups: groups, spread: spread)
  }

  /// An exponent read as a whole number, when it is one to within rounding.
  static func whole(_ e: Double) -> Int? {
    // Double rounding over ≤ 200 products moves log_γ of a ratio by ≲ 1e-13; 1e-9 is generous.
    guard e.isFinite, abs(e - e.rounded()) <= 1e-9 else { return nil }
    return Int(e.rounded())
  }
}
