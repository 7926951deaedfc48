import TensorCore

/// The bottleneck residual stack of problem 3 in Double precision, with hand-written reverse-mode
/// gradients:
///
/// ```
/// z1 = W1 L_ℓ − B1,  L̃ = ReLU(z1),  z2 = W2 L̃ − B2,  L̂ = ReLU(z2),  L_{ℓ+1} = γ(L_ℓ + L̂)
/// ```
/// Backward, with g = ∂loss/∂L_{ℓ+1}:
/// ```
/// δ2 = γ g ∘ [z2 > 0],  ∂W2 = δ2 L̃ᵀ,  ∂B2 = −δ2
/// δ1 = (W2ᵀ δ2) ∘ [z1 > 0],  ∂W1 = δ1 L_ℓᵀ,  ∂B1 = −δ1
/// ∂loss/∂L_ℓ = γ g + W1ᵀ δ1
/// ```
public struct ResidualStack: Sendable {
  /// One block's parameters, row-major, in Double precision.
  public struct Block: Sendable {
    /// [N_bottle × N], row-major.
    public var w1: [Double]
    /// B1: [N_bottle].
    public var b1: [Double]
    /// [N × N_bottle], row-major.
    public var w2: [Double]
    /// B2: [N].
    public var b2: [Double]

    /// A block from its weights and thresholds (row-major).
    public init(w1: [Double], b1: [Double], w2: [Double], b2: [Double]) {
      (self.w1, self.b1, self.w2, self.b2) = (w1, b1, w2, b2)
    }
  }

  /// Gradients of one block's parameters.
  public struct BlockGradient: Sendable {
    /// ∂loss/∂W1, ∂loss/∂B1, ∂loss/∂W2, ∂loss/∂B2, laid out as the block's parameters.
    public var w1, b1, w2, b2: [Double]
  }

  /// N, the width of every layer.
  public let width: Int
  /// N_bottle, the width of each block's hidden layer L̃.
  public let bottleneck: Int
  /// The blocks, from the input's upwards: L − 1 of them for L layers.
  public var blocks: [Block]
  /// The residual scale γ of every block (unless `blockGammas` gives each its own).
  public var gamma: Double
  /// The γ of each block when they differ (a variant that scales only every m-th block); nil
  /// scales every block by `gamma`.
  public var blockGammas: [Double]?

  /// A stack of `blocks`; every block scaled by `gamma`.
  public init(width: Int, bottleneck: Int, blocks: [Block], gamma: Double) {
    (self.width, self.bottleneck, self.blocks, self.gamma) = (width, bottleneck, blocks, gamma)
  }

  /// A stack of `layers` layers (counting the input) with N(0, σ²) weights and thresholds.
  public static func random(
    width n: Int, bottleneck k: Int, layers: Int, gamma: Double,
    weightScale: Double, thresholdScale: Double,
    random: RandomStream
  ) -> ResidualStack {
    let blocks = (0..<max(0, layers - 1)).map { index -> Block in
      var r = random.split(index)
      func draw(_ count: Int, _ sd: Double) -> [Double] {
        (0..<count).map { _ in r.nextNormal() * sd }
      }
      return Block(
        w1: draw(k * n, weightScale / Double(n).squareRoot()), b1: draw(k, thresholdScale),
        w2: draw(n * k, weightScale / Double(k).squareRoot()), b2: draw(n, thresholdScale))
    }
    return ResidualStack(width: n, bottleneck: k, blocks: blocks, gamma: gamma)
  }

  /// What the forward pass keeps for the backward pass, per block.
  public struct Tape: Sendable {
    /// Every layer's values, L_0 (the input) to L_{L−1}.
    public var layers: [[Double]] = []  // L_0 … L_{L−1}
    /// Per block: z1 = W1 L_ℓ − B1, z2 = W2 L̃ − B2, and the hidden layer L̃ = ReLU(z1).
    public internal(set) var z1: [[Double]] = [], z2: [[Double]] = [], hidden: [[Double]] = []
  }

