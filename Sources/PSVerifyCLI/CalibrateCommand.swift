import ArgumentParser
import Foundation
import TensorCore
import Verification

/// `psverify calibrate` (hidden; `Scripts/calibrate.sh` runs it): every Monte Carlo check of the
/// selected problems run on correct code over many seeds, its observed false-alarm rate beside
/// the rate it states, with 95 % Clopper–Pearson bounds; also at looser limits whose stated rate
/// is large enough to be seen (10⁻² … 10⁻⁶; runs over disjoint seeds add up), which shows
/// whether the statistic's tail follows the reference distribution the stated rate comes from. A check that can raise an
/// erratum also gets the number of seeds on which it raised one.
struct CalibrateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "calibrate",
    abstract: "Measure the Monte Carlo checks' false-alarm rates over many seeds.",
    shouldDisplay: false)

  @Argument(help: "Problem ids (default: every problem with a Monte Carlo check).")
  var ids: [String] = []

  @Option(help: "Seeds to run: first-seed, first-seed + 1, ….")
  var seeds: Int = 1000

  @Option(help: "The first seed.")
  var firstSeed: UInt64 = 1

  @Option(help: "Worker threads (1 leaves the other cores free; results do not depend on it).")
  var threads: Int = 1

  @Option(
    name: .customLong("check"),
    help: "Only this Monte Carlo check (repeatable; default: every one of the problems).")
  var checkIDs: [String] = []

  @Option(
    help: ArgumentHelp(
      "Also list every seed whose statistic is beyond ±this value, with its reference's "
        + "degrees of freedom and skewness (for evaluating other limits on the same draws).",
      valueName: "z"))
  var extremes: Double?

  @OptionGroup var options: RunOptions

  /// The observed exceedances of one check.
  struct Tally {
    var failures = 0
    /// Each seed's test (its statistic, and its own limits when they depend on the data).
    var tests: [ZTest] = []
    /// The seed of each entry of `tests`.
    var testSeeds: [UInt64] = []
    /// Seeds on which the check raised an erratum, and on which it weighed one and reported a
    /// note instead (so that the check can raise errata at all).
    var errata = 0
    var notes = 0
  }

  func run() throws {
    guard seeds >= 1 else { throw UsageError(message: "--seeds must be at least 1") }
    Parallel.limitWorkers(max(1, threads))
    var problems: [any Problem] = []
    for id in ids {
      guard let p = Catalog.problem(id) else { throw Catalog.unknown(id) }
      problems.append(p)
    }
    if problems.isEmpty { problems = Catalog.problems }
    let parameters = try options.parameterValues(for: problems)
    print(
      "seeds \(firstSeed)…\(firstSeed + UInt64(seeds) - 1), trials "
        + "\(options.trials.map(String.init) ?? "default"), parameters "
        + (options.params.isEmpty ? "default" : options.params.joined(separator: " ")))
    print("check | seeds | failures | observed rate (95 % CI) | stated rate | limit | sides")
    for problem in problems {
      let values = parameters[problem.id]!
      let derivation = try problem.derive(values)
      let checks = problem.checks(derivation, values).filter {
        $0.kind == .monteCarlo && (checkIDs.isEmpty || checkIDs.contains($0.id))
      }
      guard !checks.isEmpty else { continue }
      let trials = options.trials ?? problem.defaultTrials
      var tallies = [String: Tally]()
      for s in 0..<seeds {
        let seed = firstSeed + UInt64(s)
        let runner = Runner(seed: seed, trials: trials)
        let stream = RandomStream(seed: seed).split(problem.id)
        for check in checks {
          let m = runner.run(
            check, stream: stream.split(check.id), trials: trials,
            parameters: values
          ).measurement
          var t = tallies[check.id, default: Tally()]
          if m.status == .fail { t.failures += 1 }
          if !m.errata.isEmpty { t.errata += 1 } else if !m.notes.isEmpty { t.notes += 1 }
          if let test = m.test {
            t.tests.append(test)
            t.testSeeds.append(seed)
          }
          tallies[check.id] = t
        }
      }
      for check in checks {
        let t = tallies[check.id]!
        guard let test = t.tests.first else { continue }
        print(
          row(
            "\(problem.id) \(check.id)", t.failures, test.falseAlarmProbability,
            limits(test, test.lowerLimit, test.limit)))
        if t.errata + t.notes > 0 {
          let (lo, hi) = Binomial.clopperPearson(t.errata, n: seeds)
          print(
            "  errata raised | \(seeds) | \(t.errata) | "
              + "\(Value.format(Double(t.errata) / Double(seeds), digits: 3)) "
              + "(\(Value.format(lo, digits: 2))–\(Value.format(hi, digits: 2))) | "
              + "\(t.notes) seeds with a note instead")
        }
        for stated in [1e-2, 1e-3, 1e-4, 1e-5, 1e-6] {
          // Each side at half the rate, by each seed's own reference: z beyond that side's
          // limit exactly when the side's reference tail at |z| is below half the rate.
          let low = t.tests.filter { $0.z < 0 && $0.sideTail(-$0.z, below: true) < stated / 2 }
          let high = t.tests.filter { $0.z > 0 && $0.sideTail($0.z, below: false) < stated / 2 }
          let below = limit(of: test, at: stated / 2, below: true)
          let above = limit(of: test, at: stated / 2, below: false)
          let name =
            below == above
            ? "  at |\(test.statisticName)| > \(Value.format(above, digits: 4))"
            : "  at \(test.statisticName) < −\(Value.format(below, digits: 4)) or > "
              + "\(Value.format(above, digits: 4))"
          print(
            row(name, high.count + low.count, stated, limits(test, below, above))
              + " | \(low.count) below, \(high.count) above")
        }
        if let extremes {
          for (seed, x) in zip(t.testSeeds, t.tests) where abs(x.z) > extremes {
            print(
              "  extreme | seed \(seed) | \(x.statisticName) = \(x.z) | degrees of freedom "
                + "\(x.degreesOfFreedom.map(String.init) ?? "none") | skewness \(x.skewness)")
          }
        }
      }
    }
  }

  /// "c", or "c₁ / c₂" (below / above) when the limits differ; a check whose limits depend on
  /// its data (a skew-adjusted one) shows the first seed's.
  func limits(_ test: ZTest, _ below: Double, _ above: Double) -> String {
    below == above
      ? Value.format(above, digits: 4)
      : "\(Value.format(below, digits: 4)) / \(Value.format(above, digits: 4))"
  }

  func row(_ name: String, _ k: Int, _ stated: Double, _ limit: String) -> String {
    let (lo, hi) = Binomial.clopperPearson(k, n: seeds)
    return "\(name) | \(seeds) | \(k) | \(Value.format(Double(k) / Double(seeds), digits: 3)) "
      + "(\(Value.format(lo, digits: 2))–\(Value.format(hi, digits: 2))) | "
      + "\(Value.format(stated, digits: 2)) | \(limit)"
  }

  /// The c at which the test's reference tail on one side equals `side`, by bisection (the side
  /// tails decrease for c above 1.25, where every limit here lies).
  func limit(of test: ZTest, at side: Double, below: Bool) -> Double {
    var lo = 1.25
    var hi = 1e3
    for _ in 0..<200 {
      let mid = (lo + hi) / 2
      if test.sideTail(mid, below: below) > side { lo = mid } else { hi = mid }
    }
    return hi
  }
}
