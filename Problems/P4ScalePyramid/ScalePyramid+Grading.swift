import Answers
import IndexNotation
import ProblemDocument
import TensorCore
import Verification

extension ScalePyramid {
  /// The tensors the question names, with their ranks.
  static let named: [(TensorName, Int)] = [
    (TensorName(base: "L", subscript: "ℓ+1,s"), 4), (TensorName(base: "L", subscript: "ℓ,s+1"), 4),
    (TensorName(base: "L", subscript: "ℓ,s"), 4), (TensorName(base: "W", subscript: "ℓ+1,←"), 4),
    (TensorName(base: "W", subscript: "ℓ+1,↑"), 4), (TensorName(base: "B", subscript: "ℓ+1"), 1),
  ]
  static let coarse = TensorName(base: "L", subscript: "ℓ,s+1")
  static let fine = TensorName(base: "L", subscript: "ℓ,s")
  static let left = TensorName(base: "W", subscript: "ℓ+1,←")
  static let up = TensorName(base: "W", subscript: "ℓ+1,↑")
  static let threshold = TensorName(base: "B", subscript: "ℓ+1")

  /// A typed answer that could not be read, as the grade it gets.
  struct Unreadable: Error { let grade: Grade }

  /// Reads an equation and diagnoses it: the parser's diagnostics and the checker's, ranks
  /// against the tensors the question names (a tensor it does not name is left to the grader).
  static func read(_ parser: inout Parser) -> Result<(Equation, [Diagnostic]), Unreadable> {
    let eq: Equation
    do {
      eq = try parser.parseEquation()
    } catch {
      return .failure(
        Unreadable(
          grade: Grade(
            .unreadable, feedback: ["expected \(problem.answerFormat)"],
            issues: [AnswerIssue(error.diagnostic)])))
    }
    let ranks = Dictionary(
      uniqueKeysWithValues: named.filter { n in
        ([eq.lhs] + eq.rhsReferences).contains { $0.name == n.0 }
      })
    let diagnostics =
      parser.diagnostics
      + Checker.check(eq, declarations: TensorDeclarations(ranks: ranks))
      .filter { $0.kind != .unknownTensor }
    return .success((eq, diagnostics))
  }

  /// Grades an equation for L_{ℓ+1,s}: read and diagnosed (ranks against the tensors the question
  /// names), then evaluated by the notation engine against psverify's pyramid level on random
  /// layers, with the filter centred or reading offsets 0…F−1 (the question leaves it open);
  /// right only if equal on every trial. The weights' index order is the answer's own.
  static func grade(_ text: String, _ context: inout GradingContext) -> Grade {
    var parser = Parser(text, parameters: ["p"], aliases: true)
    let eq: Equation
    let diagnostics: [Diagnostic]
    switch read(&parser) {
    case .success(let read): (eq, diagnostics) = read
    case .failure(let unreadable): return unreadable.grade
    }
    let issues = diagnostics.map(AnswerIssue.init)
    let reading = eq.description
    var feedback = structure(eq)
    let rankDefects = diagnostics.filter { $0.kind == .rankMismatch }
    if !rankDefects.isEmpty {
      feedback.insert(
        "As written the ranks do not fit: " + rankDefects.map(\.message).joined(separator: "; ")
          + ". Each layer L_{ℓ,s} has four indices [b, x, y, channel].", at: 0)
      return Grade(
        .incorrect, reading: reading, answer: .equation(eq), feedback: feedback, issues: issues)
    }
    let missing = named.map(\.0).filter { name in
      name != eq.lhs.name && !eq.rhsReferences.contains { $0.name == name }
    }
    if eq.lhs.name != TensorName(base: "L", subscript: "ℓ+1,s") || !missing.isEmpty {
      feedback.insert(
        "The question computes L_{ℓ+1,s} from L_{ℓ,s}, L_{ℓ,s+1}, W_{ℓ+1,←}, W_{ℓ+1,↑} and "
          + "B_{ℓ+1}; "
          + (missing.isEmpty
            ? "the left side is \(eq.lhs.name)"
            : "the answer lacks "
              + missing.map { name in
                "\(name) (typed \(plainSpelling(name)))"
              }.joined(separator: ", "))
          + ".", at: 0)
      return Grade(
        .incorrect, reading: reading, answer: .equation(eq), feedback: feedback, issues: issues)
    }
    var results: [(convention: Origin, difference: Double)] = []
    for origin in Origin.allCases {
      let d = compare(eq, origin, random: context.random.split(origin.rawValue))
      results.append((origin, d))
      if d <= bound { break }
    }
    if let match = results.first(where: { $0.difference <= bound }) {
      return Grade(
        .correct, reading: reading, answer: .equation(eq),
        feedback: [
          "Equal to psverify's pyramid level on every trial (layer sides 1, 2 and 4, "
            + "several channel counts), with the weights shared across scales."
        ],
        convention: match.convention == .uncentred ? uncentredConvention : nil, issues: issues)
    }
    if feedback.isEmpty {
      feedback.append(
        "The values differ from psverify's pyramid level: largest difference "
          + results.map {
            "\(Value.format($0.difference)) with the filter \($0.convention.rawValue)"
          }
          .joined(separator: ", ") + ".")
    }
    return Grade(
      .incorrect, reading: reading, answer: .equation(eq), feedback: feedback, issues: issues)
  }

