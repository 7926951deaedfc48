import IndexNotation
import ProblemDocument
import TensorCore
import Verification

extension Bottleneck {
  /// The printed answer: the solution's first two counts and its first condition, in order.
  static func printedAnswer(_ solution: [ReadFragment]) -> (text: String, fragment: MathFragment)? {
    var counts: [ReadFragment] = []
    var condition: ReadFragment?
    for r in solution {
      switch r.content {
      case .formula(_, let p?) where p.constantValue == nil: if counts.count < 2 { counts.append(r) }
      case .comparisons: if condition == nil { condition = r }
      default: break
      }
    }
    guard let first = counts.first ?? condition else { return nil }
    let texts = counts.map(\.fragment.text) + (condition.map { [$0.fragment.text] } ?? [])
    return (texts.joined(separator: "; "), first.fragment)
  }

  /// Grades the two counts and the condition, each by exact symbolic comparison; a wrong count
  /// gets a point where both values are shown with the multiplies counted in a real forward
  /// pass there, a wrong condition a network where the counts contradict it. A variant's
  /// `structure` sets the networks run for that evidence.
  static func grade(_ text: String, _ derivation: Derivation,
                    structure: BottleneckStructure = .base) -> Grade {
    guard let derived = Answer(derivation.answer) else {
      return Grade(.unreadable, feedback: ["psverify's own answer is not in the expected form"])
    }
    let parts: AnswerParts
    do {
      parts = try AnswerParser.parse(text)
    } catch {
      return .unreadable(error, in: text, expected: problem.answerFormat)
    }
    var counts: [(label: String?, polynomial: Polynomial)] = []
    var comparisons: [AnswerReading.Comparison] = []
    do {
      for part in parts.parts {
        if part.conjuncts.allSatisfy({ $0.relations.isEmpty }) && part.conjuncts.count == 1 {
          counts.append((part.label, try AnswerReading.polynomial(part.conjuncts[0].operands[0],
                                                                 symbols: symbols, text: text)))
        } else {
          comparisons += try ConditionReading.comparisons(part, symbols: symbols, text: text)
        }
      }
    } catch {
      return .unreadable(error, in: text, expected: problem.answerFormat)
    }
    // Counts by label when labelled, else in order: bottleneck first, plain second.
    var bottleneck: Polynomial?, plain: Polynomial?
    var unlabelled: [Polynomial] = []
    for (label, p) in counts {
      let l = label?.lowercased() ?? ""
      if l.contains("plain") || l.contains("standard") || l.contains("mlp") { plain = p }
      else if l.contains("bottle") || l.contains("resid") { bottleneck = p }
      else { unlabelled.append(p) }
    }
    if bottleneck == nil, !unlabelled.isEmpty { bottleneck = unlabelled.removeFirst() }
    if plain == nil, !unlabelled.isEmpty { plain = unlabelled.removeFirst() }

    var feedback: [String] = [], wrong = false, missing: [String] = []
    var convention: String?
    let batch = Polynomial.symbol("B")
    for (name, given, expected) in [("bottleneck network's count", bottleneck, derived.bottleneck),
                                    ("plain MLP's count", plain, derived.plain)] {
      guard let given else {
        missing.append("the \(name)")
        continue
      }
      if given == expected { continue }
      if given == batch * expected {
        convention = "counts for a batch of B examples (the question counts one example)"
        continue
      }
      wrong = true
      feedback.append(contentsOf: countFeedback(name, given, expected, structure: structure))
    }
    var main: LinearInequality?, layerConditions: [LinearInequality] = []
    for c in comparisons {
      let symbolsUsed = c.lhs.symbols.union(c.rhs.symbols)
      let target = symbolsUsed.contains("N_bottle") ? "N_bottle" : symbolsUsed.contains("L") ? "L" : nil
      guard let target, let solved = try? ConditionReading.solve(c, for: target, positive: ["N", "N_bottle", "L", "B"]) else {
        wrong = true
        feedback.append("The condition \(c.lhs) \(c.relation.rawValue) \(c.rhs) cannot be solved for "
                          + "N_bottle or L: it should bound N_bottle by a multiple of N.")
        continue
      }
      if target == "N_bottle" { main = solved } else { layerConditions.append(solved) }
    }
    let expectedMain = derived.condition[0]
    if let main {
      if main.relation != expectedMain.relation || main.bound != expectedMain.bound {
        wrong = true
        feedback.append(conditionFeedback(main, expectedMain, structure: structure))
      }
    } else {
      missing.append("the condition on N_bottle")
    }
    for l in layerConditions {
      let right = l.bound == Polynomial(2) && l.relation == .greaterOrEqual
        || l.bound == Polynomial(1) && l.relation == .greater
      if !right {
        wrong = true
        feedback.append("The condition \(l) on L is not the one needed: the count of blocks L − 1 must be "
                          + "positive, L ≥ 2.")
      }
    }
    if !missing.isEmpty {
      wrong = true
      feedback.insert("Missing: \(missing.joined(separator: ", ")) (write the counts and the condition "
                        + "separated by ';').", at: 0)
    }
    if !wrong && layerConditions.isEmpty {
      feedback.append("Right; note that the condition also needs L ≥ 2: with L = 1 there are no blocks and "
                        + "both counts are 0.")
    }
    let reading = [bottleneck.map { "bottleneck \($0.factoredDescription)" },
                   plain.map { "plain \($0.factoredDescription)" },
                   main.map(\.description)].compactMap { $0 }.joined(separator: "; ")
      + layerConditions.map { "; \($0)" }.joined()
    let typed = TypedAnswer.parts(
      (bottleneck.map { [TypedAnswer.Part("bottleneck", .polynomial($0))] } ?? [])
        + (plain.map { [TypedAnswer.Part("plain", .polynomial($0))] } ?? [])
        + [TypedAnswer.Part("condition", .condition((main.map { [$0] } ?? []) + layerConditions))])
    if wrong {
      return Grade(.incorrect, reading: reading, answer: typed, feedback: feedback)
    }
    return Grade(.correct, reading: reading, answer: typed,
                 feedback: ["Both counts and the condition equal psverify's exactly."] + feedback,
                 convention: convention)
  }

