/// Eight xoshiro256** generators in the lanes of SIMD vectors, for filling large buffers: one
/// vector step gives eight 64-bit draws. The lanes are seeded from eight draws of the parent
/// stream (through SplitMix64), so a fill is as reproducible as the stream it comes from.
struct RandomLanes {
  typealias U = SIMD8<UInt64>
  var s0, s1, s2, s3: U

  init(from parent: inout RandomStream) {
    var seeds = [UInt64](repeating: 0, count: 32)
    for lane in 0..<8 {
      var sm = parent.next()
      for word in 0..<4 { seeds[word * 8 + lane] = RandomStream.splitMix(&sm) }
    }
    s0 = U(seeds[0..<8])
    s1 = U(seeds[8..<16])
    s2 = U(seeds[16..<24])
    s3 = U(seeds[24..<32])
    // An all-zero lane would be stuck at zero; SplitMix64 makes one vanishingly unlikely.
    s0 = s0.replacing(with: 1, where: (s0 | s1 | s2 | s3) .== 0)
  }

  @inline(__always)
  static func rotl(_ x: U, _ k: UInt64) -> U {
    (x &<< U(repeating: k)) | (x &>> U(repeating: 64 - k))
  }

  /// The next eight draws, one per lane.
  @inline(__always)
  mutating func next() -> U {
    let result = Self.rotl(s1 &* 5, 7) &* 9
    let t = s1 &<< 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = Self.rotl(s3, 45)
    return result
  }

  /// Eight uniform doubles in [−1, 1) from the high 53 bits of eight draws.
  @inline(__always)
  static func signedUnit(_ bits: U) -> SIMD8<Double> {
    SIMD8<Double>(SIMD8<Int64>(truncatingIfNeeded: bits &>> 11)) * 0x1.0p-52 - 1
  }
}

extension RandomStream {
  /// Gaussian fill, eight at a time: the ziggurat's fast path on all lanes (layer from the low 8
  /// bits, abscissa from the high 53). The 1.5% of draws outside their layer's rectangle keep
  /// their raw bits in the buffer and a bit in `pending`; a second pass finishes them with the
  /// scalar slow path on this stream, in buffer order. (No call inside the vector loop, so the
  /// lane state stays in registers.)
  mutating func fillGaussianLanes(_ buffer: UnsafeMutableBufferPointer<Double>) {
    guard let base = buffer.baseAddress else { return }
    let n = buffer.count
    var lanes = RandomLanes(from: &self)
    let vectors = n / 8
    let pending = UnsafeMutablePointer<UInt64>.allocate(capacity: (vectors * 8 + 63) / 64 + 1)
    defer { pending.deallocate() }
    pending.initialize(repeating: 0, count: (vectors * 8 + 63) / 64 + 1)
    let raw = UnsafeMutableRawPointer(base)
    Ziggurat.pairs.withUnsafeBytes { table in
      var state = lanes
      defer { lanes = state }
      let t = table.baseAddress!
      for v in 0..<vectors {
        let bits = state.next()
        let u = RandomLanes.signedUnit(bits)
        // Each layer's (edge, ratio) side by side: one 16-byte load per lane.
        let index = SIMD8<Int64>(truncatingIfNeeded: bits & 0xff) &* 16
        let p0 = t.load(fromByteOffset: Int(index[0]), as: SIMD2<Double>.self)
        let p1 = t.load(fromByteOffset: Int(index[1]), as: SIMD2<Double>.self)
        let p2 = t.load(fromByteOffset: Int(index[2]), as: SIMD2<Double>.self)
        let p3 = t.load(fromByteOffset: Int(index[3]), as: SIMD2<Double>.self)
        let p4 = t.load(fromByteOffset: Int(index[4]), as: SIMD2<Double>.self)
        let p5 = t.load(fromByteOffset: Int(index[5]), as: SIMD2<Double>.self)
        let p6 = t.load(fromByteOffset: Int(index[6]), as: SIMD2<Double>.self)
        let p7 = t.load(fromByteOffset: Int(index[7]), as: SIMD2<Double>.self)
        let edge = SIMD8<Double>(p0[0], p1[0], p2[0], p3[0], p4[0], p5[0], p6[0], p7[0])
        let ratio = SIMD8<Double>(p0[1], p1[1], p2[1], p3[1], p4[1], p5[1], p6[1], p7[1])
        raw.storeBytes(of: u * edge, toByteOffset: v * 64, as: SIMD8<Double>.self)
        let inside = (u .< ratio) .& (u .> -ratio)
        if !all(inside) {
          for l in 0..<8 where !inside[l] {
            let i = v * 8 + l
            raw.storeBytes(of: bits[l], toByteOffset: i * 8, as: UInt64.self)
            pending[i >> 6] |= 1 << UInt64(i & 63)
          }
        }
      }
    }
    for word in 0..<((vectors * 8 + 63) / 64) {
      var mask = pending[word]
      while mask != 0 {
        let i = word * 64 + mask.trailingZeroBitCount
        mask &= mask - 1
        let bits = raw.load(fromByteOffset: i * 8, as: UInt64.self)
        let u = Double(bits >> 11) * 0x1.0p-52 - 1
        base[i] = normalSlowPath(layer: Int(bits & 0xff), u: u) ?? nextNormal()
      }
    }
    for i in (vectors * 8)..<n { base[i] = nextNormal() }
  }

  /// Uniform fill on [−√3, √3], eight at a time.
  mutating func fillUniformLanes(_ buffer: UnsafeMutableBufferPointer<Double>) {
    guard let base = buffer.baseAddress else { return }
    let n = buffer.count
    var lanes = RandomLanes(from: &self)
    let raw = UnsafeMutableRawPointer(base)
    var i = 0
    while i + 8 <= n {
      raw.storeBytes(
        of: RandomLanes.signedUnit(lanes.next()) * 1.732_050_807_568_877_2,
        toByteOffset: i * 8, as: SIMD8<Double>.self)
      i += 8
    }
    while i < n {
      base[i] = nextUniformStandard()
      i += 1
    }
  }
}