  /// The forward pass of one example.
  /// - Complexity: 2·(L − 1)·N·N_bottle multiply-adds.
  public func forward(_ input: [Double]) -> Tape {
    precondition(input.count == width, "input has \(input.count) values, the stack \(width)")
    var tape = Tape()
    var x = input
    tape.layers.append(x)
    for (index, block) in blocks.enumerated() {
      let gamma = blockGammas?[index] ?? self.gamma
      var z1 = [Double](repeating: 0, count: bottleneck)
      for j in 0..<bottleneck {
        var acc = -block.b1[j]
        for i in 0..<width { acc += block.w1[j * width + i] * x[i] }
        z1[j] = acc
      }
      let h = z1.map { max(0, $0) }
      var z2 = [Double](repeating: 0, count: width)
      for i in 0..<width {
        var acc = -block.b2[i]
        for j in 0..<bottleneck { acc += block.w2[i * bottleneck + j] * h[j] }
        z2[i] = acc
      }
      for i in 0..<width { x[i] = gamma * (x[i] + max(0, z2[i])) }
      tape.z1.append(z1)
      tape.z2.append(z2)
      tape.hidden.append(h)
      tape.layers.append(x)
    }
    return tape
  }

  /// Reverse mode from the upstream gradient `top` = ∂loss/∂L_{L−1}.
  /// - Parameter backwardGamma: the γ the backward pass multiplies by; `gamma` unless a test
  ///   plants a wrong one.
  /// - Returns: ∂loss/∂L_ℓ for every layer (index ℓ) and each block's parameter gradients.
  /// - Complexity: at most 4·(L − 1)·N·N_bottle multiply-adds (the rows of W2ᵀδ2 with z1 ≤ 0
  ///   are skipped).
  public func backward(_ tape: Tape, top: [Double], backwardGamma: Double? = nil)
    -> (layers: [[Double]], blocks: [BlockGradient])
  {
    var grad = top
    var layerGrads = [[Double]](repeating: [], count: blocks.count + 1)
    var blockGrads = [BlockGradient](
      repeating: BlockGradient(w1: [], b1: [], w2: [], b2: []),
      count: blocks.count)
    layerGrads[blocks.count] = grad
    for l in stride(from: blocks.count - 1, through: 0, by: -1) {
      let g = backwardGamma ?? blockGammas?[l] ?? gamma
      let block = blocks[l]
      let x = tape.layers[l]
      let h = tape.hidden[l]
      let d2 = (0..<width).map { tape.z2[l][$0] > 0 ? g * grad[$0] : 0 }
      var w2 = [Double](repeating: 0, count: width * bottleneck)
      for i in 0..<width { for j in 0..<bottleneck { w2[i * bottleneck + j] = d2[i] * h[j] } }
      var d1 = [Double](repeating: 0, count: bottleneck)
      for j in 0..<bottleneck where tape.z1[l][j] > 0 {
        var acc = 0.0
        for i in 0..<width { acc += block.w2[i * bottleneck + j] * d2[i] }
        d1[j] = acc
      }
      var w1 = [Double](repeating: 0, count: bottleneck * width)
      for j in 0..<bottleneck { for i in 0..<width { w1[j * width + i] = d1[j] * x[i] } }
      var below = grad.map { g * $0 }
      for i in 0..<width {
        var acc = 0.0
        for j in 0..<bottleneck { acc += block.w1[j * width + i] * d1[j] }
        below[i] += acc
      }
      blockGrads[l] = BlockGradient(w1: w1, b1: d1.map { -$0 }, w2: w2, b2: d2.map { -$0 })
      grad = below
      layerGrads[l] = grad
    }
    return (layerGrads, blockGrads)
  }

  /// The Jacobian ∂L_{ℓ+1}/∂L_ℓ of block ℓ at a recorded forward pass, as an explicit N × N
  /// matrix: γ(I + diag[z2 > 0] W2 diag[z1 > 0] W1).
  /// - Complexity: at most N²·N_bottle multiply-adds (only active units of both layers count).
  public func jacobian(_ tape: Tape, block l: Int) -> [Double] {
    let block = blocks[l]
    var j = [Double](repeating: 0, count: width * width)
    for r in 0..<width {
      for c in 0..<width {
        var acc = r == c ? 1.0 : 0.0
        if tape.z2[l][r] > 0 {
          for k in 0..<bottleneck where tape.z1[l][k] > 0 {
            acc += block.w2[r * bottleneck + k] * block.w1[k * width + c]
          }
        }
        j[r * width + c] = (blockGammas?[l] ?? gamma) * acc
      }
    }
    return j
  }
}
