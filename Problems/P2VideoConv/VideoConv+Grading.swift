import Answers
import IndexNotation
import TensorCore
import Verification

extension VideoConv {
  /// The roles of an answer's tensors, found from their indices: the input (the layer below,
  /// read at its batch index), the filter (whose indices are the output channel, the input
  /// channel and the offsets), the threshold (one index, the output channel).
  struct Roles {
    var input: TensorReference
    var filter: TensorReference
    var threshold: TensorReference?
    /// The threshold's sign in the sum inside the activation (−1 as the course writes it).
    var thresholdSign: Int
    var activation: String?
    /// For each filter position: 0 output channel, 1…3 offsets along x, y, t, 4 input channel.
    var filterAxes: [Int]
  }

  enum Convention: String, CaseIterable {
    case valid, centred
  }

  /// Grades an equation: read and diagnosed, then evaluated by the notation engine on random
  /// clips against the conv3d kernel over several shapes and strides 1–3, under `valid` borders
  /// and under centred `same` borders; right only if equal on every trial. The filter is bound in
  /// the answer's own index order.
  static func grade(_ text: String, _ derivation: Derivation, _ context: inout GradingContext)
    -> Grade
  {
    var parser = Parser(text, parameters: ["s", "p"], aliases: true)
    let eq: Equation
    do {
      eq = try parser.parseEquation()
    } catch {
      return Grade(
        .unreadable, feedback: ["expected \(problem.answerFormat)"],
        issues: [AnswerIssue(error.diagnostic)])
    }
    let diagnostics = parser.diagnostics + Checker.check(eq)
    let defects = diagnostics.filter { $0.kind != .redundantSum && $0.kind != .thresholdSign }
    var feedback: [String] = []
    let roles: Roles
    switch findRoles(eq) {
    case .success(let r): roles = r
    case .failure(let problem):
      return Grade(
        .incorrect, reading: eq.description, answer: .equation(eq),
        feedback: [problem.message], issues: diagnostics.map(AnswerIssue.init))
    }
    feedback += structure(eq, roles)
    var matched: Convention?
    var worst: [Convention: Double] = [:]
    for convention in Convention.allCases {
      let difference = compare(
        eq, roles, convention, random: context.random.split(convention.rawValue))
      worst[convention] = difference
      if difference <= rounding.value! {
        matched = convention
        break
      }
    }
    let reading = eq.description
    if let matched, roles.activation != nil, roles.threshold != nil {
      let filterNote =
        roles.filterAxes == [0, 1, 2, 3, 4]
        ? ""
        : " (the filter bound in the answer's own index order)"
      if !defects.isEmpty {
        let fixes = defects.map { "\($0.message) (column \($0.position.column))" }
        return Grade(
          .incorrect, reading: reading, answer: .equation(eq),
          feedback: [
            "As written the equation is not well-formed: " + fixes.joined(separator: "; ")
              + ". Read with that repaired, it equals the conv3d kernel on every trial"
              + filterNote + "."
          ],
          issues: diagnostics.map(AnswerIssue.init))
      }
      var convention: String?
      if matched == .centred {
        convention =
          "`same` borders: the filter is centred on s·x (offsets shifted by ⌊(ΔX − 1)/2⌋) and "
          + "zeros are read outside the clip"
      }
      if roles.activation == "ReLU" {
        convention = (convention.map { $0 + "; " } ?? "") + "ReLU as the activation σ"
      }
      return Grade(
        .correct, reading: reading, answer: .equation(eq),
        feedback: [
          "Equal to the conv3d kernel on 12 random clips with strides 1, 2 and 3"
            + filterNote + "."
        ],
        convention: convention, issues: diagnostics.map(AnswerIssue.init))
    }
    if matched != nil && roles.activation == nil {
      feedback.insert(
        "There is no activation: a layer of an image CNN applies σ to W·L − B (as written "
          + "the values equal the kernel's before σ).", at: 0)
    }
    if matched != nil && roles.threshold == nil {
      feedback.append(
        "As written the values equal the kernel's without a threshold; a layer of an image "
          + "CNN subtracts one, B_{ℓ+1}[j].")
    }
    if feedback.isEmpty {
      feedback.append(
        "The values differ from the conv3d kernel: largest relative difference "
          + "\(Value.format(worst[.valid] ?? .nan)) under `valid` borders, "
          + "\(Value.format(worst[.centred] ?? .nan)) under centred `same` borders.")
    }
    return Grade(
      .incorrect, reading: reading, answer: .equation(eq), feedback: feedback,
      issues: diagnostics.map(AnswerIssue.init))
  }

