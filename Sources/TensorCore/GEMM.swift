import Synchronization

/// Where the GEMM's left operand comes from (a dense matrix; convolutions use `runTaps`).
protocol GEMMSource: Sendable {
  /// Writes rows `rows` × columns `k` of the left operand as strips of `GEMM.mr` rows, each strip
  /// row-major [mr][k.count] (rows past the end are zeros).
  func pack(rows: Range<Int>, k: Range<Int>, into dst: UnsafeMutablePointer<Float>)
}

/// A row-major [rows, ld] matrix.
struct DenseSource: GEMMSource, @unchecked Sendable {
  let base: UnsafePointer<Float>
  let ld: Int

  func pack(rows: Range<Int>, k: Range<Int>, into dst: UnsafeMutablePointer<Float>) {
    let width = k.count
    var strip = dst
    var r = rows.lowerBound
    while r < rows.upperBound {
      for lane in 0..<GEMM.mr {
        let row = strip + lane * width
        if r + lane < rows.upperBound {
          row.update(from: base + (r + lane) * ld + k.lowerBound, count: width)
        } else {
          row.update(repeating: 0, count: width)
        }
      }
      strip += GEMM.mr * width
      r += GEMM.mr
    }
  }
}

/// The blocked single-precision GEMM behind dense layers (and, in `runTaps`, convolutions):
///
/// ```
/// out[r, j] = Σ_k A[r, k] · W[j, k]
/// ```
/// Blocking (BLIS-style): K in slices of `kc` so that a weight panel slice (kc × 32 floats,
/// 64 KiB) stays in L2 next to the rows' packed block (mc × kc, 192 KiB); an
/// 8 × 32 register tile (16 AVX-512 accumulators) per micro-kernel call. Work is split into
/// fixed items (row blocks × panel groups), each output element computed by one item in one
/// fixed order, so results are the same bit for bit on any number of cores.
///
/// Multiplies are counted where they run: each micro-kernel call adds the k-steps it executed
/// times the rows and columns of its tile that hold real data.
enum GEMM {
  static let mr = 8
  static let nr = 32
  static let kc = 512
  static let mc = 96

  /// Multiply-adds below which one thread does the work (a dispatch costs ~10 µs).
  static let parallelThreshold = 1 << 24

  /// Runs the product into `out` (overwritten) and returns the multiplies performed.
  /// - Parameter minimumParallelWork: multiply-adds from which the work is split over the
  ///   workers (tests pass 0 to split small products).
  static func run<S: GEMMSource>(
    _ source: S, rows: Int, weight: PackedWeight,
    out: UnsafeMutablePointer<Float>,
    minimumParallelWork: Int = parallelThreshold
  ) -> Int {
    let n = weight.outputs
    let k = weight.inputs
    guard rows > 0, n > 0 else { return 0 }
    if k == 0 {
      out.update(repeating: 0, count: rows * n)
      return 0
    }
    let panels = weight.panelCount
    let rowBlocks = (rows + mc - 1) / mc
    let workers = Parallel.workerCount
    let work = ResourceLimits.saturatingProduct([rows, n, k])
    let parallel = workers > 1 && work >= minimumParallelWork
    // Few row blocks: split the panels too, so that every worker has a share.
    let panelGroups = parallel && rowBlocks < 2 * workers ? min(panels, 2 * workers) : 1
    let items = rowBlocks * panelGroups
    let out = SendableMutablePointer(out)
    return weight.storage.withUnsafeBufferPointer { w -> Int in
      let packed = SendablePointer(w.baseAddress!)
      let body = { @Sendable (range: Range<Int>) -> Int in
        let buffer = UnsafeMutablePointer<Float>.allocate(capacity: mc * kc)
        defer { buffer.deallocate() }
        var count = 0
        for item in range {
          let (block, group) = item.quotientAndRemainder(dividingBy: panelGroups)
          let r0 = block * mc
          let r1 = min(rows, r0 + mc)
          let p0 = group * panels / panelGroups
          let p1 = (group + 1) * panels / panelGroups
          count += macro(
            source, rows: r0..<r1, panels: p0..<p1, weight: weight,
            packed: packed.pointer, out: out.pointer, buffer: buffer)
        }
        return count
      }
      return finish(
        dispatch(items: items, chunks: parallel ? min(items, workers) : 1, body), out.pointer)
    }
  }

