/// A seedable, splittable pseudo-random stream (xoshiro256**), the only source of randomness in
/// psverify.
///
/// Streams are derived, never shared: `split("variance-monte-carlo")` or `split(7)` gives a child
/// whose state depends only on the parent's *key* and the label, never on how many numbers the
/// parent has drawn. Adding a check or changing the number of worker threads therefore leaves
/// every other stream's draws unchanged, as with JAX's explicit keys.
///
/// Labels are hashed with FNV-1a (stable across processes and platforms; Swift's `Hasher` is
/// randomly seeded per process and must not be used here) and mixed with SplitMix64.
public struct RandomStream: Sendable {
  /// The 64-bit key this stream was derived from; recorded so that a run can be reproduced.
  public let key: UInt64
  @usableFromInline var s0, s1, s2, s3: UInt64

  /// A stream rooted at `seed` (the value of `--seed`).
  public init(seed: UInt64) {
    self.init(key: RandomStream.mix(seed ^ 0x5053_5645_5249_4659))  // "PSVERIFY"
  }

  init(key: UInt64) {
    self.key = key
    var sm = key
    s0 = RandomStream.splitMix(&sm)
    s1 = RandomStream.splitMix(&sm)
    s2 = RandomStream.splitMix(&sm)
    s3 = RandomStream.splitMix(&sm)
    if s0 | s1 | s2 | s3 == 0 { s0 = 1 }  // the all-zero state is the one fixed point
  }

  /// An independent child stream named by `label`.
  public func split(_ label: String) -> RandomStream {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in label.utf8 {
      h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
    return RandomStream(key: RandomStream.mix(key ^ RandomStream.mix(h)))
  }

  /// An independent child stream numbered `index` (a chunk of work, a worker, a replicate).
  public func split(_ index: Int) -> RandomStream {
    RandomStream(
      key: RandomStream.mix(
        key &+ RandomStream.mix(UInt64(bitPattern: Int64(index)) &+ 0x9e37_79b9_7f4a_7c15)))
  }

  /// The next 64 random bits.
  @inlinable @inline(__always)
  public mutating func next() -> UInt64 {
    let result = rotl(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotl(s3, 45)
    return result
  }

  /// A uniform double in [0, 1) with 53 random bits.
  @inlinable @inline(__always)
  public mutating func nextUnitDouble() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A uniform double in the open interval (0, 1): safe to pass to `log`.
  @inlinable @inline(__always)
  public mutating func nextOpenUnitDouble() -> Double {
    (Double(next() >> 12) + 0.5) * 0x1.0p-52
  }

  /// A uniform integer in `0..<bound` without modulo bias (Lemire's method).
  public mutating func nextInt(below bound: Int) -> Int {
    precondition(bound > 0, "bound must be positive, got \(bound)")
    let b = UInt64(bound)
    var m = next().multipliedFullWidth(by: b)
    if m.low < b {
      let threshold = (0 &- b) % b
      while m.low < threshold { m = next().multipliedFullWidth(by: b) }
    }
    return Int(m.high)
  }

  @inlinable @inline(__always)
  func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 &- k)) }

  static func splitMix(_ state: inout UInt64) -> UInt64 {
    state &+= 0x9e37_79b9_7f4a_7c15
    return mix(state)
  }

  /// SplitMix64's finaliser: a bijective avalanche of 64 bits.
  static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }
}
