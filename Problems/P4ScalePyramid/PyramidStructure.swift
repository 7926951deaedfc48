import TensorCore

/// The pyramid network of problem 4 and its variants: the factor r between scales (the pyramid
/// averages r × r blocks, side r^(k−s)), the filter side F (centred, p = ⌊(F − 1)/2⌋, zeros
/// outside a layer), and the recurrence between scales.
///
/// ```
/// two scales:  L_{ℓ+1,s}[b,x,y,j] = σ(W_{ℓ+1,←}[ΔX,ΔY,I,j] L_{ℓ,s+1}[b, x+ΔX−p, y+ΔY−p, I]
///                                   + W_{ℓ+1,↑}[ΔX,ΔY,I,j] L_{ℓ,s}[b, rx+ΔX−p, ry+ΔY−p, I]
///                                   − B_{ℓ+1}[j])
/// upward only: L_{ℓ+1,s}[b,x,y,j] = σ(W_{ℓ+1,↑}[ΔX,ΔY,I,j] L_{ℓ,s}[b, rx+ΔX−p, ry+ΔY−p, I]
///                                   − B_{ℓ+1}[j])
/// ```
/// Either way L_{ℓ,s} has side r^(k−ℓ−s): each level and each scale divides it by r.
public struct PyramidStructure: Sendable, Equatable {
  public enum Recurrence: String, Sendable, CaseIterable {
    /// The base problem's: the coarser scale of the same level (←) and the finer one (↑).
    case twoScales = "two-scales"
    /// Only the finer scale of the level below, read with stride r.
    case upwardOnly = "upward-only"
  }

  public let factor: Int
  public let filter: Int
  public let recurrence: Recurrence

  public init(factor: Int, filter: Int, recurrence: Recurrence) {
    precondition(factor >= 2 && filter >= 1, "factor \(factor), filter \(filter)")
    self.factor = factor
    self.filter = filter
    self.recurrence = recurrence
  }

  /// The printed problem as psverify reads it: factor 2, a centred 3 × 3 filter, two scales.
  public static let base = PyramidStructure(factor: 2, filter: 3, recurrence: .twoScales)

  /// The shift that centres the filter: p = ⌊(F − 1)/2⌋.
  public var shift: Int { (filter - 1) / 2 }

  /// Whether the structure is the base problem's (factor 2, two scales), whatever the filter.
  public var isBaseShape: Bool { factor == 2 && recurrence == .twoScales }

  /// "factor 3, 5 × 5 filters, upward only".
  public var summary: String {
    "pyramid factor \(factor) (\(factor) × \(factor) means), centred \(filter) × \(filter) "
      + "filters, "
      + (recurrence == .twoScales
        ? "each unit reading L_{ℓ,s+1} and L_{ℓ,s}" : "each unit reading L_{ℓ,s} only")
  }

  /// `3x + ΔX − 2`.
  func source(_ letter: String, _ tap: String, stride: Int) -> String {
    (stride == 1 ? letter : "\(stride)\(letter)") + " + \(tap)" + (shift == 0 ? "" : " − \(shift)")
  }

  /// The structure's equation in the course's notation.
  public var equation: String {
    let up =
      "W_{ℓ+1,↑}[ΔX, ΔY, I, j] L_{ℓ,s}[b, \(source("x", "ΔX", stride: factor)), "
      + "\(source("y", "ΔY", stride: factor)), I]"
    let left =
      "W_{ℓ+1,←}[ΔX, ΔY, I, j] L_{ℓ,s+1}[b, \(source("x", "ΔX", stride: 1)), "
      + "\(source("y", "ΔY", stride: 1)), I]"
    let sum = recurrence == .twoScales ? "\(left) + \(up)" : up
    return "L_{ℓ+1,s}[b, x, y, j] = σ(\(sum) − B_{ℓ+1}[j])"
  }

  /// The pyramid step, measured by loops: I_{s+1}[b, x, y, c] is the mean of the r × r block at
  /// (r·x, r·y) of I_s.
  /// - Complexity: O(B·side²·C).
  public func pool(_ image: Tensor<Float>) -> Tensor<Float> {
    let (batch, side, channels) = (image.shape[0], image.shape[1] / factor, image.shape[3])
    var out = Tensor<Float>(shape: [batch, side, side, channels], repeating: 0)
    let scale = 1 / Float(factor * factor)
    for b in 0..<batch {
      for x in 0..<side {
        for y in 0..<side {
          for c in 0..<channels {
            var sum: Float = 0
            for dx in 0..<factor {
              for dy in 0..<factor {
                sum += image[b, factor * x + dx, factor * y + dy, c]
              }
            }
            out[b, x, y, c] = sum * scale
          }
        }
      }
    }
    return out
  }
}
