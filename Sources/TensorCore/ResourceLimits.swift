import Foundation

/// Sizes psverify refuses before it allocates or computes: the one place the limits live.
public enum ResourceLimits {
  /// 8 GiB of tensors at most: a third of this machine kind's 24 GiB.
  public static let maximumBytes = 8 << 30
  /// 2·10¹¹ multiplies at most: a few seconds on two cores.
  public static let maximumMultiplies = 200_000_000_000

  /// The bytes a run may still allocate: `maximumBytes`, lowered by an address-space or data
  /// limit (`ulimit -v`, `ulimit -d`) to what that limit leaves above the process's current size,
  /// so that a shape the limit cannot hold is refused with a message instead of failing to
  /// allocate. Returns the budget and what set it.
  public static func memoryBudget() -> (bytes: Int, reason: String) {
    var budget = (bytes: maximumBytes, reason: "psverify runs up to \(maximumBytes >> 20) MiB")
    let used = currentVirtualBytes()
    for (resource, name) in [
      (Int32(RLIMIT_AS.rawValue), "address-space limit (ulimit -v)"),
      (Int32(RLIMIT_DATA.rawValue), "data-size limit (ulimit -d)"),
    ] {
      var limit = rlimit()
      guard getrlimit(__rlimit_resource_t(UInt32(resource)), &limit) == 0,
        limit.rlim_cur != rlim_t.max
      else { continue }  // RLIM_INFINITY
      let left = max(0, Int(clamping: limit.rlim_cur) - used)
      if left < budget.bytes {
        budget = (
          left,
          "the \(name) of \(Int(clamping: limit.rlim_cur) >> 20) MiB leaves "
            + "\(left >> 20) MiB to allocate"
        )
      }
    }
    return budget
  }

  /// The process's virtual size from /proc/self/statm (0 where it cannot be read).
  static func currentVirtualBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
      let pages = text.split(separator: " ").first.flatMap({ Int($0) })
    else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
  }

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
