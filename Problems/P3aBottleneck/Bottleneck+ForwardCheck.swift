import Models
import TensorCore
import Verification

extension Bottleneck {
  /// The forward passes whose multiplies the counts measure, against hand-written loops in
  /// Double on the same weights:
  ///
  /// ```
  /// bottleneck: h = ReLU(W¹ L − B¹), L̂ = ReLU(W² h − B²), L ← L + L̂
  /// plain:      L ← ReLU(W L − B)
  /// ```
  /// The counts cannot see a wrong value (a threshold added instead of subtracted); this can.
  static func forwardReferenceCheck() -> Check {
    Check(
      id: "network-forward-reference", kind: .numeric,
      summary: "the SIMD bottleneck and plain MLP forward passes equal hand-written loops in "
        + "Double",
      params: [("N", 6), ("N_bottle", 3), ("L", 4), ("batch", 5)]
    ) { context in
      let (n, k, layers, batch) = (6, 3, 4, 5)
      let net = BottleneckResidualMLP.random(
        width: n, bottleneck: k, layers: layers, gamma: nil,
        initialization: .init(w1: 0.5, w2: 0.5, thresholds: 0.3), random: context.random.split("w"))
      var r = context.random.split("x")
      let input = Tensor<Float>.normal(shape: [batch, n], random: &r)
      var plainWeights: [(Tensor<Float>, Tensor<Float>)] = []
      for _ in 1..<layers {
        plainWeights.append(
          (
            .normal(shape: [n, n], standardDeviation: 0.5, random: &r),
            .normal(shape: [n], standardDeviation: 0.3, random: &r)
          ))
      }
      let fast = net.forward(input)
      var plain = input
      for (w, b) in plainWeights { plain = plain.dense(weight: w, threshold: b, activation: .relu) }
      func layer(_ x: [Double], _ w: Tensor<Float>, _ b: Tensor<Float>) -> [Double] {
        (0..<w.shape[0]).map { j in
          max(0, (0..<x.count).reduce(0.0) { $0 + Double(w[j, $1]) * x[$1] } - Double(b[j]))
        }
      }
      var worst = 0.0
      for row in 0..<batch {
        var x = (0..<n).map { Double(input[row, $0]) }
        var y = x
        for block in net.blocks {
          let hat = layer(layer(x, block.w1, block.b1), block.w2, block.b2)
          x = (0..<n).map { x[$0] + hat[$0] }
        }
        for (w, b) in plainWeights { y = layer(y, w, b) }
        for i in 0..<n {
          worst = max(
            worst, abs(Double(fast[row, i]) - x[i]) / (1 + abs(x[i])),
            abs(Double(plain[row, i]) - y[i]) / (1 + abs(y[i])))
        }
      }
      // Float32 unit roundoff 6e-8, dot products of ≤ 6 terms, 3 layers: ≲ 2e-6.
      let bound = 1e-4
      return Measurement(
        status: worst <= bound ? .pass : .fail, expected: .real(0), measured: .real(worst),
        tolerance: Tolerance(
          .absolute, bound, reason: "Float32 rounding over 3 layers of ≤ 6-term dot products ≲ 2e-6"
        ),
        detail: "largest |fast − reference| / (1 + |reference|) over both networks = "
          + Value.format(worst))
    }
  }
}
