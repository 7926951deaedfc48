import Foundation

/// Distributions with zero mean and unit variance, the ones problem 3b draws its pairs from.
public enum StandardDistribution: String, CaseIterable, Sendable {
  /// N(0, 1), drawn by the ziggurat.
  case gaussian
  /// Uniform on [−√3, √3].
  case uniform
  /// ±1 with probability ½ each.
  case rademacher
}

extension RandomStream {
  /// A standard normal variate (Marsaglia–Tsang ziggurat, 128 layers, Doornik's ZIGNOR variant).
  ///
  /// One 64-bit draw serves 99.3% of calls: its low 7 bits pick the layer, its high 53 bits the
  /// abscissa. The layer index and the abscissa use disjoint bits, which avoids the correlation
  /// Doornik (2005) found in the original.
  @inlinable
  public mutating func nextNormal() -> Double {
    while true {
      let bits = next()
      let i = Int(bits & 0x7f)
      let u = Double(bits >> 11) * 0x1.0p-52 - 1  // uniform in [−1, 1)
      let x = u * Ziggurat.x[i]
      if abs(u) < Ziggurat.ratio[i] { return x }
      if let value = normalSlowPath(layer: i, x: x, u: u) { return value }
    }
  }

  @usableFromInline
  mutating func normalSlowPath(layer i: Int, x: Double, u: Double) -> Double? {
    if i == 0 {
      // The base layer's tail beyond R, by Marsaglia's exponential rejection.
      let r = Ziggurat.r
      while true {
        let tx = log(nextOpenUnitDouble()) / r
        let ty = log(nextOpenUnitDouble())
        if -2 * ty >= tx * tx { return u < 0 ? tx - r : r - tx }
      }
    }
    let x2 = x * x
    let f0 = exp(-0.5 * (Ziggurat.x[i] * Ziggurat.x[i] - x2))
    let f1 = exp(-0.5 * (Ziggurat.x[i + 1] * Ziggurat.x[i + 1] - x2))
    return f1 + nextUnitDouble() * (f0 - f1) < 1 ? x : nil
  }

  /// A uniform variate on [−√3, √3]: zero mean, unit variance.
  @inlinable @inline(__always)
  public mutating func nextUniformStandard() -> Double {
    (Double(next() >> 11) * 0x1.0p-52 - 1) * 1.732_050_807_568_877_2
  }

  /// Fills `buffer` with draws from `distribution`.
  public mutating func fill(_ buffer: UnsafeMutableBufferPointer<Double>,
                            with distribution: StandardDistribution) {
    switch distribution {
    case .gaussian:
      Ziggurat.x.withUnsafeBufferPointer { x in
        Ziggurat.ratio.withUnsafeBufferPointer { ratio in
          for i in buffer.indices {
            // The fast path inlined with the tables hoisted; rare cases take nextNormal's route.
            let bits = next()
            let layer = Int(bits & 0x7f)
            let u = Double(bits >> 11) * 0x1.0p-52 - 1
            if abs(u) < ratio[layer] {
              buffer[i] = u * x[layer]
            } else if let value = normalSlowPath(layer: layer, x: u * x[layer], u: u) {
              buffer[i] = value
            } else {
              buffer[i] = nextNormal()
            }
          }
        }
      }
    case .uniform:
      for i in buffer.indices { buffer[i] = nextUniformStandard() }
    case .rademacher:
      // 64 signs per draw, branch-free: bit 0 → −1, bit 1 → +1.
      var i = buffer.startIndex
      while i < buffer.endIndex {
        let bits = next()
        let end = min(i + 64, buffer.endIndex)
        var k: UInt64 = 0
        while i < end {
          buffer[i] = Double(Int64((bits >> k) & 1) &* 2 &- 1)
          k += 1
          i += 1
        }
      }
    }
  }
}

/// The ziggurat's 128 layer tables, computed once (Doornik 2005, "An improved ziggurat method").
@usableFromInline
enum Ziggurat {
  @usableFromInline static let r = 3.442_619_855_899
  static let volume = 9.912_563_035_262_17e-3

  /// Right edges of the layers; `x[128] = 0`.
  @usableFromInline static let x: [Double] = {
    var x = [Double](repeating: 0, count: 129)
    var f = exp(-0.5 * r * r)
    x[0] = volume / f
    x[1] = r
    for i in 2..<128 {
      x[i] = (-2 * log(volume / x[i - 1] + f)).squareRoot()
      f = exp(-0.5 * x[i] * x[i])
    }
    x[128] = 0
    return x
  }()

  /// `x[i+1] / x[i]`: below it a point lies inside the density for certain.
  @usableFromInline static let ratio: [Double] = (0..<128).map { x[$0 + 1] / x[$0] }
}