  /// What differs in a count, with the multiplies a real forward pass counts at the point shown.
  static func countFeedback(_ name: String, _ given: Polynomial, _ expected: Polynomial,
                            structure: BottleneckStructure = .base) -> [String] {
    var out: [String] = []
    if given == expected.substituting(["L": .symbol("L") + Polynomial(1)]) {
      out.append("The \(name) counts L blocks; L counts the input layer too, so there are L − 1 blocks.")
    }
    let (sentences, point) = PolynomialFeedback.describe(
      answer: given, expected: expected, what: "multiplies", point: ["N": 8, "N_bottle": 3, "L": 4])
    out += sentences.map { $0.replacingOccurrences(of: "The count", with: "The \(name)") }
    if let point, let n = point["N"], let b = point["N_bottle"], let l = point["L"], n >= b, n <= 256, l <= 64 {
      let c = counted(Configuration(width: n, bottleneck: b, layers: l, batch: 1), structure: structure,
                      random: RandomStream(seed: 1), zeroWeights: true)
      out.append("Real forward passes there count \(c.bottleneck) multiplies for the bottleneck network "
                   + "and \(c.plain) for the plain one.")
    }
    return out
  }

  /// A network where the counted comparison contradicts the given condition.
  static func conditionFeedback(_ given: LinearInequality, _ expected: LinearInequality,
                                structure: BottleneckStructure = .base) -> String {
    for layers in [3, 2] {
      for width in 1...16 {
        let plain = counted(Configuration(width: width, bottleneck: 1, layers: layers, batch: 1),
                            random: RandomStream(seed: 1), zeroWeights: true).plain
        for bottleneck in 1...width {
          let point: [String: Rational] = ["N": Rational(width), "N_bottle": Rational(bottleneck),
                                           "L": Rational(layers)]
          guard let says = given.holds(point) else { continue }
          let counts = counted(Configuration(width: width, bottleneck: bottleneck, layers: layers, batch: 1),
                               structure: structure, random: RandomStream(seed: 1), zeroWeights: true)
          let fewer = counts.bottleneck < plain
          if says != fewer {
            return "The condition \(given) differs from \(expected): at N = \(width), N_bottle = \(bottleneck) "
              + "(L = \(layers)) forward passes count \(counts.bottleneck) multiplies for the bottleneck "
              + "network and \(plain) for the plain one, so the bottleneck is \(fewer ? "" : "not ")cheaper, "
              + "but the condition says it is\(says ? "" : " not")."
          }
        }
      }
    }
    return "The condition \(given) differs from \(expected)."
  }
}
