import IndexNotation
import TensorCore
import Verification

/// Problem 2 as a family: a stride in space a ∈ {1, 2, 3} and in time c ∈ {1, 2, 3}, `valid` or
/// centred spatial borders, and a `valid`, centred or causal time filter. Each member's equation
/// is composed from its structure axis by axis, and checked against the conv3d kernel run with
/// that structure's strides and borders.
extension VideoConvProblem: ProblemFamily {
  public func variant(seed: UInt64) -> Variant {
    guard seed != 0 else {
      return .base(
        self, structure: [("strides", "s in space and time"), ("borders", "valid")],
        summary: "one stride s in space and time, `valid` borders")
    }
    var r = Variant.stream(problemID: id, seed: seed)
    let spaceStride = 1 + r.nextInt(below: 3)
    let timeStride = 1 + r.nextInt(below: 3)
    let space: VideoStructure.Placement = r.nextInt(below: 2) == 0 ? .valid : .centred
    let time = VideoStructure.Placement.allCases[r.nextInt(below: 3)]
    let s = VideoStructure(
      spaceStride: spaceStride, timeStride: timeStride, space: space, time: time)
    var kind: [String] = []
    if spaceStride != timeStride { kind.append("separate-strides") }
    if space == .centred { kind.append("centred-space") }
    if time != .valid { kind.append("\(time.rawValue)-time") }
    return Variant(
      problemID: id, seed: seed, problem: VideoConvVariantProblem(s),
      structure: [
        ("stride in space", "\(spaceStride)"), ("stride in time", "\(timeStride)"),
        ("spatial filter", space.rawValue), ("time filter", time.rawValue),
      ],
      summary: s.summary, kind: kind.isEmpty ? "one-stride" : kind.joined(separator: "+"),
      differsInStructure: !s.isBaseShape)
  }
}

extension VideoConv {
  static func derivation(_ v: VideoStructure) throws -> Derivation {
    var parser = Parser(v.equation)
    let eq = try parser.parseEquation()
    func placed(_ axis: String, _ tap: String, _ stride: Int, _ p: VideoStructure.Placement)
      -> String
    {
      let start = "\(stride)·\(axis)"
      switch p {
      case .valid:
        return "along \(axis) the window starts at \(start) and reads \(start) + \(tap) "
          + "(\(axis) ranges over ⌊(\(axis.uppercased()) − \(tap))/\(stride)⌋ + 1 values)"
      case .centred:
        return "along \(axis) the 3 taps are centred on \(start): \(start) + \(tap) − 1, zeros "
          + "outside (⌈\(axis.uppercased())/\(stride)⌉ values)"
      case .causal:
        return "along \(axis) tap \(tap) reads \(tap) frames before \(start): \(start) − \(tap), "
          + "never a later frame, zeros before frame 0 (⌈\(axis.uppercased())/\(stride)⌉ values)"
      }
    }
    return Derivation(
      steps: [
        DerivationStep(
          "Output channel j at position (x, y, t): the filter K_{ℓ+1}[j, ΔX, ΔY, ΔT, I] meets the "
            + "input window of that position; ΔX, ΔY, ΔT, I repeat in the product and are "
            + "summed; the threshold is subtracted inside σ."),
        DerivationStep(
          placed("x", "ΔX", v.spaceStride, v.space) + "; likewise y; "
            + placed("t", "ΔT", v.timeStride, v.time) + "."),
        DerivationStep("The equation: \(eq)."),
        DerivationStep(
          "The notation engine counts the multiplies: \(eq.multiplyCount), with X, Y, T the "
            + "output's sizes."),
      ],
      answer: .equation(eq), summary: v.summary)
  }

  /// The filter as the conv3d kernel reads it: for a causal time axis the kernel's tap d reads
  /// frame c·t − (Δ − 1) + d, which is lag Δ − 1 − d, so the time taps are reversed.
  static func taps(_ filter: Tensor<Float>, _ v: VideoStructure) -> Tensor<Float> {
    guard v.time == .causal else { return filter }
    var out = filter
    let (j, fx, fy, ft, i) = (
      filter.shape[0], filter.shape[1], filter.shape[2], filter.shape[3], filter.shape[4]
    )
    for a in 0..<j {
      for x in 0..<fx {
        for y in 0..<fy {
          for d in 0..<ft {
            for c in 0..<i {
              out[a, x, y, d, c] = filter[a, x, y, ft - 1 - d, c]
            }
          }
        }
      }
    }
    return out
  }

  /// The structure's layer on a clip: the conv3d kernel with the structure's strides, borders
  /// and filter placement, σ applied after the threshold.
  static func forward(
    _ v: VideoStructure, _ s: Shape, _ data: Data, activation: Activation = .sigmoid,
    thresholds: Bool = true, counter: MultiplyCounter? = nil
  ) -> Tensor<Float> {
    Convolution.forward(
      input: data.input, kernel: taps(data.kernel, v),
      thresholds: thresholds ? data.thresholds : nil, axes: v.axes(s), activation: activation,
      counter: counter)
  }
}
