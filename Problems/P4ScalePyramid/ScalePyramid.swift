import Algebra
import Foundation
import ImageIO
import IndexNotation
import ProblemDocument
import TensorCore
import Verification

/// Problem 4: the scale-shared image-pyramid CNN.
public enum ScalePyramid {
  public static let problem = ScalePyramidProblem()

  /// psverify's equation with the filter's tap 0 at −p (p = ⌊(F − 1)/2⌋ centres it; p = 0 reads
  /// offsets 0…F−1 from x).
  public static func equation(p: Int) -> String {
    let shift = p == 0 ? "" : " − \(p)"
    return
      "L_{ℓ+1,s}[b, x, y, j] = σ(W_{ℓ+1,←}[ΔX, ΔY, I, j] L_{ℓ,s+1}[b, x + ΔX\(shift), y + ΔY\(shift), I] "
      + "+ W_{ℓ+1,↑}[ΔX, ΔY, I, j] L_{ℓ,s}[b, 2x + ΔX\(shift), 2y + ΔY\(shift), I] − B_{ℓ+1}[j])"
  }

  /// The side of L_{ℓ,s} is 2^(k − ℓ − s): each level and each scale halves it.
  static var sideExponent: Polynomial { .symbol("k") - .symbol("ℓ") - .symbol("s") }

  /// psverify's pyramid step: the mean of each 2 × 2 block.
  static let pyramidEquation =
    "I_{s+1}[b, x, y, c] = 1/4 (I_s[b, 2x, 2y, c] + I_s[b, 2x + 1, 2y, c] + I_s[b, 2x, 2y + 1, c] + I_s[b, 2x + 1, 2y + 1, c])"

  /// What a run works on.
  public struct Setup: Sendable {
    public var k: Int
    public var batch: Int
    public var channels: Int
    public var filter: Int
    /// A photograph, [1, 2^k, 2^k, 3]; random images when nil.
    public var image: Tensor<Float>?
    public var imageName: String?

    public init(
      k: Int, batch: Int, channels: Int, filter: Int, image: Tensor<Float>? = nil,
      imageName: String? = nil
    ) {
      (self.k, self.batch, self.channels, self.filter) = (k, batch, channels, filter)
      (self.image, self.imageName) = (image, imageName)
    }

    /// The photograph, or `batch` random scenes: a two-colour gradient with three discs and two
    /// bars of random colours, positions and sizes. Any image serves the checks; scenes with
    /// edges at several sizes make the report's pyramid and feature maps worth looking at.
    func images(_ random: RandomStream) -> Tensor<Float> {
      if let image { return image }
      var r = random.split("image")
      let side = 1 << k
      var t = Tensor<Float>(shape: [batch, side, side, 3], repeating: 0)
      func colour() -> [Float] { (0..<3).map { _ in Float(r.nextUnitDouble()) } }
      for b in 0..<batch {
        let (top, bottom) = (colour(), colour())
        var shapes: [(disc: Bool, x: Double, y: Double, size: Double, colour: [Float])] = []
        for n in 0..<5 {
          shapes.append(
            (
              n < 3, r.nextUnitDouble(), r.nextUnitDouble(),
              0.08 + 0.25 * r.nextUnitDouble(), colour()
            ))
        }
        for y in 0..<side {
          for x in 0..<side {
            let (u, v) = ((Double(x) + 0.5) / Double(side), (Double(y) + 0.5) / Double(side))
            var c = (0..<3).map { top[$0] + Float(v) * (bottom[$0] - top[$0]) }
            for s in shapes {
              let inside =
                s.disc
                ? (u - s.x) * (u - s.x) + (v - s.y) * (v - s.y) < s.size * s.size
                : abs(u - s.x) < s.size && abs(v - s.y) < s.size / 3
              if inside { c = s.colour }
            }
            for ch in 0..<3 { t[b, y, x, ch] = c[ch] }
          }
        }
      }
      return t
    }
  }
}

public struct ScalePyramidProblem: Problem {
  public init() {}