  /// Where the filter's tap 0 sits relative to x (and 2x).
  enum Origin: String, CaseIterable {
    case centred, uncentred
  }

  /// σ outputs in (0, 1) from Float32 sums of ≤ 2·3·3·3 = 54 terms of order 1: ≲ 1e-5.
  static let bound = 1e-4

  /// What the answer's structure says: strides, scale dependence, weights, threshold, σ.
  static func structure(_ eq: Equation) -> [String] {
    var out: [String] = []
    let xLetter = eq.lhs.indices.count > 1 ? eq.lhs.indices[1].bareVariable : nil
    func coefficient(_ ref: TensorReference) -> Int? {
      guard ref.indices.count > 1 else { return nil }
      return ref.indices[1].terms.first { $0.variable == xLetter }?.coefficient
    }
    for ref in eq.rhsReferences {
      if ref.name == fine, let c = coefficient(ref), c != 2 {
        out.append(
          "L_{ℓ,s} is twice as large as L_{ℓ+1,s}: read it at 2x + Δx, not \(ref.indices[1]).")
      }
      if ref.name == coarse, let c = coefficient(ref), c != 1 {
        out.append("L_{ℓ,s+1} is as large as L_{ℓ+1,s}: read it at x + Δx, not \(ref.indices[1]).")
      }
      if ref.name.base == "W", let sub = ref.name.subscriptText,
        sub.split(separator: ",").contains(where: { $0 == "s" })
      {
        out.append(
          "The weights \(ref.name) depend on the scale s; the question shares them across scales.")
      }
    }
    // Which weight multiplies which input, term by term.
    if case .function(_, let inner, _) = eq.rhs, case .sum(let terms) = inner {
      for t in terms {
        guard case .product(let factors) = t.term else { continue }
        let names = factors.compactMap { f -> TensorName? in
          if case .tensor(let r) = f { return r.name }
          return nil
        }
        if names.contains(left) && names.contains(fine)
          || names.contains(up) && names.contains(coarse)
        {
          out.append(
            "W_{ℓ+1,←} and W_{ℓ+1,↑} are swapped: the question uses W_{ℓ+1,←} for the dependence "
              + "on L_{ℓ,s+1} and W_{ℓ+1,↑} for L_{ℓ,s}.")
          break
        }
      }
      for t in terms where t.sign > 0 {
        if case .tensor(let r) = t.term, r.name == threshold {
          out.append("The threshold is added; the course's unit subtracts it: σ(W·L − B).")
        }
      }
    } else {
      out.append(
        "The unit applies σ to the weighted sum minus the threshold; the answer has no σ(…).")
    }
    return out
  }

