import Algebra
import Foundation
import IndexNotation
import Models
import TensorCore
import Verification

extension GradientDecay {
  public static func checks(
    candidateBottom: Polynomial, perLayer: Polynomial, setup: Setup,
    backwardGamma: Double? = nil
  ) -> [Check] {
    [
      finiteDifferenceCheck(setup, backwardGamma: backwardGamma), exponentsCheck(perLayer, setup),
      bottomCheck(candidateBottom, setup), liveCheck(setup, backwardGamma: backwardGamma),
    ]
  }

  static func depths(_ setup: Setup) -> [Int] {
    Array(Set([2, 3, 5, 8, setup.layers])).sorted()
  }

  /// Backprop against central finite differences of loss = ⟨g, L_top⟩ (with each of the 3
  /// blocks' own γ for a variant: `blockGammas`).
  static func finiteDifferenceCheck(
    _ setup: Setup, backwardGamma: Double?,
    blockGammas: [Double]? = nil
  ) -> Check {
    Check(
      id: "backprop-finite-difference", kind: .numeric,
      summary: "hand-written backprop equals central finite differences, in Double",
      params: [("gamma", .real(setup.gamma)), ("N", 5), ("N_bottle", 3), ("L", 4)]
    ) { context in
      var stack = ResidualStack.random(
        width: 5, bottleneck: 3, layers: 4, gamma: setup.gamma,
        weightScale: 1, thresholdScale: 0.3,
        random: context.random.split("weights"))
      stack.blockGammas = blockGammas
      var r = context.random.split("data")
      let input = (0..<5).map { _ in r.nextNormal() }
      let top = (0..<5).map { _ in r.nextNormal() }
      let tape = stack.forward(input)
      let (layers, blocks) = stack.backward(tape, top: top, backwardGamma: backwardGamma)
      func loss(_ s: ResidualStack, _ x: [Double]) -> (Double, [Bool]) {
        let t = s.forward(x)
        let masks = (t.z1 + t.z2).flatMap { $0.map { $0 > 0 } }
        return (zip(t.layers.last!, top).reduce(0) { $0 + $1.0 * $1.1 }, masks)
      }
      let h = 1e-6
      var worst = 0.0
      var compared = 0
      var skipped = 0
      func compare(_ plus: (Double, [Bool]), _ minus: (Double, [Bool]), _ backprop: Double) {
        // A ReLU that switches inside [x − h, x + h] makes the difference meaningless: skip it.
        guard plus.1 == minus.1 else {
          skipped += 1
          return
        }
        let fd = (plus.0 - minus.0) / (2 * h)
        worst = max(worst, abs(fd - backprop) / (1 + abs(backprop)))
        compared += 1
      }
      for i in 0..<5 {
        var a = input
        var b = input
        a[i] += h
        b[i] -= h
        compare(loss(stack, a), loss(stack, b), layers[0][i])
      }
      for l in stack.blocks.indices {
        for (name, path) in [
          ("W1", \ResidualStack.Block.w1), ("B1", \.b1), ("W2", \.w2), ("B2", \.b2),
        ] {
          let grads: [Double] =
            name == "W1"
            ? blocks[l].w1
            : name == "B1"
              ? blocks[l].b1
              : name == "W2" ? blocks[l].w2 : blocks[l].b2
          for k in grads.indices {
            var p = stack
            var m = stack
            p.blocks[l][keyPath: path][k] += h
            m.blocks[l][keyPath: path][k] -= h
            compare(loss(p, input), loss(m, input), grads[k])
          }
        }
      }
      // Within one ReLU pattern the loss is linear in any single weight or input, so the central
      // difference is exact up to rounding: ε·|loss|/h ≈ 1e-16/1e-6 = 1e-10.
      let bound = 1e-7
      return Measurement(
        status: worst <= bound && compared > 0 ? .pass : .fail, expected: .real(0),
        measured: .real(worst),
        tolerance: Tolerance(
          .absolute, bound,
          reason: "piecewise linear loss: central differences exact up to ~1e-10 rounding"),
        detail: "\(compared) gradient entries (input and every parameter), \(skipped) skipped at a "
          + "ReLU switch; largest |fd − backprop|/(1 + |backprop|) = \(Value.format(worst))"
          + (backwardGamma.map { "; backward γ = \($0)" } ?? ""))
    }
  }

