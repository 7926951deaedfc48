/// Counting draws into bins, in the optimised kernel module (the samplers' checks bin millions
/// of draws).
public enum Histogram {
  /// Adds each value's |x| bin to `counts` (bin k holds edges[k−1] ≤ |x| < edges[k], the last bin
  /// |x| ≥ edges.last) and returns how many values are positive. `edges` ascend;
  /// `counts.count == edges.count + 1`.
  ///
  /// - Complexity: O(n · edges.count).
  public static func addAbsolute(_ values: UnsafeBufferPointer<Double>, edges: [Double],
                                 to counts: inout [Int]) -> Int {
    precondition(counts.count == edges.count + 1, "\(counts.count) counts for \(edges.count) edges")
    var positive = 0
    edges.withUnsafeBufferPointer { e in
      counts.withUnsafeMutableBufferPointer { c in
        for x in values {
          let a = abs(x)
          var bin = 0
          while bin < e.count && a >= e[bin] { bin += 1 }
          c[bin] += 1
          positive += x > 0 ? 1 : 0
        }
      }
    }
    return positive
  }
}
