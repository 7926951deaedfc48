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
    var multiplies = 0
    out.storage.withUnsafeMutableBufferPointer { o in
      storage.withUnsafeBufferPointer { x in
        multiplies = GEMM.run(DenseSource(base: x.baseAddress!, ld: weight.inputs), rows: batch,
                              weight: weight, out: o.baseAddress!)
      }
      Tensor.epilogue(o.baseAddress!, rows: batch, columns: outputs,
                      bias: threshold?.storage ?? [Float](repeating: 0, count: outputs),
                      subtract: threshold != nil, activation: activation)
    }
    counter?.add(multiplies)
    return out
  }
}

