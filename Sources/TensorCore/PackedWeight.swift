/// A dense layer's weight W[J, I] packed for the GEMM kernel: column panels of 16 outputs, each
/// stored as [I][16] so the inner loop reads 16 contiguous floats per input. Pack once, use many
/// times (a network packs its weights when it is built).
public struct PackedWeight: Sendable {
  public static let panelWidth = 16
  public let inputs: Int
  public let outputs: Int
  /// panels × inputs × 16 floats; columns past `outputs` are zero.
  let storage: [Float]

  public var panelCount: Int { (outputs + PackedWeight.panelWidth - 1) / PackedWeight.panelWidth }

  /// Packs W with shape [J, I].
  public init(_ weight: Tensor<Float>) {
    precondition(weight.rank == 2, "a dense weight has rank 2, got shape \(weight.shape)")
    let outputs = weight.shape[0], inputs = weight.shape[1]
    self.outputs = outputs
    self.inputs = inputs
    let w = PackedWeight.panelWidth
    let panels = (outputs + w - 1) / w
    var packed = [Float](repeating: 0, count: panels * inputs * w)
    weight.storage.withUnsafeBufferPointer { src in
      packed.withUnsafeMutableBufferPointer { dst in
        for j in 0..<outputs {
          let (p, c) = j.quotientAndRemainder(dividingBy: w)
          let base = p * inputs * w + c
          for i in 0..<inputs { dst[base + i * w] = src[j * inputs + i] }
        }
      }
    }
    storage = packed
  }
}

/// The blocked single-precision GEMM behind `dense`: out[b, j] = Σ_i x[b, i] W[j, i].
///
/// Blocking: the input dimension in slices of `kc` so that a panel slice (kc × 16 floats) stays
/// in L1 while every block of 4 rows streams past it; a 4 × 16 register tile (8 SIMD8
/// accumulators) per step. Work is split over panels (or over rows when there are few panels).
enum GEMM {
  static let kc = 256
  static let mc = 64

  /// Multiply-adds below which one thread does the work.
  static let parallelThreshold = 1 << 23

  static func multiply(x: UnsafePointer<Float>, rows: Int, weight: PackedWeight,
                       out: UnsafeMutablePointer<Float>, parallelThreshold: Int = parallelThreshold) {
    let panels = weight.panelCount
    let workers = Parallel.workerCount
    let xs = SendablePointer(x)
    let os = SendableMutablePointer(out)
    weight.storage.withUnsafeBufferPointer { wb in
      let ws = SendablePointer(wb.baseAddress!)
      let work = rows * weight.inputs * weight.outputs
      // Below ~8M multiply-adds a second thread costs more in dispatch than it saves (bench: the
      // 64-row MLP layers ran slower on 2 threads).
      if work < parallelThreshold || workers == 1 {
        block(xs.pointer, rows: 0..<rows, weight, ws.pointer, panels: 0..<panels, os.pointer)
      } else if panels >= 2 * workers && rows < 64 * workers {
        Parallel.forEachRange(panels) { range in
          block(xs.pointer, rows: 0..<rows, weight, ws.pointer, panels: range, os.pointer)
        }
      } else {
        let blocks = (rows + 3) / 4
        Parallel.forEachRange(blocks) { range in
          block(xs.pointer, rows: (range.lowerBound * 4)..<min(rows, range.upperBound * 4), weight,
                ws.pointer, panels: 0..<panels, os.pointer)
        }
      }
    }
  }