  public let id = "4"
  public let title = "A scale-shared image-pyramid CNN"
  public let question = """
    From an image pyramid I_s (2 × 2 averages, side 2^(k−s)) build layers L_{ℓ,s}, ℓ + s ≤ k, of \
    side 2^(k−ℓ−s), with L_{0,s} = I_s. Give a linear threshold unit for L_{ℓ+1,s} from L_{ℓ,s} \
    (weights W_{ℓ+1,↑}) and L_{ℓ,s+1} (weights W_{ℓ+1,←}) and thresholds B_{ℓ+1}, all shared \
    across scales s.
    """
  public let answerFormat =
    "an equation such as L_{\\ell+1,s}[b,x,y,j] = \\sigma(W_{\\ell+1,\\leftarrow}"
    + "[\\Delta X,\\Delta Y,I,j] L_{\\ell,s+1}[b,x+\\Delta X,y+\\Delta Y,I] + W_{\\ell+1,\\uparrow}[\\Delta X,"
    + "\\Delta Y,I,j] L_{\\ell,s}[b,2x+\\Delta X,2y+\\Delta Y,I] - B_{\\ell+1}[j])"
  public let defaultTrials = 1

  public var parameters: [ParameterSpec] {
    [
      ParameterSpec("k", "image side 2^k", domain: .integer(1...12), default: .integer(5)),
      ParameterSpec(
        "batch", "random scenes per run (discs and bars on a gradient)", domain: .integer(1...64),
        default: .integer(2)),
      ParameterSpec(
        "channels", "channels J of every layer above the image", domain: .integer(1...256),
        default: .integer(8)),
      ParameterSpec(
        "F", "filter side F (offsets 0…F−1, centred)", domain: .integer(1...9),
        default: .integer(3)),
      ParameterSpec(
        "image", "a binary PGM or PPM photograph (also --image PATH)",
        domain: .path, default: nil),
    ]
  }

  public func validate(_ p: ParameterValues) throws {
    _ = try ScalePyramid.setup(p)
  }

  public func derive(_ parameters: ParameterValues) throws -> Derivation {
    try ScalePyramid.derivation(filter: parameters.integer("F"))
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
    ScalePyramid.grade(answer, &context)
  }

  public func checks(_ derivation: Derivation, _ p: ParameterValues) -> [Check] {
    guard case .equation(let eq) = derivation.answer else { return [] }
    let setup =
      (try? ScalePyramid.setup(p))
      ?? ScalePyramid.Setup(
        k: p.integer("k"), batch: p.integer("batch"),
        channels: p.integer("channels"), filter: p.integer("F"))
    return ScalePyramid.checks(candidate: eq, sideExponent: ScalePyramid.sideExponent, setup: setup)
  }

  public func findings(_ derivation: Derivation, printed: Grade?, text: ProblemText) -> [Erratum] {
    ScalePyramid.pyramidFinding(text)
  }
}

extension ScalePyramid {
  /// The run's setup; reads and fits the image when one is given.
  /// - Throws: `ParameterError.tooLarge` for a k that needs too much memory, or an unreadable
  ///   image (missing, truncated, not netpbm).
  static func setup(_ p: ParameterValues) throws -> Setup {
    var s = Setup(
      k: p.integer("k"), batch: p.integer("batch"), channels: p.integer("channels"),
      filter: p.integer("F"))
    let pixels = (1 << (2 * s.k))
    // Pyramid and all layers: ≈ 4/3 · 4^k · (3 + J·k) floats per image, kept at once.
    let floats = Double(s.batch) * 4 / 3 * Double(pixels) * Double(3 + s.channels * s.k)
    let budget = ResourceLimits.memoryBudget()
    if floats * 4 > Double(budget.bytes) {
      throw ParameterError.tooLarge(
        "k = \(s.k) with batch \(s.batch) and \(s.channels) channels needs "
          + "\(Int(floats * 4) >> 20) MiB; \(budget.reason) (lower k, batch or channels)")
    }
    if let path = p.path("image") {
      do {
        let image = try Netpbm.read(path: path)
        s.image = Netpbm.fit(image, side: 1 << s.k)
        s.imageName = path
        s.batch = 1
      } catch {
        throw ParameterError.input(error.description)
      }
    }
    return s
  }
}