  /// Runs `body` over `0..<items` split into `chunks` contiguous ranges on the workers (one
  /// range: on this thread) and sums what the ranges return, in order.
  static func dispatch(items: Int, chunks: Int, _ body: @Sendable (Range<Int>) -> Int) -> Int {
    guard chunks > 1 && items > 1 else { return body(0..<items) }
    return Parallel.map(chunks) { c in body((c * items / chunks)..<((c + 1) * items / chunks)) }
      .reduce(0, +)
  }

  /// The multiplies a product ran, after the planted extra multiply when a test sets it.
  static func finish(_ total: Int, _ out: UnsafeMutablePointer<Float>) -> Int {
    #if PSVERIFY_FAULTS
      if KernelFaults.isSet(.extraMultiply) {
        // Planted for tests: one multiply more than the product needs, counted where it runs.
        out[0] += out[0] * 0x1p-10
        return total + 1
      }
    #endif
    return total
  }

  /// One row block against a range of panels, all of K.
  @inline(__always)
  static func macro<S: GEMMSource>(
    _ source: S, rows: Range<Int>, panels: Range<Int>,
    weight: PackedWeight, packed: UnsafePointer<Float>,
    out: UnsafeMutablePointer<Float>,
    buffer: UnsafeMutablePointer<Float>
  ) -> Int {
    let n = weight.outputs
    let k = weight.inputs
    var count = 0
    var tile = (
      SIMD16<Float>(), SIMD16<Float>(), SIMD16<Float>(), SIMD16<Float>(),
      SIMD16<Float>(), SIMD16<Float>(), SIMD16<Float>(), SIMD16<Float>(),
      SIMD16<Float>(), SIMD16<Float>(), SIMD16<Float>(), SIMD16<Float>(),
      SIMD16<Float>(), SIMD16<Float>(), SIMD16<Float>(), SIMD16<Float>()
    )
    return withUnsafeMutableBytes(of: &tile) { raw -> Int in
      let scratch = raw.baseAddress!.assumingMemoryBound(to: Float.self)  // an 8 × 32 edge tile
      for k0 in stride(from: 0, to: k, by: kc) {
        let k1 = min(k, k0 + kc)
        let width = k1 - k0
        source.pack(rows: rows, k: k0..<k1, into: buffer)
        var steps = width
        #if PSVERIFY_FAULTS
          if KernelFaults.isSet(.missingMultiply) && rows.lowerBound == 0 && k1 == k
            && panels.lowerBound == 0
          {
            steps -= 1  // planted for tests: the first tile skips its last k-step
          }
        #endif
        for p in panels {
          let panel = packed + p * k * nr + k0 * nr
          let c0 = p * nr
          let columns = min(nr, n - c0)
          var r = rows.lowerBound
          var strip = buffer
          while r < rows.upperBound {
            let live = min(mr, rows.upperBound - r)
            let target = out + r * n + c0
            if live == mr && columns == nr {
              micro(strip, lda: width, panel, steps: steps, target, ldc: n, accumulate: k0 > 0)
            } else {
              micro(strip, lda: width, panel, steps: steps, scratch, ldc: nr, accumulate: false)
              for rr in 0..<live {
                let dst = target + rr * n
                let src = scratch + rr * nr
                if k0 > 0 {
                  for c in 0..<columns { dst[c] += src[c] }
                } else {
                  dst.update(from: src, count: columns)
                }
              }
            }
            count += steps * live * columns
            steps = width
            r += mr
            strip += mr * width
          }
        }
      }
      return count
    }
  }

