import IndexNotation
import ProblemDocument
import TensorCore
import Verification

/// Problem 2: the strided video convolution, as an equation in the course's notation.
public enum VideoConv {
  public static let problem = VideoConvProblem()

  /// psverify's equation: stride s in space and time, `valid` borders, thresholds subtracted.
  public static let equation =
    "L_{ℓ+1}[b, x, y, t, j] = σ(K_{ℓ+1}[j, ΔX, ΔY, ΔT, I] L_ℓ[b, sx + ΔX, sy + ΔY, st + ΔT, I] − B_{ℓ+1}[j])"

  /// A video shape with its filter and stride.
  public struct Shape: Sendable, CustomStringConvertible {
    public var batch, width, height, frames, inputs, outputs, filterX, filterY, filterT, stride: Int

    public init(
      batch: Int, width: Int, height: Int, frames: Int, inputs: Int, outputs: Int,
      filterX: Int, filterY: Int, filterT: Int, stride: Int
    ) {
      (self.batch, self.width, self.height, self.frames) = (batch, width, height, frames)
      (self.inputs, self.outputs) = (inputs, outputs)
      (self.filterX, self.filterY, self.filterT, self.stride) = (filterX, filterY, filterT, stride)
    }

    public var description: String {
      "B=\(batch) X=\(width) Y=\(height) T=\(frames) N_in=\(inputs) N_out=\(outputs) "
        + "ΔX=\(filterX) ΔY=\(filterY) ΔT=\(filterT) s=\(stride)"
    }

    func axes(_ padding: Padding) -> [ConvolutionAxis] {
      [
        ConvolutionAxis(input: width, filter: filterX, stride: stride, padding: padding),
        ConvolutionAxis(input: height, filter: filterY, stride: stride, padding: padding),
        ConvolutionAxis(input: frames, filter: filterT, stride: stride, padding: padding),
      ]
    }

    /// A small random shape that fits `valid` (filters no longer than the clip).
    static func random(_ r: inout RandomStream, stride: Int) -> Shape {
      let w = 1 + r.nextInt(below: 9)
      let h = 1 + r.nextInt(below: 9)
      let t = 1 + r.nextInt(below: 7)
      return Shape(
        batch: 1 + r.nextInt(below: 2), width: w, height: h, frames: t,
        inputs: 1 + r.nextInt(below: 3), outputs: 1 + r.nextInt(below: 3),
        filterX: 1 + r.nextInt(below: w), filterY: 1 + r.nextInt(below: h),
        filterT: 1 + r.nextInt(below: t), stride: stride)
    }
  }
}

public struct VideoConvProblem: Problem {
  public init() {}

  public let id = "2"
  public let title = "The strided video convolution in index notation"
  public let question = """
    A video CNN has layers L[b, x, y, t, n]. Write L_{ℓ+1}[b, x, y, t, j] in terms of \
    L_ℓ[B, X, Y, T, I] with a filter that has a time offset Δt and a stride s in space and time, \
    using the repeated-index summation convention.
    """
  public let answerFormat =
    "an equation such as "
    + "L_{l+1}[b,x,y,t,j] = sigma(K[j,dX,dY,dT,I] L_l[b,s*x+dX,s*y+dY,s*t+dT,I] - B[j])"
  public let defaultTrials = 1

  public var parameters: [ParameterSpec] {
    let size = { (name: String, what: String, d: Int) in
      ParameterSpec(name, what, domain: .integer(1...4096), default: .integer(d))
    }
    return [
      size("B", "batch of the user's shape", 2), size("X", "clip width", 32),
      size("Y", "clip height", 32), size("T", "clip length in frames", 16),
      size("N_in", "input channels", 16), size("N_out", "output channels", 16),
      size("DX", "filter width ΔX", 3), size("DY", "filter height ΔY", 3),
      size("DT", "filter length ΔT", 3),
      ParameterSpec(
        "s", "stride in space and time", domain: .integer(1...64), default: .integer(2)),
      ParameterSpec(
        "padding", "border convention of the user's shape",
        domain: .choice(["valid", "same"]), default: .choice("valid")),
    ]
  }

