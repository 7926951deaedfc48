import Algebra
import Foundation
import IndexNotation
import TensorCore
import Verification

extension VideoConv {
  /// A variant's checks: its equation evaluated by the notation engine against the conv3d kernel
  /// run with the structure's strides and borders; the equation's multiply count against the
  /// kernel's; and for a causal time filter, that no output reads a later frame.
  static func variantChecks(candidate: Equation, structure v: VideoStructure, clips: Int)
    -> [Check]
  {
    var checks = [
      variantEquationCheck(candidate, v, clips: clips), variantCountCheck(candidate, v),
    ]
    if v.time == .causal { checks.append(causalityCheck(v)) }
    return checks
  }

  static func variantEquationCheck(_ eq: Equation, _ v: VideoStructure, clips: Int) -> Check {
    Check(
      id: "equation-equals-kernel", kind: .numeric,
      summary: "the equation evaluated by the notation engine equals the conv3d kernel "
        + "(\(v.summary))",
      params: [("equation", .text(eq.description)), ("clips", .integer(clips))]
    ) { context in
      var worst = 0.0
      var outputs = 0
      for n in 0..<clips {
        var r = context.random.split(n)
        let s = v.randomShape(&r)
        let data = randomData(s, &r)
        let fast = forward(v, s, data)
        var evaluator = try Evaluator(
          eq,
          bindings: Bindings(
            tensors: [
              TensorName(base: "L", subscript: "ℓ"): data.input.doubles,
              TensorName(base: "K", subscript: "ℓ+1"): data.kernel.doubles,
              TensorName(base: "B", subscript: "ℓ+1"): data.thresholds.doubles,
            ], outputShape: fast.shape), policy: .zero)
        worst = max(worst, Agreement.largestRelativeDifference(fast, try evaluator.run().0))
        outputs += fast.count
      }
      return Measurement(
        status: worst <= rounding.value! ? .pass : .fail, expected: .real(0),
        measured: .real(worst), tolerance: rounding,
        detail: "\(outputs) outputs of \(clips) random clips of the structure: largest relative "
          + "difference " + Value.format(worst))
    }
  }

  /// The multiplies the structure's kernel executes against the equation's count at the output
  /// sizes the kernel produced (zeros read at centred or causal borders are multiplied too).
  static func variantCountCheck(_ eq: Equation, _ v: VideoStructure) -> Check {
    Check(
      id: "instrumented-count", kind: .instrumented,
      summary: "multiplies counted in the conv3d kernel equal the equation's count polynomial "
        + "at the output sizes"
    ) { context in
      let count = eq.multiplyCount
      var tally = CountTally()
      for n in 0..<30 {
        var r = context.random.split(n)
        let s = v.randomShape(&r)
        let data = randomData(s, &r)
        let counter = MultiplyCounter()
        let out = forward(v, s, data, counter: counter)
        let point: [String: Rational] = [
          "B": Rational(s.batch), "X": Rational(out.shape[1]), "Y": Rational(out.shape[2]),
          "T": Rational(out.shape[3]), "I": Rational(s.inputs), "J": Rational(s.outputs),
          "ΔX": Rational(s.filterX), "ΔY": Rational(s.filterY), "ΔT": Rational(s.filterT),
        ]
        guard let predicted = count.evaluate(point)?.intValue else {
          throw EvaluationError.noRange("a symbol of \(count)")
        }
        tally.add(predicted: predicted, counted: counter.value, "\(s)")
      }
      return tally.measurement("random clips of the structure, count \(count)")
    }
  }

  /// Causality, measured on the kernel: changing every frame after c·t₀ leaves the outputs at
  /// times ≤ t₀ unchanged (bit for bit) and changes a later one (the clip has one).
  static func causalityCheck(_ v: VideoStructure) -> Check {
    Check(
      id: "causal-past-only", kind: .numeric,
      summary: "outputs at time t do not change when frames after \(v.timeStride)·t change"
    ) { context in
      var pastChanged = 0.0
      var futureChanged = 0.0
      for n in 0..<6 {
        var r = context.random.split(n)
        var s = v.randomShape(&r)
        s.frames = max(s.frames, 2 * v.timeStride + 1)
        let data = randomData(s, &r)
        let before = forward(v, s, data)
        let t0 = r.nextInt(below: before.shape[3] - 1)
        var changed = data
        for b in 0..<s.batch {
          for x in 0..<s.width {
            for y in 0..<s.height {
              for t in (v.timeStride * t0 + 1)..<s.frames {
                for i in 0..<s.inputs {
                  changed.input[b, x, y, t, i] += 1
                }
              }
            }
          }
        }
        let after = forward(v, s, changed)
        for b in 0..<s.batch {
          for x in 0..<before.shape[1] {
            for y in 0..<before.shape[2] {
              for t in 0..<before.shape[3] {
                for j in 0..<s.outputs {
                  let d = Double(abs(before[b, x, y, t, j] - after[b, x, y, t, j]))
                  if t <= t0 {
                    pastChanged = max(pastChanged, d)
                  } else {
                    futureChanged = max(futureChanged, d)
                  }
                }
              }
            }
          }
        }
      }
      return Measurement(
        status: pastChanged == 0 && futureChanged > 0 ? .pass : .fail, expected: .real(0),
        measured: .real(pastChanged),
        tolerance: Tolerance(.exact, reason: "a causal filter never reads a later frame"),
        detail: "6 clips with the frames after \(v.timeStride)·t₀ changed: outputs up to t₀ "
          + "moved by \(Value.format(pastChanged)), later outputs by "
          + Value.format(futureChanged))
    }
  }
}