  /// The largest difference between the answer evaluated by the notation engine and
  /// psverify's level, over layer sides 1, 2, 4 and channel counts 1–3.
  static func compare(_ eq: Equation, _ origin: Origin, random: RandomStream) -> Double {
    var worst = 0.0
    let filter = 3
    let p = 1
    for (trial, (n, inputs, outputs)) in [(1, 1, 2), (2, 3, 2), (4, 2, 3)].enumerated() {
      var r = random.split(trial)
      var net = Network.random(
        levels: 1, colours: inputs, channels: outputs, filter: filter,
        random: r.split("weights"))
      net.scaleDependence = 0
      let fineLayer = Tensor<Float>.normal(shape: [2, 2 * n, 2 * n, inputs], random: &r)
      let coarseLayer = Tensor<Float>.normal(shape: [2, n, n, inputs], random: &r)
      let target = net.level(
        0, fine: fineLayer, coarse: coarseLayer, scale: 0,
        origin: origin == .centred ? -p : 0)
      guard let leftWeights = layout(net.levels[0].left, eq, left),
        let upWeights = layout(net.levels[0].up, eq, up)
      else { return .infinity }
      do {
        var evaluator = try Evaluator(
          eq,
          bindings: Bindings(
            tensors: [
              coarse: coarseLayer.doubles, fine: fineLayer.doubles, left: leftWeights.doubles,
              up: upWeights.doubles, threshold: net.levels[0].threshold.doubles,
            ],
            parameters: ["p": p], outputShape: target.shape), policy: .zero)
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

  /// The weights [ΔX, ΔY, I, J] in the answer's index order, read from which input the weight
  /// multiplies: its offsets pair with that input's x and y positions, its channels with the
  /// input's channel and the output's. Nil when the indices do not name those four roles.
  static func layout(_ w: Tensor<Float>, _ eq: Equation, _ name: TensorName) -> Tensor<Float>? {
    guard let ref = eq.rhsReferences.first(where: { $0.name == name }), ref.indices.count == 4
    else { return nil }
    let input = eq.rhsReferences.first { r in
      r.name.base == "L" && r.indices.count == 4
        && ref.indices.contains { i in
          i.bareVariable.map { v in r.indices[1].variables.contains(v) } ?? false
        }
    }
    guard let input, let outChannel = eq.lhs.indices.last?.bareVariable else { return nil }
    let inChannel = input.indices[3].bareVariable
    var axes: [Int] = []
    for index in ref.indices {
      guard let v = index.bareVariable else { return nil }
      if v == outChannel {
        axes.append(3)
      } else if v == inChannel {
        axes.append(2)
      } else if input.indices[1].variables.contains(v) {
        axes.append(0)
      } else if input.indices[2].variables.contains(v) {
        axes.append(1)
      } else {
        return nil
      }
    }
    guard axes.sorted() == [0, 1, 2, 3] else { return nil }
    if axes == [0, 1, 2, 3] { return w }
    var out = Tensor<Float>(shape: axes.map { w.shape[$0] }, repeating: 0)
    let strides = w.strides
    var index = [0, 0, 0, 0]
    for offset in 0..<out.count {
      var rest = offset
      for k in stride(from: 3, through: 0, by: -1) {
        index[k] = rest % out.shape[k]
        rest /= out.shape[k]
      }
      out.storage[offset] = w.storage[(0..<4).reduce(0) { $0 + index[$1] * strides[axes[$1]] }]
    }
    return out
  }

  /// The statement's pyramid equation, as printed, against psverify's 2 × 2 mean: evaluated on
  /// random images, an erratum when they differ.
  static func pyramidFinding(_ text: ProblemText) -> [Erratum] {
    for r in text.statementFragments {
      guard case .equations(let rows) = r.content else { continue }
      for row in rows where row.equation.lhs.name == TensorName(base: "I", subscript: "s+1") {
        var random = RandomStream(seed: 4).split("pyramid-statement")
        let image = Tensor<Float>.normal(shape: [1, 8, 8, 3], random: &random)
        let pooled = image.averagePool2x2()
        guard
          var evaluator = try? Evaluator(
            row.equation,
            bindings: Bindings(
              tensors: [TensorName(base: "I", subscript: "s"): image.doubles],
              outputShape: pooled.shape)),
          let (values, _) = try? evaluator.run()
        else {
          return [
            Erratum(
              .defect, "the pyramid equation of the statement cannot be evaluated",
              location: "problem 4, statement", source: "pyramid")
          ]
        }
        let difference = Agreement.largestRelativeDifference(pooled, values)
        if difference > 1e-6 {
          return [
            Erratum(
              .disagreement,
              "the statement's pyramid equation is not the 2 × 2 mean its text describes",
              location: "problem 4, statement",
              evidence: "largest difference \(Value.format(difference)) on a random 8 × 8 image",
              source: "pyramid")
          ]
        }
        return []
      }
    }
    return []
  }

  /// How a name is typed in plain text: ℓ as l, ← as <- (or left), ↑ as ^ (or up), Δ as d.
  static func plainSpelling(_ name: TensorName) -> String {
    var sub = name.subscriptText ?? ""
    sub = sub.replacingOccurrences(of: "ℓ", with: "l")
    let arrow =
      sub.contains("←")
      ? " or " + name.base + "_{" + sub.replacingOccurrences(of: "←", with: "left") + "}"
      : sub.contains("↑")
        ? " or " + name.base + "_{" + sub.replacingOccurrences(of: "↑", with: "up") + "}" : ""
    sub = sub.replacingOccurrences(of: "←", with: "<-").replacingOccurrences(of: "↑", with: "^")
    return name.base.replacingOccurrences(of: "Δ", with: "d") + (sub.isEmpty ? "" : "_{\(sub)}")
      + arrow
  }
}
