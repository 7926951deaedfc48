import Foundation
import Models
import TensorCore
import Verification

extension GradientDecay {
  /// Measurement (b): live random branches, γ under test and γ = 1, over several seeds. The
  /// gradient at L_0 from backprop must equal the explicit product of block Jacobians applied to
  /// the upstream gradient; the norms per layer and the direct path's share are kept for plots.
  /// - Parameter backwardGamma: the γ the backward pass multiplies by; `setup.gamma` unless a
  ///   test plants a wrong one.
  static func liveCheck(_ setup: Setup, backwardGamma: Double? = nil) -> Check {
    Check(
      id: "live-branches", kind: .numeric,
      summary: "with live branches, backprop equals the product of explicit block Jacobians; "
        + "gradient norms and the direct path's share recorded",
      params: [
        ("gamma", .real(setup.gamma)), ("L", .integer(setup.layers)),
        ("seeds", .integer(setup.seeds)),
      ]
    ) { context in
      var worst = 0.0
      var series: [String: [Double]] = [:]
      var bottom: [Double: (norm: Double, share: Double)] = [:]
      for gamma in [setup.gamma, 1.0] {
        let key = gamma == 1 ? "gamma_1" : "gamma_test"
        var norms = [Double](repeating: 0, count: setup.layers)
        var shares = 0.0
        for seed in 0..<setup.seeds {
          let random = context.random.split(seed)
          let stack = ResidualStack.random(
            width: setup.width, bottleneck: setup.bottleneck, layers: setup.layers, gamma: gamma,
            weightScale: 2.0.squareRoot(), thresholdScale: 0.1, random: random.split("weights"))
          var r = random.split("data")
          let input = (0..<setup.width).map { _ in r.nextNormal() }
          let top = (0..<setup.width).map { _ in r.nextNormal() }
          let tape = stack.forward(input)
          let grads = stack.backward(
            tape, top: top,
            backwardGamma: backwardGamma.map { gamma == 1 ? 1 : $0 }
          ).layers
          // The same gradient by explicit matrices: gᵀ J_{L−2} ⋯ J_0.
          var g = top
          for l in stride(from: stack.blocks.count - 1, through: 0, by: -1) {
            let j = stack.jacobian(tape, block: l)
            g = (0..<setup.width).map { c in
              (0..<setup.width).reduce(0) { $0 + g[$1] * j[$1 * setup.width + c] }
            }
          }
          let norm = { (v: [Double]) in v.reduce(0) { $0 + $1 * $1 }.squareRoot() }
          worst = max(worst, zip(g, grads[0]).map { abs($0 - $1) }.max()! / max(1e-300, norm(g)))
          for l in 0..<setup.layers { norms[l] += norm(grads[l]) / norm(top) / Double(setup.seeds) }
          let direct = pow(gamma, Double(setup.layers - 1)) * norm(top)
          shares += direct / norm(grads[0]) / Double(setup.seeds)
        }
        series["gradient_norm_ratio_\(key)"] = norms
        // The direct path alone: γ^(L − 1 − ℓ), the derived line the live totals are drawn against.
        series["direct_path_\(key)"] = (0..<setup.layers).map {
          pow(gamma, Double(setup.layers - 1 - $0))
        }
        bottom[gamma] = (norms[0], shares)
      }
      let t = bottom[setup.gamma]!
      let one = bottom[1.0]!
      // Two routes to the same vector in Double: L − 1 matrix products of order N.
      let bound = 1e-10
      return Measurement(
        status: worst <= bound ? .pass : .fail, expected: .real(0), measured: .real(worst),
        tolerance: Tolerance(
          .absolute, bound, reason: "Double rounding over ≤ 200 matrix products"),
        detail:
          "\(setup.seeds) networks each: ‖∂loss/∂L_0‖/‖∂loss/∂L_top‖ = \(Value.format(t.norm, digits: 4)) "
          + "with γ = \(Value.format(setup.gamma, digits: 4)) and \(Value.format(one.norm, digits: 4)) with "
          + "γ = 1; the direct path's γ^(L−1) term is \(Value.format(100 * t.share, digits: 3))% "
          + "and \(Value.format(100 * one.share, digits: 3))% of that norm; backprop vs Jacobians "
          + Value.format(worst),
        notes: [
          "Live branches (L = \(setup.layers)): every path through the stack crosses every "
            + "block, so each carries the same γ^(L − 1 − ℓ); γ = \(Value.format(setup.gamma, digits: 4)) "
            + "leaves the bottom gradient at \(Value.format(t.norm, digits: 4))× the top's, "
            + "γ = 1 at \(Value.format(one.norm, digits: 4))×."
        ],
        series: series)
    }
  }
}
