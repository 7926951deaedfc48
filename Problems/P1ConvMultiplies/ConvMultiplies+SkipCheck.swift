import TensorCore
import Verification

extension ConvMultiplies {
  /// The border-skipping kernel's counter against its own arithmetic: with every input and every
  /// filter weight 1 (no thresholds), an output is N_in × the taps that landed inside the image,
  /// so the sum of all outputs is the number of multiplies done,
  ///
  /// ```
  /// Σ_{b,x,y,j} out[b, x, y, j] = B · N_out · N_in · Σ_{x,y} #{in-range taps at (x, y)}
  /// ```
  /// exact in Float (integers below 2²⁴). Independent of the closed form that
  /// `instrumented-count-skip` compares the same counter with.
  static func skipSumCheck(shapes: Int) -> Check {
    Check(
      id: "skip-count-equals-output-sum", kind: .instrumented,
      summary: "the skipping conv2d's counted multiplies equal the sum of its outputs on "
        + "all-ones tensors",
      params: [("shapes", .integer(shapes))]
    ) { context in
      var tally = CountTally()
      for n in 0..<shapes {
        var r = context.random.split(n)
        let s = Shape.random(&r)
        let input = Tensor<Float>(shape: [s.batch, s.width, s.height, s.inputs], repeating: 1)
        let kernel = Tensor<Float>(
          shape: [s.outputs, s.filterX, s.filterY, s.inputs], repeating: 1)
        let counter = MultiplyCounter()
        let out = Convolution.forward(
          input: input, kernel: kernel, thresholds: nil,
          axes: [
            ConvolutionAxis(input: s.width, filter: s.filterX, padding: .skip),
            ConvolutionAxis(input: s.height, filter: s.filterY, padding: .skip),
          ],
          counter: counter)
        let sum = out.storage.reduce(0) { $0 + Int($1) }
        tally.add(predicted: sum, counted: counter.value, "\(s)")
      }
      return tally.measurement("random shapes, the outputs' sum beside the counter")
    }
  }
}
