import Algebra
import IndexNotation
import Models
import TensorCore
import Verification

extension Bottleneck {
  /// A network configuration.
  public struct Configuration: Sendable, CustomStringConvertible {
    public var width, bottleneck, layers, batch: Int

    public init(width: Int, bottleneck: Int, layers: Int, batch: Int) {
      (self.width, self.bottleneck, self.layers, self.batch) = (width, bottleneck, layers, batch)
    }

    var point: [String: Rational] {
      ["N": Rational(width), "N_bottle": Rational(bottleneck), "L": Rational(layers)]
    }

    public var description: String {
      "N=\(width) N_bottle=\(bottleneck) L=\(layers) batch=\(batch)"
    }
  }

  /// Multiplies counted in real forward passes: (bottleneck network, plain network).
  static func counted(_ c: Configuration, random: RandomStream, zeroWeights: Bool = false)
    -> (bottleneck: Int, plain: Int)
  {
    let residual: BottleneckResidualMLP
    let plain: PlainMLP
    if zeroWeights {
      // The count does not depend on the values; zeros skip the random draws.
      residual = .zeros(width: c.width, bottleneck: c.bottleneck, layers: c.layers, gamma: nil)
      plain = .zeros(width: c.width, layers: c.layers)
    } else {
      residual = .random(
        width: c.width, bottleneck: c.bottleneck, layers: c.layers, gamma: nil,
        initialization: .init(
          w1: (2 / Float(c.width)).squareRoot(),
          w2: (2 / Float(c.bottleneck)).squareRoot(), thresholds: 0.1),
        random: random.split("bottleneck"))
      plain = .random(
        width: c.width, layers: c.layers,
        standardDeviation: (2 / Float(c.width)).squareRoot(),
        random: random.split("plain"))
    }
    var r = random.split("input")
    let input = Tensor<Float>.normal(shape: [c.batch, c.width], random: &r)
    let a = MultiplyCounter()
    let b = MultiplyCounter()
    _ = residual.forward(input, counter: a)
    _ = plain.forward(input, counter: b)
    return (a.value, b.value)
  }

  /// Multiplies counted in one forward pass (batch 1) of a bottleneck network with zero weights.
  static func countedBottleneck(_ c: Configuration) -> Int {
    let counter = MultiplyCounter()
    _ = BottleneckResidualMLP.zeros(
      width: c.width, bottleneck: c.bottleneck, layers: c.layers,
      gamma: nil
    )
    .forward(Tensor(shape: [1, c.width], repeating: 0), counter: counter)
    return counter.value
  }

  /// Multiplies counted in one forward pass (batch 1) of a plain network with zero weights.
  static func countedPlain(width: Int, layers: Int) -> Int {
    let counter = MultiplyCounter()
    _ = PlainMLP.zeros(width: width, layers: layers)
      .forward(Tensor(shape: [1, width], repeating: 0), counter: counter)
    return counter.value
  }

  static func value(_ p: Polynomial, _ c: Configuration) -> Int {
    guard let v = p.evaluate(c.point)?.intValue else { return Int.min }
    return v * c.batch
  }

  public static func checks(
    candidate: Answer, user: Configuration, configs: Int,
    maxWidth: Int
  ) -> [Check] {
    var checks: [Check] = []
    for (id, which) in [("instrumented-count-bottleneck", 0), ("instrumented-count-plain", 1)] {
      let polynomial = which == 0 ? candidate.bottleneck : candidate.plain
      checks.append(
        Check(
          id: id, kind: .instrumented,
          summary:
            "multiplies counted in forward passes of the \(which == 0 ? "bottleneck residual" : "plain") "
            + "MLP equal batch × \(polynomial)",
          params: [("configs", .integer(configs)), ("count", .text(polynomial.description))]
        ) { context in
          var tally = CountTally()
          for n in 0..<configs {
            var r = context.random.split(n)
            let width = 1 + r.nextInt(below: 48)
            let c = Configuration(
              width: width, bottleneck: 1 + r.nextInt(below: width),
              layers: 1 + r.nextInt(below: 8), batch: 1 + r.nextInt(below: 4))
            let counts = counted(c, random: r.split("net"))
            tally.add(
              predicted: value(polynomial, c),
              counted: which == 0 ? counts.bottleneck : counts.plain, "\(c)")
          }
          return tally.measurement("random networks (N ≤ 48, L ≤ 8, batch ≤ 4)")
        })
    }
    checks.append(exhaustiveCheck(candidate.condition[0], maxWidth: maxWidth))
    checks.append(conditionPolynomialCheck(candidate, maxWidth: maxWidth))
    checks.append(forwardReferenceCheck())
    checks.append(
      Check(
        id: "user-network-count", kind: .instrumented,
        summary: "derived and counted multiplies for the user's network",
        params: [("network", .text(user.description))]
      ) { context in
        let counts = counted(user, random: context.random)
        let e = (value(candidate.bottleneck, user), value(candidate.plain, user))
        let ok = e.0 == counts.bottleneck && e.1 == counts.plain
        return Measurement(
          status: ok ? .pass : .fail, expected: .list([.integer(e.0), .integer(e.1)]),
          measured: .list([.integer(counts.bottleneck), .integer(counts.plain)]), tolerance: .exact,
          detail: "\(user): bottleneck derived \(e.0), counted \(counts.bottleneck); plain derived "
            + "\(e.1), counted \(counts.plain)")
      })
    return checks
  }

