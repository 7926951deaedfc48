import Foundation

/// How a convolution treats the image border.
public enum Padding: String, Sendable, CaseIterable {
  /// Output as large as the input; taps outside the image read zero and are multiplied anyway
  /// (the convention under which every output costs ΔX·ΔY·N_in multiplies).
  case same
  /// Only outputs whose taps all lie inside the image: (X − ΔX)/s + 1 per axis.
  case valid
  /// Output as large as the input; taps outside the image are skipped, not multiplied.
  case skip

  /// Output extent along an axis of input extent `n`, filter `k`, stride `s` (0 when none fits).
  public func outputExtent(input n: Int, filter k: Int, stride s: Int) -> Int {
    switch self {
    case .same, .skip: (n + s - 1) / s
    case .valid: n >= k ? (n - k) / s + 1 : 0
    }
  }

  /// The offset of tap 0 relative to s·x: −⌊(k − 1)/2⌋ for same and skip, 0 for valid.
  public func lowPad(filter k: Int) -> Int { self == .valid ? 0 : (k - 1) / 2 }
}

/// A convolution's geometry along one spatial (or temporal) axis.
public struct ConvolutionAxis: Sendable, Equatable {
  /// The input extent X along the axis.
  public let input: Int
  /// The filter extent ΔX (taps) along the axis.
  public let filter: Int
  /// The stride s between consecutive outputs' first taps.
  public let stride: Int
  /// How the border is treated, which fixes the output extent.
  public let padding: Padding
  /// Tap 0 reads input position s·x − lowPad: ⌊(k − 1)/2⌋ (centred) for `same` and `skip`, 0
  /// for `valid`, unless the caller places the filter otherwise (offsets 0…k−1 from s·x).
  public let lowPad: Int

  /// An axis of input extent `input` > 0, filter `filter` > 0 and stride `stride` > 0; `lowPad`
  /// defaults to the padding's own (`Padding.lowPad`) and must be 0 for `valid`.
  public init(input: Int, filter: Int, stride: Int = 1, padding: Padding, lowPad: Int? = nil) {
    precondition(
      input > 0 && filter > 0 && stride > 0,
      "invalid axis: input \(input), filter \(filter), stride \(stride)")
    self.input = input
    self.filter = filter
    self.stride = stride
    self.padding = padding
    self.lowPad = lowPad ?? padding.lowPad(filter: filter)
    precondition(padding != .valid || self.lowPad == 0, "valid convolutions start at the border")
  }

  /// The output extent: ⌈X/s⌉ for same and skip, (X − ΔX)/s + 1 for valid (0 when the filter does
  /// not fit).
  public var output: Int { padding.outputExtent(input: input, filter: filter, stride: stride) }

  /// The input position read by output `x` at tap `d`: s·x + d − pad.
  @inline(__always)
  public func source(_ x: Int, _ d: Int) -> Int { stride * x + d - lowPad }

  /// The taps of output `x` that land inside the input.
  public func validTaps(_ x: Int) -> Range<Int> {
    let base = stride * x - lowPad
    return max(0, -base)..<max(max(0, -base), min(filter, input - base))
  }
}

