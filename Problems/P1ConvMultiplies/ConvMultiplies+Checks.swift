import Algebra
import Foundation
import IndexNotation
import TensorCore
import Verification

extension ConvMultiplies {
  /// A shape of problem 1: batch, image, channels, filter.
  public struct Shape: Sendable, CustomStringConvertible {
    public var batch, width, height, inputs, outputs, filterX, filterY: Int

    public init(
      batch: Int, width: Int, height: Int, inputs: Int, outputs: Int, filterX: Int,
      filterY: Int
    ) {
      (self.batch, self.width, self.height) = (batch, width, height)
      (self.inputs, self.outputs, self.filterX, self.filterY) = (inputs, outputs, filterX, filterY)
    }

    var point: [String: Rational] {
      [
        "B": Rational(batch), "X": Rational(width), "Y": Rational(height), "N_in": Rational(inputs),
        "N_out": Rational(outputs), "ΔX": Rational(filterX), "ΔY": Rational(filterY),
      ]
    }

    public var description: String {
      "B=\(batch) X=\(width) Y=\(height) N_in=\(inputs) N_out=\(outputs) ΔX=\(filterX) ΔY=\(filterY)"
    }

    static func random(_ r: inout RandomStream) -> Shape {
      // Small enough for debug builds; filters up to 9 wide on images from 1 to 12, so kernels
      // wider than the image and ΔX ≠ ΔY both occur often.
      Shape(
        batch: 1 + r.nextInt(below: 3), width: 1 + r.nextInt(below: 12),
        height: 1 + r.nextInt(below: 12), inputs: 1 + r.nextInt(below: 4),
        outputs: 1 + r.nextInt(below: 4), filterX: 1 + r.nextInt(below: 9),
        filterY: 1 + r.nextInt(below: 9))
    }
  }

  /// The user's shape and border convention (`--param`).
  struct UserShape: Sendable {
    var shape: Shape
    var padding: Padding

    init(_ p: ParameterValues) {
      shape = Shape(
        batch: p.integer("B"), width: p.integer("X"), height: p.integer("Y"),
        inputs: p.integer("N_in"), outputs: p.integer("N_out"),
        filterX: p.integer("DX"), filterY: p.integer("DY"))
      padding = Padding(rawValue: p.choice("padding"))!
    }
  }

  static func validate(_ user: UserShape) throws {
    let s = user.shape
    let ox = user.padding.outputExtent(input: s.width, filter: s.filterX, stride: 1)
    let oy = user.padding.outputExtent(input: s.height, filter: s.filterY, stride: 1)
    // Input and kernel: Float plus the Double draws that fill them (12 B), the kernel also
    // packed (4 B); output Float; 64 MiB for the process, tap tables and tiles.
    let bytes = ResourceLimits.saturatingSum([
      ResourceLimits.saturatingProduct([s.batch, s.width, s.height, s.inputs, 12]),
      ResourceLimits.saturatingProduct([s.outputs, s.filterX, s.filterY, s.inputs, 16]),
      ResourceLimits.saturatingProduct([s.batch, ox, oy, s.outputs, 4]),
      64 << 20,
    ])
    let budget = ResourceLimits.memoryBudget()
    if bytes > budget.bytes {
      throw ParameterError.tooLarge(
        "the shape \(s) with \(user.padding.rawValue) padding needs \(bytes >> 20) MiB at its "
          + "peak; \(budget.reason): use a smaller B, X, Y or N")
    }
    let multiplies = ResourceLimits.saturatingProduct([
      s.batch, ox, oy, s.outputs, s.filterX, s.filterY, s.inputs,
    ])
    if multiplies > ResourceLimits.maximumMultiplies {
      throw ParameterError.tooLarge(
        "the shape \(s) takes \(multiplies) multiplies; psverify runs shapes up to "
          + "\(ResourceLimits.maximumMultiplies) multiplies")
    }
  }

  /// Runs the convolution kernel on random tensors of `shape` and returns the multiplies it counted.
  static func countedMultiplies(_ s: Shape, padding: Padding, random: inout RandomStream) -> Int {
    let input = Tensor<Float>.normal(
      shape: [s.batch, s.width, s.height, s.inputs], random: &random)
    let kernel = Tensor<Float>.normal(
      shape: [s.outputs, s.filterX, s.filterY, s.inputs], random: &random)
    let thresholds = Tensor<Float>.normal(shape: [s.outputs], random: &random)
    let counter = MultiplyCounter()
    _ = Convolution.forward(
      input: input, kernel: kernel, thresholds: thresholds,
      axes: [
        ConvolutionAxis(input: s.width, filter: s.filterX, padding: padding),
        ConvolutionAxis(input: s.height, filter: s.filterY, padding: padding),
      ],
      counter: counter)
    return counter.value
  }

  /// The count a convention predicts for a shape, from its closed form.
  static func predicted(_ padding: Padding, _ s: Shape, candidate: Polynomial, valid: Polynomial)
    -> Int
  {
    switch padding {
    case .same: return integer(candidate.evaluate(s.point))
    case .valid:
      guard s.filterX <= s.width && s.filterY <= s.height else { return 0 }  // no output fits
      return integer(valid.evaluate(s.point))
    case .skip:
      return s.batch * s.outputs * s.inputs * skipTaps(input: s.width, filter: s.filterX)
        * skipTaps(input: s.height, filter: s.filterY)
    }
  }

  static func integer(_ r: Rational?) -> Int { r?.intValue ?? Int.min }

  static func checks(candidate: Polynomial, valid: Polynomial, user: UserShape, shapes: Int)
    -> [Check]
  {
    var checks = Padding.allCases.map { padding in
      Check(
        id: "instrumented-count-\(padding.rawValue)", kind: .instrumented,
        summary: "multiplies counted inside the conv2d kernel (\(padding.rawValue) padding) "
          + "equal the closed form, on random shapes",
        params: [
          ("shapes", .integer(shapes)), ("padding", .text(padding.rawValue)),
          (
            "count",
            .text(
              padding == .same
                ? candidate.description
                : padding == .valid
                  ? valid.factoredDescription
                  : "B·N_out·N_in·C_X·C_Y")
          ),
        ]
      ) { context in
        var tally = CountTally()
        var wide = 0
        var unequal = 0
        for n in 0..<shapes {
          var r = context.random.split(n)
          let s = Shape.random(&r)
          if s.filterX > s.width || s.filterY > s.height { wide += 1 }
          if s.filterX != s.filterY { unequal += 1 }
          tally.add(
            predicted: predicted(padding, s, candidate: candidate, valid: valid),
            counted: countedMultiplies(s, padding: padding, random: &r), "\(s)")
        }
        return tally.measurement(
          "random shapes (\(wide) with a kernel wider than the image, "
            + "\(unequal) with ΔX ≠ ΔY)")
      }
    }
    checks.append(equationCheck())
    checks.append(skipSumCheck(shapes: shapes))
    checks.append(
      Check(
        id: "user-shape-count", kind: .instrumented,
        summary: "the derived count and the kernel's count for the user's shape",
        params: [
          ("shape", .text(user.shape.description)), ("padding", .text(user.padding.rawValue)),
        ]
      ) { context in
        let expected = predicted(user.padding, user.shape, candidate: candidate, valid: valid)
        let measured = countedMultiplies(user.shape, padding: user.padding, random: &context.random)
        return Measurement(
          status: expected == measured ? .pass : .fail, expected: .integer(expected),
          measured: .integer(measured), tolerance: .exact,
          detail: "\(user.shape), \(user.padding.rawValue) padding: derived \(expected), counted "
            + "\(measured) multiplies")
      })
    return checks
  }
}
