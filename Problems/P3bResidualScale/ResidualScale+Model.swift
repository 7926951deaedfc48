import Foundation
import Models
import TensorCore
import Verification

extension ResidualScale {
  /// The network the in-network checks run.
  public struct NetworkShape: Sendable {
    public var width: Int
    public var bottleneck: Int
    public var layers: Int
    public var batch: Int
    public var replicates: Int

    public init(width: Int, bottleneck: Int, layers: Int, batch: Int, replicates: Int) {
      self.width = width
      self.bottleneck = bottleneck
      self.layers = layers
      self.batch = batch
      self.replicates = replicates
    }
  }

  /// He initialisation for W^{b,1}, so E L̃² = E L²; W^{b,2} scaled so that L̂ = ReLU(z) has unit
  /// variance when E L̃² = 1: Var ReLU(z) = τ²(1/2 − 1/(2π)) = 1 for z ~ N(0, τ²) gives
  /// τ² = 2π/(π − 1). Thresholds N(0, 0.1²). This is as close as a ReLU branch can come to the
  /// premise "L̂ has zero mean and unit variance": the variance is met, the mean cannot be.
  static func initialization(_ shape: NetworkShape) -> BottleneckResidualMLP.Initialization {
    let tau2 = 2 * Double.pi / (Double.pi - 1)
    return .init(
      w1: Float((2 / Double(shape.width)).squareRoot()),
      w2: Float((tau2 / Double(shape.bottleneck)).squareRoot()), thresholds: 0.1)
  }

  /// Per-layer statistics of one network, each averaged over the N units of the layer, with the
  /// per-unit statistics taken over the batch (sample variance and covariance with n − 1).
  struct LayerStatistics: Sendable {
    var meanL: [Double] = [], varianceL: [Double] = []
    var meanHat: [Double] = [], varianceHat: [Double] = []
    var covariance: [Double] = [], correlation: [Double] = []
    var minimumHat: [Double] = []
    /// Var L₁ averaged over the units whose first branch output could be standardised (not
    /// constant over the batch), and how many could not: a dead ReLU unit cannot be given unit
    /// variance, so the premise does not hold there and Var L₁[n] = γ² there, not 1.
    var varianceL1Live = Double.nan
    /// The per-unit sample variances of L₁ behind `varianceL1Live`, one per live unit.
    var unitVariancesL1Live: [Double] = []
    var deadFirstBranchUnits = 0
  }

  /// Per-unit statistics of a pair of layers, averaged over units.
  struct UnitStatistics {
    var meanL = 0.0, varL = 0.0, meanH = 0.0, varH = 0.0, cov = 0.0, corr = 0.0
    var minH = Double.infinity
  }

  /// Per-unit statistics over the batch of a [B, N] tensor pair: row-major sweeps in Double,
  /// units contiguous (vectorised), then one pass over the units.
  static func unitStatistics(_ l: Tensor<Float>, _ h: Tensor<Float>) -> UnitStatistics {
    let b = l.shape[0]
    let n = l.shape[1]
    var sums = [Double](repeating: 0, count: 5 * n)  // Σx, Σy, Σx², Σy², Σxy per unit
    var result = UnitStatistics()
    l.storage.withUnsafeBufferPointer { lp in
      h.storage.withUnsafeBufferPointer { hp in
        sums.withUnsafeMutableBufferPointer { s in
          let sl = s.baseAddress!
          let sh = sl + n
          let sll = sl + 2 * n
          let shh = sl + 3 * n
          let slh = sl + 4 * n
          var minimum = Float.infinity
          for row in 0..<b {
            let x = lp.baseAddress! + row * n
            let y = hp.baseAddress! + row * n
            for u in 0..<n {
              let xv = Double(x[u])
              let yv = Double(y[u])
              sl[u] += xv
              sh[u] += yv
              sll[u] += xv * xv
              shh[u] += yv * yv
              slh[u] += xv * yv
            }
            for u in 0..<n { minimum = min(minimum, y[u]) }
          }
          result.minH = Double(minimum)
        }
      }
    }
    let bb = Double(b)
    var correlated = 0
    var corrSum = 0.0
    for u in 0..<n {
      let ml: Double = sums[u] / bb
      let mh: Double = sums[n + u] / bb
      let vl: Double = (sums[2 * n + u] - bb * ml * ml) / (bb - 1)
      let vh: Double = (sums[3 * n + u] - bb * mh * mh) / (bb - 1)
      let c: Double = (sums[4 * n + u] - bb * ml * mh) / (bb - 1)
      result.meanL += ml
      result.varL += vl
      result.meanH += mh
      result.varH += vh
      result.cov += c
      if vl > 0 && vh > 0 {
        corrSum += c / (vl * vh).squareRoot()
        correlated += 1
      }
    }
    let nn = Double(n)
    result.meanL /= nn
    result.varL /= nn
    result.meanH /= nn
    result.varH /= nn
    result.cov /= nn
    result.corr = correlated > 0 ? corrSum / Double(correlated) : .nan
    return result
  }

