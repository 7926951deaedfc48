import Answers
import IndexNotation
import TensorCore
import Verification

extension ScalePyramid {
  /// Grades an equation for a variant: read and diagnosed as for the base problem, then evaluated
  /// by the notation engine against the structure's level on random layers (sides 1, 2, 3 of the
  /// new layer, several channel counts), the weights bound in the answer's own index order; right
  /// only if equal on every trial.
  static func grade(
    _ text: String, structure v: PyramidStructure, _ context: inout GradingContext
  ) -> Grade {
    var parser = Parser(text, parameters: [], aliases: true)
    let eq: Equation
    let diagnostics: [Diagnostic]
    switch read(&parser) {
    case .success(let read): (eq, diagnostics) = read
    case .failure(let unreadable): return unreadable.grade
    }
    let issues = diagnostics.map(AnswerIssue.init)
    let reading = eq.description
    var feedback = variantStructure(eq, v)
    let needed =
      v.recurrence == .twoScales
      ? [coarse, fine, left, up, threshold] : [fine, up, threshold]
    let present = Set(eq.rhsReferences.map(\.name))
    let missing = needed.filter { !present.contains($0) }
    let extra = [coarse, left].filter { v.recurrence == .upwardOnly && present.contains($0) }
    if !extra.isEmpty {
      feedback.insert(
        "In this variant the unit reads L_{ℓ,s} alone; the answer also uses "
          + extra.map { "\($0)" }.joined(separator: " and ") + ".", at: 0)
    }
    if eq.lhs.name != TensorName(base: "L", subscript: "ℓ+1,s") || !missing.isEmpty {
      feedback.insert(
        (missing.isEmpty
          ? "The left side should be L_{ℓ+1,s}, not \(eq.lhs.name)"
          : "The answer lacks "
            + missing.map { "\($0) (typed \(plainSpelling($0)))" }
            .joined(separator: ", ")) + ".", at: 0)
    }
    let rankDefects = diagnostics.filter { $0.kind == .rankMismatch }
    if !rankDefects.isEmpty {
      feedback.insert(
        "As written the ranks do not fit: " + rankDefects.map(\.message).joined(separator: "; ")
          + ". Each layer L_{ℓ,s} has four indices [b, x, y, channel].", at: 0)
    }
    let difference =
      extra.isEmpty && missing.isEmpty && rankDefects.isEmpty
      ? variantDifference(eq, v, random: context.random.split("variant")) : .infinity
    if difference <= bound {
      return Grade(
        .correct, reading: reading, answer: .equation(eq),
        feedback: [
          "Equal to the structure's pyramid level on every trial (new layers of side 1, 2 and 3, "
            + "several channel counts), with the weights shared across scales."
        ], issues: issues)
    }
    if feedback.isEmpty {
      feedback.append(
        "The values differ from the structure's pyramid level: largest difference "
          + "\(Value.format(difference)).")
    }
    return Grade(
      .incorrect, reading: reading, answer: .equation(eq), feedback: feedback, issues: issues)
  }

  /// The largest difference between the answer and the structure's level over three random
  /// trials; infinity when the answer cannot be evaluated with the structure's tensors.
  static func variantDifference(_ eq: Equation, _ v: PyramidStructure, random: RandomStream)
    -> Double
  {
    var worst = 0.0
    for (trial, (n, inputs, outputs)) in [(1, 1, 2), (2, 3, 2), (3, 2, 3)].enumerated() {
      var r = random.split(trial)
      let net = Network.random(
        levels: 1, colours: inputs, channels: outputs, filter: v.filter,
        random: r.split("weights"))
      let fineLayer = Tensor<Float>.normal(
        shape: [2, v.factor * n, v.factor * n, inputs], random: &r)
      let coarseLayer = Tensor<Float>.normal(shape: [2, n, n, inputs], random: &r)
      let target = level(net, 0, fine: fineLayer, coarse: coarseLayer, scale: 0, structure: v)
      guard let upWeights = layout(net.levels[0].up, eq, up) else { return .infinity }
      var tensors: [TensorName: Tensor<Double>] = [
        fine: fineLayer.doubles, up: upWeights.doubles,
        threshold: net.levels[0].threshold.doubles,
      ]
      if v.recurrence == .twoScales {
        guard let leftWeights = layout(net.levels[0].left, eq, left) else { return .infinity }
        tensors[coarse] = coarseLayer.doubles
        tensors[left] = leftWeights.doubles
      }
      do {
        var evaluator = try Evaluator(
          eq, bindings: Bindings(tensors: tensors, outputShape: target.shape), policy: .zero)
        let (values, _) = try evaluator.run()
        for i in values.storage.indices {
          worst = max(worst, abs(Double(target.storage[i]) - values.storage[i]))
        }
      } catch {
        return .infinity
      }
    }
    return worst
  }

  /// What the answer's indices say against the structure: the stride at which each layer is
  /// read (r for L_{ℓ,s}, 1 for L_{ℓ,s+1}) and the shift p that centres the filter.
  static func variantStructure(_ eq: Equation, _ v: PyramidStructure) -> [String] {
    var out: [String] = []
    guard eq.lhs.indices.count == 4, let xLetter = eq.lhs.indices[1].bareVariable else {
      return out
    }
    for ref in eq.rhsReferences
    where (ref.name == fine || ref.name == coarse)
      && ref.indices.count == 4
    {
      let stride = ref.name == fine ? v.factor : 1
      let index = ref.indices[1]
      var faults: [String] = []
      if let term = index.terms.first(where: { $0.variable == xLetter }),
        term.coefficient != stride
      {
        faults.append("the stride is \(stride), not \(term.coefficient)")
      }
      let shift = index.terms.filter { $0.variable == nil && $0.parameters.isEmpty }
        .reduce(0) { $0 + $1.coefficient }
      if shift != -v.shift {
        faults.append(
          "a centred \(v.filter) × \(v.filter) filter starts \(v.shift) before the position, "
            + "not \(-shift)")
      }
      if !faults.isEmpty {
        out.append(
          "Read \(ref.name) at \(v.source("x", "ΔX", stride: stride)): "
            + faults.joined(separator: "; ") + ".")
      }
    }
    if case .function = eq.rhs {
    } else {
      out.append(
        "The unit applies σ to the weighted sum minus the threshold; the answer has no σ(…).")
    }
    return out
  }
}
