import Dispatch
import Foundation
import Synchronization
import Verification

/// A status line on stderr for work that runs longer than a second, on a terminal only.
final class Progress: Sendable {
  private let state = Mutex<(status: String, shown: Bool, done: Bool)>(("", false, false))
  private let enabled: Bool
  nonisolated(unsafe) private let timer: DispatchSourceTimer?  // touched only in init and finish

  init(enabled: Bool) {
    self.enabled = enabled
    guard enabled else {
      timer = nil
      return
    }
    let t = DispatchSource.makeTimerSource(queue: .global())
    timer = t
    let frames = Array("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏")
    let tick = Mutex(0)
    t.schedule(deadline: .now() + 1, repeating: 0.1)
    t.setEventHandler { [self] in
      let n = tick.withLock { v in
        v += 1
        return v
      }
      state.withLock { s in
        guard !s.done else { return }
        s.shown = true
        Progress.write("\r\u{1B}[K\(frames[n % frames.count]) \(s.status)")
      }
    }
    t.resume()
  }

  func handle(_ event: RunEvent) {
    guard enabled else { return }
    state.withLock { s in
      switch event {
      case .problemStarted(let id): s.status = "problem \(id)"
      case .checkStarted(let problem, let check, let index, let total):
        s.status = "problem \(problem) · \(check) (\(index + 1)/\(total))"
      case .problemFinished: break
      }
    }
  }

  func finish() {
    guard enabled else { return }
    timer?.cancel()
    state.withLock { s in
      s.done = true
      if s.shown { Progress.write("\r\u{1B}[K") }
    }
  }

  static func write(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }
}
