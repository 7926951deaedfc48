/// The convolution's GEMM without packing its left operand: each 8-row strip of outputs gets a
/// table of pointers, one per tap and lane, straight into the input image (NHWC, NDHWC, …), or
/// to a row of zeros where the tap falls outside (`same`). The micro-kernel walks the taps and,
/// within a tap, the N_in contiguous channels, so the image is read where it lies and nothing is
/// copied. The whole packed kernel (taps·N_in × N_out) is read from L2 once per strip.
///
/// Multiplies are counted where they run, as in `GEMM.run`: each micro-kernel call adds the
/// k-steps it executed times the rows and columns of its tile that hold real data.
struct TapSource: @unchecked Sendable {
  let src: UnsafePointer<Float>
  let strides: [Int]
  let axes: [ConvolutionAxis]
  let outExtents: [Int]
  let nIn: Int
  /// N_in zeros, what a tap outside the image reads, followed by N_in values of 1000 that only
  /// a planted fault reads.
  let zeros: UnsafePointer<Float>
  /// Per tap: its offset along each axis, and its offset in the input's storage.
  let tapCoordinates: [Int]
  let tapOffsets: [Int]
  /// Output positions per batch element.
  let positions: Int

  init(
    src: UnsafePointer<Float>, strides: [Int], axes: [ConvolutionAxis], outExtents: [Int],
    nIn: Int, zeros: UnsafePointer<Float>
  ) {
    (self.src, self.strides, self.axes, self.outExtents, self.nIn, self.zeros) =
      (src, strides, axes, outExtents, nIn, zeros)
    let d = axes.count
    let taps = axes.map(\.filter).reduce(1, *)
    var coordinates = [Int](repeating: 0, count: taps * d)
    var offsets = [Int](repeating: 0, count: taps)
    for t in 0..<taps {
      var rest = t
      for a in stride(from: d - 1, through: 0, by: -1) {
        coordinates[t * d + a] = rest % axes[a].filter
        offsets[t] += coordinates[t * d + a] * strides[a + 1]
        rest /= axes[a].filter
      }
    }
    tapCoordinates = coordinates
    tapOffsets = offsets
    positions = outExtents.reduce(1, *)
  }

  var taps: Int { tapOffsets.count }

  /// Fills `table[t · 8 + lane]` for the strip of rows starting at `first`; rows at or past
  /// `end` read zeros (their results are dropped). `bounds` is scratch for 2·d integers.
  func pointers(
    first: Int, end: Int, into table: UnsafeMutablePointer<UnsafePointer<Float>>,
    bounds: UnsafeMutablePointer<Int>
  ) {
    let d = axes.count
    let positions = self.positions
    let low = bounds
    let high = bounds + d
    for lane in 0..<GEMM.mr {
      let q = first + lane
      guard q < end else {
        for t in 0..<taps { table[t * GEMM.mr + lane] = zeros }
        continue
      }
      var rest = q % positions
      var base = (q / positions) * strides[0]  // before the image when tap 0 falls outside
      var interior = true
      for a in stride(from: d - 1, through: 0, by: -1) {
        let x = rest % outExtents[a]
        rest /= outExtents[a]
        let origin = axes[a].source(x, 0)
        base += origin * strides[a + 1]
        let valid = axes[a].validTaps(x)
        (low[a], high[a]) = (valid.lowerBound, valid.upperBound)
        if valid.count != axes[a].filter { interior = false }
      }
      if interior {
        for t in 0..<taps { table[t * GEMM.mr + lane] = src + (base + tapOffsets[t]) }
        continue
      }
      for t in 0..<taps {
        var inside = true
        for a in 0..<d {
          let c = tapCoordinates[t * d + a]
          if c < low[a] || c >= high[a] {
            inside = false
            break
          }
        }
        table[t * GEMM.mr + lane] = inside ? src + (base + tapOffsets[t]) : zeros
      }
    }
    #if PSVERIFY_FAULTS
      if d >= 3 && first == 0 && KernelFaults.isSet(.corruptVideoPacking) {
        table[0] = zeros + nIn  // planted for tests: lane 0's first tap reads 1000s
      }
    #endif
  }
}

extension GEMM {
  /// Rows per work item of the tap GEMM: fixed, so the split never depends on the cores.
  static let tapRowsPerItem = 128
  /// Bytes of packed weight one sweep over a strip reads: half of a 1 MiB L2, so the panels stay
  /// there from one strip to the next.
  static let tapWeightBytes = 512 * 1024

