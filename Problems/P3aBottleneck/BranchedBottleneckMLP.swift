import TensorCore

/// A bottleneck residual MLP of a `BottleneckStructure`: per block, `stages` sub-blocks, each
/// adding `paths` parallel bottleneck branches to the stream. The multiplies it performs are
/// counted by the GEMM of each dense layer as it runs.
struct BranchedBottleneckMLP: Sendable {
  struct Branch: Sendable {
    let w1: PackedWeight, b1: Tensor<Float>, w2: PackedWeight, b2: Tensor<Float>
  }

  let width: Int
  /// [block][stage][path].
  let branches: [[[Branch]]]

  /// Random weights (He-style scales, as the base network's) or zeros (the count does not
  /// depend on the values).
  init(
    width: Int, bottleneck: Int, layers: Int, structure: BottleneckStructure,
    random: RandomStream?
  ) {
    self.width = width
    var r = random ?? RandomStream(seed: 0)
    func tensor(_ shape: [Int], _ scale: Float) -> Tensor<Float> {
      random == nil
        ? Tensor(shape: shape, repeating: 0)
        : Tensor<Float>.normal(shape: shape, standardDeviation: scale, random: &r)
    }
    let zero1 =
      random == nil ? PackedWeight(Tensor(shape: [bottleneck, width], repeating: 0)) : nil
    let zero2 =
      random == nil ? PackedWeight(Tensor(shape: [width, bottleneck], repeating: 0)) : nil
    branches = (0..<max(0, layers - 1)).map { _ in
      (0..<structure.stages).map { _ in
        (0..<structure.paths).map { _ in
          Branch(
            w1: zero1
              ?? PackedWeight(tensor([bottleneck, width], (2 / Float(width)).squareRoot())),
            b1: tensor([bottleneck], 0.1),
            w2: zero2
              ?? PackedWeight(tensor([width, bottleneck], (2 / Float(bottleneck)).squareRoot())),
            b2: tensor([width], 0.1))
        }
      }
    }
  }

  /// L ← L + Σ_q ReLU(W^{q,2} ReLU(W^{q,1} L − B^{q,1}) − B^{q,2}), stage after stage.
  /// - Complexity: (L − 1)·stages·paths·2·B·N·N_bottle multiplies.
  func forward(_ input: Tensor<Float>, counter: MultiplyCounter?) -> Tensor<Float> {
    var layer = input
    for block in branches {
      for stage in block {
        var sum = layer
        for b in stage {
          let hidden = layer.dense(
            weight: b.w1, threshold: b.b1, activation: .relu, counter: counter)
          let hat = hidden.dense(weight: b.w2, threshold: b.b2, activation: .relu, counter: counter)
          for i in sum.storage.indices { sum.storage[i] += hat.storage[i] }
        }
        layer = sum
      }
    }
    return layer
  }
}
