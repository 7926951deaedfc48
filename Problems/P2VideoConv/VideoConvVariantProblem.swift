import IndexNotation
import ProblemDocument
import Verification

/// A member of problem 2's family: the video convolution with its own strides in space and
/// time, spatial borders and time filter, its equation composed from that structure and checked
/// against the conv3d kernel run with it.
public struct VideoConvVariantProblem: VariantProblem {
  public let structure: VideoStructure

  public init(_ structure: VideoStructure) {
    self.structure = structure
  }

  public var id: String { VideoConv.problem.id }
  public var title: String {
    "The strided video convolution in index notation — \(structure.summary)"
  }
  public var question: String {
    let v = structure
    var text =
      "A video CNN has layers L[b, x, y, t, n]. Write L_{ℓ+1}[b, x, y, t, j] in terms of "
      + "L_ℓ[B, X, Y, T, I] with a filter K_{ℓ+1}[j, ΔX, ΔY, ΔT, I] and thresholds B_{ℓ+1}[j], "
      + "using the repeated-index summation convention. The convolution moves by "
      + (v.spaceStride == v.timeStride
        ? "a stride of \(v.spaceStride) along x, y and t"
        : "a stride of \(v.spaceStride) along x and y and of \(v.timeStride) along t")
    text +=
      v.space == .centred
      ? "; in space the filter is 3 × 3, centred on the output's position, with zeros read "
        + "outside the frame"
      : "; in space only windows that lie inside the frame are computed (`valid`)"
    switch v.time {
    case .valid:
      text += "; in time only windows that lie inside the clip are computed (`valid`)"
    case .centred:
      text +=
        "; in time the filter spans 3 frames centred on the output's frame, with zeros "
        + "read outside the clip"
    case .causal:
      text +=
        "; the time filter is causal: its offset ΔT counts frames back from the output's "
        + "frame, so an output never reads a later frame, and zeros are read before frame 0"
    }
    return text + "."
  }
  public var answerFormat: String { VideoConv.problem.answerFormat }
  public var defaultTrials: Int { VideoConv.problem.defaultTrials }

  public var parameters: [ParameterSpec] {
    [
      ParameterSpec(
        "clips", "random clips in the equation check", domain: .integer(1...1000),
        default: .integer(8))
    ]
  }

  public func derive(_ parameters: ParameterValues) throws -> Derivation {
    try VideoConv.derivation(structure)
  }

  public func grade(
    _ answer: String, _ derivation: Derivation, _ context: inout GradingContext
  ) -> Grade {
    VideoConv.grade(answer, structure: structure, &context).namingVariant(structure.summary)
  }

  public func checks(_ derivation: Derivation, _ parameters: ParameterValues) -> [Check] {
    guard case .equation(let eq) = derivation.answer else { return [] }
    return VideoConv.variantChecks(
      candidate: eq, structure: structure, clips: parameters.integer("clips"))
  }
}
