extension Tensor where Scalar == Float {
  /// One step of an image pyramid: the mean of each 2 × 2 block of a [B, X, Y, C] tensor,
  ///
  /// ```
  /// out[b, x, y, c] = ¼ (in[b, 2x, 2y, c] + in[b, 2x+1, 2y, c] + in[b, 2x, 2y+1, c] + in[b, 2x+1, 2y+1, c])
  /// ```
  /// summed in that order and then multiplied by ¼ (one multiply per output, counted).
  /// - Precondition: X and Y are even.
  public func averagePool2x2(counter: MultiplyCounter? = nil) -> Tensor<Float> {
    precondition(rank == 4 && shape[1] % 2 == 0 && shape[2] % 2 == 0,
                 "2 × 2 pooling needs [B, X, Y, C] with X and Y even, got \(shape)")
    let (b, w, h, c) = (shape[0], shape[1] / 2, shape[2] / 2, shape[3])
    var out = Tensor(shape: [b, w, h, c], repeating: 0)
    for bb in 0..<b { for x in 0..<w { for y in 0..<h { for cc in 0..<c {
      let sum = self[bb, 2 * x, 2 * y, cc] + self[bb, 2 * x + 1, 2 * y, cc]
        + self[bb, 2 * x, 2 * y + 1, cc] + self[bb, 2 * x + 1, 2 * y + 1, cc]
      out[bb, x, y, cc] = 0.25 * sum
    } } } }
    counter?.add(out.count)
    return out
  }
}