  /// For every N ≤ maxWidth, every N_bottle in 1…N and L in {2, 3, 5, 9}: the counted comparison
  /// (real forward passes, batch 1) against the condition under test, boundary included.
  static func exhaustiveCheck(_ condition: LinearInequality, maxWidth: Int) -> Check {
    Check(
      id: "condition-exhaustive", kind: .instrumented,
      summary: "\(condition) ⟺ the bottleneck network counts fewer multiplies, for every "
        + "N ≤ \(maxWidth), N_bottle ≤ N, L ∈ {2, 3, 5, 9}",
      params: [("condition", .text(condition.description)), ("max_N", .integer(maxWidth))]
    ) { context in
      // One (L, N) pair per work item, on all cores; tallied in order, so the result and the
      // first disagreements listed do not depend on the number of cores.
      let pairs = [2, 3, 5, 9].flatMap { layers in (1...maxWidth).map { (layers, $0) } }
      let tallies = Parallel.map(pairs.count) {
        index -> (
          cases: Int, agree: Int, boundary: Int, mismatches: [String], counts: [Double], plain: Int
        ) in
        let (layers, width) = pairs[index]
        var cases = 0
        var agree = 0
        var boundary = 0
        var mismatches: [String] = []
        var counts: [Double] = []
        // The plain count does not depend on N_bottle: count it once per (N, L).
        let plain = countedPlain(width: width, layers: layers)
        for bottleneck in 1...width {
          let c = Configuration(width: width, bottleneck: bottleneck, layers: layers, batch: 1)
          let count = countedBottleneck(c)
          counts.append(Double(count))
          let fewer = count < plain
          let predicted = condition.holds(
            c.point.merging(["M": Rational(layers - 1)]) { a, _ in a })
          cases += 1
          if 2 * bottleneck == width { boundary += 1 }
          if predicted == fewer {
            agree += 1
          } else if mismatches.count < 3 {
            mismatches.append(
              "\(c): \(fewer ? "fewer" : "not fewer") multiplies counted, the "
                + "condition says \(predicted.map(String.init) ?? "nothing")")
          }
        }
        return (cases, agree, boundary, mismatches, counts, plain)
      }
      // The widest networks at L = 5, for the report's plot of the two counts crossing.
      let shown = tallies[pairs.firstIndex { $0 == (5, maxWidth) }!]
      let cases = tallies.reduce(0) { $0 + $1.cases }
      let agree = tallies.reduce(0) { $0 + $1.agree }
      let boundary = tallies.reduce(0) { $0 + $1.boundary }
      let mismatches = Array(tallies.flatMap(\.mismatches).prefix(3))
      return Measurement(
        status: agree == cases ? .pass : .fail, expected: .integer(cases),
        measured: .integer(agree),
        tolerance: .exact,
        detail: "\(agree) of \(cases) networks agree (\(boundary) on the boundary N_bottle = N/2)"
          + (mismatches.isEmpty
            ? "" : "; first disagreements: " + mismatches.joined(separator: "; ")),
        series: [
          "N": [Double(maxWidth)], "L": [5], "n_bottle": (1...maxWidth).map(Double.init),
          "bottleneck_counted": shown.counts,
          "plain_counted": Array(repeating: Double(shown.plain), count: maxWidth),
        ])
    }
  }
}