  /// c[8][32] (+)= a[8][steps] · b[steps][32], the a rows `lda` apart: 16 accumulators.
  @inline(__always)
  static func micro(
    _ a: UnsafePointer<Float>, lda: Int, _ b: UnsafePointer<Float>, steps: Int,
    _ c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
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
    let a0 = a
    let a1 = a + lda
    let a2 = a + 2 * lda
    let a3 = a + 3 * lda
    let a4 = a + 4 * lda
    let a5 = a + 5 * lda
    let a6 = a + 6 * lda
    let a7 = a + 7 * lda
    var bp = UnsafeRawPointer(b)
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
    @inline(__always)
    func store(_ row: Int, _ lo: V, _ hi: V) {
      let p = UnsafeMutableRawPointer(c + row * ldc)
      if accumulate {
        p.storeBytes(of: p.loadUnaligned(as: V.self) + lo, as: V.self)
        (p + 64).storeBytes(of: (p + 64).loadUnaligned(as: V.self) + hi, as: V.self)
      } else {
        p.storeBytes(of: lo, as: V.self)
        (p + 64).storeBytes(of: hi, as: V.self)
      }
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

/// Faults planted by tests in the kernels, to show that the instrumented counts and the checks
/// built on them notice work that is missing or extra. Never set outside tests.
///
/// Read only where the compile-time flag `PSVERIFY_FAULTS` is defined (Package.swift: debug
/// builds of TensorCore and IndexNotation): `isSet` exists only there and every read is inside
/// `#if PSVERIFY_FAULTS`, so release builds contain no hook. The reads sit in kernels' loops and
/// results, never in a geometry function a check uses as its expected side (such as
/// `Padding.outputExtent`).
package enum KernelFaults {
  package enum Fault: Int, Sendable {
    /// The GEMM does one multiply more than the product needs (and counts it).
    case extraMultiply = 1
    /// The GEMM's first tile skips its last k-step; the skipping convolution skips a tap.
    case missingMultiply = 2
    /// A convolution over three or more axes packs one wrong value.
    case corruptVideoPacking = 3
    /// `Convolution.forward` with a `valid` first axis returns one output position too many
    /// along it (zeros); `Padding.outputExtent` stays right.
    case validExtentOffByOne = 4
    /// `Moments.variance` is biased by a factor (n + 10)/n.
    case varianceBias = 5
    /// The ziggurat's base layer returns its boundary ±R instead of drawing the tail beyond it.
    case zigguratBaseBoundary = 6
    /// The dense layer adds its threshold instead of subtracting it.
    case denseThresholdSign = 7
    /// 2 × 2 average pooling divides by 3 instead of 4.
    case poolingDivisor = 8
    /// The skipping convolution counts one tap's multiplies twice.
    case skipCountExtra = 9
    /// A strict relation (<, >) of a solved inequality holds on its boundary too, as ≤ and ≥
    /// do.
    case strictRelationNonStrict = 10
  }

  private static let active = Atomic<Int>(0)

  package static func set(_ fault: Fault?) {
    active.store(fault?.rawValue ?? 0, ordering: .relaxed)
  }

  #if PSVERIFY_FAULTS
    /// Whether `fault` is planted. Declared only in `PSVERIFY_FAULTS` builds, so a read outside
    /// `#if PSVERIFY_FAULTS` does not compile in release.
    @inline(__always)
    package static func isSet(_ fault: Fault) -> Bool {
      active.load(ordering: .relaxed) == fault.rawValue
    }
  #endif
}

/// A pointer handed to workers that only read through it.
struct SendablePointer<T>: @unchecked Sendable {
  let pointer: UnsafePointer<T>
  init(_ pointer: UnsafePointer<T>) { self.pointer = pointer }
}

/// A mutable pointer handed to workers that write disjoint elements.
struct SendableMutablePointer<T>: @unchecked Sendable {
  let pointer: UnsafeMutablePointer<T>
  init(_ pointer: UnsafeMutablePointer<T>) { self.pointer = pointer }
}
