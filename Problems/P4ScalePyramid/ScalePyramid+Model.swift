import Foundation
import TensorCore

extension ScalePyramid {
  /// The scale-shared pyramid network for images of side 2^k.
  ///
  /// ```
  /// L_{0,s} = I_s
  /// L_{ℓ+1,s}[b,x,y,j] = σ(W_{ℓ+1,←}[ΔX,ΔY,I,j] L_{ℓ,s+1}[b, x+ΔX−p, y+ΔY−p, I]
  ///                       + W_{ℓ+1,↑}[ΔX,ΔY,I,j] L_{ℓ,s}[b, 2x+ΔX−p, 2y+ΔY−p, I] − B_{ℓ+1}[j])
  /// ```
  /// for ℓ + 1 + s ≤ k, with offsets ΔX, ΔY ∈ 0…F−1, p = ⌊(F − 1)/2⌋ (the filter centred) and
  /// zeros read outside a layer (the boundary rule). W and B do not depend on s.
  public struct Network: Sendable {
    public struct Level: Sendable {
      /// W_{ℓ+1,←} and W_{ℓ+1,↑} in the problem's layout [ΔX, ΔY, I, J].
      public var left: Tensor<Float>
      public var up: Tensor<Float>
      public var threshold: Tensor<Float>
    }

    public var levels: [Level]
    public let filter: Int
    /// The control: when set, scale s uses W + s·perturbation (weights that depend on s).
    public var scaleDependence: Float = 0

    /// Random weights for `levels` levels: level 0 reads `colours` channels, later ones `channels`.
    public static func random(
      levels: Int, colours: Int, channels: Int, filter: Int,
      random: RandomStream
    ) -> Network {
      let ls = (0..<levels).map { l -> Level in
        var r = random.split(l)
        let inputs = l == 0 ? colours : channels
        let sd = Float(1 / Double(filter * filter * inputs).squareRoot())
        return Level(
          left: .normal(
            shape: [filter, filter, inputs, channels], standardDeviation: sd, random: &r),
          up: .normal(
            shape: [filter, filter, inputs, channels], standardDeviation: sd, random: &r),
          threshold: .normal(shape: [channels], standardDeviation: 0.1, random: &r))
      }
      return Network(levels: ls, filter: filter)
    }

    /// [ΔX, ΔY, I, J] → the kernel layout [J, ΔX, ΔY, I], with the control's dependence on s.
    func kernel(_ w: Tensor<Float>, scale s: Int) -> Tensor<Float> {
      let (f, i, j) = (w.shape[0], w.shape[2], w.shape[3])
      var k = Tensor<Float>(shape: [j, f, f, i], repeating: 0)
      for a in 0..<f {
        for b in 0..<f {
          for c in 0..<i {
            for d in 0..<j {
              k[d, a, b, c] = w[a, b, c, d] * (1 + scaleDependence * Float(s))
            }
          }
        }
      }
      return k
    }

    /// One level: L_{ℓ+1,s} from the finer L_{ℓ,s} (side 2n) and the coarser L_{ℓ,s+1} (side n),
    /// with the filter's tap 0 at `origin` (−⌊(F − 1)/2⌋ centred, 0 for offsets 0…F−1) and zeros
    /// read outside a layer.
    public func level(
      _ l: Int, fine: Tensor<Float>, coarse: Tensor<Float>, scale s: Int,
      origin: Int? = nil, counter: MultiplyCounter? = nil
    ) -> Tensor<Float> {
      let level = levels[l]
      let n = coarse.shape[1]
      let pad = origin.map { -$0 }
      let sideways = Convolution.forward(
        input: coarse, kernel: kernel(level.left, scale: s), thresholds: nil,
        axes: [
          ConvolutionAxis(input: n, filter: filter, padding: .same, lowPad: pad),
          ConvolutionAxis(input: n, filter: filter, padding: .same, lowPad: pad),
        ], counter: counter)
      let upward = Convolution.forward(
        input: fine, kernel: kernel(level.up, scale: s), thresholds: nil,
        axes: [
          ConvolutionAxis(input: 2 * n, filter: filter, stride: 2, padding: .same, lowPad: pad),
          ConvolutionAxis(input: 2 * n, filter: filter, stride: 2, padding: .same, lowPad: pad),
        ],
        counter: counter)
      var out = sideways
      let channels = out.shape[3]
      for e in out.storage.indices {
        let z = sideways.storage[e] + upward.storage[e] - level.threshold.storage[e % channels]
        out.storage[e] = 1 / (1 + expf(-z))
      }
      return out
    }

    /// The pyramid I_0 … I_k of an image [B, 2^k, 2^k, C] and every layer L_{ℓ,s}, ℓ + s ≤ k,
    /// for the first `levels` levels (ℓ ≤ levels).
    public func run(_ image: Tensor<Float>, counter: MultiplyCounter? = nil) -> [[Tensor<Float>]] {
      let side = image.shape[1]
      precondition(
        side > 0 && side & (side - 1) == 0 && image.shape[2] == side,
        "the image must be square with a power-of-two side, got \(image.shape)")
      let k = side.trailingZeroBitCount
      var pyramid = [image]
      for _ in 0..<k { pyramid.append(pyramid.last!.averagePool2x2(counter: counter)) }
      var layers: [[Tensor<Float>]] = [pyramid]
      for l in 0..<min(k, levels.count) {
        var next: [Tensor<Float>] = []
        for s in 0...(k - l - 1) {
          next.append(
            level(l, fine: layers[l][s], coarse: layers[l][s + 1], scale: s, counter: counter))
        }
        layers.append(next)
      }
      return layers
    }
  }
}
