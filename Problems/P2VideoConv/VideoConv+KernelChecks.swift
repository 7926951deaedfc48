import Algebra
import Foundation
import IndexNotation
import TensorCore
import Verification

extension VideoConv {
  /// With T = ΔT = 1 the video kernel computes problem 1's 2-D convolution: the conv3d kernel on
  /// one-frame clips against the notation engine evaluating the 2-D equation
  /// `O[b,x,y,j] = K[j,ΔX,ΔY,I] L[b, s·x + ΔX, s·y + ΔY, I] − B[j]` by its own loops (not the
  /// same kernel run on a 2-D view).
  static func reducesTo2dCheck() -> Check {
    Check(
      id: "reduces-to-2d", kind: .numeric,
      summary:
        "with T = ΔT = 1 the conv3d kernel equals the 2-D convolution equation of problem 1, "
        + "evaluated by the notation engine"
    ) { context in
      var worst = 0.0
      var parser = Parser("O[b, x, y, j] = K[j, ΔX, ΔY, I] L[b, sx + ΔX, sy + ΔY, I] − B[j]")
      let equation = try parser.parseEquation()
      for n in 0..<6 {
        var r = context.random.split(n)
        var s = Shape.random(&r, stride: 1 + n % 3)
        (s.frames, s.filterT) = (1, 1)
        let data = randomData(s, &r)
        let video = Convolution.forward(
          input: data.input, kernel: data.kernel,
          thresholds: data.thresholds, axes: s.axes(.valid))
        let image = [s.batch, s.width, s.height, s.inputs]
        let filter = [s.outputs, s.filterX, s.filterY, s.inputs]
        let outputShape = [video.shape[0], video.shape[1], video.shape[2], video.shape[4]]
        var evaluator = try Evaluator(
          equation,
          bindings: Bindings(
            tensors: [
              TensorName(base: "L"): Tensor(shape: image, storage: data.input.storage).doubles,
              TensorName(base: "K"): Tensor(shape: filter, storage: data.kernel.storage).doubles,
              TensorName(base: "B"): data.thresholds.doubles,
            ],
            parameters: ["s": s.stride], outputShape: outputShape))
        let (reference, _) = try evaluator.run()
        worst = max(
          worst,
          Agreement.largestRelativeDifference(
            Tensor(shape: outputShape, storage: video.storage), reference))
      }
      return Measurement(
        status: worst <= rounding.value! ? .pass : .fail, expected: .real(0),
        measured: .real(worst),
        tolerance: rounding,
        detail: "6 clips with one frame and s = 1, 2, 3 against the 2-D equation: largest relative "
          + "difference \(Value.format(worst))")
    }
  }

  /// A 3-D convolution is the sum over Δt of 2-D convolutions of the frames s·t + Δt.
  static func sliceSumCheck() -> Check {
    Check(
      id: "sum-of-2d-slices", kind: .numeric,
      summary: "the 3-D convolution equals Σ over Δt of 2-D convolutions of time slices"
    ) { context in
      var worst = 0.0
      for n in 0..<6 {
        var r = context.random.split(n)
        let s = Shape.random(&r, stride: 1 + n % 3)
        let data = randomData(s, &r)
        let video = Convolution.forward(
          input: data.input, kernel: data.kernel, thresholds: nil,
          axes: s.axes(.valid))
        let axes2 = Array(s.axes(.valid).prefix(2))
        let (ox, oy, ot) = (axes2[0].output, axes2[1].output, s.axes(.valid)[2].output)
        var total = [Double](repeating: 0, count: video.count)
        for dt in 0..<s.filterT {
          for t in 0..<ot {
            // Frame s·t + Δt of the clip and slice Δt of the filter, as 2-D tensors.
            var frame = Tensor<Float>(shape: [s.batch, s.width, s.height, s.inputs], repeating: 0)
            for b in 0..<s.batch {
              for x in 0..<s.width {
                for y in 0..<s.height {
                  for i in 0..<s.inputs {
                    frame[b, x, y, i] = data.input[b, x, y, s.stride * t + dt, i]
                  }
                }
              }
            }
            var slice = Tensor<Float>(
              shape: [s.outputs, s.filterX, s.filterY, s.inputs], repeating: 0)
            for j in 0..<s.outputs {
              for x in 0..<s.filterX {
                for y in 0..<s.filterY {
                  for i in 0..<s.inputs {
                    slice[j, x, y, i] = data.kernel[j, x, y, dt, i]
                  }
                }
              }
            }
            let image = Convolution.forward(
              input: frame, kernel: slice, thresholds: nil, axes: axes2)
            for b in 0..<s.batch {
              for x in 0..<ox {
                for y in 0..<oy {
                  for j in 0..<s.outputs {
                    total[video.offset([b, x, y, t, j])] += Double(image[b, x, y, j])
                  }
                }
              }
            }
          }
        }
        for i in total.indices {
          worst = max(worst, abs(Double(video.storage[i]) - total[i]) / (1 + abs(total[i])))
        }
      }
      return Measurement(
        status: worst <= rounding.value! ? .pass : .fail, expected: .real(0),
        measured: .real(worst),
        tolerance: rounding,
        detail: "6 clips, s = 1, 2, 3: largest relative difference \(Value.format(worst))")
    }
  }

