/// Counting draws into bins, in the optimised kernel module (the samplers' checks bin millions
/// of draws).
public enum Histogram {
  /// Adds each value's |x| bin to `counts` (bin k holds edges[k−1] ≤ |x| < edges[k], the last bin
  /// |x| ≥ edges.last; a NaN counts in bin 0) and returns how many values are positive. `edges`
  /// ascend; `counts.count == edges.count + 1`.
  ///
  /// Eight values at a time: for each edge the lanes count |x| ≥ edge (a compare and an add, no
  /// branch), and the bins are the differences of those cumulative counts.
  ///
  /// - Complexity: O(n · edges.count) vector operations on n/8 lanes.
  public static func addAbsolute(
    _ values: UnsafeBufferPointer<Double>, edges: [Double],
    to counts: inout [Int]
  ) -> Int {
    precondition(counts.count == edges.count + 1, "\(counts.count) counts for \(edges.count) edges")
    typealias V = SIMD8<Double>
    typealias C = SIMD8<Int64>
    let e = edges.count
    let n = values.count
    let vectors = n / 8
    var atLeast = [C](repeating: .zero, count: e)  // per lane: values with |x| ≥ edges[k]
    var positiveLanes = C.zero
    let splats = edges.map { V(repeating: $0) }
    if let base = values.baseAddress, vectors > 0 {
      let raw = UnsafeRawPointer(base)
      atLeast.withUnsafeMutableBufferPointer { acc in
        splats.withUnsafeBufferPointer { edge in
          for v in 0..<vectors {
            let x = raw.loadUnaligned(fromByteOffset: v * 64, as: V.self)
            let a = x.replacing(with: -x, where: x .< 0)
            positiveLanes &+= C.zero.replacing(with: 1, where: x .> 0)
            for k in 0..<e { acc[k] &+= C.zero.replacing(with: 1, where: a .>= edge[k]) }
          }
        }
      }
    }
    var cumulative = atLeast.map { Int($0.wrappedSum()) }
    var positive = Int(positiveLanes.wrappedSum())
    for i in (vectors * 8)..<n {
      let x = values[i]
      let a = abs(x)
      for k in 0..<e where a >= edges[k] { cumulative[k] += 1 }
      positive += x > 0 ? 1 : 0
    }
    counts[0] += n - (e > 0 ? cumulative[0] : 0)
    for k in 0..<e { counts[k + 1] += cumulative[k] - (k + 1 < e ? cumulative[k + 1] : 0) }
    return positive
  }
}
