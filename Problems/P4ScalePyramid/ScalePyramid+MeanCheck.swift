import TensorCore
import Verification

extension ScalePyramid {
  /// The pooling kernel against a property the pyramid equation does not state: a 2 × 2 mean
  /// keeps the image's mean, so every level of the pyramid has the image's mean,
  ///
  /// ```
  /// (1/|I_{s+1}|) Σ I_{s+1} = (1/|I_s|) Σ I_s
  /// ```
  /// A wrong divisor scales each level's mean by a constant; `pyramid-equals-equation` sees the
  /// same kernel through the notation engine.
  static func pyramidMeanCheck(_ setup: Setup) -> Check {
    Check(
      id: "pyramid-keeps-the-mean", kind: .numeric,
      summary: "every pyramid level computed by the pooling kernel has the image's mean"
    ) { context in
      var r = context.random.split("mean")
      let side = 1 << min(setup.k, 5)
      var image = Tensor<Float>.normal(shape: [1, side, side, 3], random: &r)
      for i in image.storage.indices { image.storage[i] += 2 }  // a mean far from 0
      func mean(_ t: Tensor<Float>) -> Double {
        t.storage.reduce(0.0) { $0 + Double($1) } / Double(t.count)
      }
      let target = mean(image)
      var level = image
      var worst = 0.0
      var levels = 0
      while level.shape[1] >= 2 {
        level = level.averagePool2x2()
        levels += 1
        worst = max(worst, abs(mean(level) - target))
      }
      // Each level rounds every value once more in Float: ≲ 6e-8 · |value| ≈ 2e-7 per level.
      let bound = 1e-5
      return Measurement(
        status: worst <= bound ? .pass : .fail, expected: .real(target),
        measured: .real(target + worst),
        tolerance: Tolerance(
          .absolute, bound,
          reason: "one Float32 rounding per level, ≲ 2e-7 each"),
        detail: "image mean \(Value.format(target)); largest difference of a level's mean over "
          + "\(levels) levels \(Value.format(worst))")
    }
  }
}
