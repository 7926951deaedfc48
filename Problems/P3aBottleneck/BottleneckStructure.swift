import IndexNotation
import Verification

/// The network of problem 3a and its variants. Each of the L − 1 blocks holds `stages`
/// bottleneck residual sub-blocks in sequence; each sub-block sums `paths` parallel bottleneck
/// branches into the stream:
///
/// ```
/// L̃^{q}[n_bottle] = ReLU(W^{q,1}[n_bottle, N] L[N] − B^{q,1}[n_bottle])     q = 1 … p
/// L̂^{q}[n] = ReLU(W^{q,2}[n, N_bottle] L̃^{q}[N_bottle] − B^{q,2}[n])
/// L ← L + L̂^{1} + … + L̂^{p}
/// ```
/// The plain MLP it is compared with keeps one N × N matrix per block. The base problem is one
/// stage of one path.
public struct BottleneckStructure: Sendable, Equatable {
  public let stages: Int
  public let paths: Int

  public init(stages: Int, paths: Int) {
    precondition(stages >= 1 && paths >= 1, "stages \(stages), paths \(paths)")
    self.stages = stages
    self.paths = paths
  }

  public static let base = BottleneckStructure(stages: 1, paths: 1)

  /// "2 bottleneck sub-blocks per block, 3 parallel branches each".
  public var summary: String {
    (stages == 1
      ? "one bottleneck sub-block per block" : "\(stages) bottleneck sub-blocks per block")
      + (paths == 1 ? "" : ", \(paths) parallel branches in each")
  }

  /// The residual sum of one sub-block in the course's notation.
  var residualEquation: String {
    paths == 1
      ? "L_{ℓ+1}[n] = L_ℓ[n] + L̂_ℓ[n]"
      : "L_{ℓ+1}[n] = L_ℓ[n] + " + (1...paths).map { "L̂_ℓ^{\($0)}[n]" }.joined(separator: " + ")
  }
}
