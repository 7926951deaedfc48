import Algebra
import IndexNotation
import Verification

extension Bottleneck {
  /// The condition under test against the two count polynomials compared exactly, in rationals:
  ///
  /// ```
  /// condition(N, N_bottle, L)  ⟺  bottleneck(N, N_bottle, L) < plain(N, L)
  /// ```
  /// at every integer N_bottle in 1…N and, for odd N, also at N_bottle = N/2 itself (a rational
  /// point no network has: the integer grid of `condition-exhaustive` never meets the boundary
  /// there), for N ≤ min(`maxWidth`, 64) and L in 2…12. This is a round trip of the solver, not
  /// evidence about the counts: the condition was solved from these same two polynomials, so for
  /// psverify's answer it fails only when the inequality solver or the exact comparison is wrong
  /// (e.g. a strict `<` that holds on equality), and it says nothing about whether the
  /// polynomials are right (`condition-exhaustive` measures that on counted forward passes). For
  /// a user's answer it checks that their condition is the one their own counts give.
  ///
  /// - Complexity: about 64² · 11 / 2 evaluations of each polynomial.
  static func conditionPolynomialCheck(_ candidate: Answer, maxWidth: Int) -> Check {
    let condition = candidate.condition[0]
    let widest = min(maxWidth, 64)
    return Check(
      id: "condition-equals-polynomials", kind: .symbolic,
      summary: "\(condition) ⟺ \(candidate.bottleneck) < \(candidate.plain), compared exactly for "
        + "N ≤ \(widest), L ≤ 12, on the boundary N_bottle = N/2 included",
      params: [("condition", .text(condition.description)), ("max_N", .integer(widest))]
    ) { _ in
      var cases = 0
      var agree = 0
      var boundary = 0
      var mismatches: [String] = []
      for layers in 2...12 {
        for width in 1...widest {
          var points = (1...width).map { Rational($0) }
          if width % 2 == 1 { points.append(Rational(width, 2)) }
          for bottleneck in points {
            let point = [
              "N": Rational(width), "N_bottle": bottleneck, "L": Rational(layers),
              "M": Rational(layers - 1),
            ]
            guard let b = candidate.bottleneck.evaluate(point),
              let p = candidate.plain.evaluate(point)
            else { continue }
            let fewer = b < p
            let predicted = condition.holds(point)
            cases += 1
            if bottleneck == Rational(width, 2) { boundary += 1 }
            if predicted == fewer {
              agree += 1
            } else if mismatches.count < 3 {
              mismatches.append(
                "N=\(width) N_bottle=\(bottleneck) L=\(layers): counts \(b) and "
                  + "\(p), the condition says "
                  + (predicted.map(String.init) ?? "nothing"))
            }
          }
        }
      }
      return Measurement(
        status: agree == cases && cases > 0 ? .pass : .fail, expected: .integer(cases),
        measured: .integer(agree), tolerance: .exact,
        detail: "\(agree) of \(cases) points agree (\(boundary) on the boundary N_bottle = N/2)"
          + (mismatches.isEmpty
            ? ""
            : "; first disagreements: "
              + mismatches.joined(separator: "; ")))
    }
  }
}
