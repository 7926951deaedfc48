import TensorCore

extension BottleneckResidualMLP {
  /// The network with every block's transposed weights packed, so that repeated `gradient` calls
  /// do not pack them again.
  public func preparedForBackpropagation() -> BottleneckResidualMLP {
    var net = self
    for i in net.blocks.indices where net.blocks[i].transposed == nil {
      net.blocks[i].transposed = (
        PackedWeight(transposing: net.blocks[i].w1),
        PackedWeight(transposing: net.blocks[i].w2)
      )
    }
    return net
  }

  /// A scalar loss of the top layer whose gradient backpropagation starts from.
  public enum Loss: Sendable {
    /// Σ L_{L−1}[b, n]²: the anchors' loss; ∂/∂L_{L−1} = 2 L_{L−1}.
    case sumOfSquares
    /// Σ c[b, n] L_{L−1}[b, n] for a fixed c of the top layer's shape; ∂/∂L_{L−1} = c.
    case linear(Tensor<Float>)
  }

  /// The forward pass and reverse-mode backpropagation to the input, for a batch [B, N]:
  ///
  /// ```
  /// g_{L−1} = ∂loss/∂L_{L−1}
  /// δ2 = γ g ∘ [L̂_ℓ > 0]        δ1 = (W2ᵀ δ2) ∘ [L̃_ℓ > 0]        g_ℓ = γ g + W1ᵀ δ1
  /// ```
  /// (γ is 1 for the plain residual add). Rows of the batch share the cores as in `forward`.
  /// - Parameter counter: receives every multiply that runs: the forward pass's, the loss
  ///   gradient's (B·N for Σ L², none for a linear loss), and per block B·N for γ g plus the two
  ///   GEMMs' 2·B·N·N_bottle.
  /// - Returns: the top layer and ∂loss/∂L₀, both [B, N].
  public func gradient(_ input: Tensor<Float>, loss: Loss, counter: MultiplyCounter? = nil)
    -> (output: Tensor<Float>, inputGradient: Tensor<Float>)
  {
    gradient(input, loss: loss, counter: counter, shares: rowShares(batch: input.shape[0]))
  }

  /// `gradient` with the batch split into `shares` (tests pass their own split).
  func gradient(
    _ input: Tensor<Float>, loss: Loss, counter: MultiplyCounter?,
    shares: [Range<Int>]
  ) -> (output: Tensor<Float>, inputGradient: Tensor<Float>) {
    precondition(
      input.rank == 2 && input.shape[1] == width,
      "input \(input.shape) does not match width \(width)")
    if case .linear(let c) = loss {
      precondition(c.shape == input.shape, "loss weights \(c.shape) ≠ input \(input.shape)")
    }
    if shares.count == 1 { return gradientRows(input, loss: loss, counter: counter) }
    let parts = Parallel.map(shares.count) { s -> (Tensor<Float>, Tensor<Float>) in
      let rows = shares[s]
      let share: Loss
      switch loss {
      case .sumOfSquares: share = .sumOfSquares
      case .linear(let c): share = .linear(c.rows(rows))
      }
      let r = self.gradientRows(input.rows(rows), loss: share, counter: counter)
      return (r.output, r.inputGradient)
    }
    return (Tensor.stacking(rows: parts.map(\.0)), Tensor.stacking(rows: parts.map(\.1)))
  }

  func gradientRows(_ input: Tensor<Float>, loss: Loss, counter: MultiplyCounter?)
    -> (output: Tensor<Float>, inputGradient: Tensor<Float>)
  {
    var layer = input
    var hiddens: [Tensor<Float>] = []
    var hats: [Tensor<Float>] = []
    hiddens.reserveCapacity(blocks.count)
    hats.reserveCapacity(blocks.count)
    for block in blocks {
      let hidden = layer.dense(
        weight: block.packed1, threshold: block.b1, activation: .relu,
        counter: counter)
      let hat = hidden.dense(
        weight: block.packed2, threshold: block.b2, activation: .relu,
        counter: counter)
      residualAdd(&layer, hat, counter: counter)
      hiddens.append(hidden)
      hats.append(hat)
    }
    var g: Tensor<Float>
    switch loss {
    case .sumOfSquares:
      g = layer.map { 2 * $0 }
      counter?.add(g.count)
    case .linear(let c):
      g = c
    }
    for l in stride(from: blocks.count - 1, through: 0, by: -1) {
      let block = blocks[l]
      let transposed =
        block.transposed
        ?? (PackedWeight(transposing: block.w1), PackedWeight(transposing: block.w2))
      if let gamma {
        var scaled = 0
        g.storage.withUnsafeMutableBufferPointer { v in
          for i in v.indices {
            v[i] *= gamma
            scaled += 1
          }
        }
        counter?.add(scaled)
      }
      var d2 = g
      Self.mask(&d2, by: hats[l])
      var d1 = d2.dense(weight: transposed.w2, counter: counter)
      Self.mask(&d1, by: hiddens[l])
      let below = d1.dense(weight: transposed.w1, counter: counter)
      g.storage.withUnsafeMutableBufferPointer { v in
        below.storage.withUnsafeBufferPointer { u in for i in v.indices { v[i] += u[i] } }
      }
    }
    return (layer, g)
  }

  /// Zeroes `values` where the ReLU's output `activation` is 0 (its derivative there).
  static func mask(_ values: inout Tensor<Float>, by activation: Tensor<Float>) {
    values.storage.withUnsafeMutableBufferPointer { v in
      activation.storage.withUnsafeBufferPointer { a in
        for i in v.indices where !(a[i] > 0) { v[i] = 0 }
      }
    }
  }
}
