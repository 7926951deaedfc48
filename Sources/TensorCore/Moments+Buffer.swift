extension Moments {
  /// Moments of a buffer, by two vectorised passes (SIMD8 lanes, fixed summation order, so the
  /// result is reproducible bit for bit).
  /// - Complexity: O(n): one pass for the mean, one for M2, M3 and M4.
  public init(buffer: UnsafeBufferPointer<Double>) {
    self.init()
    let n = buffer.count
    guard n > 0, let base = buffer.baseAddress else { return }
    typealias V = SIMD8<Double>
    let raw = UnsafeRawPointer(base)
    let vectors = n / 8
    var acc = V()
    for v in 0..<vectors { acc += raw.loadUnaligned(fromByteOffset: v * 64, as: V.self) }
    var sum = acc.sum()
    for i in (vectors * 8)..<n { sum += base[i] }
    let mean = sum / Double(n)
    let m = V(repeating: mean)
    var a2 = V()
    var a3 = V()
    var a4 = V()
    for v in 0..<vectors {
      let d = raw.loadUnaligned(fromByteOffset: v * 64, as: V.self) - m
      let d2 = d * d
      a2 += d2
      a3 += d2 * d
      a4 += d2 * d2
    }
    var s2 = a2.sum()
    var s3 = a3.sum()
    var s4 = a4.sum()
    for i in (vectors * 8)..<n {
      let d = base[i] - mean
      s2 += d * d
      s3 += d * d * d
      s4 += d * d * d * d
    }
    self.init(count: n, mean: mean, m2: s2, m3: s3, m4: s4)
  }
}

/// Moments of a large sample drawn in chunks on all cores.
public enum ChunkedSampling {
  /// Draws `count` values in chunks of `chunkSize`; chunk i fills its buffer from
  /// `stream.split(i)`. The moments are merged in chunk order, so the result is the same bit for
  /// bit whatever the number of cores. Each worker allocates its buffers once.
  ///
  /// `fill(&random, out, scratch)` writes the chunk's values into `out`; `scratch` is a second
  /// buffer of the same size for its own use.
  /// - Complexity: `fill` over ⌈count / chunkSize⌉ chunks plus O(count) for the moments, split
  ///   over the cores; two buffers of `chunkSize` doubles per worker.
  public static func moments(
    count: Int, chunkSize: Int = 1 << 15, stream: RandomStream,
    fill:
      @Sendable (
        inout RandomStream, UnsafeMutableBufferPointer<Double>,
        UnsafeMutableBufferPointer<Double>
      ) -> Void
  ) -> Moments {
    running(count: count, chunkSize: chunkSize, stream: stream, fill: fill).total
  }

  /// `moments`, and the running estimate as the sample grows: the moments of the first n values
  /// for n = 1024, 2048, … (doubling, inside the first chunk and then at whole chunks) and of
  /// all of them. The same draws as `moments`, so the last entry is its total.
  public static func running(
    count: Int, chunkSize: Int = 1 << 15, stream: RandomStream,
    fill:
      @Sendable (
        inout RandomStream, UnsafeMutableBufferPointer<Double>,
        UnsafeMutableBufferPointer<Double>
      ) -> Void
  ) -> (total: Moments, prefixes: [Moments]) {
    precondition(count > 0 && chunkSize > 0, "count \(count) and chunk \(chunkSize) must be > 0")
    let chunks = (count + chunkSize - 1) / chunkSize
    let workers = min(Parallel.workerCount, chunks)
    let firstSizes = Array(sequence(first: 1024) { $0 * 2 }.prefix { $0 < min(chunkSize, count) })
    let perWorker = Parallel.map(workers) { worker -> ([Moments], [Moments]) in
      let out = UnsafeMutableBufferPointer<Double>.allocate(capacity: chunkSize)
      let scratch = UnsafeMutableBufferPointer<Double>.allocate(capacity: chunkSize)
      defer {
        out.deallocate()
        scratch.deallocate()
      }
      var parts: [Moments] = []
      var early: [Moments] = []
      // Worker w takes chunks w, w + W, w + 2W, …: equal shares, no coordination.
      for chunk in stride(from: worker, to: chunks, by: workers) {
        let size = min(chunkSize, count - chunk * chunkSize)
        let o = UnsafeMutableBufferPointer(rebasing: out[0..<size])
        let t = UnsafeMutableBufferPointer(rebasing: scratch[0..<size])
        var random = stream.split(chunk)
        fill(&random, o, t)
        if chunk == 0 {
          early = firstSizes.map { Moments(buffer: UnsafeBufferPointer(rebasing: o[0..<$0])) }
        }
        parts.append(Moments(buffer: UnsafeBufferPointer(o)))
      }
      return (parts, early)
    }
    var prefixes = perWorker[0].1
    var total = Moments()
    for chunk in 0..<chunks {
      total.merge(perWorker[chunk % workers].0[chunk / workers])
      let merged = chunk + 1
      if merged & (merged - 1) == 0 || merged == chunks { prefixes.append(total) }
    }
    return (total, prefixes)
  }
}
