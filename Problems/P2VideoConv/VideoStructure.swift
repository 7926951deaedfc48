import TensorCore

/// The video convolution of problem 2 and its variants: a stride a in space and c in time, the
/// spatial borders, and how the time filter sits on the frames.
///
/// ```
/// valid:   L_{ℓ+1}[b, x, y, t, j] = σ(K_{ℓ+1}[j, ΔX, ΔY, ΔT, I]
///                                       L_ℓ[b, ax + ΔX, ay + ΔY, ct + ΔT, I] − B_{ℓ+1}[j])
/// centred: a 3-tap filter centred on the output's position: ax + ΔX − 1 (or ct + ΔT − 1),
///          zeros read outside the clip
/// causal:  ΔT counts frames back from ct: ct − ΔT, zeros read before frame 0
/// ```
/// Output sizes: ⌊(X − ΔX)/a⌋ + 1 (valid), ⌈X/a⌉ (centred), ⌈T/c⌉ (causal).
public struct VideoStructure: Sendable, Equatable {
  /// How the filter sits on an axis.
  public enum Placement: String, Sendable, CaseIterable {
    /// Offsets 0…Δ−1 from the window's start, every window inside the clip.
    case valid
    /// Three taps centred on the output's position, zeros outside the clip.
    case centred
    /// Time only: the filter reads the current frame and the Δ−1 before it, zeros before frame 0.
    case causal
  }

  public let spaceStride: Int
  public let timeStride: Int
  public let space: Placement
  public let time: Placement

  public init(spaceStride: Int, timeStride: Int, space: Placement, time: Placement) {
    precondition(
      spaceStride >= 1 && timeStride >= 1 && space != .causal,
      "strides \(spaceStride), \(timeStride), space \(space)")
    self.spaceStride = spaceStride
    self.timeStride = timeStride
    self.space = space
    self.time = time
  }

  /// The printed problem read with a stride s = 2: the same stride everywhere, `valid`.
  public static let base = VideoStructure(
    spaceStride: 2, timeStride: 2, space: .valid, time: .valid)

  /// Whether it is the base problem's structure (one stride, `valid` on every axis), whatever
  /// the stride's value.
  public var isBaseShape: Bool { spaceStride == timeStride && space == .valid && time == .valid }

  /// "stride 2 in space, 3 in time, centred 3 × 3 spatial filter, causal time filter".
  public var summary: String {
    let strides =
      spaceStride == timeStride
      ? "stride \(spaceStride) in space and time"
      : "stride \(spaceStride) in space, \(timeStride) in time"
    let spatial =
      space == .centred
      ? "centred 3 × 3 spatial filter (zeros outside)"
      : "`valid` spatial borders"
    let temporal: String
    switch time {
    case .valid: temporal = "`valid` time filter"
    case .centred: temporal = "centred 3-frame time filter (zeros outside)"
    case .causal: temporal = "causal time filter (past frames only, zeros before frame 0)"
    }
    return "\(strides), \(spatial), \(temporal)"
  }

  /// The input's index along an axis: `2x + ΔX − 1`, `3t − ΔT`.
  func source(_ letter: String, _ tap: String, stride: Int, _ placement: Placement) -> String {
    let start = stride == 1 ? letter : "\(stride)\(letter)"
    switch placement {
    case .valid: return "\(start) + \(tap)"
    case .centred: return "\(start) + \(tap) − 1"
    case .causal: return "\(start) − \(tap)"
    }
  }

  /// The structure's equation in the course's notation.
  public var equation: String {
    let x = source("x", "ΔX", stride: spaceStride, space)
    let y = source("y", "ΔY", stride: spaceStride, space)
    let t = source("t", "ΔT", stride: timeStride, time)
    return "L_{ℓ+1}[b, x, y, t, j] = σ(K_{ℓ+1}[j, ΔX, ΔY, ΔT, I] L_ℓ[b, \(x), \(y), \(t), I] "
      + "− B_{ℓ+1}[j])"
  }

  /// One axis of the kernel: its stride, borders, and where tap 0 reads. A causal axis reads
  /// s·t − (Δ − 1) + d at tap d (the kernel's taps run forward in time; the filter's lag ΔT is
  /// tap Δ − 1 − ΔT, see `VideoConv.taps`).
  func axis(input: Int, filter: Int, stride: Int, _ placement: Placement) -> ConvolutionAxis {
    switch placement {
    case .valid:
      return ConvolutionAxis(input: input, filter: filter, stride: stride, padding: .valid)
    case .centred:
      return ConvolutionAxis(input: input, filter: filter, stride: stride, padding: .same)
    case .causal:
      return ConvolutionAxis(
        input: input, filter: filter, stride: stride, padding: .same, lowPad: filter - 1)
    }
  }

  /// The three axes of a clip shape.
  func axes(_ s: VideoConv.Shape) -> [ConvolutionAxis] {
    [
      axis(input: s.width, filter: s.filterX, stride: spaceStride, space),
      axis(input: s.height, filter: s.filterY, stride: spaceStride, space),
      axis(input: s.frames, filter: s.filterT, stride: timeStride, time),
    ]
  }

  /// A random clip shape of the structure, small enough for debug builds: centred filters have
  /// 3 taps, `valid` filters fit the clip, causal time filters 1–4 frames.
  func randomShape(_ r: inout RandomStream) -> VideoConv.Shape {
    func extent(_ placement: Placement, limit: Int) -> (input: Int, filter: Int) {
      let n = 1 + r.nextInt(below: limit)
      switch placement {
      case .valid: return (n, 1 + r.nextInt(below: n))
      case .centred: return (n, 3)
      case .causal: return (n, 1 + r.nextInt(below: 4))
      }
    }
    let x = extent(space, limit: 8)
    let y = extent(space, limit: 8)
    let t = extent(time, limit: 7)
    return VideoConv.Shape(
      batch: 1 + r.nextInt(below: 2), width: x.input, height: y.input, frames: t.input,
      inputs: 1 + r.nextInt(below: 3), outputs: 1 + r.nextInt(below: 3),
      filterX: x.filter, filterY: y.filter, filterT: t.filter, stride: spaceStride)
  }
}
