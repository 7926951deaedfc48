import Algebra
import Foundation
import ImageIO
import IndexNotation
import TensorCore
import Verification

extension ScalePyramid {
  /// - Parameters:
  ///   - sideExponent: the derived side of L_{ℓ,s} as a power of 2: k − ℓ − s.
  ///   - scaleDependence, controlDependence, pyramid: what tests plant to break a check.
  static func checks(
    candidate: Equation, sideExponent: Polynomial, setup: Setup,
    scaleDependence: Float = 0, controlDependence: Float = 0.1,
    pyramid: String = pyramidEquation
  ) -> [Check] {
    let source = setup.imageName.map { "the image \($0)" } ?? "\(setup.batch) random images"
    return [
      sizeCheck(setup, source, sideExponent),
      equivarianceCheck(setup, source, scaleDependence: scaleDependence),
      controlCheck(setup, dependence: controlDependence), equationCheck(candidate, setup),
      pyramidCheck(setup, pyramid), pyramidMeanCheck(setup), countCheck(setup, pyramid),
    ]
  }

  static func network(_ setup: Setup, _ random: RandomStream, scaleDependence: Float = 0) -> Network
  {
    var n = Network.random(
      levels: setup.k, colours: 3, channels: setup.channels,
      filter: setup.filter, random: random.split("weights"))
    n.scaleDependence = scaleDependence
    return n
  }

  /// (i) Every tensor's side is 2^(k−ℓ−s).
  static func sizeCheck(_ setup: Setup, _ source: String, _ exponent: Polynomial) -> Check {
    Check(
      id: "sizes", kind: .instrumented, summary: "every L_{ℓ,s} has side 2^(\(exponent))",
      params: [("k", .integer(setup.k)), ("side", .text("2^(\(exponent))"))]
    ) { context in
      let layers = network(setup, context.random).run(setup.images(context.random))
      var count = 0
      var wrong: [String] = []
      for (l, row) in layers.enumerated() {
        for (s, t) in row.enumerated() {
          count += 1
          let e =
            exponent.evaluate(["k": Rational(setup.k), "ℓ": Rational(l), "s": Rational(s)])?
            .intValue ?? -1
          let side = e >= 0 && e < 62 ? 1 << e : -1
          if t.shape[1] != side || t.shape[2] != side { wrong.append("L_{\(l),\(s)}: \(t.shape)") }
        }
      }
      let expected = (setup.k + 1) * (setup.k + 2) / 2
      return Measurement(
        status: wrong.isEmpty && count == expected ? .pass : .fail, expected: .integer(expected),
        measured: .integer(count - wrong.count), tolerance: .exact,
        detail: "\(count) tensors for ℓ + s ≤ \(setup.k) on \(source)"
          + (wrong.isEmpty
            ? ", each of the right side" : "; wrong: " + wrong.joined(separator: ", ")))
    }
  }

  /// Largest |a − b| between L'_{ℓ,s} (network on I_1) and L_{ℓ,s+1} (network on I).
  static func equivarianceGap(_ setup: Setup, _ random: RandomStream, scaleDependence: Float)
    -> (gap: Float, compared: Int, series: [String: [Double]], layers: [[Tensor<Float>]])
  {
    let net = network(setup, random, scaleDependence: scaleDependence)
    let image = setup.images(random)
    let full = net.run(image)
    let small = net.run(full[0][1])  // the pyramid's I_1 is the downsampled image
    var gap: Float = 0
    var compared = 0
    var series: [String: [Double]] = ["gap_level": [], "gap_scale": [], "gap": []]
    for l in 0..<small.count {
      for s in 0..<small[l].count {
        let a = small[l][s]
        let b = full[l][s + 1]
        precondition(a.shape == b.shape, "shapes \(a.shape) vs \(b.shape)")
        var pairGap: Float = 0
        for i in a.storage.indices { pairGap = max(pairGap, abs(a.storage[i] - b.storage[i])) }
        gap = max(gap, pairGap)
        compared += a.count
        series["gap_level"]!.append(Double(l))
        series["gap_scale"]!.append(Double(s + 1))
        series["gap"]!.append(Double(pairGap))
      }
    }
    return (gap, compared, series, full)
  }

  /// The first image's pyramid (sides 2^k down to 4) and channel 0 of a few layers, as the
  /// report's pictures: values rounded to 1e-4, row-major, RGB interleaved for the pyramid.
  static func pictures(_ layers: [[Tensor<Float>]]) -> [String: [Double]] {
    func plane(_ t: Tensor<Float>, channel: Int?) -> [Double] {
      let (side, channels) = (t.shape[1], t.shape[3])
      var out: [Double] = []
      for y in 0..<side {
        for x in 0..<side {
          for c in channel.map({ [$0] }) ?? Array(0..<channels) {
            out.append((Double(t[0, y, x, c]) * 1e4).rounded() / 1e4)
          }
        }
      }
      return out
    }
    var pictures: [String: [Double]] = [:]
    for (s, level) in layers[0].enumerated() where level.shape[1] >= 4 && level.shape[3] == 3 {
      pictures["pyramid_\(s)"] = plane(level, channel: nil)
    }
    for l in 1..<min(layers.count, 3) {
      for s in 0..<min(layers[l].count, 2) where layers[l][s].shape[1] >= 2 {
        pictures["feature_\(l)_\(s)"] = plane(layers[l][s], channel: 0)
      }
    }
    return pictures
  }

  /// (ii) The network on the downsampled image reproduces the original's layers one scale over.
  static func equivarianceCheck(_ setup: Setup, _ source: String, scaleDependence: Float) -> Check {
    Check(
      id: "scale-equivariance", kind: .numeric,
      summary: "the network on I_1 gives L′_{ℓ,s} = L_{ℓ,s+1} exactly",
      params: [("k", .integer(setup.k)), ("F", .integer(setup.filter))]
    ) { context in
      let (gap, compared, series, layers) = equivarianceGap(
        setup, context.random,
        scaleDependence: scaleDependence)
      return Measurement(
        status: gap == 0 ? .pass : .fail, expected: .real(0), measured: .real(Double(gap)),
        tolerance: Tolerance(
          .exact,
          reason: "the same floating-point operations on the same "
            + "operands in the same order: bit for bit"),
        detail:
          "\(compared) values of every layer at scales ≥ 1 on \(source): largest difference \(gap)",
        series: series.merging(pictures(layers)) { a, _ in a })
    }
  }

  /// The control: weights that depend on s break equivariance.
  static func controlCheck(_ setup: Setup, dependence: Float) -> Check {
    Check(
      id: "equivariance-control", kind: .numeric,
      summary: "with weights W_{ℓ+1,s} = (1 + \(dependence)·s)·W the equivariance breaks"
    ) { context in
      // Scales to compare need k ≥ 2; for k = 1 the control runs on random 4 × 4 images.
      var control = setup
      if setup.k < 2 { (control.k, control.image, control.batch) = (2, nil, 1) }
      let (gap, _, series, _) = equivarianceGap(
        control, context.random, scaleDependence: dependence)
      return Measurement(
        status: gap > 0 ? .pass : .fail, expected: .text("a difference > 0"),
        measured: .real(Double(gap)),
        tolerance: Tolerance(.exact, reason: "any non-zero difference shows the dependence on s"),
        detail: "largest difference \(gap) once the weights depend on s", series: series)
    }
  }
}