  struct RoleProblem: Error {
    let message: String
  }

  /// The input, filter and threshold of an answer, by their indices.
  static func findRoles(_ eq: Equation) -> Result<Roles, RoleProblem> {
    guard eq.lhs.indices.count == 5, let outChannel = eq.lhs.indices[4].bareVariable,
      let batch = eq.lhs.indices[0].bareVariable
    else {
      return .failure(
        RoleProblem(
          message: "The new layer has five indices, L_{ℓ+1}[b, x, y, t, j]; "
            + "the answer's left side has \(eq.lhs.indices.count): \(eq.lhs)."))
    }
    let refs = eq.rhsReferences
    guard
      let input = refs.first(where: {
        $0.indices.count == 5 && $0.indices[0].bareVariable == batch
          && $0.name != eq.lhs.name
      })
    else {
      return .failure(
        RoleProblem(
          message: "No tensor on the right is the layer below read at the batch "
            + "index \(batch): expected L_ℓ[\(batch), s·x + ΔX, …]."))
    }
    let inputChannel = input.indices[4].bareVariable
    guard
      let filter = refs.first(where: {
        $0.name != input.name && $0.indices.count >= 2
          && $0.indices.contains { $0.bareVariable == outChannel }
      })
    else {
      return .failure(
        RoleProblem(message: "No filter on the right carries the output channel \(outChannel)."))
    }
    var axes: [Int] = []
    for index in filter.indices {
      guard let v = index.bareVariable else {
        return .failure(
          RoleProblem(
            message: "The filter \(filter) has a formula at an index; each of its "
              + "indices should be one letter."))
      }
      if v == outChannel {
        axes.append(0)
      } else if v == inputChannel {
        axes.append(4)
      } else if let axis = (1...3).first(where: { input.indices[$0].variables.contains(v) }) {
        axes.append(axis)
      } else {
        return .failure(
          RoleProblem(
            message: "The filter index \(v) appears nowhere in the input "
              + "\(input): nothing pairs it with a position or a channel."))
      }
    }
    guard axes.sorted() == [0, 1, 2, 3, 4] else {
      let names = ["output channel", "x offset", "y offset", "t offset", "input channel"]
      let missing = (0...4).filter { !axes.contains($0) }.map { names[$0] }
      return .failure(
        RoleProblem(
          message: "The filter \(filter) should carry the output channel, the three "
            + "offsets and the input channel; it lacks "
            + (missing.isEmpty ? "none but repeats one" : missing.joined(separator: ", "))
            + "."))
    }
    let threshold = refs.first { $0.indices.count == 1 && $0.indices[0].bareVariable == outChannel }
    var sign = 0
    var activation: String?
    var body = eq.rhs
    if case .function(let name, let inner, _) = eq.rhs {
      activation = name
      body = inner
    }
    if let threshold {
      if case .sum(let terms) = body {
        for t in terms {
          if case .tensor(let r) = t.term, r == threshold { sign = t.sign }
        }
      }
    }
    return .success(
      Roles(
        input: input, filter: filter, threshold: threshold, thresholdSign: sign,
        activation: activation, filterAxes: axes))
  }

