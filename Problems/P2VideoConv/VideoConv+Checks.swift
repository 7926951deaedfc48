import Foundation
import IndexNotation
import TensorCore
import Verification

extension VideoConv {
  struct Data {
    var input, kernel, thresholds: Tensor<Float>
  }

  static func randomData(_ s: Shape, _ r: inout RandomStream) -> Data {
    Data(
      input: .normal(shape: [s.batch, s.width, s.height, s.frames, s.inputs], random: &r),
      kernel: .normal(
        shape: [s.outputs, s.filterX, s.filterY, s.filterT, s.inputs],
        standardDeviation: 0.3, random: &r),
      thresholds: .normal(shape: [s.outputs], random: &r))
  }

  /// An equation evaluated by the notation engine on `data`, binding L_ℓ, K_{ℓ+1} and the
  /// threshold B_{ℓ+1} by name.
  static func evaluate(_ eq: Equation, _ s: Shape, _ data: Data, outputShape: [Int]) throws
    -> Tensor<Double>
  {
    var evaluator = try Evaluator(
      eq,
      bindings: Bindings(
        tensors: [
          TensorName(base: "L", subscript: "ℓ"): data.input.doubles,
          TensorName(base: "K", subscript: "ℓ+1"): data.kernel.doubles,
          TensorName(base: "B", subscript: "ℓ+1"): data.thresholds.doubles,
        ],
        parameters: ["s": s.stride], outputShape: outputShape))
    return try evaluator.run().0
  }

  /// Float32 kernel against a Double interpreter: sums of ≤ 8·8·6·3 = 1152 products of terms
  /// of order 1 round to ≲ 1152 · 6e-8 ≈ 7e-5 relative in the worst case, far less typically.
  static let rounding = Tolerance(.absolute, 2e-4, reason: "Float32 sums of ≤ 1152 terms: ≲ 7e-5")

  static func equationCheck(_ eq: Equation) -> Check {
    Check(
      id: "equation-equals-kernel", kind: .numeric,
      summary: "the equation evaluated by the notation engine equals the conv3d kernel",
      params: [("equation", .text(eq.description)), ("strides", .text("1, 2, 3"))]
    ) { context in
      var worst = 0.0
      var outputs = 0
      for stride in 1...3 {
        for n in 0..<4 {
          var r = context.random.split(stride * 10 + n)
          let s = Shape.random(&r, stride: stride)
          let data = randomData(s, &r)
          let fast = Convolution.forward(
            input: data.input, kernel: data.kernel,
            thresholds: data.thresholds, axes: s.axes(.valid),
            activation: .sigmoid)
          let reference = try evaluate(eq, s, data, outputShape: fast.shape)
          worst = max(worst, Agreement.largestRelativeDifference(fast, reference))
          outputs += fast.count
        }
      }
      return Measurement(
        status: worst <= rounding.value! ? .pass : .fail, expected: .real(0),
        measured: .real(worst),
        tolerance: rounding,
        detail: "\(outputs) outputs of 12 random clips, s = 1, 2, 3: largest relative difference "
          + Value.format(worst))
    }
  }

  static func checks(candidate: Equation, user: Shape, padding: Padding) -> [Check] {
    [
      equationCheck(candidate), reducesTo2dCheck(), sliceSumCheck(), outputSizeCheck(),
      countCheck(candidate), userShapeCheck(candidate, user, padding),
    ]
  }
}