/// A multi-dimensional convolution with thresholds, as the course writes it:
///
/// ```
/// out[b, x…, j] = act(K[j, Δx…, I] L[b, s·x + Δx − p…, I] − B[j])
/// ```
/// computed as an implicit GEMM: each output's taps are gathered straight into the GEMM's packed
/// left operand (no im2col buffer; zeros outside for `same`); `skip` runs direct loops over the
/// in-range taps only.
public enum Convolution {
  /// - Parameters:
  ///   - input: [B, spatial…, N_in].
  ///   - kernel: [N_out, filter…, N_in].
  ///   - thresholds: [N_out] or nil.
  ///   - axes: one per spatial axis, in order.
  ///   - counter: receives the scalar multiplies performed, counted where they run (the GEMM's
  ///     micro-kernel calls, or each in-range tap of `skip`).
  /// - Complexity: B·Π out·Π filter·N_in·N_out multiply-adds (fewer taps under `skip`).
  public static func forward(
    input: Tensor<Float>, kernel: Tensor<Float>,
    thresholds: Tensor<Float>?, axes: [ConvolutionAxis],
    activation: Activation = .identity,
    counter: MultiplyCounter? = nil
  ) -> Tensor<Float> {
    let d = axes.count
    precondition(
      input.rank == d + 2 && kernel.rank == d + 2,
      "ranks \(input.shape), \(kernel.shape) for \(d) axes")
    precondition(
      input.shape[d + 1] == kernel.shape[d + 1], "N_in differs: \(input.shape) vs \(kernel.shape)")
    for (a, axis) in axes.enumerated() {
      precondition(
        axis.input == input.shape[a + 1] && axis.filter == kernel.shape[a + 1],
        "axis \(a) does not match the shapes")
    }
    let batch = input.shape[0]
    let nIn = input.shape[d + 1]
    let nOut = kernel.shape[0]
    let outExtents = axes.map(\.output)
    let positions = outExtents.reduce(1, *)
    let taps = axes.map(\.filter).reduce(1, *)
    let k = taps * nIn
    let rows = batch * positions
    let inStrides = input.strides
    var multiplies = 0
    // Every element is written: by the GEMM, or zero-filled first for `skip`'s accumulation.
    let out = Tensor<Float>(shape: [batch] + outExtents + [nOut]) { o in
      guard rows > 0, nOut > 0, !input.storage.isEmpty else {
        o.initialize(repeating: 0)  // no taps to read: every output is 0 (before thresholds)
        Tensor.epilogue(
          o.baseAddress, rows: rows, columns: nOut, bias: thresholds?.storage,
          activation: activation)
        return
      }
      input.storage.withUnsafeBufferPointer { src in
        if axes[0].padding == .skip {
          o.initialize(repeating: 0)
          multiplies = skipForward(
            src, inStrides, batch: batch, kernel: kernel, axes: axes,
            outExtents: outExtents, out: o)
        } else {
          // Implicit GEMM: the kernel as a dense weight [N_out, taps·N_in] in tap order, the
          // taps read through pointers into the image (a row of zeros outside it, packed as
          // nothing and multiplied: the `same` convention).
          let weight = PackedWeight(outputs: nOut, inputs: k, storage: kernel.storage)
          let zeros = UnsafeMutablePointer<Float>.allocate(capacity: 2 * nIn)
          defer { zeros.deallocate() }
          zeros.initialize(repeating: 0, count: nIn)
          (zeros + nIn).initialize(repeating: 1000, count: nIn)
          let source = TapSource(
            src: src.baseAddress!, strides: inStrides, axes: axes,
            outExtents: outExtents, nIn: nIn, zeros: zeros)
          multiplies = GEMM.runTaps(source, rows: rows, weight: weight, out: o.baseAddress!)
        }
      }
      Tensor.epilogue(
        o.baseAddress, rows: rows, columns: nOut, bias: thresholds?.storage,
        activation: activation)
    }
    counter?.add(multiplies)
    #if PSVERIFY_FAULTS
      if axes[0].padding == .valid && outExtents[0] > 0 && batch > 0
        && KernelFaults.isSet(.validExtentOffByOne)
      {
        return out.withZeroSliceAppended(batch: batch)
      }
    #endif
    return out
  }

  /// Calls `body(row, b, outIndex)` for every output position, rows in row-major order.
  static func forEachOutput(
    batch: Int, axes: [ConvolutionAxis], outExtents: [Int],
    _ body: (Int, Int, [Int]) -> Void
  ) {
    let d = axes.count
    let positions = outExtents.reduce(1, *)
    var outIndex = [Int](repeating: 0, count: d)
    for b in 0..<batch {
      for p in 0..<positions {
        var rest = p
        for a in stride(from: d - 1, through: 0, by: -1) {
          outIndex[a] = rest % outExtents[a]
          rest /= outExtents[a]
        }
        body(b * positions + p, b, outIndex)
      }
    }
  }

