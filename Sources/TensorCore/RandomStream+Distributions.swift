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
  /// A standard normal variate (Marsaglia–Tsang ziggurat with 256 layers, in Doornik's ZIGNOR
  /// form).
  ///
  /// One 64-bit draw serves 98.5% of calls: its low 8 bits pick the layer, its high 53 bits the
  /// abscissa. The layer index and the abscissa use disjoint bits, which avoids the correlation
  /// Doornik (2005) found in the original.
  @inlinable
  public mutating func nextNormal() -> Double {
    while true {
      let bits = next()
      let i = Int(bits & 0xff)
      let u = Double(bits >> 11) * 0x1.0p-52 - 1  // uniform in [−1, 1)
      if abs(u) < Ziggurat.ratio[i] { return u * Ziggurat.x[i] }
      if let value = normalSlowPath(layer: i, u: u) { return value }
    }
  }

  /// The 1.5% of draws outside a layer's inner rectangle: the base layer's tail, or a wedge
  /// tested against the density with one exponential (the layer's edge densities are tabled).
  @usableFromInline
  mutating func normalSlowPath(layer i: Int, u: Double) -> Double? {
    if i == 0 {
      // The base layer's tail beyond R, by Marsaglia's exponential rejection.
      let r = Ziggurat.r
      #if PSVERIFY_FAULTS
        // A planted bug for the tests (PSVERIFY_FAULTS builds only): no tail beyond R.
        if KernelFaults.isSet(.zigguratBaseBoundary) { return u < 0 ? -r : r }
      #endif
      while true {
        let tx = log(nextOpenUnitDouble()) / r
        let ty = log(nextOpenUnitDouble())
        if -2 * ty >= tx * tx { return u < 0 ? tx - r : r - tx }
      }
    }
    let x = u * Ziggurat.x[i]
    let lower = Ziggurat.density[i]
    let upper = Ziggurat.density[i + 1]
    return lower + nextUnitDouble() * (upper - lower) < exp(-0.5 * x * x) ? x : nil
  }

  /// A uniform variate on [−√3, √3]: zero mean, unit variance.
  @inlinable @inline(__always)
  public mutating func nextUniformStandard() -> Double {
    (Double(next() >> 11) * 0x1.0p-52 - 1) * 1.732_050_807_568_877_2
  }

  /// Fills `buffer` with draws from `distribution`. Buffers of 64 or more draw eight at a time
  /// from SIMD lanes seeded by this stream (`RandomLanes`); smaller ones one at a time.
  public mutating func fill(
    _ buffer: UnsafeMutableBufferPointer<Double>,
    with distribution: StandardDistribution
  ) {
    switch distribution {
    case .gaussian where buffer.count >= 64:
      fillGaussianLanes(buffer)
    case .uniform where buffer.count >= 64:
      fillUniformLanes(buffer)
    case .gaussian:
      Ziggurat.x.withUnsafeBufferPointer { x in
        Ziggurat.ratio.withUnsafeBufferPointer { ratio in
          for i in buffer.indices {
            // The fast path inlined with the tables hoisted; rare cases take nextNormal's route.
            let bits = next()
            let layer = Int(bits & 0xff)
            let u = Double(bits >> 11) * 0x1.0p-52 - 1
            if abs(u) < ratio[layer] {
              buffer[i] = u * x[layer]
            } else if let value = normalSlowPath(layer: layer, u: u) {
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

/// The ziggurat's 256 layer tables, computed once (Marsaglia & Tsang 2000; Doornik 2005).
@usableFromInline
enum Ziggurat {
  static let layers = 256
  /// The base layer's right edge and the common area of every layer, for 256 layers.
  @usableFromInline static let r = 3.654_152_885_361_008_8
  static let volume = 4.928_673_233_99e-3

  /// Right edges of the layers; `x[256] = 0`.
  @usableFromInline static let x: [Double] = {
    var x = [Double](repeating: 0, count: layers + 1)
    var f = exp(-0.5 * r * r)
    x[0] = volume / f
    x[1] = r
    for i in 2..<layers {
      x[i] = (-2 * log(volume / x[i - 1] + f)).squareRoot()
      f = exp(-0.5 * x[i] * x[i])
    }
    x[layers] = 0
    return x
  }()

  /// `x[i+1] / x[i]`: below it a point lies inside the density for certain.
  @usableFromInline static let ratio: [Double] = (0..<layers).map { x[$0 + 1] / x[$0] }

  /// (x[i], ratio[i]) side by side, for lookups that want both with one load.
  static let pairs: [SIMD2<Double>] = (0..<layers).map { SIMD2(x[$0], ratio[$0]) }

  /// The unnormalised density e^(−x²/2) at each layer's right edge.
  @usableFromInline static let density: [Double] = x.map { exp(-0.5 * $0 * $0) }
}
