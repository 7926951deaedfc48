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
    return .init(w1: Float((2 / Double(shape.width)).squareRoot()),
                 w2: Float((tau2 / Double(shape.bottleneck)).squareRoot()), thresholds: 0.1)
  }

  /// Per-layer statistics of one network, each averaged over the N units of the layer, with the
  /// per-unit statistics taken over the batch (sample variance and covariance with n − 1).
  struct LayerStatistics: Sendable {
    var meanL: [Double] = [], varianceL: [Double] = []
    var meanHat: [Double] = [], varianceHat: [Double] = []
    var covariance: [Double] = [], correlation: [Double] = []
    var minimumHat: [Double] = []
  }

  /// Per-unit statistics of a pair of layers, averaged over units.
  struct UnitStatistics {
    var meanL = 0.0, varL = 0.0, meanH = 0.0, varH = 0.0, cov = 0.0, corr = 0.0
    var minH = Double.infinity
  }

  /// Per-unit statistics over the batch of a [B, N] tensor pair.
  static func unitStatistics(_ l: Tensor<Float>, _ h: Tensor<Float>) -> UnitStatistics {
    let b = l.shape[0], n = l.shape[1]
    var sl = [Double](repeating: 0, count: n)
    var sh = sl, sll = sl, shh = sl, slh = sl
    var result = UnitStatistics()
    for row in 0..<b {
      for u in 0..<n {
        let x = Double(l.storage[row * n + u]), y = Double(h.storage[row * n + u])
        sl[u] += x
        sh[u] += y
        sll[u] += x * x
        shh[u] += y * y
        slh[u] += x * y
        result.minH = min(result.minH, y)
      }
    }
    let bb = Double(b)
    var correlated = 0
    var corrSum = 0.0
    for u in 0..<n {
      let ml: Double = sl[u] / bb
      let mh: Double = sh[u] / bb
      let vl: Double = (sll[u] - bb * ml * ml) / (bb - 1)
      let vh: Double = (shh[u] - bb * mh * mh) / (bb - 1)
      let c: Double = (slh[u] - bb * ml * mh) / (bb - 1)
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
  /// dead ReLU) is set to 0.
  static func standardizePerUnit(_ h: Tensor<Float>) -> Tensor<Float> {
    let b = h.shape[0], n = h.shape[1]
    var out = h
    for u in 0..<n {
      var s = 0.0, ss = 0.0
      for row in 0..<b {
        let y = Double(h.storage[row * n + u])
        s += y
        ss += y * y
      }
      let mean = s / Double(b)
      let variance = (ss - Double(b) * mean * mean) / Double(b - 1)
      let scale = variance > 1e-12 ? 1 / variance.squareRoot() : 0
      for row in 0..<b {
        out.storage[row * n + u] = Float((Double(h.storage[row * n + u]) - mean) * scale)
      }
    }
    return out
  }

  /// Runs `replicates` independent networks (weights and input from `stream.split(r)`) and
  /// returns each one's per-layer statistics, and the variance of the top layer.
  static func measureNetworks(shape: NetworkShape, gamma: Double, premiseImposed: Bool,
                              stream: RandomStream) -> [(LayerStatistics, Double)] {
    let setup = Self.initialization(shape)
    var results: [(LayerStatistics, Double)] = []
    for r in 0..<shape.replicates {
      results.append(measureNetwork(shape: shape, gamma: gamma, setup: setup,
                                    premiseImposed: premiseImposed, stream: stream.split(r)))
    }
    return results
  }

  static func measureNetwork(shape: NetworkShape, gamma: Double,
                             setup: BottleneckResidualMLP.Initialization, premiseImposed: Bool,
                             stream: RandomStream) -> (LayerStatistics, Double) {
    let net = BottleneckResidualMLP.random(
      width: shape.width, bottleneck: shape.bottleneck, layers: shape.layers,
      gamma: Float(gamma), initialization: setup, random: stream.split("weights"))
    var inputStream = stream.split("input")
    let input = Tensor<Float>.normal(shape: [shape.batch, shape.width], random: &inputStream)
    var stats = LayerStatistics()
    let observe: (Int, Tensor<Float>, Tensor<Float>) -> Void = { _, l, h in
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
    return (stats, unitStatistics(top, top).varL)
  }

  /// Mean and standard error over replicates.
  static func summary(_ values: [Double]) -> (mean: Double, error: Double) {
    var m = Moments()
    for v in values { m.add(v) }
    return (m.mean, m.standardErrorOfMean)
  }
}
