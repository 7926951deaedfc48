import IndexNotation
import Verification

/// The residual stack of problem 3c and its variants: of the L − 1 blocks, only every m-th is
/// scaled, L_{ℓ+1} = γ(L_ℓ + L̂_ℓ) for ℓ ≡ m − 1 (mod m), the others add plainly,
/// L_{ℓ+1} = L_ℓ + L̂_ℓ; and the question asks for the factor at layer L_k (k a multiple of m).
/// L − 1 is taken to be a multiple of m. The base problem scales every block (m = 1) and asks
/// for the bottom (k = 0).
public struct DecayStructure: Sendable, Equatable {
  public let every: Int
  public let layer: Int

  public init(every: Int, layer: Int) {
    precondition(every >= 1 && layer >= 0 && layer % every == 0, "every \(every), layer \(layer)")
    self.every = every
    self.layer = layer
  }

  public static let base = DecayStructure(every: 1, layer: 0)

  /// "γ on every 2nd block, the factor at L_4".
  public var summary: String {
    (every == 1 ? "γ on every block" : "γ on every \(ordinal(every)) block")
      + (layer == 0 ? ", the factor at the bottom L_0" : ", the factor at L_\(layer)")
  }

  /// Each block's γ in a stack of `layers` layers: γ on blocks m − 1, 2m − 1, …, 1 elsewhere.
  public func blockGammas(layers: Int, gamma: Double) -> [Double] {
    (0..<max(0, layers - 1)).map { ($0 + 1) % every == 0 ? gamma : 1 }
  }

  /// Depths the checks use: L − 1 a multiple of m, L_k below the top, and the requested depth
  /// rounded down to such a depth.
  func depths(_ requested: Int) -> [Int] {
    var d = Set([1, 2, 3, 5].map { layer + every * $0 + 1 })
    let r = requested - (requested - 1) % every
    if r > layer + 1 { d.insert(r) }
    return d.sorted()
  }

  func ordinal(_ n: Int) -> String {
    switch n {
    case 2: "2nd"
    case 3: "3rd"
    default: "\(n)th"
    }
  }
}