  /// The convolution as a GEMM over tap pointers; `weight` is the kernel [N_out, taps·N_in].
  /// Returns the multiplies performed.
  static func runTaps(
    _ source: TapSource, rows: Int, weight: PackedWeight,
    out: UnsafeMutablePointer<Float>,
    minimumParallelWork: Int = parallelThreshold
  ) -> Int {
    let n = weight.outputs
    let k = weight.inputs
    precondition(k == source.taps * source.nIn, "weight inputs \(k) ≠ taps × N_in")
    guard rows > 0, n > 0 else { return 0 }
    let panels = weight.panelCount
    // Panels per sweep: as many as fit in `tapWeightBytes` (at least one).
    let group = max(1, min(panels, tapWeightBytes / max(1, k * nr * MemoryLayout<Float>.size)))
    let items = (rows + tapRowsPerItem - 1) / tapRowsPerItem
    let work = ResourceLimits.saturatingProduct([rows, n, k])
    let workers = Parallel.workerCount
    let out = SendableMutablePointer(out)
    return weight.storage.withUnsafeBufferPointer { w -> Int in
      let packed = SendablePointer(w.baseAddress!)
      let body = { @Sendable (range: Range<Int>) -> Int in
        let table = UnsafeMutablePointer<UnsafePointer<Float>>.allocate(capacity: source.taps * mr)
        let bounds = UnsafeMutablePointer<Int>.allocate(capacity: 2 * source.axes.count)
        defer {
          table.deallocate()
          bounds.deallocate()
        }
        var tile = [Float](repeating: 0, count: mr * nr)
        var count = 0
        tile.withUnsafeMutableBufferPointer { scratch in
          for item in range {
            let r0 = item * tapRowsPerItem
            let r1 = min(rows, r0 + tapRowsPerItem)
            for g0 in stride(from: 0, to: panels, by: group) {
              var r = r0
              while r < r1 {
                source.pointers(first: r, end: r1, into: table, bounds: bounds)
                let live = min(mr, r1 - r)
                for p in g0..<min(panels, g0 + group) {
                  let c0 = p * nr
                  let columns = min(nr, n - c0)
                  // Planted for tests: the first tile skips its last k-step.
                  #if PSVERIFY_FAULTS
                    let skipLast = r == 0 && p == 0 && KernelFaults.isSet(.missingMultiply)
                  #else
                    let skipLast = false
                  #endif
                  let full = live == mr && columns == nr
                  let target = full ? out.pointer + r * n + c0 : scratch.baseAddress!
                  microTaps(
                    table, taps: source.taps, channels: source.nIn,
                    packed.pointer + p * k * nr, skipLast: skipLast, target,
                    ldc: full ? n : nr)
                  if !full {
                    for rr in 0..<live {
                      (out.pointer + (r + rr) * n + c0)
                        .update(from: scratch.baseAddress! + rr * nr, count: columns)
                    }
                  }
                  count += (skipLast ? k - 1 : k) * live * columns
                }
                r += mr
              }
            }
          }
        }
        return count
      }
      // Four ranges a worker, taken as workers free up: no straggler.
      let chunks = workers > 1 && work >= minimumParallelWork ? min(items, 4 * workers) : 1
      return finish(dispatch(items: items, chunks: chunks, body), out.pointer)
    }
  }

  /// c[8][32] = Σ_t Σ_i table[t][lane][i] · b[t·channels + i][32]: 16 accumulators, the lanes'
  /// rows read through the pointer table, the weight panel read in order.
  @inline(__always)
  static func microTaps(
    _ table: UnsafePointer<UnsafePointer<Float>>, taps: Int, channels: Int,
    _ b: UnsafePointer<Float>, skipLast: Bool,
    _ c: UnsafeMutablePointer<Float>, ldc: Int
  ) {
    typealias V = SIMD16<Float>
    var c0a = V()
    var c0b = V()
    var c1a = V()
    var c1b = V()
    var c2a = V()
    var c2b = V()
    var c3a = V()
    var c3b = V()
    var c4a = V()
    var c4b = V()
    var c5a = V()
    var c5b = V()
    var c6a = V()
    var c6b = V()
    var c7a = V()
    var c7b = V()
    var bp = UnsafeRawPointer(b)
    for t in 0..<taps {
      let row = table + t * mr
      let a0 = row[0]
      let a1 = row[1]
      let a2 = row[2]
      let a3 = row[3]
      let a4 = row[4]
      let a5 = row[5]
      let a6 = row[6]
      let a7 = row[7]
      let steps = skipLast && t == taps - 1 ? channels - 1 : channels
      for p in 0..<steps {
        let b0 = bp.loadUnaligned(as: V.self)
        let b1 = bp.loadUnaligned(fromByteOffset: 64, as: V.self)
        bp += 128
        var x = V(repeating: a0[p])
        c0a.addProduct(x, b0)
        c0b.addProduct(x, b1)
        x = V(repeating: a1[p])
        c1a.addProduct(x, b0)
        c1b.addProduct(x, b1)
        x = V(repeating: a2[p])
        c2a.addProduct(x, b0)
        c2b.addProduct(x, b1)
        x = V(repeating: a3[p])
        c3a.addProduct(x, b0)
        c3b.addProduct(x, b1)
        x = V(repeating: a4[p])
        c4a.addProduct(x, b0)
        c4b.addProduct(x, b1)
        x = V(repeating: a5[p])
        c5a.addProduct(x, b0)
        c5b.addProduct(x, b1)
        x = V(repeating: a6[p])
        c6a.addProduct(x, b0)
        c6b.addProduct(x, b1)
        x = V(repeating: a7[p])
        c7a.addProduct(x, b0)
        c7b.addProduct(x, b1)
      }
    }
    @inline(__always)
    func store(_ row: Int, _ lo: V, _ hi: V) {
      let p = UnsafeMutableRawPointer(c + row * ldc)
      p.storeBytes(of: lo, as: V.self)
      (p + 64).storeBytes(of: hi, as: V.self)
    }
    store(0, c0a, c0b)
    store(1, c1a, c1b)
    store(2, c2a, c2b)
    store(3, c3a, c3b)
    store(4, c4a, c4b)
    store(5, c5a, c5b)
    store(6, c6a, c6b)
    store(7, c7a, c7b)
  }
}
