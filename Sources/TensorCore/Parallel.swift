import Dispatch
import Foundation
import Synchronization

/// Work split over the machine's cores.
public enum Parallel {
  private static let limit = Atomic<Int>(0)

  /// The number of workers: the active processor count, or fewer when `limitWorkers` says so.
  public static var workerCount: Int {
    let l = limit.load(ordering: .relaxed)
    return l > 0 ? min(l, cores) : cores
  }

  /// Read once: `activeProcessorCount` queries the kernel on every call (profiled at 70% of a
  /// run of many small layers).
  private static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)

  /// Caps the number of workers (0 removes the cap); for benchmarks that compare 1 and 2 threads.
  /// Results never depend on it: work is split into fixed chunks merged in a fixed order.
  public static func limitWorkers(_ n: Int) { limit.store(max(0, n), ordering: .relaxed) }

  /// Runs `body(i)` for every `i` in `0..<count` on all cores and returns the results in index
  /// order, so that a reduction over them is deterministic whatever order the workers finish in.
  public static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    precondition(count >= 0, "count must be non-negative, got \(count)")
    if count == 0 { return [] }
    let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
    results.initialize(repeating: nil)
    defer { results.deallocate() }
    let box = SendableBuffer(results)
    if count == 1 || workerCount == 1 {
      for i in 0..<count { box.buffer[i] = body(i) }
    } else {
      DispatchQueue.concurrentPerform(iterations: count) { i in box.buffer[i] = body(i) }
    }
    return results.map { $0! }
  }

  /// Runs `body(range)` over `0..<count` split into one contiguous range per worker.
  public static func forEachRange(_ count: Int, _ body: @Sendable (Range<Int>) -> Void) {
    let workers = max(1, min(workerCount, count))
    if workers == 1 {
      body(0..<count)
      return
    }
    DispatchQueue.concurrentPerform(iterations: workers) { w in
      body((w * count / workers)..<((w + 1) * count / workers))
    }
  }
}

/// A buffer handed to workers that write disjoint elements.
struct SendableBuffer<T>: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<T>
  init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}
