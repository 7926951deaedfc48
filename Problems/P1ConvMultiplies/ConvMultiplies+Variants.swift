import Algebra
import IndexNotation
import TensorCore
import Verification

/// Problem 1 as a family: a stride s ∈ {1, 2, 3}, G ∈ {1, 2, 4} groups and `same` or `valid`
/// borders, never stride 1 with one group (the base). Each member's count is the notation
/// engine's count of its own equation with the output sizes substituted.
extension ConvMultipliesProblem: ProblemFamily {
  public func variant(seed: UInt64) -> Variant {
    guard seed != 0 else {
      return .base(
        self, structure: [("stride", "1"), ("groups", "1"), ("borders", "same or valid")],
        summary: "stride 1, one group")
    }
    var r = Variant.stream(problemID: id, seed: seed)
    var stride = 1
    var groups = 1
    while stride == 1 && groups == 1 {
      stride = 1 + r.nextInt(below: 3)
      groups = [1, 2, 4][r.nextInt(below: 3)]
    }
    let padding: Padding = r.nextInt(below: 2) == 0 ? .same : .valid
    let structure = ConvStructure(stride: stride, groups: groups, padding: padding)
    return Variant(
      problemID: id, seed: seed, problem: ConvMultipliesVariantProblem(structure),
      structure: [
        ("stride", "\(stride)"), ("groups", "\(groups)"),
        ("borders", padding.rawValue),
      ],
      summary: structure.summary,
      kind: [stride > 1 ? "stride" : nil, groups > 1 ? "groups" : nil]
        .compactMap { $0 }.joined(separator: "+") + ", \(padding.rawValue)",
      differsInStructure: structure != .base)
  }
}

extension ConvMultiplies {
  /// The count of a structure: the notation engine counts its equation's multiplies in the
  /// output sizes and per-group channels; X, Y become the output extents and N_out, N_in the
  /// per-group counts N_out/G, N_in/G, G its value.
  static func count(_ s: ConvStructure) throws -> (fromEquation: Polynomial, count: Polynomial) {
    var parser = Parser(s.equation())
    let raw = try parser.parseEquation().multiplyCount
    let perGroup = Polynomial(Rational(1, s.groups))
    let count = raw.substituting([
      "X": s.outputExtent("X", "ΔX"), "Y": s.outputExtent("Y", "ΔY"),
      "N_out": Polynomial.symbol("N_out") * perGroup, "N_in": Polynomial.symbol("N_in") * perGroup,
      "G": Polynomial(Rational(s.groups)),
    ])
    return (raw, count)
  }

  static func derivation(_ s: ConvStructure) throws -> Derivation {
    let (raw, count) = try count(s)
    var steps = [
      DerivationStep(
        "In the course's notation, with stride \(s.stride)"
          + (s.groups > 1
            ? ", the channels split into G = \(s.groups) groups (g the group, n_out "
              + "and N_in within it)" : "") + " and no activation: \(s.equation())."),
      DerivationStep(
        "The notation engine counts one multiply per factor pair for every value of "
          + "the free and the summed indices: \(raw), with X and Y the output's sizes"
          + (s.groups > 1 ? " and N_out, N_in the channels of one group." : ".")),
      DerivationStep("Subtracting the threshold is an addition: it costs no multiply."),
      DerivationStep(
        s.padding == .valid
          ? "With `valid` borders the output is ((X − ΔX)/\(s.stride) + 1) × "
            + "((Y − ΔY)/\(s.stride) + 1)"
          : "With `same` borders (zeros multiplied) and stride \(s.stride) the output is "
            + "X/\(s.stride) × Y/\(s.stride)"),
    ]
    if !s.assumption.isEmpty { steps.append(DerivationStep("(given that \(s.assumption))")) }
    if s.groups > 1 {
      steps.append(
        DerivationStep(
          "Each group has N_out/\(s.groups) outputs and N_in/\(s.groups) "
            + "inputs, and there are \(s.groups) groups."))
    }
    steps.append(
      DerivationStep(
        "So the count is \(s.countText) = \(count.factoredDescription).",
        latex: count.latex))
    return Derivation(
      steps: steps, answer: .polynomial(count),
      summary: "\(s.countText) multiplies (\(s.summary))")
  }

