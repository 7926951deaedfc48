import IndexNotation
import TensorCore
import Verification

extension VideoConv {
  /// The answer beside the conv3d kernel on the grader's trials: the clips, strides, border
  /// conventions and random streams of `compare` (`random` is the grading stream, as
  /// `GradingContext.random`), with the first differing output kept. One comparison per
  /// convention the grader tries, in its order, stopping at the first that agrees everywhere;
  /// empty when the answer cannot be read or its tensors' roles cannot be found (the grader's
  /// feedback says why). The measure is `Agreement.largestRelativeDifference`'s,
  /// |kernel − answer| / (1 + |answer|), against the grader's bound. O(12 clips × outputs × taps).
  public static func comparisons(_ text: String, random: RandomStream) -> [TrialComparison] {
    var parser = Parser(text, parameters: ["s", "p"], aliases: true)
    guard let eq = try? parser.parseEquation(), case .success(let roles) = findRoles(eq) else {
      return []
    }
    var out: [TrialComparison] = []
    for convention in Convention.allCases {
      let c = comparison(eq, roles, convention, random: random.split(convention.rawValue))
      out.append(c)
      if c.largest <= rounding.value! { break }
    }
    return out
  }

  /// `compare`'s trials under one convention, recorded output by output.
  static func comparison(
    _ eq: Equation, _ roles: Roles, _ convention: Convention, random: RandomStream
  ) -> TrialComparison {
    var result = TrialComparison(
      convention: convention == .valid ? "valid borders" : "centred same borders (zeros outside)",
      measure: "|kernel − yours| / (1 + |yours|)", bound: rounding.value!)
    let activation: Activation =
      roles.activation == "σ" ? .sigmoid : roles.activation == "ReLU" ? .relu : .identity
    let names = eq.lhs.indices.map(\.description)
    for stride in 1...3 {
      for n in 0..<4 {
        var r = random.split(stride * 10 + n)
        var s = Shape.random(&r, stride: stride)
        if convention == .centred { (s.filterX, s.filterY, s.filterT) = (3, 3, 3) }
        let data = randomData(s, &r)
        let fast = Convolution.forward(
          input: data.input, kernel: data.kernel,
          thresholds: roles.threshold == nil ? nil : data.thresholds,
          axes: s.axes(convention == .valid ? .valid : .same), activation: activation)
        var tensors: [TensorName: Tensor<Double>] = [
          roles.input.name: data.input.doubles,
          roles.filter.name: permuted(data.kernel, roles.filterAxes).doubles,
        ]
        if let t = roles.threshold { tensors[t.name] = data.thresholds.doubles }
        let setting =
          "stride s = \(stride); a batch of \(s.batch) clip\(s.batch == 1 ? "" : "s") of "
          + "\(s.width) × \(s.height) × \(s.frames) (X × Y × T) with \(s.inputs) channel"
          + "\(s.inputs == 1 ? "" : "s"); a \(s.filterX) × \(s.filterY) × \(s.filterT) filter "
          + "to \(s.outputs) channel\(s.outputs == 1 ? "" : "s")"
        do {
          var evaluator = try Evaluator(
            eq,
            bindings: Bindings(
              tensors: tensors, parameters: ["s": stride, "p": 1], outputShape: fast.shape),
            policy: .zero)
          result.record(
            setting: setting, indexNames: names, answer: try evaluator.run().0,
            reference: fast
          ) { a, k in abs(k - a) / (1 + abs(a)) }
        } catch {
          result.fail("on the trial with \(setting): \(error)")
        }
      }
    }
    return result
  }
}