  /// Calls `body(tapNumber, sourcePositions)` for the taps of one output that land inside the
  /// input (all of them under `valid`).
  static func forEachTap(
    axes: [ConvolutionAxis], outIndex: [Int],
    _ body: (Int, [Int]) -> Void
  ) {
    let d = axes.count
    let ranges = (0..<d).map { axes[$0].validTaps(outIndex[$0]) }
    if ranges.contains(where: \.isEmpty) { return }
    var tap = ranges.map(\.lowerBound)
    var sources = [Int](repeating: 0, count: d)
    while true {
      var t = 0
      for a in 0..<d {
        t = t * axes[a].filter + tap[a]
        sources[a] = axes[a].source(outIndex[a], tap[a])
      }
      body(t, sources)
      var a = d - 1
      while a >= 0 {
        tap[a] += 1
        if tap[a] < ranges[a].upperBound { break }
        tap[a] = ranges[a].lowerBound
        a -= 1
      }
      if a < 0 { return }
    }
  }

  /// `skip`: direct loops over the in-range taps only; returns the multiplies performed.
  static func skipForward(
    _ src: UnsafeBufferPointer<Float>, _ inStrides: [Int], batch: Int,
    kernel: Tensor<Float>, axes: [ConvolutionAxis], outExtents: [Int],
    out: UnsafeMutableBufferPointer<Float>
  ) -> Int {
    let d = axes.count
    let nOut = kernel.shape[0]
    let nIn = kernel.shape[d + 1]
    let taps = axes.map(\.filter).reduce(1, *)
    var multiplies = 0
    kernel.storage.withUnsafeBufferPointer { w in
      #if PSVERIFY_FAULTS
        var skipOne = KernelFaults.isSet(.missingMultiply)  // planted for tests: one tap skipped
      #endif
      forEachOutput(batch: batch, axes: axes, outExtents: outExtents) { row, b, outIndex in
        let o = out.baseAddress! + row * nOut
        forEachTap(axes: axes, outIndex: outIndex) { t, sources in
          #if PSVERIFY_FAULTS
            if skipOne {
              skipOne = false
              return
            }
          #endif
          var offset = b * inStrides[0]
          for a in 0..<d { offset += sources[a] * inStrides[a + 1] }
          for j in 0..<nOut {
            let wj = w.baseAddress! + (j * taps + t) * nIn
            var acc: Float = 0
            for i in 0..<nIn { acc += wj[i] * src[offset + i] }
            o[j] += acc
          }
          multiplies += nIn * nOut
        }
      }
    }
    #if PSVERIFY_FAULTS
      // A planted bug for the tests (PSVERIFY_FAULTS builds only): one tap counted twice.
      if KernelFaults.isSet(.skipCountExtra) && multiplies > 0 { multiplies += nIn * nOut }
    #endif
    return multiplies
  }
}

#if PSVERIFY_FAULTS
  extension Tensor where Scalar == Float {
    /// Planted for tests (`KernelFaults.Fault.validExtentOffByOne`): the tensor with one more
    /// position of zeros at the end of axis 1, [B, X, …] → [B, X + 1, …].
    func withZeroSliceAppended(batch: Int) -> Tensor<Float> {
      var grown = shape
      let block = storage.count / batch
      let slice = block / grown[1]
      grown[1] += 1
      var values: [Float] = []
      values.reserveCapacity(storage.count + batch * slice)
      for b in 0..<batch {
        values += storage[(b * block)..<((b + 1) * block)]
        values += repeatElement(0, count: slice)
      }
      return Tensor(shape: grown, storage: values)
    }
  }
#endif
