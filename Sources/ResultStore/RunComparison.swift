import Verification

/// Two stored runs compared check by check, as `psverify compare` shows them.
///
/// A check's Monte Carlo estimates are compared by a two-sample z-test,
///
///     z = (m_b − m_a) / √(s_a² + s_b²),
///
/// with m the stored estimate and s its standard error; |z| > `zLimit` marks the change as
/// significant. Other checks are compared by their stored measured value (changed or not). A
/// check that passed in run a and fails in run b is a regression.
public struct RunComparison: Sendable {
  /// |z| > 3 flags a difference: two-sided false alarm 0.27 % per compared estimate.
  public static let zLimit = 3.0

  /// One check (problem and check id) in either run.
  public struct Row: Sendable {
    /// "PROBLEM CHECK-ID".
    public var key: String
    /// The check in run a, nil when run a lacks it.
    public var a: StoredCheck?
    /// The check in run b, nil when run b lacks it.
    public var b: StoredCheck?
    /// The z of the two estimates, when both runs have a finite estimate with a standard error
    /// and not both standard errors are 0.
    public var z: Double?
    /// Both runs have the check and its measured value differs.
    public var changed: Bool
    /// Whether |z| > `zLimit`; nil without a z.
    public var significant: Bool? { z.map { abs($0) > RunComparison.zLimit } }
    /// Passed in run a, failed in run b.
    public var regression: Bool { a?.status == .pass && b?.status == .fail }
  }

  /// A benchmark measurement both runs have (same measurement, threads, unit and tool).
  public struct BenchPair: Sendable {
    /// The measurement in run a.
    public var a: BenchRow
    /// The measurement in run b.
    public var b: BenchRow
    /// median_b / median_a.
    public var ratio: Double { b.median / a.median }
  }

  /// One row per check key in either run, in order of first appearance.
  public var rows: [Row]
  /// The benchmark measurements both runs have.
  public var bench: [BenchPair]

  /// The number of rows that passed in run a and fail in run b.
  public var regressions: Int { rows.filter(\.regression).count }

  /// Compares the checks of runs `a` and `b` (`checks` may hold both runs' outcomes, in storage
  /// order; rows follow the first appearance of each key) and their bench rows.
  /// - Complexity: O(n) in the number of checks plus O(p·q) in the bench rows.
  public init(
    checks: [StoredCheck], a: Int64, b: Int64, benchA: [BenchRow] = [],
    benchB: [BenchRow] = []
  ) {
    func keyed(_ run: Int64) -> [String: StoredCheck] {
      Dictionary(
        checks.filter { $0.run == run }.map { ("\($0.problem) \($0.check)", $0) },
        uniquingKeysWith: { first, _ in first })
    }
    let left = keyed(a)
    let right = keyed(b)
    var seen = Set<String>()
    let keys = checks.map { "\($0.problem) \($0.check)" }.filter { seen.insert($0).inserted }
    rows = keys.map { key in
      let x = left[key]
      let y = right[key]
      var z: Double?
      if let x, let y, let mx = x.measuredValue, let my = y.measuredValue,
        let sx = x.standardError, let sy = y.standardError
      {
        z = Self.z(a: mx, standardErrorA: sx, b: my, standardErrorB: sy)
      }
      let changed = x != nil && y != nil && x!.measured != y!.measured
      return Row(key: key, a: x, b: y, z: z, changed: changed)
    }
    bench = benchA.compactMap { m in
      benchB.first {
        $0.measurement == m.measurement && $0.threads == m.threads
          && $0.unit == m.unit && $0.tool == m.tool
      }.map { BenchPair(a: m, b: $0) }
    }
  }

  /// The two-sample z of estimates `a` ± `standardErrorA` and `b` ± `standardErrorB`:
  /// (b − a) / √(s_a² + s_b²); nil when both standard errors are 0 (or one is negative).
  public static func z(
    a: Double, standardErrorA: Double, b: Double,
    standardErrorB: Double
  ) -> Double? {
    guard standardErrorA >= 0, standardErrorB >= 0,
      standardErrorA > 0 || standardErrorB > 0
    else { return nil }
    return (b - a)
      / (standardErrorA * standardErrorA + standardErrorB * standardErrorB)
      .squareRoot()
  }
}
