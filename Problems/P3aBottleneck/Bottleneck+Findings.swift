import Algebra
import IndexNotation
import TensorCore
import Verification

extension Bottleneck {
  /// The condition needs L ≥ 2, and the printed one does not say so: a finding only when the
  /// graded printed condition carries no condition on L and forward passes at L = 1 contradict
  /// it (no blocks: both counts 0, yet N_bottle < N/2 says the bottleneck is cheaper).
  static func layerCountFinding(_ printed: Grade?, _ text: ProblemText) -> [Erratum] {
    guard let printed, case .parts(let parts)? = printed.answer,
      let condition = parts.first(where: { $0.label == "condition" }),
      case .condition(let inequalities) = condition.answer,
      let main = inequalities.first(where: { $0.symbol == "N_bottle" }),
      !inequalities.contains(where: { $0.symbol == "L" })
    else { return [] }
    // At L = 1, N = 4, N_bottle = 1: does the printed condition claim fewer multiplies?
    let point: [String: Rational] = ["N": 4, "N_bottle": 1, "L": 1]
    let counts = counted(
      Configuration(width: 4, bottleneck: 1, layers: 1, batch: 1),
      random: RandomStream(seed: 1), zeroWeights: true)
    guard main.holds(point) == true, counts.bottleneck >= counts.plain else { return [] }
    return [
      Erratum(
        .assumption,
        "the condition \(main) needs L ≥ 2: with L = 1 there are no blocks, both counts are 0 and "
          + "neither network is cheaper; the solution does not say so",
        location: text.solutionLocation,
        evidence: "forward passes at L = 1, N = 4, N_bottle = 1 count \(counts.bottleneck) and "
          + "\(counts.plain) multiplies, while \(main) holds there; the derivation divides by L − 1",
        source: "layer-count")
    ]
  }
}
