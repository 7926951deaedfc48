extension Tensor where Scalar == Float {
  /// One step of an image pyramid: the mean of each 2 × 2 block of a [B, X, Y, C] tensor,
  ///
  /// ```
  /// out[b, x, y, c] = ¼ (in[b, 2x, 2y, c] + in[b, 2x+1, 2y, c] + in[b, 2x, 2y+1, c] + in[b, 2x+1, 2y+1, c])
  /// ```
  /// summed in that order and then multiplied by ¼ (one multiply per output, counted).
  /// - Precondition: X and Y are even.
  /// - Complexity: 3 adds and 1 multiply per output, B·(X/2)·(Y/2)·C outputs.
  public func averagePool2x2(counter: MultiplyCounter? = nil) -> Tensor<Float> {
    precondition(
      rank == 4 && shape[1] % 2 == 0 && shape[2] % 2 == 0,
      "2 × 2 pooling needs [B, X, Y, C] with X and Y even, got \(shape)")
    let (b, w, h, c) = (shape[0], shape[1] / 2, shape[2] / 2, shape[3])
    var out = Tensor(shape: [b, w, h, c], repeating: 0)
    // Direct offsets: the variadic subscript allocates an index array per access.
    let (inX, inY) = (shape[1], shape[2])
    var multiplies = 0
    var quarter: Float = 0.25
    #if PSVERIFY_FAULTS
      // A planted bug for the tests (PSVERIFY_FAULTS builds only): a divisor of 3.
      if KernelFaults.isSet(.poolingDivisor) { quarter = 1 / 3 }
    #endif
    storage.withUnsafeBufferPointer { src in
      out.storage.withUnsafeMutableBufferPointer { dst in
        for bb in 0..<b {
          for x in 0..<w {
            for y in 0..<h {
              let r0 = ((bb * inX + 2 * x) * inY + 2 * y) * c
              let r1 = r0 + inY * c
              let o = ((bb * w + x) * h + y) * c
              for cc in 0..<c {
                let sum = src[r0 + cc] + src[r1 + cc] + src[r0 + c + cc] + src[r1 + c + cc]
                dst[o + cc] = quarter * sum
              }
              multiplies += c  // the loop above multiplied c sums by ¼
            }
          }
        }
      }
    }
    counter?.add(multiplies)
    return out
  }
}
