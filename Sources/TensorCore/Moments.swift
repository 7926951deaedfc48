/// Streaming central moments up to the fourth, mergeable across chunks and threads.
///
/// Single values are added with Welford's update; whole chunks are added by a two-pass sum over
/// the chunk and merged with the pairwise formulas of Chan, Golub & LeVeque (1979) and Pébay
/// (2008), so the result does not depend on the order in which threads finish as long as chunks
/// are merged in a fixed order.
///
/// ```
/// M2 = Σ (x − x̄)²,  M3 = Σ (x − x̄)³,  M4 = Σ (x − x̄)⁴
/// ```
public struct Moments: Sendable, Equatable {
  /// The number of values n added.
  public private(set) var count: Int = 0
  /// The mean x̄ of the values, 0 when none was added.
  public private(set) var mean: Double = 0
  /// M2 = Σ (x − x̄)², the sum of squared deviations from the mean.
  public private(set) var m2: Double = 0
  /// M3 = Σ (x − x̄)³.
  public private(set) var m3: Double = 0
  /// M4 = Σ (x − x̄)⁴.
  public private(set) var m4: Double = 0

  /// The moments of no values: n = 0 and every sum 0.
  public init() {}

  init(count: Int, mean: Double, m2: Double, m3: Double, m4: Double) {
    self.count = count
    self.mean = mean
    self.m2 = m2
    self.m3 = m3
    self.m4 = m4
  }

  /// Moments of a chunk of values, by two passes (accurate for any offset of the data).
  public init<C: Collection>(_ values: C) where C.Element == Double {
    let n = values.count
    guard n > 0 else { return }
    var sum = 0.0
    for v in values { sum += v }
    let mean = sum / Double(n)
    var s2 = 0.0
    var s3 = 0.0
    var s4 = 0.0
    for v in values {
      let d = v - mean
      let d2 = d * d
      s2 += d2
      s3 += d2 * d
      s4 += d2 * d2
    }
    self.count = n
    self.mean = mean
    self.m2 = s2
    self.m3 = s3
    self.m4 = s4
  }

  /// Welford's single-value update, extended to the third and fourth moments.
  public mutating func add(_ x: Double) {
    let n1 = Double(count)
    count += 1
    let n = Double(count)
    let delta = x - mean
    let deltaN = delta / n
    let deltaN2 = deltaN * deltaN
    let term1 = delta * deltaN * n1
    mean += deltaN
    m4 += term1 * deltaN2 * (n * n - 3 * n + 3) + 6 * deltaN2 * m2 - 4 * deltaN * m3
    m3 += term1 * deltaN * (n - 2) - 3 * deltaN * m2
    m2 += term1
  }

  /// Merges the moments of a disjoint sample.
  public mutating func merge(_ other: Moments) {
    guard other.count > 0 else { return }
    guard count > 0 else {
      self = other
      return
    }
    let na = Double(count)
    let nb = Double(other.count)
    let n = na + nb
    let delta = other.mean - mean
    let d2 = delta * delta
    let newM2 = m2 + other.m2 + d2 * na * nb / n
    let newM3 =
      m3 + other.m3 + d2 * delta * na * nb * (na - nb) / (n * n)
      + 3 * delta * (na * other.m2 - nb * m2) / n
    let newM4 =
      m4 + other.m4
      + d2 * d2 * na * nb * (na * na - na * nb + nb * nb) / (n * n * n)
      + 6 * d2 * (na * na * other.m2 + nb * nb * m2) / (n * n)
      + 4 * delta * (na * other.m3 - nb * m3) / n
    count += other.count
    mean += delta * nb / n
    m2 = newM2
    m3 = newM3
    m4 = newM4
  }

  /// The unbiased sample variance s² = M2 / (n − 1).
  public var variance: Double {
    guard count > 1 else { return .nan }
    #if PSVERIFY_FAULTS
      // A planted bug for the tests (PSVERIFY_FAULTS builds only).
      if KernelFaults.isSet(.varianceBias) {
        return m2 / Double(count - 1) * Double(count + 10) / Double(count)
      }
    #endif
    return m2 / Double(count - 1)
  }

  /// The standard error of the mean, √(s² / n).
  public var standardErrorOfMean: Double { (variance / Double(count)).squareRoot() }

  /// The standard error of the sample variance, from the fourth central moment:
  ///
  /// ```
  /// Var(s²) = (μ₄ − σ⁴ (n − 3)/(n − 1)) / n
  /// ```
  /// with μ₄ = M4/n and σ² = s². Valid for any distribution with a finite fourth moment, unlike
  /// the Gaussian-only √(2/(n−1)) σ².
  public var standardErrorOfVariance: Double {
    guard count > 3 else { return .nan }
    let n = Double(count)
    let s2 = variance
    let mu4 = m4 / n
    return max(0, (mu4 - s2 * s2 * (n - 3) / (n - 1)) / n).squareRoot()
  }

  /// The sample excess kurtosis μ₄/σ⁴ − 3.
  public var excessKurtosis: Double {
    let n = Double(count)
    let mu2 = m2 / n
    return (m4 / n) / (mu2 * mu2) - 3
  }
}
