import Algebra
import Answers
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
      case .formula(_, let p?) where p.constantValue == nil:
        if counts.count < 2 { counts.append(r) }
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
  static func grade(
    _ text: String, _ derivation: Derivation,
    structure: BottleneckStructure = .base
  ) -> Grade {
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
    do throws(AnswerSyntaxError) {
      for part in parts.parts {
        if part.conjuncts.allSatisfy({ $0.relations.isEmpty }) && part.conjuncts.count == 1 {
          counts.append(
            (
              part.label,
              try AnswerReading.polynomial(
                part.conjuncts[0].operands[0],
                symbols: symbols, text: text)
            ))
        } else {
          comparisons += try ConditionReading.comparisons(part, symbols: symbols, text: text)
        }
      }
      if comparisons.count > ConditionReading.maximumComparisons {
        throw AnswerSyntaxError(
          "\(comparisons.count) comparisons; psverify reads conditions of up to "
            + "\(ConditionReading.maximumComparisons)", offset: 0, in: text)
      }
    } catch {
      return .unreadable(error, in: text, expected: problem.answerFormat)
    }
    // Counts by label when labelled, else in order: bottleneck first, plain second.
    var bottleneck: Polynomial?
    var plain: Polynomial?
    var unlabelled: [Polynomial] = []
    for (label, p) in counts {
      let l = label?.lowercased() ?? ""
      if l.contains("plain") || l.contains("standard") || l.contains("mlp") {
        plain = p
      } else if l.contains("bottle") || l.contains("resid") {
        bottleneck = p
      } else {
        unlabelled.append(p)
      }
    }
    if bottleneck == nil, !unlabelled.isEmpty { bottleneck = unlabelled.removeFirst() }
    if plain == nil, !unlabelled.isEmpty { plain = unlabelled.removeFirst() }

    var feedback: [String] = []
    var wrong = false
    var missing: [String] = []
    var convention: String?
    let batch = Polynomial.symbol("B")
    // L as the set defines it (layers counting the input layer), or L counting the blocks, the
    // reading problem 3c accepts too: one reading for both counts, named when it is the other.
    let asBlocks: [String: Polynomial] = ["L": .symbol("L") + Polynomial(1)]
    let blocksReading =
      bottleneck.map { b in
        b == derived.bottleneck.substituting(asBlocks)
          || b == batch * derived.bottleneck.substituting(asBlocks)
      } ?? false
      && plain.map { p in
        p == derived.plain.substituting(asBlocks)
          || p == batch * derived.plain.substituting(asBlocks)
      } ?? true
    let expectedCounts =
      blocksReading
      ? (derived.bottleneck.substituting(asBlocks), derived.plain.substituting(asBlocks))
      : (derived.bottleneck, derived.plain)
    if blocksReading { convention = blocksConvention }
    var partVerdicts: [Grade.PartVerdict] = []
    for (label, name, given, expected) in [
      ("bottleneck", "bottleneck network's count", bottleneck, expectedCounts.0),
      ("plain", "plain MLP's count", plain, expectedCounts.1),
    ] {
      let right = given.map { $0 == expected || $0 == batch * expected } ?? false
      partVerdicts.append(Grade.PartVerdict(label, correct: right))
      guard let given else {
        missing.append("the \(name)")
        continue
      }
      if given == expected { continue }
      if given == batch * expected {
        let batchNote = "counts for a batch of B examples (the question counts one example)"
        convention = convention.map { $0 + "; " + batchNote } ?? batchNote
        continue
      }
      wrong = true
      feedback.append(contentsOf: countFeedback(name, given, expected, structure: structure))
    }
    // The condition: the region of positive whole (N, N_bottle, L, B) where every comparison
    // holds, against the region where the bottleneck network's count is below the plain one's.
    var solved: [LinearInequality] = []
    for c in comparisons {
      let used = c.lhs.symbols.union(c.rhs.symbols)
      let target = used.contains("N_bottle") ? "N_bottle" : used.contains("L") ? "L" : used.first
      if let target,
        let s = try? ConditionReading.solve(c, for: target, positive: ["N", "N_bottle", "L", "B"])
      {
        solved.append(s)
      }
    }
    let conditionText =
      solved.count == comparisons.count
      ? solved.map(\.description)
      : comparisons.map { "\($0.lhs) \($0.relation.rawValue) \($0.rhs)" }
    var conditionRight = !comparisons.isEmpty
    if comparisons.isEmpty {
      missing.append("the condition on N_bottle")
    } else {
      let coordinates = ["L", "N", "N_bottle", "B"]
      let given = ConditionRegion(comparisons, symbols: coordinates)
      let fewer = ConditionRegion(
        [.init(lhs: expectedCounts.0, relation: .less, rhs: expectedCounts.1)],
        symbols: coordinates)
      // L from 2 (1 under the blocks reading): with no block both counts are 0 and "fewer" is
      // false; a condition silent about that is noted, not marked wrong.
      let firstL = blocksReading ? 1 : 2
      let batchRange =
        comparisons.contains { $0.lhs.symbols.union($0.rhs.symbols).contains("B") } ? 1...3 : 1...1
      if let p = ConditionRegion.firstDifference(
        given, fewer, box: [firstL...(firstL + 3), 1...48, 1...98, batchRange])
      {
        wrong = true
        conditionRight = false
        feedback.append(
          conditionFeedback(
            given: conditionText.joined(separator: " and "), says: given.contains(p), at: p,
            blocks: blocksReading,
            expected: derived.condition.map(\.description).joined(separator: " and "),
            structure: structure))
      } else if !blocksReading,
        ConditionRegion.firstPoint(
          box: [1...1, 1...48, 1...98, batchRange],
          where: { given.contains($0) }) != nil,
        !wrong
      {
        feedback.append(
          "Right; note that the condition also needs L ≥ 2: with L = 1 there are no blocks "
            + "and both counts are 0.")
      }
    }
    if !missing.isEmpty {
      wrong = true
      feedback.insert(
        "Missing: \(missing.joined(separator: ", ")) (write the counts and the condition "
          + "separated by ';').", at: 0)
    }
    let reading = [
      bottleneck.map { "bottleneck \($0.factoredDescription)" },
      plain.map { "plain \($0.factoredDescription)" },
      conditionText.isEmpty ? nil : conditionText.joined(separator: " and "),
    ]
    .compactMap { $0 }.joined(separator: "; ")
    let typed = TypedAnswer.parts(
      (bottleneck.map { [TypedAnswer.Part("bottleneck", .polynomial($0))] } ?? [])
        + (plain.map { [TypedAnswer.Part("plain", .polynomial($0))] } ?? [])
        + [TypedAnswer.Part("condition", .condition(solved))])
    partVerdicts.append(Grade.PartVerdict("condition", correct: conditionRight))
    if wrong {
      var grade = Grade(.incorrect, reading: reading, answer: typed, feedback: feedback)
      grade.parts = partVerdicts
      return grade
    }
    var grade = Grade(
      .correct, reading: reading, answer: typed,
      feedback: [
        "Both counts equal psverify's exactly, and the condition holds at the same whole "
          + "numbers as 'the bottleneck network takes fewer multiplies' (every point "
          + "with L ≤ 5, N ≤ 48, N_bottle ≤ 98 compared)."
      ] + feedback,
      convention: convention)
    grade.parts = partVerdicts
    return grade
  }

  /// What differs in a count, with the multiplies a real forward pass counts at the point shown.
  static func countFeedback(
    _ name: String, _ given: Polynomial, _ expected: Polynomial,
    structure: BottleneckStructure = .base
  ) -> [String] {
    var out: [String] = []
    if given == expected.substituting(["L": .symbol("L") + Polynomial(1)]) {
      out.append(
        "The \(name) counts L blocks; L counts the input layer too, so there are L − 1 blocks.")
    }
    let (sentences, point) = PolynomialFeedback.describe(
      answer: given, expected: expected, what: "multiplies", point: ["N": 8, "N_bottle": 3, "L": 4])
    out += sentences.map { $0.replacingOccurrences(of: "The count", with: "The \(name)") }
    if let point, let n = point["N"], let b = point["N_bottle"], let l = point["L"], n >= b,
      n <= 256, l <= 64
    {
      let c = counted(
        Configuration(width: n, bottleneck: b, layers: l, batch: 1), structure: structure,
        random: RandomStream(seed: 1), zeroWeights: true)
      out.append(
        "Real forward passes there count \(c.bottleneck) multiplies for the bottleneck network "
          + "and \(c.plain) for the plain one.")
    }
    return out
  }

  /// The point where the given condition and the counts disagree, with the multiplies real
  /// forward passes count there (point: L, N, N_bottle, B).
  static func conditionFeedback(
    given: String, says: Bool, at p: [Int], blocks: Bool,
    expected: String,
    structure: BottleneckStructure = .base
  ) -> String {
    let (l, n, b) = (p[0], p[1], p[2])
    let layers = blocks ? l + 1 : l
    let place = "at N = \(n), N_bottle = \(b), L = \(l)" + (p[3] > 1 ? ", B = \(p[3])" : "")
    let verdict = "the condition says the bottleneck is\(says ? "" : " not") cheaper"
    guard b <= n, n <= 256, layers <= 64 else {
      return "The condition \(given) differs from \(expected): \(place) \(verdict), but the "
        + "counts say it is\(says ? " not" : "")."
    }
    let counts = counted(
      Configuration(width: n, bottleneck: b, layers: layers, batch: 1),
      structure: structure, random: RandomStream(seed: 1), zeroWeights: true)
    let fewer = counts.bottleneck < counts.plain
    return "The condition \(given) differs from \(expected): \(place) forward passes count "
      + "\(counts.bottleneck) multiplies for the bottleneck network and \(counts.plain) for the plain one, "
      + "so the bottleneck is \(fewer ? "" : "not ")cheaper, but \(verdict)."
  }

  static let blocksConvention =
    "L counting the residual blocks (the statement counts the input layer "
    + "too: L − 1 blocks)"
}