  public func validate(_ p: ParameterValues) throws {
    try VideoConv.validate(VideoConv.userShape(p), padding: Padding(rawValue: p.choice("padding"))!)
  }

  public func derive(_ parameters: ParameterValues) throws -> Derivation {
    try VideoConv.derivation()
  }

  public func printedAnswer(_ solution: [ReadFragment]) -> (text: String, fragment: MathFragment)? {
    for r in solution {
      if case .equations = r.content { return (r.fragment.text, r.fragment) }
    }
    return nil
  }

  public func grade(_ answer: String, _ derivation: Derivation, _ context: inout GradingContext)
    -> Grade
  {
    VideoConv.grade(answer, derivation, &context)
  }

  public func checks(_ derivation: Derivation, _ p: ParameterValues) -> [Check] {
    guard case .equation(let eq) = derivation.answer else { return [] }
    return VideoConv.checks(
      candidate: eq, user: VideoConv.userShape(p),
      padding: Padding(rawValue: p.choice("padding"))!)
  }
}

extension VideoConv {
  static func userShape(_ p: ParameterValues) -> Shape {
    Shape(
      batch: p.integer("B"), width: p.integer("X"), height: p.integer("Y"),
      frames: p.integer("T"), inputs: p.integer("N_in"), outputs: p.integer("N_out"),
      filterX: p.integer("DX"), filterY: p.integer("DY"), filterT: p.integer("DT"),
      stride: p.integer("s"))
  }

  static func validate(_ s: Shape, padding: Padding) throws {
    if padding == .valid {
      for (name, input, filter) in [
        ("ΔX", s.width, s.filterX), ("ΔY", s.height, s.filterY),
        ("ΔT", s.frames, s.filterT),
      ] where filter > input {
        throw ParameterError.tooLarge(
          "the filter \(name) = \(filter) is longer than the clip (\(input)); under valid "
            + "padding no output fits: use a filter of at most \(input), or --param padding=same")
      }
    }
    let bytes = estimatedBytes(s, padding: padding)
    let multiplies = ResourceLimits.saturatingProduct(
      [
        s.batch, ResourceLimits.saturatingProduct(s.axes(padding).map(\.output)), s.outputs,
        s.filterX, s.filterY, s.filterT, s.inputs,
      ])
    let budget = ResourceLimits.memoryBudget()
    if bytes > budget.bytes {
      throw ParameterError.tooLarge(
        "the shape \(s) needs \(bytes >> 20) MiB at its peak (input, kernel, output and the "
          + "draws that fill them); \(budget.reason): use a smaller B, X, Y, T or N")
    }
    if multiplies > ResourceLimits.maximumMultiplies {
      throw ParameterError.tooLarge(
        "the shape \(s) needs \(multiplies) multiplies; psverify runs up to 2·10¹¹")
    }
  }

  /// The peak bytes of the user-shape check, every tensor it allocates counted:
  ///
  /// ```
  /// input  B·X·Y·T·N_in   Float (4 B) + the Double draws that fill it (8 B), alive together
  /// kernel N_out·ΔX·ΔY·ΔT·N_in  likewise 12 B, plus its packed copy (4 B)
  /// output B·X′·Y′·T′·N_out  Float (4 B)
  /// ```
  /// plus 64 MiB for the process itself, the tap tables and tiles.
  static func estimatedBytes(_ s: Shape, padding: Padding) -> Int {
    let input = ResourceLimits.saturatingProduct([s.batch, s.width, s.height, s.frames, s.inputs])
    let kernel = ResourceLimits.saturatingProduct(
      [s.outputs, s.filterX, s.filterY, s.filterT, s.inputs])
    let output = ResourceLimits.saturatingProduct(
      [s.batch, ResourceLimits.saturatingProduct(s.axes(padding).map(\.output)), s.outputs])
    return ResourceLimits.saturatingSum([
      ResourceLimits.saturatingProduct([input, 12]),
      ResourceLimits.saturatingProduct([kernel, 16]),
      ResourceLimits.saturatingProduct([output, 4]), 64 << 20,
    ])
  }
}
