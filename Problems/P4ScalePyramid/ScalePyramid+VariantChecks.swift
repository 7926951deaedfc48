import Algebra
import Foundation
import IndexNotation
import TensorCore
import Verification

extension ScalePyramid {
  /// A variant's checks on a pyramid of side r^k: every layer's side against r^(k−ℓ−s); the
  /// equation evaluated by the notation engine against every layer of the structure's network;
  /// exact scale equivariance, beside the control with weights that depend on s.
  static func variantChecks(candidate: Equation, structure v: PyramidStructure, k: Int)
    -> [Check]
  {
    [
      variantSizeCheck(v, k: k), variantEquationCheck(candidate, v, k: k),
      variantEquivarianceCheck(v, k: k, dependence: 0, control: false),
      variantEquivarianceCheck(v, k: k, dependence: 0.1, control: true),
    ]
  }

  static func variantNetwork(_ v: PyramidStructure, k: Int, channels: Int, _ random: RandomStream)
    -> Network
  {
    Network.random(
      levels: k, colours: 3, channels: channels, filter: v.filter,
      random: random.split("weights"))
  }

  static func variantImage(_ v: PyramidStructure, k: Int, _ random: RandomStream)
    -> Tensor<Float>
  {
    var r = random.split("image")
    var side = 1
    for _ in 0..<k { side *= v.factor }
    return .normal(shape: [1, side, side, 3], random: &r)
  }

  /// - Parameter exponent: the derived side of L_{ℓ,s} as a power of r (tests plant a wrong one).
  static func variantSizeCheck(
    _ v: PyramidStructure, k: Int, exponent: Polynomial = ScalePyramid.sideExponent
  ) -> Check {
    Check(
      id: "sizes", kind: .instrumented,
      summary: "every L_{ℓ,s} has side \(v.factor)^(\(exponent))",
      params: [("k", .integer(k)), ("factor", .integer(v.factor))]
    ) { context in
      let layers = run(
        variantNetwork(v, k: k, channels: 2, context.random), variantImage(v, k: k, context.random),
        structure: v)
      var count = 0
      var wrong: [String] = []
      for (l, row) in layers.enumerated() {
        for (s, t) in row.enumerated() {
          count += 1
          let e =
            exponent.evaluate(["k": Rational(k), "ℓ": Rational(l), "s": Rational(s)])?
            .intValue ?? -1
          var side = e >= 0 ? 1 : -1
          for _ in 0..<max(e, 0) { side *= v.factor }
          if t.shape[1] != side || t.shape[2] != side { wrong.append("L_{\(l),\(s)}: \(t.shape)") }
        }
      }
      let expected = (k + 1) * (k + 2) / 2
      return Measurement(
        status: wrong.isEmpty && count == expected ? .pass : .fail, expected: .integer(expected),
        measured: .integer(count - wrong.count), tolerance: .exact,
        detail: "\(count) tensors for ℓ + s ≤ \(k) on a random \(v.factor)^\(k) image"
          + (wrong.isEmpty
            ? ", each of the right side" : "; wrong: " + wrong.joined(separator: ", ")))
    }
  }

  static func variantEquationCheck(_ eq: Equation, _ v: PyramidStructure, k: Int) -> Check {
    Check(
      id: "equation-equals-network", kind: .numeric,
      summary: "the equation evaluated by the notation engine equals the network (\(v.summary)), "
        + "every layer",
      params: [("equation", .text(eq.description)), ("k", .integer(k))]
    ) { context in
      let net = variantNetwork(v, k: k, channels: 3, context.random)
      let layers = run(net, variantImage(v, k: k, context.random), structure: v)
      var worst = 0.0
      var compared = 0
      for l in 0..<k {
        for s in 0...(k - l - 1) {
          let target = layers[l + 1][s]
          var tensors: [TensorName: Tensor<Double>] = [
            fine: layers[l][s].doubles, up: net.levels[l].up.doubles,
            threshold: net.levels[l].threshold.doubles,
          ]
          if v.recurrence == .twoScales {
            tensors[coarse] = layers[l][s + 1].doubles
            tensors[left] = net.levels[l].left.doubles
          }
          var evaluator = try Evaluator(
            eq, bindings: Bindings(tensors: tensors, outputShape: target.shape), policy: .zero)
          let (reference, _) = try evaluator.run()
          for i in reference.storage.indices {
            worst = max(worst, abs(Double(target.storage[i]) - reference.storage[i]))
            compared += 1
          }
        }
      }
      // σ outputs in (0, 1) from Float32 sums of ≤ 2·5·5·3 = 150 terms of order 1: ≲ 1e-5.
      let bound = 1e-4
      return Measurement(
        status: worst <= bound ? .pass : .fail, expected: .real(0), measured: .real(worst),
        tolerance: Tolerance(.absolute, bound, reason: "Float32 sums of ≤ 150 terms inside σ"),
        detail: "\(compared) values over every layer of a \(v.factor)^\(k) pyramid: largest "
          + "difference " + Value.format(worst))
    }
  }

  /// The network on I_1 against the network on I one scale over: equal bit for bit, or for the
  /// `control` (run with weights that depend on s) different. Tests plant a dependence in the
  /// equivariance check and none in the control to see each fail.
  static func variantEquivarianceCheck(
    _ v: PyramidStructure, k: Int, dependence: Float, control: Bool
  ) -> Check {
    Check(
      id: control ? "equivariance-control" : "scale-equivariance", kind: .numeric,
      summary: control
        ? "with weights W_{ℓ+1,s} = (1 + \(dependence)·s)·W the equivariance breaks"
        : "the network on I_1 gives L′_{ℓ,s} = L_{ℓ,s+1} exactly"
    ) { context in
      var net = variantNetwork(v, k: k, channels: 2, context.random)
      net.scaleDependence = dependence
      let full = run(net, variantImage(v, k: k, context.random), structure: v)
      let small = run(net, full[0][1], structure: v)
      var gap: Float = 0
      var compared = 0
      for l in 0..<small.count {
        for s in 0..<small[l].count {
          let a = small[l][s]
          let b = full[l][s + 1]
          guard a.shape == b.shape else {
            throw ParameterError.input("shapes \(a.shape), \(b.shape)")
          }
          for i in a.storage.indices { gap = max(gap, abs(a.storage[i] - b.storage[i])) }
          compared += a.count
        }
      }
      let pass = control ? gap > 0 : gap == 0
      return Measurement(
        status: pass ? .pass : .fail,
        expected: control ? .text("a difference > 0") : .real(0), measured: .real(Double(gap)),
        tolerance: Tolerance(
          .exact,
          reason: control
            ? "any non-zero difference shows the dependence on s"
            : "the same floating-point operations on the same operands: bit for bit"),
        detail: "\(compared) values of every layer at scales ≥ 1: largest difference \(gap)")
    }
  }
}
