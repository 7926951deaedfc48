import Foundation
import IndexNotation
import TensorCore
import Verification

extension ConvMultiplies {
  /// The conv2d kernel against the notation engine evaluating the equation, for `valid` and for
  /// `same` (whose equation reads x + ΔX − p, p = ⌊(ΔX − 1)/2⌋, with zeros outside the image).
  static func equationCheck() -> Check {
    Check(
      id: "kernel-equals-equation", kind: .numeric,
      summary: "the conv2d kernel equals the convolution equation evaluated by the notation engine",
      params: [("shapes", .integer(6))]
    ) { context in
      var worst = 0.0
      var compared = 0
      for n in 0..<6 {
        var r = context.random.split(n)
        var s = Shape.random(&r)
        s.filterX = min(s.filterX, s.width)
        s.filterY = min(s.filterY, s.height)
        let padding: Padding = n % 2 == 0 ? .valid : .same
        let px = padding.lowPad(filter: s.filterX)
        let py = padding.lowPad(filter: s.filterY)
        let text =
          "O[b, x, y, n_out] = K[n_out, ΔX, ΔY, N_in] "
          + "L[b, x + ΔX − \(px), y + ΔY − \(py), N_in] − B[n_out]"
        var parser = Parser(text)
        let eq = try parser.parseEquation()
        let input = Tensor<Float>.normal(shape: [s.batch, s.width, s.height, s.inputs], random: &r)
        let kernel = Tensor<Float>.normal(
          shape: [s.outputs, s.filterX, s.filterY, s.inputs], random: &r)
        let thresholds = Tensor<Float>.normal(shape: [s.outputs], random: &r)
        let axes = [
          ConvolutionAxis(input: s.width, filter: s.filterX, padding: padding),
          ConvolutionAxis(input: s.height, filter: s.filterY, padding: padding),
        ]
        let fast = Convolution.forward(
          input: input, kernel: kernel, thresholds: thresholds, axes: axes)
        var evaluator = try Evaluator(
          eq,
          bindings: Bindings(
            tensors: [
              TensorName(base: "L"): input.doubles, TensorName(base: "K"): kernel.doubles,
              TensorName(base: "B"): thresholds.doubles,
            ],
            outputShape: fast.shape),
          policy: .zero)
        let (reference, _) = try evaluator.run()
        for i in reference.storage.indices {
          let ref = reference.storage[i]
          worst = max(worst, abs(Double(fast.storage[i]) - ref) / (1 + abs(ref)))
          compared += 1
        }
      }
      // Float32 rounding over ≤ 9·9·4 = 324-term sums: ≲ 324 · 6e-8 ≈ 2e-5 relative.
      let bound = 1e-4
      return Measurement(
        status: worst <= bound ? .pass : .fail, expected: .real(0), measured: .real(worst),
        tolerance: Tolerance(.absolute, bound, reason: "Float32 sums of ≤ 324 terms: ≲ 2e-5"),
        detail: "\(compared) outputs over 6 shapes (valid and same): largest relative difference "
          + "\(Value.format(worst))")
    }
  }
}
