/// A dense layer's weight W[J, I] packed for the GEMM micro-kernel: column panels of 32 outputs,
/// each stored as [I][32], so the kernel reads two contiguous 16-float vectors per input. Pack
/// once, use many times (a network packs its weights when it is built).
public struct PackedWeight: Sendable {
  public static let panelWidth = GEMM.nr
  public let inputs: Int
  public let outputs: Int
  /// panels × inputs × 32 floats; columns past `outputs` are zero.
  let storage: [Float]

  public var panelCount: Int { (outputs + PackedWeight.panelWidth - 1) / PackedWeight.panelWidth }

  /// Packs W with shape [J, I].
  public init(_ weight: Tensor<Float>) {
    precondition(weight.rank == 2, "a dense weight has rank 2, got shape \(weight.shape)")
    self.init(outputs: weight.shape[0], inputs: weight.shape[1], storage: weight.storage)
  }

  /// Packs a row-major [outputs, inputs] buffer.
  init(outputs: Int, inputs: Int, storage source: [Float]) {
    self.outputs = outputs
    self.inputs = inputs
    let w = PackedWeight.panelWidth
    let panels = (outputs + w - 1) / w
    var packed = [Float](repeating: 0, count: panels * inputs * w)
    source.withUnsafeBufferPointer { src in
      packed.withUnsafeMutableBufferPointer { dst in
        for j in 0..<outputs {
          let (p, c) = j.quotientAndRemainder(dividingBy: w)
          let base = p * inputs * w + c
          let row = j * inputs
          for i in 0..<inputs { dst[base + i * w] = src[row + i] }
        }
      }
    }
    storage = packed
  }

  /// The weight transposed, Wᵀ[I, J], packed: what backpropagation to a layer's input needs.
  public func transposed() -> PackedWeight {
    let w = PackedWeight.panelWidth
    var rows = [Float](repeating: 0, count: inputs * outputs)  // Wᵀ row-major: [I][J]
    storage.withUnsafeBufferPointer { src in
      for j in 0..<outputs {
        let (p, c) = j.quotientAndRemainder(dividingBy: w)
        let base = p * inputs * w + c
        for i in 0..<inputs { rows[i * outputs + j] = src[base + i * w] }
      }
    }
    return PackedWeight(outputs: inputs, inputs: outputs, storage: rows)
  }
}
