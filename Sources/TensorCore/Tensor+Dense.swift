/// The activation applied after a dense layer's threshold.
public enum Activation: Sendable {
  case identity
  case relu
}

extension Tensor where Scalar == Float {
  /// A dense layer on a batch, in the course's form:
  ///
  /// ```
  /// out[b, j] = act(W[j, I] x[b, I] − B[j])
  /// ```
  /// - Parameters:
  ///   - weight: W with shape [J, I].
  ///   - threshold: B with shape [J], subtracted (the course's σ(W·L − B) convention).
  ///   - activation: applied elementwise after the threshold.
  ///   - counter: when given, receives the scalar multiplies performed, B·J·I.
  /// - Complexity: B·J·I multiply-adds, on all cores, SIMD over J.
  public func dense(weight: Tensor<Float>, threshold: Tensor<Float>? = nil,
                    activation: Activation = .identity,
                    counter: MultiplyCounter? = nil) -> Tensor<Float> {
    precondition(rank == 2 && weight.rank == 2 && shape[1] == weight.shape[1],
                 "dense: input \(shape) and weight \(weight.shape) do not match on I")
    let batch = shape[0], inputs = shape[1], outputs = weight.shape[0]
    if let threshold {
      precondition(threshold.shape == [outputs], "threshold \(threshold.shape) ≠ [\(outputs)]")
    }
    // Wᵀ packed as [I, J] so the inner loop runs along J with contiguous vector loads.
    var packed = [Float](repeating: 0, count: inputs * outputs)
    weight.storage.withUnsafeBufferPointer { w in
      for j in 0..<outputs {
        for i in 0..<inputs { packed[i * outputs + j] = w[j * inputs + i] }
      }
    }
    var out = Tensor(shape: [batch, outputs], repeating: 0)
    let bias = threshold?.storage ?? [Float](repeating: 0, count: outputs)
    out.storage.withUnsafeMutableBufferPointer { o in
      let ob = SendableBuffer(o)
      storage.withUnsafeBufferPointer { x in
        packed.withUnsafeBufferPointer { wt in
          bias.withUnsafeBufferPointer { bb in
            let xs = SendablePointer(x.baseAddress!), ws = SendablePointer(wt.baseAddress!)
            let bs = SendablePointer(bb.baseAddress!)
            let blocks = (batch + 3) / 4
            Parallel.forEachRange(blocks, minimumPerWorker: max(1, 4096 / max(1, inputs * outputs / 64))) { range in
              for block in range {
                let row0 = block * 4
                let rows = min(4, batch - row0)
                GEMMKernel.rows(x: xs.pointer + row0 * inputs, rows: rows, inputs: inputs,
                                packedWT: ws.pointer, outputs: outputs,
                                out: ob.buffer.baseAddress! + row0 * outputs)
                for r in 0..<rows {
                  let o = ob.buffer.baseAddress! + (row0 + r) * outputs
                  switch activation {
                  case .identity:
                    for j in 0..<outputs { o[j] -= bs.pointer[j] }
                  case .relu:
                    for j in 0..<outputs { o[j] = max(0, o[j] - bs.pointer[j]) }
                  }
                }
              }
            }
          }
        }
      }
    }
    counter?.add(batch * outputs * inputs)
    return out
  }
}

/// A pointer handed to workers that only read through it, or write disjoint ranges.
struct SendablePointer<T>: @unchecked Sendable {
  let pointer: UnsafePointer<T>
  init(_ pointer: UnsafePointer<T>) { self.pointer = pointer }
}

/// The register-blocked inner kernel: up to 4 rows of x times packed Wᵀ, 16 columns at a time.
enum GEMMKernel {
  static func rows(x: UnsafePointer<Float>, rows: Int, inputs: Int,
                   packedWT wt: UnsafePointer<Float>, outputs: Int,
                   out: UnsafeMutablePointer<Float>) {
    var j = 0
    typealias V = SIMD8<Float>
    if rows == 4 {
      while j + 16 <= outputs {
        var c00 = V(), c01 = V(), c10 = V(), c11 = V()
        var c20 = V(), c21 = V(), c30 = V(), c31 = V()
        for i in 0..<inputs {
          let w = UnsafeRawPointer(wt + i * outputs + j)
          let w0 = w.loadUnaligned(as: V.self)
          let w1 = w.loadUnaligned(fromByteOffset: 32, as: V.self)
          let a0 = V(repeating: x[i]), a1 = V(repeating: x[inputs + i])
          let a2 = V(repeating: x[2 * inputs + i]), a3 = V(repeating: x[3 * inputs + i])
          c00.addProduct(a0, w0); c01.addProduct(a0, w1)
          c10.addProduct(a1, w0); c11.addProduct(a1, w1)
          c20.addProduct(a2, w0); c21.addProduct(a2, w1)
          c30.addProduct(a3, w0); c31.addProduct(a3, w1)
        }
        let o = UnsafeMutableRawPointer(out + j)
        let rowBytes = outputs * 4
        o.storeBytes(of: c00, as: V.self); (o + 32).storeBytes(of: c01, as: V.self)
        (o + rowBytes).storeBytes(of: c10, as: V.self)
        (o + rowBytes + 32).storeBytes(of: c11, as: V.self)
        (o + 2 * rowBytes).storeBytes(of: c20, as: V.self)
        (o + 2 * rowBytes + 32).storeBytes(of: c21, as: V.self)
        (o + 3 * rowBytes).storeBytes(of: c30, as: V.self)
        (o + 3 * rowBytes + 32).storeBytes(of: c31, as: V.self)
        j += 16
      }
    }
    // Remaining columns (and blocks of fewer than 4 rows): one row, one column at a time.
    for r in 0..<rows {
      for jj in j..<outputs {
        var acc: Float = 0
        for i in 0..<inputs { acc += x[r * inputs + i] * wt[i * outputs + jj] }
        out[r * outputs + jj] = acc
      }
    }
  }
}
