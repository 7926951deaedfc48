import Algebra
import IndexNotation
import TensorCore
import Verification

extension Bottleneck {
  /// A variant's checks: both counts against the multiplies counted in forward passes of the
  /// structure's network and of the plain MLP on random networks, and the condition against the
  /// counted comparison for every small network, the boundary included.
  public static func variantChecks(
    candidate: Answer, structure s: BottleneckStructure,
    configs: Int, maxWidth: Int
  ) -> [Check] {
    var checks: [Check] = []
    for (id, which) in [("instrumented-count-bottleneck", 0), ("instrumented-count-plain", 1)] {
      let polynomial = which == 0 ? candidate.bottleneck : candidate.plain
      checks.append(
        Check(
          id: id, kind: .instrumented,
          summary:
            "multiplies counted in forward passes of the \(which == 0 ? s.summary : "plain MLP") "
            + "equal batch × \(polynomial)",
          params: [
            ("configs", .integer(configs)), ("stages", .integer(s.stages)),
            ("paths", .integer(s.paths)), ("count", .text(polynomial.description)),
          ]
        ) { context in
          var tally = CountTally()
          for n in 0..<configs {
            var r = context.random.split(n)
            let width = 1 + r.nextInt(below: 24)
            let c = Configuration(
              width: width, bottleneck: 1 + r.nextInt(below: width),
              layers: 1 + r.nextInt(below: 5), batch: 1 + r.nextInt(below: 3))
            let counts = counted(c, structure: s, random: r.split("net"))
            tally.add(
              predicted: value(polynomial, c),
              counted: which == 0 ? counts.bottleneck : counts.plain, "\(c)")
          }
          return tally.measurement("random networks (N ≤ 24, L ≤ 5, batch ≤ 3)")
        })
    }
    checks.append(variantExhaustiveCheck(candidate.condition[0], structure: s, maxWidth: maxWidth))
    return checks
  }

  /// For every N ≤ maxWidth, N_bottle ≤ N and L ∈ {2, 3}: the counted comparison (forward passes
  /// with batch 1) against the condition under test.
  static func variantExhaustiveCheck(
    _ condition: LinearInequality, structure s: BottleneckStructure,
    maxWidth: Int
  ) -> Check {
    Check(
      id: "condition-exhaustive", kind: .instrumented,
      summary: "\(condition) ⟺ the network of \(s.summary) counts fewer multiplies, for every "
        + "N ≤ \(maxWidth), N_bottle ≤ N, L ∈ {2, 3}",
      params: [
        ("condition", .text(condition.description)), ("max_N", .integer(maxWidth)),
        ("stages", .integer(s.stages)), ("paths", .integer(s.paths)),
      ]
    ) { _ in
      var cases = 0
      var agree = 0
      var boundary = 0
      var mismatches: [String] = []
      let random = RandomStream(seed: 0)  // zero weights: nothing is drawn that matters
      for layers in [2, 3] {
        for width in 1...maxWidth {
          for bottleneck in 1...width {
            let c = Configuration(width: width, bottleneck: bottleneck, layers: layers, batch: 1)
            let counts = counted(c, structure: s, random: random, zeroWeights: true)
            let fewer = counts.bottleneck < counts.plain
            let predicted = condition.holds(
              c.point.merging(["M": Rational(layers - 1)]) { a, _ in a })
            cases += 1
            if 2 * s.stages * s.paths * bottleneck == width { boundary += 1 }
            if predicted == fewer {
              agree += 1
            } else if mismatches.count < 3 {
              mismatches.append(
                "\(c): \(fewer ? "fewer" : "not fewer") multiplies counted, the "
                  + "condition says \(predicted.map(String.init) ?? "nothing")")
            }
          }
        }
      }
      return Measurement(
        status: agree == cases ? .pass : .fail, expected: .integer(cases),
        measured: .integer(agree),
        tolerance: .exact,
        detail: "\(agree) of \(cases) networks agree (\(boundary) where the counts are equal)"
          + (mismatches.isEmpty
            ? "" : "; first disagreements: " + mismatches.joined(separator: "; ")))
    }
  }
}
