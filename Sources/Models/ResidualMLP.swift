import TensorCore

/// The bottleneck residual MLP of problem 3, batched:
///
/// ```
/// L̃_ℓ[b, k] = ReLU(W_ℓ^{b,1}[k, N] L_ℓ[b, N] − B_ℓ^{b,1}[k])
/// L̂_ℓ[b, n] = ReLU(W_ℓ^{b,2}[n, K] L̃_ℓ[b, K] − B_ℓ^{b,2}[n])
/// L_{ℓ+1}[b, n] = γ (L_ℓ[b, n] + L̂_ℓ[b, n])
/// ```
/// A network of L layers, counting the input layer L₀, has L − 1 blocks.
public struct BottleneckResidualMLP: Sendable {
  /// One residual block's parameters.
  public struct Block: Sendable {
    /// W^{b,1}: [N_bottle, N].
    public let w1: Tensor<Float>
    /// B^{b,1}: [N_bottle].
    public var b1: Tensor<Float>
    /// W^{b,2}: [N, N_bottle].
    public let w2: Tensor<Float>
    /// B^{b,2}: [N].
    public var b2: Tensor<Float>
    /// W^{b,1} and W^{b,2} packed for the GEMM kernel.
    public let packed1: PackedWeight
    /// W^{b,2} packed for the GEMM kernel.
    public let packed2: PackedWeight
    /// W^{b,1}ᵀ and W^{b,2}ᵀ packed, what backpropagation to the block's input multiplies by:
    /// packed by `preparedForBackpropagation()`, or by each `gradient` call when not.
    public internal(set) var transposed: (w1: PackedWeight, w2: PackedWeight)?

    /// A block from its weights and thresholds; packs both weights for the GEMM kernel.
    public init(w1: Tensor<Float>, b1: Tensor<Float>, w2: Tensor<Float>, b2: Tensor<Float>) {
      self.w1 = w1
      self.b1 = b1
      self.w2 = w2
      self.b2 = b2
      packed1 = PackedWeight(w1)
      packed2 = PackedWeight(w2)
    }
  }

  /// How weights and thresholds are drawn: entries N(0, σ²) with the given standard deviations.
  public struct Initialization: Sendable {
    /// The standard deviation of W^{b,1}'s entries.
    public var w1: Float
    /// The standard deviation of W^{b,2}'s entries.
    public var w2: Float
    /// The standard deviation of the thresholds B^{b,1} and B^{b,2}.
    public var thresholds: Float

    /// Standard deviations for W^{b,1}, W^{b,2} and the thresholds.
    public init(w1: Float, w2: Float, thresholds: Float) {
      self.w1 = w1
      self.w2 = w2
      self.thresholds = thresholds
    }
  }

  /// N, the width of every layer.
  public let width: Int
  /// N_bottle, the width of each block's hidden layer L̃.
  public let bottleneck: Int
  /// The blocks, from the input's upwards: L − 1 of them for L layers.
  public var blocks: [Block]
  /// The residual scale γ of problem 3b; nil for the plain residual add of problem 3a, which
  /// multiplies nothing.
  public var gamma: Float?

  /// The number of layers, counting the input layer.
  public var layers: Int { blocks.count + 1 }

  /// A network of `blocks`, scaled by `gamma` (nil: no scale, as in problem 3a).
  public init(width: Int, bottleneck: Int, blocks: [Block], gamma: Float?) {
    self.width = width
    self.bottleneck = bottleneck
    self.blocks = blocks
    self.gamma = gamma
  }

  /// A network with independent random parameters; block ℓ draws from `random.split(ℓ)`.
  public static func random(
    width: Int, bottleneck: Int, layers: Int, gamma: Float?,
    initialization: Initialization,
    random: RandomStream
  ) -> BottleneckResidualMLP {
    precondition(
      width > 0 && bottleneck > 0 && layers >= 1,
      "invalid network: N=\(width), N_bottle=\(bottleneck), L=\(layers)")
    let blocks = (0..<(layers - 1)).map { index -> Block in
      var r = random.split(index)
      return Block(
        w1: .normal(shape: [bottleneck, width], standardDeviation: initialization.w1, random: &r),
        b1: .normal(shape: [bottleneck], standardDeviation: initialization.thresholds, random: &r),
        w2: .normal(shape: [width, bottleneck], standardDeviation: initialization.w2, random: &r),
        b2: .normal(shape: [width], standardDeviation: initialization.thresholds, random: &r))
    }
    return BottleneckResidualMLP(width: width, bottleneck: bottleneck, blocks: blocks, gamma: gamma)
  }

  /// A network whose parameters are all zero: same shapes and multiplies, no random draws.
  public static func zeros(width: Int, bottleneck: Int, layers: Int, gamma: Float?)
    -> BottleneckResidualMLP
  {
    let block = Block(
      w1: Tensor(shape: [bottleneck, width], repeating: 0),
      b1: Tensor(shape: [bottleneck], repeating: 0),
      w2: Tensor(shape: [width, bottleneck], repeating: 0),
      b2: Tensor(shape: [width], repeating: 0))
    return BottleneckResidualMLP(
      width: width, bottleneck: bottleneck,
      blocks: Array(repeating: block, count: max(0, layers - 1)),
      gamma: gamma)
  }