  /// What the answer's structure says before any evaluation: strides, offsets, threshold.
  static func structure(_ eq: Equation, _ roles: Roles) -> [String] {
    var out: [String] = []
    let names = ["x", "y", "t"]
    var strided: [String] = []
    var plain: [String] = []
    var noOffset: [String] = []
    var swapped: [String] = []
    var dilated: [String] = []
    let lhsVariables = (1...3).map { eq.lhs.indices[$0].bareVariable }
    for axis in 1...3 {
      let index = roles.input.indices[axis]
      var lhsVariable = eq.lhs.indices[axis].bareVariable
      // The output's letter of another axis read here: the axes are swapped.
      if !index.terms.contains(where: { $0.variable == lhsVariable }),
        let other = lhsVariables.firstIndex(where: { v in
          v != nil && index.terms.contains { $0.variable == v }
        })
      {
        swapped.append("\(names[axis - 1]) (read at \(names[other]))")
        lhsVariable = lhsVariables[other]
      }
      // s·(x + ΔX): the offsets carry the stride too, a dilation of the filter.
      if index.terms.contains(where: { t in
        (t.variable?.name.hasPrefix("Δ") ?? false) && t.parameters.contains("s")
      }) {
        dilated.append(names[axis - 1])
      }
      let term = index.terms.first { $0.variable == lhsVariable }
      if term?.parameters.contains("s") == true {
        strided.append(names[axis - 1])
      } else {
        plain.append(names[axis - 1])
      }
      if !index.variables.contains(where: { $0.name.hasPrefix("Δ") || $0.name.hasPrefix("δ") }) {
        noOffset.append(names[axis - 1])
      }
    }
    if !swapped.isEmpty {
      out.append(
        "The axes are swapped: L_ℓ is read at the wrong output position along "
          + list(swapped) + "; read it at s·x + ΔX, s·y + ΔY, s·t + ΔT in that order.")
    }
    if !dilated.isEmpty {
      out.append(
        "The offsets are multiplied by s along \(list(dilated)) (s·(x + ΔX)): that dilates the "
          + "filter by s, skipping inputs between its taps; a stride reads L_ℓ at s·x + ΔX.")
    }
    if !plain.isEmpty {
      out.append(
        strided.isEmpty
          ? "The stride s is applied to none of x, y, t: read L_ℓ at s·x + ΔX, s·y + ΔY, s·t + ΔT."
          : "The stride is applied to \(list(strided)) but not to \(list(plain)).")
    }
    if !noOffset.isEmpty {
      out.append(
        "The input is read without an offset along \(list(noOffset)): the filter's "
          + noOffset.map { "Δ" + $0.uppercased() }.joined(separator: ", ") + " is missing there.")
    }
    if roles.threshold == nil {
      out.append("There is no threshold B_{ℓ+1}[j] inside the activation.")
    } else if roles.thresholdSign > 0 {
      out.append("The threshold is added; the course's layer subtracts it: σ(W·L − B).")
    }
    if let a = roles.activation, a != "σ" && a != "ReLU" {
      out.append("The activation \(a) is not the layer's σ.")
    }
    return out
  }

  static func list(_ items: [String]) -> String {
    items.count <= 1
      ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
  }

  /// The largest relative difference between the answer evaluated by the notation engine and the
  /// conv3d kernel under a border convention, over 12 random clips (strides 1, 2, 3).
  static func compare(
    _ eq: Equation, _ roles: Roles, _ convention: Convention,
    random: RandomStream
  ) -> Double {
    var worst = 0.0
    let activation: Activation =
      roles.activation == "σ"
      ? .sigmoid
      : roles.activation == "ReLU" ? .relu : .identity
    for stride in 1...3 {
      for n in 0..<4 {
        var r = random.split(stride * 10 + n)
        var s = Shape.random(&r, stride: stride)
        // Centred filters need one centre for every axis: 3 × 3 × 3, p = 1.
        if convention == .centred { (s.filterX, s.filterY, s.filterT) = (3, 3, 3) }
        let data = randomData(s, &r)
        let axes = s.axes(convention == .valid ? .valid : .same)
        let fast = Convolution.forward(
          input: data.input, kernel: data.kernel,
          thresholds: roles.threshold == nil ? nil : data.thresholds,
          axes: axes, activation: activation)
        var tensors: [TensorName: Tensor<Double>] = [
          roles.input.name: data.input.doubles,
          roles.filter.name: permuted(data.kernel, roles.filterAxes).doubles,
        ]
        if let t = roles.threshold { tensors[t.name] = data.thresholds.doubles }
        do {
          var evaluator = try Evaluator(
            eq,
            bindings: Bindings(
              tensors: tensors,
              parameters: ["s": stride, "p": 1],
              outputShape: fast.shape), policy: .zero)
          worst = max(worst, Agreement.largestRelativeDifference(fast, try evaluator.run().0))
        } catch {
          return .infinity
        }
      }
    }
    return worst
  }

  /// The kernel [J, ΔX, ΔY, ΔT, I] in the answer's order: position k holds axis `axes[k]`.
  static func permuted(_ kernel: Tensor<Float>, _ axes: [Int]) -> Tensor<Float> {
    if axes == [0, 1, 2, 3, 4] { return kernel }
    let shape = axes.map { kernel.shape[$0] }
    var out = Tensor<Float>(shape: shape, repeating: 0)
    let strides = kernel.strides
    var index = [Int](repeating: 0, count: 5)
    for offset in 0..<out.count {
      var rest = offset
      for k in stride(from: 4, through: 0, by: -1) {
        index[k] = rest % shape[k]
        rest /= shape[k]
      }
      var source = 0
      for k in 0..<5 { source += index[k] * strides[axes[k]] }
      out.storage[offset] = kernel.storage[source]
    }
    return out
  }
}