  /// Measurement (a): exponents at every layer and for every block's parameter groups.
  static func exponentsCheck(_ exponent: Polynomial, _ setup: Setup) -> Check {
    Check(
      id: "direct-path-exponents", kind: .instrumented,
      summary: "log_γ of the gradient ratio (γ vs γ = 1, same weights and upstream gradient) "
        + "is L − 1 − ℓ at every layer and for every parameter group, branches cut",
      params: [
        ("gamma", .real(setup.gamma)),
        (
          "L",
          .text(
            depths(setup).map(String.init)
              .joined(separator: ", "))
        ),
      ]
    ) { context in
      var mismatches: [String] = []
      var spread = 0.0
      var readings = 0
      var userLayers: [Value] = []
      var userGroups: [Value] = []
      for layers in depths(setup) {
        let e = measureExponents(
          layers: layers, gamma: setup.gamma, width: setup.width,
          bottleneck: setup.bottleneck, random: context.random.split(layers))
        spread = max(spread, e.spread)
        for (l, value) in e.layers.enumerated() {
          readings += 1
          let expected = exponent.evaluate(["L": Rational(layers), "ℓ": Rational(l)])?.intValue
          if whole(value) != expected {
            mismatches.append(
              "L=\(layers) layer \(l): \(Value.format(value)) vs \(expected.map(String.init) ?? "none")"
            )
          }
          if layers == setup.layers {
            userLayers.append(whole(value).map { .integer($0) } ?? .real(value))
          }
        }
        for (l, groups) in e.groups.enumerated() {
          let expected = exponent.evaluate(["L": Rational(layers), "ℓ": Rational(l)])?.intValue
          for name in groupNames {
            readings += 1
            let value = groups[name]!
            if whole(value) != expected {
              mismatches.append(
                "L=\(layers) block \(l) \(name): \(Value.format(value)) vs \(expected.map(String.init) ?? "none")"
              )
            }
            if layers == setup.layers && name == "W2" {
              userGroups.append(whole(value).map { .integer($0) } ?? .real(value))
            }
          }
        }
      }
      let expectedUser = (0..<setup.layers).map { l in
        exponent.evaluate(["L": Rational(setup.layers), "ℓ": Rational(l)])?.intValue.map(
          Value.integer)
          ?? .text("?")
      }
      return Measurement(
        status: mismatches.isEmpty ? .pass : .fail, expected: .list(expectedUser),
        measured: .list(userLayers),
        tolerance: Tolerance(.exact, reason: "whole exponents; read to within 1e-9 of rounding"),
        detail:
          "\(readings) exponents over L ∈ {\(depths(setup).map(String.init).joined(separator: ", "))}; "
          + "at L = \(setup.layers) the layers 0…\(setup.layers - 1) have "
          + userLayers.map(\.description).joined(separator: ", ")
          + "; block parameters (W^{b,1}, B^{b,1}, W^{b,2}, B^{b,2} alike) "
          + userGroups.map(\.description).joined(separator: ", ")
          + "; largest spread over units \(Value.format(spread))"
          + (mismatches.isEmpty
            ? "" : "; mismatches: " + mismatches.prefix(3).joined(separator: "; ")),
        series: [
          "exponent_by_layer": userLayers.compactMap(\.doubleValue),
          // The gradient factors themselves (γ to the exponent), measured and derived, for the
          // report's plot on a log scale.
          "measured_factor_by_layer": userLayers.compactMap(\.doubleValue).map {
            pow(setup.gamma, $0)
          },
          "derived_factor_by_layer": expectedUser.map {
            $0.doubleValue.map { pow(setup.gamma, $0) } ?? .nan
          },
        ])
    }
  }

  /// The claimed exponent at the bottom (the input layer and the first block) against the measured.
  static func bottomCheck(_ candidate: Polynomial, _ setup: Setup) -> Check {
    Check(
      id: "bottom-layer-exponent", kind: .instrumented,
      summary: "the exponent under test, γ^(\(candidate)), at the input layer L_0 and for the "
        + "first block's parameters",
      params: [("exponent", .text(candidate.description))]
    ) { context in
      var first: String?
      var measuredUser: Int?
      for layers in depths(setup) {
        let e = measureExponents(
          layers: layers, gamma: setup.gamma, width: setup.width,
          bottleneck: setup.bottleneck, random: context.random.split(layers))
        let claimed = candidate.evaluate(["L": Rational(layers)])
        let bottom = whole(e.layers[0])
        let block = whole(e.groups[0]["B2"]!)
        if layers == setup.layers { measuredUser = bottom }
        if claimed?.intValue != bottom || bottom != block, first == nil {
          first =
            "L=\(layers): claimed \(claimed.map(\.description) ?? "?"), measured "
            + "\(bottom.map(String.init) ?? "?") at L_0 and \(block.map(String.init) ?? "?") for block 0"
        }
      }
      let expected = candidate.evaluate(["L": Rational(setup.layers)])
      return Measurement(
        status: first == nil ? .pass : .fail,
        expected: expected.map { $0.intValue.map(Value.integer) ?? .text($0.description) }
          ?? .text("?"),
        measured: measuredUser.map { .integer($0) } ?? .text("not whole"), tolerance: .exact,
        detail: first.map { "first disagreement \($0)" }
          ?? "γ^(\(candidate)) matches the measured exponent for every L tried")
    }
  }
}