  /// A random shape the structure's statement allows: X, Y (or X − ΔX, Y − ΔY) multiples of
  /// the stride, channels multiples of G; small enough for debug builds.
  static func randomShape(_ s: ConvStructure, _ r: inout RandomStream) -> Shape {
    let fx = 1 + r.nextInt(below: 7)
    let fy = 1 + r.nextInt(below: 7)
    func extent(_ k: Int) -> Int {
      s.padding == .valid
        ? k + s.stride * r.nextInt(below: 5) : s.stride * (1 + r.nextInt(below: 5))
    }
    let width = extent(fx)
    let height = extent(fy)
    return Shape(
      batch: 1 + r.nextInt(below: 2), width: width, height: height,
      inputs: s.groups * (1 + r.nextInt(below: 3)),
      outputs: s.groups * (1 + r.nextInt(below: 3)), filterX: fx, filterY: fy)
  }

  /// Runs the structure's convolution on random tensors: G convolutions of the conv2d kernel,
  /// group g reading input channels [g·N_in/G, (g+1)·N_in/G) and writing its N_out/G outputs.
  /// Returns the output [B, X′, Y′, N_out] and the multiplies the kernel counted.
  static func groupedForward(
    _ s: ConvStructure, _ shape: Shape, input: Tensor<Float>,
    kernel: Tensor<Float>, thresholds: Tensor<Float>,
    counter: MultiplyCounter?
  ) -> Tensor<Float> {
    let ci = shape.inputs / s.groups
    let co = shape.outputs / s.groups
    let axes = [
      ConvolutionAxis(
        input: shape.width, filter: shape.filterX, stride: s.stride,
        padding: s.padding),
      ConvolutionAxis(
        input: shape.height, filter: shape.filterY, stride: s.stride,
        padding: s.padding),
    ]
    let pixels = shape.batch * shape.width * shape.height
    let taps = shape.filterX * shape.filterY
    var parts: [Tensor<Float>] = []
    for g in 0..<s.groups {
      var sliced: [Float] = []
      sliced.reserveCapacity(pixels * ci)
      for p in 0..<pixels {
        let start: Int = p * shape.inputs + g * ci
        sliced += input.storage[start..<(start + ci)]
      }
      let slice = Tensor<Float>(
        shape: [shape.batch, shape.width, shape.height, ci], storage: sliced)
      let kernelSize: Int = co * taps * ci
      let k = Tensor<Float>(
        shape: [co, shape.filterX, shape.filterY, ci],
        storage: Array(kernel.storage[(g * kernelSize)..<((g + 1) * kernelSize)]))
      let t = Tensor<Float>(
        shape: [co], storage: Array(thresholds.storage[(g * co)..<((g + 1) * co)]))
      parts.append(
        Convolution.forward(
          input: slice, kernel: k, thresholds: t, axes: axes,
          counter: counter))
    }
    let outShape = [shape.batch, axes[0].output, axes[1].output]
    let positions = outShape.reduce(1, *)
    var storage: [Float] = []
    storage.reserveCapacity(positions * shape.outputs)
    for p in 0..<positions {
      for part in parts { storage += part.storage[(p * co)..<((p + 1) * co)] }
    }
    return Tensor(shape: outShape + [shape.outputs], storage: storage)
  }

  /// Random tensors of a shape under a structure: input [B, X, Y, N_in], kernel
  /// [N_out, ΔX, ΔY, N_in/G], thresholds [N_out].
  static func randomTensors(_ s: ConvStructure, _ shape: Shape, _ r: inout RandomStream)
    -> (input: Tensor<Float>, kernel: Tensor<Float>, thresholds: Tensor<Float>)
  {
    (
      Tensor<Float>.normal(
        shape: [shape.batch, shape.width, shape.height, shape.inputs], random: &r),
      Tensor<Float>.normal(
        shape: [shape.outputs, shape.filterX, shape.filterY, shape.inputs / s.groups],
        random: &r),
      Tensor<Float>.normal(shape: [shape.outputs], random: &r)
    )
  }

  /// The multiplies the kernel counts for a shape under a structure.
  static func countedMultiplies(_ s: ConvStructure, _ shape: Shape, random r: inout RandomStream)
    -> Int
  {
    let (input, kernel, thresholds) = randomTensors(s, shape, &r)
    let counter = MultiplyCounter()
    _ = groupedForward(
      s, shape, input: input, kernel: kernel, thresholds: thresholds,
      counter: counter)
    return counter.value
  }
}