  /// Output sizes: the formulas against counting the window positions one by one, and both
  /// against the extent of the output the convolution kernel returns (a one-axis convolution of a
  /// [1, X, 1] input).
  static func outputSizeCheck() -> Check {
    Check(
      id: "output-sizes", kind: .symbolic,
      summary: "⌊(X − ΔX)/s⌋ + 1 (valid) and ⌈X/s⌉ (same) equal the counted window positions, "
        + "for X ≤ 16, ΔX ≤ X, s ≤ 5"
    ) { _ in
      var cases = 0
      var agree = 0
      var undivided = 0
      var first: String?
      for x in 1...16 {
        for filter in 1...x {
          for stride in 1...5 {
            cases += 1
            if (x - filter) % stride != 0 { undivided += 1 }
            let validCount = (0..<x).filter { stride * $0 + filter - 1 <= x - 1 }.count
            let sameCount = (0..<x).filter { stride * $0 <= x - 1 }.count
            let formulaValid = (x - filter) / stride + 1
            let formulaSame = (x + stride - 1) / stride
            let kernelValid = kernelExtent(x, filter: filter, stride: stride, padding: .valid)
            let kernelSame = kernelExtent(x, filter: filter, stride: stride, padding: .same)
            if validCount == formulaValid && sameCount == formulaSame && kernelValid == validCount
              && kernelSame == sameCount
            {
              agree += 1
            } else if first == nil {
              first = "X=\(x) ΔX=\(filter) s=\(stride): counted \(validCount)/\(sameCount)"
            }
          }
        }
      }
      return Measurement(
        status: agree == cases ? .pass : .fail, expected: .integer(cases),
        measured: .integer(agree),
        tolerance: .exact,
        detail:
          "\(agree) of \(cases) (X, ΔX, s) agree, \(undivided) of them with s not dividing X − ΔX"
          + (first.map { "; first disagreement \($0)" } ?? ""))
    }
  }

  /// The extent of the output `Convolution.forward` returns for a [1, X, 1] input and a
  /// [1, ΔX, 1] filter: measured on the kernel, not read from the formula it is compared with.
  static func kernelExtent(_ x: Int, filter: Int, stride: Int, padding: Padding) -> Int {
    Convolution.forward(
      input: Tensor(shape: [1, x, 1], repeating: 1),
      kernel: Tensor(shape: [1, filter, 1], repeating: 1),
      thresholds: nil,
      axes: [ConvolutionAxis(input: x, filter: filter, stride: stride, padding: padding)]
    ).shape[1]
  }

  /// The multiplies the kernel counts against the equation's count polynomial.
  static func countCheck(_ candidate: Equation) -> Check {
    Check(
      id: "instrumented-count", kind: .instrumented,
      summary: "multiplies counted in the conv3d kernel equal the equation's count polynomial"
    ) { context in
      let count = candidate.multiplyCount
      var tally = CountTally()
      for n in 0..<60 {
        var r = context.random.split(n)
        let s = Shape.random(&r, stride: 1 + n % 3)
        tally.add(
          predicted: try predicted(count, s, .valid), counted: counted(s, .valid, &r), "\(s)")
      }
      return tally.measurement("random clips, s = 1, 2, 3, count \(count) at the output sizes")
    }
  }

  static func predicted(_ count: Polynomial, _ s: Shape, _ padding: Padding) throws -> Int {
    let out = s.axes(padding).map(\.output)
    let point: [String: Rational] = [
      "B": Rational(s.batch), "X": Rational(out[0]), "Y": Rational(out[1]), "T": Rational(out[2]),
      "I": Rational(s.inputs), "J": Rational(s.outputs), "ΔX": Rational(s.filterX),
      "ΔY": Rational(s.filterY), "ΔT": Rational(s.filterT),
    ]
    guard let v = count.evaluate(point)?.intValue else {
      throw EvaluationError.noRange("a symbol of \(count)")
    }
    return v
  }

  static func counted(_ s: Shape, _ padding: Padding, _ r: inout RandomStream) -> Int {
    let data = randomData(s, &r)
    let counter = MultiplyCounter()
    _ = Convolution.forward(
      input: data.input, kernel: data.kernel, thresholds: data.thresholds,
      axes: s.axes(padding), activation: .sigmoid, counter: counter)
    return counter.value
  }

  static func userShapeCheck(_ candidate: Equation, _ s: Shape, _ padding: Padding) -> Check {
    Check(
      id: "user-shape-count", kind: .instrumented,
      summary: "the derived count and the conv3d kernel's count for the user's shape",
      params: [("shape", .text(s.description)), ("padding", .text(padding.rawValue))]
    ) { context in
      let e = try predicted(candidate.multiplyCount, s, padding)
      let m = counted(s, padding, &context.random)
      let out = s.axes(padding).map(\.output)
      return Measurement(
        status: e == m ? .pass : .fail, expected: .integer(e), measured: .integer(m),
        tolerance: .exact,
        detail: "\(s), \(padding.rawValue): output \(out[0])×\(out[1])×\(out[2]), derived \(e), "
          + "counted \(m) multiplies")
    }
  }
}