  /// Runs the network forward on a batch [B, N].
  /// - Parameters:
  ///   - branch: applied to each L̂_ℓ before the residual add (identity when nil); lets a
  ///     caller impose a premise on the branch, e.g. zero mean and unit variance per unit.
  ///   - observe: called per block with (ℓ, L_ℓ, L̂_ℓ after `branch`).
  ///   - counter: receives every scalar multiply, including the γ scale's B·N per block.
  /// - Returns: L_{L−1}, the top layer.
  /// - Complexity: (L − 1)·B·2·N·N_bottle multiplies, plus (L − 1)·B·N for γ.
  public func forward(
    _ input: Tensor<Float>,
    branch: ((Tensor<Float>) -> Tensor<Float>)? = nil,
    observe: ((Int, Tensor<Float>, Tensor<Float>) -> Void)? = nil,
    counter: MultiplyCounter? = nil
  ) -> Tensor<Float> {
    precondition(
      input.rank == 2 && input.shape[1] == width,
      "input \(input.shape) does not match width \(width)")
    if branch == nil && observe == nil {
      // Rows of a batch never meet: each share of rows runs the whole stack on its own core.
      let shares = rowShares(batch: input.shape[0])
      if shares.count > 1 {
        let parts = Parallel.map(shares.count) { s in
          self.forwardRows(input.rows(shares[s]), branch: nil, observe: nil, counter: counter)
        }
        return Tensor.stacking(rows: parts)
      }
    }
    return forwardRows(input, branch: branch, observe: observe, counter: counter)
  }

  func forwardRows(
    _ input: Tensor<Float>, branch: ((Tensor<Float>) -> Tensor<Float>)?,
    observe: ((Int, Tensor<Float>, Tensor<Float>) -> Void)?,
    counter: MultiplyCounter?
  ) -> Tensor<Float> {
    var layer = input
    for (index, block) in blocks.enumerated() {
      let hidden = layer.dense(
        weight: block.packed1, threshold: block.b1, activation: .relu,
        counter: counter)
      var hat = hidden.dense(
        weight: block.packed2, threshold: block.b2, activation: .relu,
        counter: counter)
      if let branch { hat = branch(hat) }
      observe?(index, layer, hat)
      residualAdd(&layer, hat, counter: counter)
    }
    return layer
  }

  /// L ← γ(L + L̂), or L + L̂ without γ; counts the γ multiplies as they run.
  func residualAdd(_ layer: inout Tensor<Float>, _ hat: Tensor<Float>, counter: MultiplyCounter?) {
    precondition(layer.count == hat.count, "residual add of \(layer.shape) and \(hat.shape)")
    var scaled = 0
    layer.storage.withUnsafeMutableBufferPointer { l in
      hat.storage.withUnsafeBufferPointer { h in
        if let g = gamma {
          for i in l.indices {
            l[i] = g * (l[i] + h[i])
            scaled += 1
          }
        } else {
          for i in l.indices { l[i] += h[i] }
        }
      }
    }
    if gamma != nil { counter?.add(scaled) }
  }

  /// How a batch is shared between cores: contiguous runs of rows, multiples of the GEMM's
  /// 8-row strip, one per worker; one share when the work is too small to pay for a dispatch.
  /// Every output row is computed by the same operations in the same order whatever the split,
  /// so results are bit-identical for any number of cores.
  /// - Parameter minimumWork: multiply-adds per GEMM sweep below which one core does it all
  ///   (2²² ≈ 40 µs of work against a dispatch of ~10 µs).
  func rowShares(batch: Int, minimumWork: Int = 1 << 22) -> [Range<Int>] {
    let workers = Parallel.workerCount
    let work = ResourceLimits.saturatingProduct([batch, width, bottleneck, max(1, blocks.count)])
    guard workers > 1, batch >= 16, work >= minimumWork else { return [0..<batch] }
    let shares = min(workers, batch / 8)
    return (0..<shares).map { s in
      let lo = (s * batch / shares) / 8 * 8
      let hi = s == shares - 1 ? batch : ((s + 1) * batch / shares) / 8 * 8
      return lo..<hi
    }
  }
}

/// The standard MLP of problem 3a: one N × N matrix between consecutive layers,
/// L_{ℓ+1}[b, n] = ReLU(W_ℓ[n, N] L_ℓ[b, N] − B_ℓ[n]).
public struct PlainMLP: Sendable {
  /// W_ℓ for ℓ = 0…L − 2, each [N, N], packed for the GEMM kernel.
  public let weights: [PackedWeight]
  /// B_ℓ for ℓ = 0…L − 2, each [N].
  public let thresholds: [Tensor<Float>]
  /// N, the width of every layer.
  public let width: Int

  /// A network of `layers` layers (counting the input layer), with random parameters.
  public static func random(
    width: Int, layers: Int, standardDeviation: Float,
    random: RandomStream
  ) -> PlainMLP {
    precondition(width > 0 && layers >= 1, "invalid plain MLP: N=\(width), L=\(layers)")
    var ws: [PackedWeight] = []
    var bs: [Tensor<Float>] = []
    for index in 0..<(layers - 1) {
      var r = random.split(index)
      ws.append(
        PackedWeight(
          .normal(
            shape: [width, width], standardDeviation: standardDeviation,
            random: &r)))
      bs.append(.normal(shape: [width], standardDeviation: 0.1, random: &r))
    }
    return PlainMLP(weights: ws, thresholds: bs, width: width)
  }

  /// A network whose parameters are all zero.
  public static func zeros(width: Int, layers: Int) -> PlainMLP {
    let w = PackedWeight(Tensor(shape: [width, width], repeating: 0))
    let b = Tensor<Float>(shape: [width], repeating: 0)
    return PlainMLP(
      weights: Array(repeating: w, count: max(0, layers - 1)),
      thresholds: Array(repeating: b, count: max(0, layers - 1)), width: width)
  }

  /// - Complexity: (L − 1)·B·N² multiplies.
  public func forward(_ input: Tensor<Float>, counter: MultiplyCounter? = nil) -> Tensor<Float> {
    var layer = input
    for (w, b) in zip(weights, thresholds) {
      layer = layer.dense(weight: w, threshold: b, activation: .relu, counter: counter)
    }
    return layer
  }
}
