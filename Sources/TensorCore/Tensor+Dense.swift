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
  public func dense(
    weight: Tensor<Float>, threshold: Tensor<Float>? = nil,
    activation: Activation = .identity,
    counter: MultiplyCounter? = nil
  ) -> Tensor<Float> {
    dense(
      weight: PackedWeight(weight), threshold: threshold, activation: activation,
      counter: counter)
  }

  /// The dense layer with a weight packed in advance.
  /// - Complexity: B·J·I multiply-adds, on all cores, SIMD over J.
  public func dense(
    weight: PackedWeight, threshold: Tensor<Float>? = nil,
    activation: Activation = .identity,
    counter: MultiplyCounter? = nil
  ) -> Tensor<Float> {
    precondition(
      rank == 2 && shape[1] == weight.inputs,
      "dense: input \(shape) does not match the weight's \(weight.inputs) inputs")
    let batch = shape[0]
    let outputs = weight.outputs
    if let threshold {
      precondition(threshold.shape == [outputs], "threshold \(threshold.shape) ≠ [\(outputs)]")
    }
    var multiplies = 0
    // The GEMM writes every element of `out`.
    let out = Tensor(shape: [batch, outputs]) { o in
      guard let base = o.baseAddress else { return }
      guard !storage.isEmpty else {
        o.initialize(repeating: 0)  // no inputs: every product is 0
        Tensor.epilogue(
          base, rows: batch, columns: outputs, bias: threshold?.storage,
          activation: activation)
        return
      }
      storage.withUnsafeBufferPointer { x in
        multiplies = GEMM.run(
          DenseSource(base: x.baseAddress!, ld: weight.inputs), rows: batch,
          weight: weight, out: base)
      }
      var bias = threshold?.storage
      #if PSVERIFY_FAULTS
        // A planted bug for the tests (PSVERIFY_FAULTS builds only): the threshold added.
        if KernelFaults.isSet(.denseThresholdSign) { bias = bias?.map { -$0 } }
      #endif
      Tensor.epilogue(base, rows: batch, columns: outputs, bias: bias, activation: activation)
    }
    counter?.add(multiplies)
    return out
  }
}

extension Tensor where Scalar == Float {
  /// Thresholds and activation applied in place to a row-major [rows, columns] result:
  /// out = act(out − bias) (the course's σ(W·L − B)); no bias subtracts nothing.
  static func epilogue(
    _ o: UnsafeMutablePointer<Float>?, rows: Int, columns: Int, bias: [Float]?,
    activation: Activation
  ) {
    guard let o, bias != nil || activation != .identity else { return }
    let zeros = bias == nil ? [Float](repeating: 0, count: columns) : []
    (bias ?? zeros).withUnsafeBufferPointer { b in
      for r in 0..<rows {
        let row = o + r * columns
        switch activation {
        case .identity: for j in 0..<columns { row[j] -= b[j] }
        case .relu: for j in 0..<columns { row[j] = max(0, row[j] - b[j]) }
        case .sigmoid: for j in 0..<columns { row[j] = 1 / (1 + expf(-(row[j] - b[j]))) }
        }
      }
    }
  }
}
