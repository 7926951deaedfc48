/// How the server runs: where it listens, where it stores, how it grades.
public struct ServeSettings: Sendable {
  /// The address to listen on; the loopback address by default.
  public var host = "127.0.0.1"
  /// The TCP port to listen on.
  public var port = 8080
  /// The results database holding the roster's links and the attempts.
  public var databasePath = "results.db"
  /// The seed of the graders' random evidence (as `psverify grade --seed`).
  public var seed: UInt64 = 31230
  /// Monte Carlo budget per grading and figure; nil uses each problem's default.
  public var trials: Int? = 100_000
  /// Seconds one grading may take before the request is answered 503.
  public var timeLimit = 10.0
  /// Request bodies larger than this are refused with 413.
  public var bodyLimit = 64 * 1024
  /// Gradings at once (the rest wait in line).
  public var slots = 2

  /// The defaults: 127.0.0.1:8080, results.db, seed 31230, 100 000 trials, 10 s per grading, 64 KiB
  /// bodies, 2 gradings at once.
  public init() {}

  /// Whether `host` is a loopback address (127.0.0.0/8, ::1 or localhost).
  public var isLoopback: Bool {
    host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
  }
}