  /// Standardises each unit of L̂ over the batch to sample mean 0 and sample variance 1 (n − 1),
  /// imposing the problem's premise on a real branch. A unit that is constant over the batch (a
  /// dead ReLU) is set to 0. Row-major sweeps, units contiguous.
  static func standardizePerUnit(_ h: Tensor<Float>) -> Tensor<Float> {
    let b = h.shape[0]
    let n = h.shape[1]
    var s = [Double](repeating: 0, count: n)
    var ss = s
    h.storage.withUnsafeBufferPointer { hp in
      for row in 0..<b {
        let y = hp.baseAddress! + row * n
        for u in 0..<n {
          let v = Double(y[u])
          s[u] += v
          ss[u] += v * v
        }
      }
    }
    var mean = [Double](repeating: 0, count: n)
    var scale = mean
    for u in 0..<n {
      mean[u] = s[u] / Double(b)
      let variance = (ss[u] - Double(b) * mean[u] * mean[u]) / Double(b - 1)
      scale[u] = variance > 1e-12 ? 1 / variance.squareRoot() : 0
    }
    return Tensor(shape: h.shape) { out in
      h.storage.withUnsafeBufferPointer { hp in
        for row in 0..<b {
          let y = hp.baseAddress! + row * n
          let o = out.baseAddress! + row * n
          for u in 0..<n { o[u] = Float((Double(y[u]) - mean[u]) * scale[u]) }
        }
      }
    }
  }

  /// Runs `replicates` independent networks (weights and input from `stream.split(r)`) and
  /// returns each one's per-layer statistics, and the variance of the top layer over the units
  /// whose first branch is live.
  static func measureNetworks(
    shape: NetworkShape, gamma: Double, premiseImposed: Bool,
    stream: RandomStream
  ) -> [(LayerStatistics, Double)] {
    let setup = Self.initialization(shape)
    // One network per worker at a time; results in replicate order, whatever the cores.
    return Parallel.map(shape.replicates) { r in
      measureNetwork(
        shape: shape, gamma: gamma, setup: setup, premiseImposed: premiseImposed,
        stream: stream.split(r))
    }
  }

  static func measureNetwork(
    shape: NetworkShape, gamma: Double,
    setup: BottleneckResidualMLP.Initialization, premiseImposed: Bool,
    stream: RandomStream
  ) -> (LayerStatistics, Double) {
    let net = BottleneckResidualMLP.random(
      width: shape.width, bottleneck: shape.bottleneck, layers: shape.layers,
      gamma: Float(gamma), initialization: setup, random: stream.split("weights"))
    var inputStream = stream.split("input")
    let input = Tensor<Float>.normal(shape: [shape.batch, shape.width], random: &inputStream)
    var stats = LayerStatistics()
    var dead: [Bool] = []
    let observe: (Int, Tensor<Float>, Tensor<Float>) -> Void = { index, l, h in
      if index == 0 { dead = constantUnits(h) }
      if index == 1 { stats.unitVariancesL1Live = liveUnitVariances(l, dead) }
      let s = unitStatistics(l, h)
      stats.meanL.append(s.meanL)
      stats.varianceL.append(s.varL)
      stats.meanHat.append(s.meanH)
      stats.varianceHat.append(s.varH)
      stats.covariance.append(s.cov)
      stats.correlation.append(s.corr)
      stats.minimumHat.append(s.minH)
    }
    let top: Tensor<Float>
    if premiseImposed {
      top = net.forward(input, branch: { standardizePerUnit($0) }, observe: observe)
    } else {
      top = net.forward(input, observe: observe)
    }
    if shape.layers == 2 { stats.unitVariancesL1Live = liveUnitVariances(top, dead) }
    let live = stats.unitVariancesL1Live
    stats.varianceL1Live = live.isEmpty ? .nan : live.reduce(0, +) / Double(live.count)
    stats.deadFirstBranchUnits = dead.filter { $0 }.count
    // The top layer's variance over the same live units: a unit whose first branch is dead
    // never met the premise (at L = 2 it has Var L₁ = γ², whatever the depth).
    return (stats, liveVariance(top, dead))
  }

  /// Per unit of a [B, N] tensor: whether it is constant over the batch.
  static func constantUnits(_ t: Tensor<Float>) -> [Bool] {
    let b = t.shape[0]
    let n = t.shape[1]
    let s = t.storage
    return (0..<n).map { u in (1..<max(1, b)).allSatisfy { s[$0 * n + u] == s[u] } }
  }

  /// The mean over units not marked in `excluded` of the per-unit sample variance (n − 1) of a
  /// [B, N] tensor.
  static func liveVariance(_ t: Tensor<Float>, _ excluded: [Bool]) -> Double {
    let v = liveUnitVariances(t, excluded)
    return v.isEmpty ? .nan : v.reduce(0, +) / Double(v.count)
  }

  /// The per-unit sample variances (n − 1, by `Moments`) of the units of a [B, N] tensor not
  /// marked in `excluded`, in unit order.
  static func liveUnitVariances(_ t: Tensor<Float>, _ excluded: [Bool]) -> [Double] {
    let b = t.shape[0]
    let n = t.shape[1]
    let s = t.storage
    var result: [Double] = []
    for u in 0..<n where !(excluded.count == n && excluded[u]) {
      var m = Moments()
      for row in 0..<b { m.add(Double(s[row * n + u])) }
      result.append(m.variance)
    }
    return result
  }

  /// Mean and standard error over replicates.
  static func summary(_ values: [Double]) -> (mean: Double, error: Double) {
    var m = Moments()
    for v in values { m.add(v) }
    return (m.mean, m.standardErrorOfMean)
  }
}
