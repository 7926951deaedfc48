/// The left operand of a convolution's implicit GEMM: row r is output position r (batch-major),
/// column k is tap k / N_in, input channel k % N_in; packing reads the input straight from the
/// image (NHWC, NDHWC, …), zeros where a tap falls outside.
struct ConvolutionSource: GEMMSource, @unchecked Sendable {
  let src: UnsafePointer<Float>
  let strides: [Int]
  let axes: [ConvolutionAxis]
  let outExtents: [Int]
  let nIn: Int

  func pack(rows: Range<Int>, k: Range<Int>, into dst: UnsafeMutablePointer<Float>) {
    let d = axes.count
    let width = k.count
    let firstTap = k.lowerBound / nIn, lastTap = (k.upperBound - 1) / nIn
    let positions = outExtents.reduce(1, *)
    var outIndex = [Int](repeating: 0, count: d)
    var tapIndex = [Int](repeating: 0, count: d)
    var strip = dst
    var r = rows.lowerBound
    while r < rows.upperBound {
      for lane in 0..<GEMM.mr {
        let row = strip + lane * width
        let q = r + lane
        guard q < rows.upperBound else {
          row.update(repeating: 0, count: width)
          continue
        }
        let b = q / positions
        var rest = q % positions
        for a in stride(from: d - 1, through: 0, by: -1) {
          outIndex[a] = rest % outExtents[a]
          rest /= outExtents[a]
        }
        for t in firstTap...lastTap {
          var restTap = t
          for a in stride(from: d - 1, through: 0, by: -1) {
            tapIndex[a] = restTap % axes[a].filter
            restTap /= axes[a].filter
          }
          var offset = b * strides[0]
          var inside = true
          for a in 0..<d {
            let x = axes[a].source(outIndex[a], tapIndex[a])
            if x < 0 || x >= axes[a].input { inside = false; break }
            offset += x * strides[a + 1]
          }
          let lo = max(k.lowerBound, t * nIn), hi = min(k.upperBound, (t + 1) * nIn)
          let target = row + (lo - k.lowerBound)
          if inside {
            target.update(from: src + offset + (lo - t * nIn), count: hi - lo)
          } else {
            target.update(repeating: 0, count: hi - lo)
          }
        }
      }
      strip += GEMM.mr * width
      r += GEMM.mr
    }
    if d >= 3 && rows.lowerBound == 0 && KernelFaults.isSet(.corruptVideoPacking) { dst[0] += 1000 }
  }
}

extension Tensor where Scalar == Float {
  /// Thresholds and activation applied in place to a row-major [rows, columns] result:
  /// out = act(out − bias) (the course's σ(W·L − B)).
  static func epilogue(_ o: UnsafeMutablePointer<Float>, rows: Int, columns: Int, bias: [Float],
                       subtract: Bool, activation: Activation) {
    guard subtract || activation != .identity else { return }
    bias.withUnsafeBufferPointer { b in
      for r in 0..<rows {
        let row = o + r * columns
        switch activation {
        case .identity: for j in 0..<columns { row[j] -= b[j] }
        case .relu: for j in 0..<columns { row[j] = max(0, row[j] - b[j]) }
        case .sigmoid: for j in 0..<columns { row[j] = 1 / (1 + expf(-(row[j] - b[j]))) }
        }
      }
    }
  }
}

import Foundation
