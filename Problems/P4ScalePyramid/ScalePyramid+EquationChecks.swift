import Algebra
import Foundation
import IndexNotation
import TensorCore
import Verification

extension ScalePyramid {
  /// (iii) The equation under test, evaluated by the notation engine, equals the network.
  static func equationCheck(_ candidate: Equation, _ setup: Setup) -> Check {
    Check(
      id: "equation-equals-network", kind: .numeric,
      summary: "the equation evaluated by the notation engine equals the network, every layer",
      params: [("equation", .text(candidate.description))]
    ) { context in
      // A small pyramid keeps the interpreter quick; the equation is the same at every size.
      let small = Setup(
        k: min(setup.k, 3), batch: 1, channels: min(setup.channels, 3),
        filter: setup.filter)
      let net = network(small, context.random)
      let layers = net.run(small.images(context.random))
      let eq = candidate
      var worst = 0.0
      var compared = 0
      for l in 0..<small.k {
        for s in 0...(small.k - l - 1) {
          let target = layers[l + 1][s]
          var evaluator = try Evaluator(
            eq,
            bindings: Bindings(
              tensors: [
                TensorName(base: "L", subscript: "ℓ,s+1"): layers[l][s + 1].doubles,
                TensorName(base: "L", subscript: "ℓ,s"): layers[l][s].doubles,
                TensorName(base: "W", subscript: "ℓ+1,←"): net.levels[l].left.doubles,
                TensorName(base: "W", subscript: "ℓ+1,↑"): net.levels[l].up.doubles,
                TensorName(base: "B", subscript: "ℓ+1"): net.levels[l].threshold.doubles,
              ],
              outputShape: target.shape), policy: .zero)
          let (reference, _) = try evaluator.run()
          for i in reference.storage.indices {
            worst = max(worst, abs(Double(target.storage[i]) - reference.storage[i]))
            compared += 1
          }
        }
      }
      // σ outputs in (0, 1) from Float32 sums of ≤ 2·9·9·3 = 486 terms of order 1: ≲ 3e-5.
      let bound = 1e-4
      return Measurement(
        status: worst <= bound ? .pass : .fail, expected: .real(0), measured: .real(worst),
        tolerance: Tolerance(.absolute, bound, reason: "Float32 sums of ≤ 486 terms inside σ"),
        detail: "\(compared) values over every layer of a 2^\(small.k) pyramid: largest difference "
          + Value.format(worst))
    }
  }

  /// The pyramid equation, evaluated by the notation engine, equals 2 × 2 pooling.
  static func pyramidCheck(_ setup: Setup, _ pyramid: String) -> Check {
    Check(
      id: "pyramid-equals-equation", kind: .numeric,
      summary: "the pooling kernel equals the pyramid equation evaluated by the notation engine"
    ) { context in
      var r = context.random.split("pyramid")
      let side = 1 << min(setup.k, 4)
      let image = Tensor<Float>.normal(shape: [1, side, side, 3], random: &r)
      let pooled = image.averagePool2x2()
      var parser = Parser(pyramid, parameters: [])
      let eq = try parser.parseEquation()
      var evaluator = try Evaluator(
        eq,
        bindings: Bindings(
          tensors: [TensorName(base: "I", subscript: "s"): image.doubles],
          outputShape: pooled.shape))
      let (reference, _) = try evaluator.run()
      var worst = 0.0
      for i in reference.storage.indices {
        worst = max(worst, abs(Double(pooled.storage[i]) - reference.storage[i]))
      }
      let bound = 1e-6
      return Measurement(
        status: worst <= bound ? .pass : .fail, expected: .real(0), measured: .real(worst),
        tolerance: Tolerance(.absolute, bound, reason: "one Float32 rounding of a 4-term mean"),
        detail: "\(reference.count) pooled values: largest difference \(Value.format(worst))")
    }
  }

  /// (iv) Multiplies of the whole network: derived from the equations, counted in the kernels.
  static func countCheck(_ setup: Setup, _ pyramid: String) -> Check {
    Check(
      id: "instrumented-count", kind: .instrumented,
      summary: "multiplies of the whole pyramid and network: the notation engine's counts summed "
        + "over layers equal the count inside the kernels",
      params: [
        ("k", .integer(setup.k)), ("channels", .integer(setup.channels)),
        ("F", .integer(setup.filter)),
      ]
    ) { context in
      let images = setup.images(context.random)
      let batch = images.shape[0]
      let counter = MultiplyCounter()
      _ = network(setup, context.random).run(images, counter: counter)
      var parser = Parser(equation(p: (setup.filter - 1) / 2), parameters: [])
      let perLayer = try parser.parseEquation().multiplyCount
      var pyramidParser = Parser(pyramid, parameters: [])
      let perLevel = try pyramidParser.parseEquation().multiplyCount
      var derived = Rational.zero
      for s in 1...setup.k {
        let side = Rational(1 << (setup.k - s))
        derived += perLevel.evaluate(["B": Rational(batch), "X": side, "Y": side, "C": 3]) ?? .zero
      }
      for l in 0..<setup.k {
        for s in 0...(setup.k - l - 1) {
          let side = Rational(1 << (setup.k - l - 1 - s))
          derived +=
            perLayer.evaluate([
              "B": Rational(batch), "X": side, "Y": side, "J": Rational(setup.channels),
              "I": Rational(l == 0 ? 3 : setup.channels), "ΔX": Rational(setup.filter),
              "ΔY": Rational(setup.filter),
            ]) ?? .zero
        }
      }
      let expected = derived.intValue ?? Int.min
      return Measurement(
        status: Rational(counter.value) == derived ? .pass : .fail, expected: .integer(expected),
        measured: .integer(counter.value), tolerance: .exact,
        detail: "per layer \(perLayer), per pyramid level \(perLevel); summed over every layer "
          + "and level: derived \(expected), counted \(counter.value)")
    }
  }
}
