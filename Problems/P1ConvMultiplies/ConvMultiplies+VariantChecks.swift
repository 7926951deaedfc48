import Algebra
import Foundation
import IndexNotation
import TensorCore
import Verification

extension ConvMultiplies {
  /// A variant's checks: its count against the multiplies the conv2d kernel executes on random
  /// shapes of the structure, and the kernel's output against the structure's equation
  /// evaluated by the notation engine (so the counted convolution is the one the count is
  /// derived from).
  public static func variantChecks(
    candidate: Polynomial, structure s: ConvStructure,
    shapes: Int
  ) -> [Check] {
    [
      Check(
        id: "instrumented-count-\(s.padding.rawValue)", kind: .instrumented,
        summary: "multiplies counted inside the conv2d kernel (\(s.summary)) equal the "
          + "derived count, on random shapes",
        params: [
          ("shapes", .integer(shapes)), ("stride", .integer(s.stride)),
          ("groups", .integer(s.groups)), ("padding", .text(s.padding.rawValue)),
          ("count", .text(candidate.factoredDescription)),
        ]
      ) { context in
        var tally = CountTally()
        for n in 0..<shapes {
          var r = context.random.split(n)
          let shape = randomShape(s, &r)
          let predicted = candidate.evaluate(shape.point).flatMap {
            $0.denominator == 1 ? $0.intValue : nil
          }
          tally.add(
            predicted: predicted ?? Int.min,
            counted: countedMultiplies(s, shape, random: &r), "\(shape)")
        }
        return tally.measurement("random shapes of the structure")
      },
      variantEquationCheck(s),
    ]
  }

  /// The grouped, strided kernel against the notation engine evaluating the structure's
  /// equation (taps offset by p = ⌊(ΔX − 1)/2⌋ under `same`, zeros outside the image), on
  /// tensors whose channel axis is read as (group, channel): the same storage.
  static func variantEquationCheck(_ s: ConvStructure) -> Check {
    Check(
      id: "kernel-equals-equation", kind: .numeric,
      summary: "the grouped, strided conv2d equals the variant's equation evaluated by the "
        + "notation engine",
      params: [
        ("shapes", .integer(4)), ("stride", .integer(s.stride)),
        ("groups", .integer(s.groups)),
      ]
    ) { context in
      var worst = 0.0
      var compared = 0
      for n in 0..<4 {
        var r = context.random.split(n)
        let shape = randomShape(s, &r)
        let (input, kernel, thresholds) = randomTensors(s, shape, &r)
        let fast = groupedForward(
          s, shape, input: input, kernel: kernel, thresholds: thresholds,
          counter: nil)
        let px = s.padding.lowPad(filter: shape.filterX)
        let py = s.padding.lowPad(filter: shape.filterY)
        var parser = Parser(s.equation(output: "O", px: px, py: py))
        let eq = try parser.parseEquation()
        let g = s.groups
        let ci = shape.inputs / g
        let co = shape.outputs / g
        func grouped(_ t: Tensor<Float>, _ shape: [Int]) -> Tensor<Double> {
          Tensor<Double>(shape: shape, storage: t.storage.map(Double.init))
        }
        let (l, k, b, outShape): (Tensor<Double>, Tensor<Double>, Tensor<Double>, [Int])
        let spatial = Array(fast.shape[0..<3])
        if g == 1 {
          (l, k, b, outShape) = (input.doubles, kernel.doubles, thresholds.doubles, fast.shape)
        } else {
          l = grouped(input, [shape.batch, shape.width, shape.height, g, ci])
          k = grouped(kernel, [g, co, shape.filterX, shape.filterY, ci])
          b = grouped(thresholds, [g, co])
          outShape = spatial + [g, co]
        }
        var evaluator = try Evaluator(
          eq,
          bindings: Bindings(
            tensors: [
              TensorName(base: "L"): l, TensorName(base: "K"): k,
              TensorName(base: "B"): b,
            ], outputShape: outShape),
          policy: .zero)
        let (reference, _) = try evaluator.run()
        guard reference.storage.count == fast.storage.count else {
          throw ParameterError.input(
            "the equation gives \(reference.shape), the kernel \(fast.shape)")
        }
        for i in reference.storage.indices {
          let ref = reference.storage[i]
          worst = max(worst, abs(Double(fast.storage[i]) - ref) / (1 + abs(ref)))
          compared += 1
        }
      }
      // Float32 rounding over ≤ 7·7·12 = 588-term sums: ≲ 588 · 6e-8 ≈ 4e-5 relative.
      let bound = 1e-4
      return Measurement(
        status: worst <= bound ? .pass : .fail, expected: .real(0), measured: .real(worst),
        tolerance: Tolerance(.absolute, bound, reason: "Float32 sums of ≤ 588 terms: ≲ 4e-5"),
        detail: "\(compared) outputs over 4 shapes (\(s.summary)): largest relative difference "
          + "\(Value.format(worst))")
    }
  }
}
