/// A dense layer's weight W[J, I] packed for the GEMM micro-kernel: column panels of 32 outputs,
/// each stored as [I][32], so the kernel reads two contiguous 16-float vectors per input. Pack
/// once, use many times (a network packs its weights when it is built).
public struct PackedWeight: Sendable {
  /// The outputs per column panel, the micro-kernel's width (32).
  public static let panelWidth = GEMM.nr
  /// The number of inputs I (rows of each panel).
  public let inputs: Int
  /// The number of outputs J; the last panel is zero-padded beyond it.
  public let outputs: Int
  /// panels × inputs × 32 floats; columns past `outputs` are zero.
  let storage: [Float]

  /// The number of column panels, ⌈J / 32⌉.
  public var panelCount: Int { (outputs + PackedWeight.panelWidth - 1) / PackedWeight.panelWidth }

  /// Packs W with shape [J, I].
  public init(_ weight: Tensor<Float>) {
    precondition(weight.rank == 2, "a dense weight has rank 2, got shape \(weight.shape)")
    self.init(outputs: weight.shape[0], inputs: weight.shape[1], storage: weight.storage)
  }

  /// Packs a row-major [outputs, inputs] buffer: each panel gathers its 32 rows, 64 inputs at a
  /// time (contiguous reads, writes within a few KiB); a large weight packs on all cores.
  init(outputs: Int, inputs: Int, storage source: [Float]) {
    self.outputs = outputs
    self.inputs = inputs
    let w = PackedWeight.panelWidth
    let panels = (outputs + w - 1) / w
    let count = panels * inputs * w
    storage = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
      defer { initialized = count }
      guard let base = buffer.baseAddress else { return }
      let dst = SendableMutablePointer(base)
      source.withUnsafeBufferPointer { src in
        let from = SendablePointer(src.baseAddress ?? UnsafePointer(base))
        let pack = { @Sendable (range: Range<Int>) in
          for p in range {
            let panel = dst.pointer + p * inputs * w
            let columns = min(w, outputs - p * w)
            for i0 in stride(from: 0, to: inputs, by: 64) {
              let i1 = min(inputs, i0 + 64)
              for c in 0..<columns {
                let row = from.pointer + (p * w + c) * inputs
                for i in i0..<i1 { panel[i * w + c] = row[i] }
              }
              for c in columns..<w { for i in i0..<i1 { panel[i * w + c] = 0 } }
            }
          }
        }
        if count >= 1 << 20 {
          Parallel.forEachRange(panels, pack)
        } else {
          pack(0..<panels)
        }
      }
    }
  }

  /// The weight transposed, Wᵀ[I, J], packed: what backpropagation to a layer's input needs.
  public func transposed() -> PackedWeight {
    let w = PackedWeight.panelWidth
    var rows = [Float](repeating: 0, count: inputs * outputs)  // W row-major: [J][I]
    storage.withUnsafeBufferPointer { src in
      for j in 0..<outputs {
        let (p, c) = j.quotientAndRemainder(dividingBy: w)
        let base = p * inputs * w + c
        for i in 0..<inputs { rows[j * inputs + i] = src[base + i * w] }
      }
    }
    return PackedWeight(transposing: Tensor(shape: [outputs, inputs], storage: rows))
  }

  /// Wᵀ packed straight from W [J, I]: panel p of Wᵀ holds, for each j, W's row j at columns
  /// 32p ..< 32p + 32, so packing is a copy of 32-float runs.
  public init(transposing weight: Tensor<Float>) {
    precondition(weight.rank == 2, "a dense weight has rank 2, got shape \(weight.shape)")
    let (rows, columns) = (weight.shape[0], weight.shape[1])
    outputs = columns
    inputs = rows
    let w = PackedWeight.panelWidth
    let panels = (columns + w - 1) / w
    let count = panels * rows * w
    storage = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
      defer { initialized = count }
      guard let base = buffer.baseAddress else { return }
      weight.storage.withUnsafeBufferPointer { src in
        for p in 0..<panels {
          let live = min(w, columns - p * w)
          for j in 0..<rows {
            let dst = base + (p * rows + j) * w
            dst.initialize(from: src.baseAddress! + j * columns + p * w, count: live)
            (dst + live).initialize(repeating: 0, count: w - live)
          }
        }
      }
    }
  }
}
