/// Sizes psverify refuses before it allocates or computes: the one place the limits live.
public enum ResourceLimits {
  /// 8 GiB of tensors at most: a third of this machine kind's 24 GiB.
  public static let maximumBytes = 8 << 30
  /// 2·10¹¹ multiplies at most: a few seconds on two cores.
  public static let maximumMultiplies = 200_000_000_000

  /// The number of elements of a shape, or nil when a dimension is negative or the product
  /// passes 2⁶³.
  public static func elementCount(_ shape: [Int]) -> Int? {
    var n = 1
    for d in shape {
      guard d >= 0 else { return nil }
      let (p, overflow) = n.multipliedReportingOverflow(by: d)
      if overflow { return nil }
      n = p
    }
    return n
  }

  /// The product of factors, saturating at `Int.max` (for estimates compared with a limit).
  public static func saturatingProduct(_ factors: [Int]) -> Int {
    var n = 1
    for f in factors {
      let (p, overflow) = n.multipliedReportingOverflow(by: max(0, f))
      n = overflow ? Int.max : p
    }
    return n
  }

  /// The sum of terms, saturating at `Int.max`.
  public static func saturatingSum(_ terms: [Int]) -> Int {
    var n = 0
    for t in terms {
      let (s, overflow) = n.addingReportingOverflow(max(0, t))
      n = overflow ? Int.max : s
    }
    return n
  }
}
