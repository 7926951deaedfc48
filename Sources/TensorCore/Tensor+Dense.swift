import Foundation

/// The activation applied after a dense layer's threshold.
public enum Activation: Sendable {
  case identity
  case relu
  /// The logistic σ(z) = 1/(1 + e^(−z)).
  case sigmoid
}

extension Tensor where Scalar == Float {
  /// A dense layer on a batch, in the course's form:
  ///
  /// ```
  /// out[b, j] = act(W[j, I] x[b, I] − B[j])
  /// ```
  /// - Parameters:
  ///   - weight: W with shape [J, I] (packed on each call; use `PackedWeight` to pack once).
  ///   - threshold: B with shape [J], subtracted (the course's σ(W·L − B) convention).
  ///   - activation: applied elementwise after the threshold.
  ///   - counter: when given, receives the scalar multiplies performed, B·J·I.
  /// - Complexity: B·J·I multiply-adds, on all cores, SIMD over J.
  public func dense(weight: Tensor<Float>, threshold: Tensor<Float>? = nil,
                    activation: Activation = .identity,
                    counter: MultiplyCounter? = nil) -> Tensor<Float> {
    dense(weight: PackedWeight(weight), threshold: threshold, activation: activation,
          counter: counter)
  }

  /// The dense layer with a weight packed in advance.
  public func dense(weight: PackedWeight, threshold: Tensor<Float>? = nil,
                    activation: Activation = .identity,
                    counter: MultiplyCounter? = nil) -> Tensor<Float> {
    precondition(rank == 2 && shape[1] == weight.inputs,
                 "dense: input \(shape) does not match the weight's \(weight.inputs) inputs")
    let batch = shape[0], outputs = weight.outputs
    if let threshold {
      precondition(threshold.shape == [outputs], "threshold \(threshold.shape) ≠ [\(outputs)]")
    }
    var out = Tensor(shape: [batch, outputs], repeating: 0)
    out.storage.withUnsafeMutableBufferPointer { o in
      storage.withUnsafeBufferPointer { x in
        GEMM.multiply(x: x.baseAddress!, rows: batch, weight: weight, out: o.baseAddress!)
      }
      guard threshold != nil || activation != .identity else { return }
      let bias = threshold?.storage ?? [Float](repeating: 0, count: outputs)
      for b in 0..<batch {
        let row = o.baseAddress! + b * outputs
        switch activation {
        case .identity: for j in 0..<outputs { row[j] -= bias[j] }
        case .relu: for j in 0..<outputs { row[j] = max(0, row[j] - bias[j]) }
        case .sigmoid: for j in 0..<outputs { row[j] = 1 / (1 + expf(-(row[j] - bias[j]))) }
        }
      }
    }
    counter?.add(batch * outputs * weight.inputs)
    return out
  }
}

/// A pointer handed to workers that only read through it.
struct SendablePointer<T>: @unchecked Sendable {
  let pointer: UnsafePointer<T>
  init(_ pointer: UnsafePointer<T>) { self.pointer = pointer }
}