  static func block(_ x: UnsafePointer<Float>, rows: Range<Int>, _ w: PackedWeight,
                    _ packed: UnsafePointer<Float>, panels: Range<Int>,
                    _ out: UnsafeMutablePointer<Float>) {
    let inputs = w.inputs, outputs = w.outputs
    let pw = PackedWeight.panelWidth
    var tile = [Float](repeating: 0, count: 4 * pw)
    tile.withUnsafeMutableBufferPointer { tile in
      for k0 in stride(from: 0, to: inputs, by: kc) {
        let k1 = min(inputs, k0 + kc)
        // Rows in chunks of mc, so the chunk's kc-slice of x (mc·kc floats) stays in L2 while
        // every panel slice streams past it.
        for m0 in stride(from: rows.lowerBound, to: rows.upperBound, by: mc) {
        let m1 = min(rows.upperBound, m0 + mc)
        for p in panels {
          let panel = packed + p * inputs * pw
          let columns = min(pw, outputs - p * pw)
          var r = m0
          while r < m1 {
            let n = min(4, m1 - r)
            // Load the running sums (zero on the first slice), accumulate, store back.
            for rr in 0..<4 {
              for c in 0..<pw {
                tile[rr * pw + c] = (k0 == 0 || rr >= n || c >= columns)
                  ? 0 : out[(r + rr) * outputs + p * pw + c]
              }
            }
            micro(x + r * inputs, rows: n, inputs: inputs, k: k0..<k1, panel: panel,
                  tile: tile.baseAddress!)
            for rr in 0..<n {
              for c in 0..<columns { out[(r + rr) * outputs + p * pw + c] = tile[rr * pw + c] }
            }
            r += 4
          }
        }
        }
      }
    }
  }

  /// tile[4][16] += x[rows][k] · panel[k][16], four rows at a time (fewer rows read row 0 again
  /// and discard the result).
  @inline(__always)
  static func micro(_ x: UnsafePointer<Float>, rows: Int, inputs: Int, k: Range<Int>,
                    panel: UnsafePointer<Float>, tile: UnsafeMutablePointer<Float>) {
    typealias V = SIMD8<Float>
    let t = UnsafeMutableRawPointer(tile)
    var c00 = t.loadUnaligned(as: V.self), c01 = t.loadUnaligned(fromByteOffset: 32, as: V.self)
    var c10 = t.loadUnaligned(fromByteOffset: 64, as: V.self)
    var c11 = t.loadUnaligned(fromByteOffset: 96, as: V.self)
    var c20 = t.loadUnaligned(fromByteOffset: 128, as: V.self)
    var c21 = t.loadUnaligned(fromByteOffset: 160, as: V.self)
    var c30 = t.loadUnaligned(fromByteOffset: 192, as: V.self)
    var c31 = t.loadUnaligned(fromByteOffset: 224, as: V.self)
    let x0 = x, x1 = x + (rows > 1 ? inputs : 0), x2 = x + (rows > 2 ? 2 * inputs : 0)
    let x3 = x + (rows > 3 ? 3 * inputs : 0)
    for i in k {
      let w = UnsafeRawPointer(panel + i * 16)
      let w0 = w.loadUnaligned(as: V.self), w1 = w.loadUnaligned(fromByteOffset: 32, as: V.self)
      let a0 = V(repeating: x0[i]), a1 = V(repeating: x1[i])
      let a2 = V(repeating: x2[i]), a3 = V(repeating: x3[i])
      c00.addProduct(a0, w0); c01.addProduct(a0, w1)
      c10.addProduct(a1, w0); c11.addProduct(a1, w1)
      c20.addProduct(a2, w0); c21.addProduct(a2, w1)
      c30.addProduct(a3, w0); c31.addProduct(a3, w1)
    }
    t.storeBytes(of: c00, as: V.self); (t + 32).storeBytes(of: c01, as: V.self)
    (t + 64).storeBytes(of: c10, as: V.self); (t + 96).storeBytes(of: c11, as: V.self)
    (t + 128).storeBytes(of: c20, as: V.self); (t + 160).storeBytes(of: c21, as: V.self)
    (t + 192).storeBytes(of: c30, as: V.self); (t + 224).storeBytes(of: c31, as: V.self)
  }
}

/// A mutable pointer handed to workers that write disjoint elements.
struct SendableMutablePointer<T>: @unchecked Sendable {
  let pointer: UnsafeMutablePointer<T>
  init(_ pointer: UnsafeMutablePointer<T>) { self.pointer = pointer }
}
