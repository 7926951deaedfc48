import Synchronization

/// Counts the scalar multiplies that kernels perform. Kernels add once per block of work, so
/// counting costs one atomic add per call, not one per multiply; without a counter, nothing.
public final class MultiplyCounter: Sendable {
  private let total = Atomic<Int>(0)

  /// A counter at zero.
  public init() {}

  /// Adds `count` multiplies.
  public func add(_ count: Int) { total.wrappingAdd(count, ordering: .relaxed) }

  /// The multiplies counted so far.
  public var value: Int { total.load(ordering: .relaxed) }
}
