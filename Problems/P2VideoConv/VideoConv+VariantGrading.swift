import Answers
import IndexNotation
import TensorCore
import Verification

extension VideoConv {
  /// Grades an equation for a variant: read and its roles found as for the base problem, then
  /// evaluated by the notation engine on random clips of the structure against the conv3d kernel
  /// run with the structure's strides and borders (the filter bound in the answer's own index
  /// order); right only if equal on every clip. A stride written as the base problem's `s` is
  /// read as the variant's stride when space and time share one.
  static func grade(
    _ text: String, structure v: VideoStructure, _ context: inout GradingContext
  ) -> Grade {
    var parser = Parser(text, parameters: ["s"], aliases: true)
    let eq: Equation
    do {
      eq = try parser.parseEquation()
    } catch {
      return Grade(
        .unreadable, feedback: ["expected \(problem.answerFormat)"],
        issues: [AnswerIssue(error.diagnostic)])
    }
    let diagnostics = parser.diagnostics + Checker.check(eq)
    let issues = diagnostics.map(AnswerIssue.init)
    let reading = eq.description
    let roles: Roles
    switch findRoles(eq) {
    case .success(let r): roles = r
    case .failure(let problem):
      return Grade(
        .incorrect, reading: reading, answer: .equation(eq), feedback: [problem.message],
        issues: issues)
    }
    var feedback = variantStructure(eq, roles, v)
    let usesS = roles.input.indices.contains { $0.terms.contains { $0.parameters.contains("s") } }
    if usesS && v.spaceStride != v.timeStride {
      feedback.insert(
        "This variant has no single stride s: it moves by \(v.spaceStride) in space and by "
          + "\(v.timeStride) in time.", at: 0)
      return Grade(
        .incorrect, reading: reading, answer: .equation(eq), feedback: feedback, issues: issues)
    }
    let worst = variantDifference(eq, roles, v, random: context.random.split("variant"))
    let defects = diagnostics.filter { $0.kind != .redundantSum && $0.kind != .thresholdSign }
    if worst <= rounding.value!, roles.activation == "σ", roles.threshold != nil,
      defects.isEmpty
    {
      return Grade(
        .correct, reading: reading, answer: .equation(eq),
        feedback: [
          "Equal to the conv3d kernel with this structure on 8 random clips"
            + (roles.filterAxes == [0, 1, 2, 3, 4]
              ? "" : " (the filter bound in the answer's own index order)") + "."
        ], issues: issues)
    }
    if !defects.isEmpty {
      feedback.append(
        "As written the equation is not well-formed: "
          + defects.map { "\($0.message) (column \($0.position.column))" }
          .joined(separator: "; ") + ".")
    }
    if roles.activation != "σ" {
      feedback.append(
        "The layer applies σ to K·L − B; the answer's activation is "
          + (roles.activation ?? "missing") + ".")
    }
    if roles.threshold == nil {
      feedback.append("There is no threshold B_{ℓ+1}[j] inside the activation.")
    }
    if feedback.isEmpty {
      feedback.append(
        "The values differ from the conv3d kernel with this structure: largest relative "
          + "difference \(Value.format(worst)).")
    }
    return Grade(
      .incorrect, reading: reading, answer: .equation(eq), feedback: feedback, issues: issues)
  }

  /// The largest relative difference between the answer and the structure's kernel over 8
  /// random clips of the structure; infinity when the answer cannot be evaluated on them.
  static func variantDifference(
    _ eq: Equation, _ roles: Roles, _ v: VideoStructure, random: RandomStream
  ) -> Double {
    var worst = 0.0
    for n in 0..<8 {
      var r = random.split(n)
      let s = v.randomShape(&r)
      let data = randomData(s, &r)
      let fast = forward(
        v, s, data, activation: roles.activation == "σ" ? .sigmoid : .identity,
        thresholds: roles.threshold != nil)
      var tensors: [TensorName: Tensor<Double>] = [
        roles.input.name: data.input.doubles,
        roles.filter.name: permuted(data.kernel, roles.filterAxes).doubles,
      ]
      if let t = roles.threshold { tensors[t.name] = data.thresholds.doubles }
      do {
        var evaluator = try Evaluator(
          eq,
          bindings: Bindings(
            tensors: tensors, parameters: ["s": v.spaceStride], outputShape: fast.shape),
          policy: .zero)
        worst = max(worst, Agreement.largestRelativeDifference(fast, try evaluator.run().0))
      } catch {
        return .infinity
      }
    }
    return worst
  }

  /// What the answer's input index says axis by axis, against the structure: the stride (the
  /// coefficient of the output's letter), the direction of the offset (− for a causal filter)
  /// and the shift that centres a 3-tap filter.
  static func variantStructure(_ eq: Equation, _ roles: Roles, _ v: VideoStructure) -> [String] {
    var out: [String] = []
    let axes: [(letter: String, tap: String, stride: Int, VideoStructure.Placement)] = [
      ("x", "ΔX", v.spaceStride, v.space), ("y", "ΔY", v.spaceStride, v.space),
      ("t", "ΔT", v.timeStride, v.time),
    ]
    for (axis, (letter, tap, stride, placement)) in axes.enumerated() {
      let index = roles.input.indices[axis + 1]
      let outputLetter = eq.lhs.indices[axis + 1].bareVariable
      let expected = v.source(letter, tap, stride: stride, placement)
      var faults: [String] = []
      if let term = index.terms.first(where: { $0.variable == outputLetter }),
        term.parameters.isEmpty, term.coefficient != stride
      {
        faults.append("the stride along \(letter) is \(stride), not \(term.coefficient)")
      }
      if let term = index.terms.first(where: { $0.variable?.name.hasPrefix("Δ") ?? false }) {
        if placement == .causal && term.coefficient > 0 {
          faults.append("a causal filter reads \(tap) frames back, so the offset is subtracted")
        } else if placement != .causal && term.coefficient < 0 {
          faults.append("the offset is added: only a causal filter counts back")
        }
      }
      let shift = index.terms.filter { $0.variable == nil && $0.parameters.isEmpty }
        .reduce(0) { $0 + $1.coefficient }
      let wanted = placement == .centred ? -1 : 0
      if shift != wanted {
        faults.append(
          placement == .centred
            ? "the 3 taps are centred, so the window starts one before \(stride)·\(letter)"
            : "the window starts at \(stride)·\(letter) with no shift (here \(shift))")
      }
      if !faults.isEmpty {
        out.append("Along \(letter) read L_ℓ at \(expected): " + list(faults) + ".")
      }
    }
    return out
  }
}
