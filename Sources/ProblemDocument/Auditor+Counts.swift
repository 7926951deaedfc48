import Algebra
import IndexNotation

/// Multiply-count questions solved by the notation engine.
extension Auditor {
  /// Each count question's count: the statement's equations that the question names (by the
  /// tensor each defines, or a parameter it uses; all of them when it names none), counted by the
  /// notation engine, against the printed count: the last count of the solution's first sentence
  /// that gives one (`BIK for the product and BI for the thresholds, so BIK + BI`). A count is a
  /// formula over sizes (capital names) of degree two or more.
  static func solveCounts(
    _ readings: [ReadFragment], _ symbols: DocumentSymbols,
    _ doc: ProblemSetDocument
  ) -> [SolvedCount] {
    var out: [SolvedCount] = []
    var parts: [CountPart] = []  // questions naming nothing whose count is a group's
    let bySection = Dictionary(grouping: readings, by: \.fragment.section)
    // Read once for every question: the tensors each problem uses, and the sizes of positions
    // that range over the same values (A[v,u] = A[u,v]: U is V).
    var tensorsIn: [String: Set<String>] = [:]
    for u in symbols.uses where u.role == .tensor {
      if let problem = doc.sections[u.section].problem {
        tensorsIn[problem, default: []].insert(u.name)
      }
    }
    var positionClasses: [String: String]?
    let classesIn = symbols.sizeClasses(in: Set(doc.items.map(\.problem)))
    let sectionsOf = Dictionary(grouping: doc.sections.indices, by: { doc.sections[$0].problem })
    // Solutions shared by several parts (`(a) …`, then `(b) …`), read part by part: each
    // section's labels read once.
    var labelCache: [Int: [(offset: Int, part: String)]] = [:]
    let labelsOf = { (section: Int) in
      if let known = labelCache[section] { return known }
      let labels = partLabels(section, doc)
      labelCache[section] = labels
      return labels
    }
    let solutionsOf = sectionsOf.mapValues { $0.filter { doc.sections[$0].kind == .solution } }
    let partsOf = Dictionary(grouping: doc.items, by: \.problem).mapValues {
      Set($0.compactMap(\.part))
    }
    // Each problem's counts so far (the engine's, then the printed ones), in question order.
    var countsIn: [String: [Polynomial]] = [:]
    for item in doc.items {
      let problemSolutions = solutionsOf[item.problem] ?? []
      let (own, answerSections, statements, shared, solutions) = itemSections(
        item, problemSolutions, partsOf[item.problem] ?? [], labelsOf, doc)
      // A part without a solution section may write its answer after an answer marker line in
      // its own text: that text is its solution, and only the text before it is the question.
      // In a dialogue without answer markers, the answer is the next speaker's turn after the
      // turn that asks for the count.
      let unanswered = solutions.isEmpty && shared == nil && answerSections.isEmpty
      let marked = unanswered ? answerStart(own, doc) : nil
      let turn = unanswered && marked == nil ? dialogueAnswer(own, doc) : nil
      let answerAt = marked ?? turn?.lowerBound
      let asks = { (offset: Int) in answerAt.map { offset < $0 } ?? true }
      let question = own.flatMap { bySection[$0] ?? [] }.filter {
        asks($0.fragment.location.offset)
      }
      let questionProse = own.flatMap { doc.sections[$0].prose }.filter {
        asks($0.location.offset)
      }.map(\.text).joined(separator: " ")
      // A part that only labels what its problem's lead asks (`Count each stage's multiplies.`
      // then `(b) The second stage $q$.`) asks the lead's question.
      guard
        isCountQuestion(questionProse)
          || (isLabelPart(questionProse) && isCountQuestion(leadProse(item, doc)))
      else { continue }
      // A part whose own solution section writes math answers there: its label opening a line
      // of a later part's answer (`(a) found …`) quotes it, and opens no answer.
      let answeredOwn = solutions.contains { !(bySection[$0] ?? []).isEmpty }
      let solution =
        if let shared {
          (bySection[shared.section] ?? []).filter {
            shared.range.contains($0.fragment.location.offset)
          }
        } else if !answerSections.isEmpty && !answeredOwn {
          answerSections.flatMap { bySection[$0] ?? [] }
        } else if answerAt == nil {
          solutions.flatMap { bySection[$0] ?? [] }
        } else {
          own.flatMap { bySection[$0] ?? [] }.filter { r in
            let at = r.fragment.location.offset
            return !asks(at) && (turn?.contains(at) ?? true)
          }
        }
      let all = statements.flatMap { bySection[$0] ?? [] }.filter {
        asks($0.fragment.location.offset)
      }.flatMap { r -> [Equation] in
        if case .equations(let rows) = r.content {
          return rows.map(\.equation).filter { !$0.rhsReferences.isEmpty }
        }
        return []
      }
      // Names the question gives as an input (`computing y from $x̂$`) are not asked about.
      let named = Set(
        question.filter {
          symbols.precedingWords($0.fragment, doc).last != "from"
        }.flatMap { r -> [String] in
          switch r.content {
          case .formula(let names, _), .nameList(let names): return names
          case .expression(let e, _, _): return e.references.map { DocumentSymbols.key($0.name) }
          default: return []
          }
        })
      // Equations of the problem up to this question (its statements, then the solutions of
      // earlier parts), each with the nouns just before it (`the logits are $z[…] = …$`).
      let end = doc.sections[own.last ?? statements.last ?? 0].range.upperBound
      var defining: [DefiningEquation] = []
      var definedOutside = Set<String>()  // keys defined outside the question, so far
      var uncounted: [DefiningEquation] = []  // divisions the question does not count
      // A question that does not count divisions (a negation, then "division" or "divide" within
      // the clause: "ignore the division", "leave the division out") is not asked about the
      // equations whose only work is one; "count the divisions too" excludes nothing.
      let ownWords = DocumentSymbols.words(questionProse.unicodeScalars)
      let noDivisions = Auditor.excludesDivisions(ownWords)
      for index in sectionsOf[item.problem] ?? [] where doc.sections[index].range.upperBound <= end
      {
        var lastNouns: [String] = []
        for r in bySection[index] ?? [] where asks(r.fragment.location.offset) {
          guard case .equations(let rows) = r.content else { continue }
          // Nouns of five letters or more: "logits", "scores", not "head" or "with". A display
          // right after another (no words between) shares its nouns.
          // A display after inline math (`… by a layer with weights $M[k,j]$,`) takes the
          // nouns of its sentence's prose.
          let before = symbols.precedingWords(r.fragment, doc)
          let sentence = before.isEmpty ? Auditor.sentenceWords(r.fragment, doc) : []
          let nouns =
            before.isEmpty && r.fragment.display
            ? (sentence.isEmpty ? lastNouns : sentence)
            : before.suffix(3).filter { $0.count >= 5 }
          lastNouns = nouns
          // An equation without tensors on its right (`R = pQ/M`, `m[h] = pQ/M`) states a
          // size or an assumption; it computes nothing.
          for row in rows where !row.equation.rhsReferences.isEmpty {
            // A division the question leaves out counts nothing, but a chain of steps passes
            // through it to the tensors it reads.
            if noDivisions && Auditor.dividesOnly(row.equation) {
              uncounted.append(
                DefiningEquation(
                  equation: row.equation, nouns: [], section: index, redefines: false))
              continue
            }
            // The question's own equation for a tensor the problem already defined
            // ("compare with a dense layer $y = …$") may be an alternative to compare with.
            let key = DocumentSymbols.key(row.equation.lhs.name)
            let inQuestion = own.contains(index)
            let redefines = inQuestion && definedOutside.contains(key)
            if !inQuestion { definedOutside.insert(key) }
            // Another part's own equation is that part's: the words before it do not select it
            // for this question (naming its tensor still does).
            let part = doc.sections[index].part
            let otherPart = part != nil && part != item.part
            defining.append(
              DefiningEquation(
                equation: row.equation, nouns: otherPart ? [] : nouns, section: index,
                redefines: redefines))
          }
        }
      }
      let questionWords = Set(
        DocumentSymbols.words(questionProse.unicodeScalars).filter { $0.count >= 4 })
      let fromFragments = question.filter {
        symbols.precedingWords($0.fragment, doc).last == "from"
      }
      let inputs = Set(
        fromFragments.flatMap { r -> [String] in
          switch r.content {
          case .formula(let names, _), .nameList(let names): return names
          case .expression(let e, _, _): return e.references.map { DocumentSymbols.key($0.name) }
          default: return []
          }
        })
      let selection = AskedSelection(
        named: named, questionWords: questionWords, inputs: inputs,
        fromInput: !fromFragments.isEmpty)
      var asked = selection.equations(defining, uncounted: uncounted)
      // A question that writes its own step (`if you first form $p = …$`) names a way to
      // evaluate its problem's equations, not what to count: when the step alone is selected,
      // the equations the other named tensors select are asked about (the step's order is read
      // among the orders of evaluation below).
      // Only a step that evaluates part of a product the problem already writes (its factors'
      // names all in one product of another equation) is such a way; a new quantity the question
      // defines (`the scores are $s = …$`) is what it asks about.
      let stepKeys = Set(
        Auditor.ownSteps(question).filter { step in
          let factors = Set(step.rhsReferences.map { DocumentSymbols.key($0.name) })
          let key = DocumentSymbols.key(step.lhs.name)
          return defining.contains { d in
            d.key != key
              && Auditor.productNames(d.equation.rhs).contains { factors.isSubset(of: $0) }
          }
        }.map { DocumentSymbols.key($0.lhs.name) })
      if !stepKeys.isEmpty,
        asked.allSatisfy({ stepKeys.contains(DocumentSymbols.key($0.lhs.name)) })
      {
        let others = AskedSelection(
          named: named.subtracting(stepKeys), questionWords: questionWords, inputs: inputs,
          fromInput: !fromFragments.isEmpty
        ).equations(defining.filter { !stepKeys.contains($0.key) })
        // Naming nothing else of the problem: its statement's equations besides the step.
        let rest = named.subtracting(stepKeys)
        let statementOnes = all.filter { !stepKeys.contains(DocumentSymbols.key($0.lhs.name)) }
        if !others.isEmpty {
          asked = others
        } else if rest.isDisjoint(with: tensorsIn[item.problem] ?? []) {
          asked = statementOnes
        }
      }
      // A question naming only tensors its problem never defines, each defined by an equation
      // of an earlier problem (a count problem over the layer of the one before): those.
      if asked.isEmpty, !named.isEmpty, let first = own.first,
        named.isDisjoint(with: Set(defining.map(\.key)))
      {
        asked = earlierDefinitions(named, before: first, readings, doc)
      }
      // A question naming a tensor that only its own solution defines (a new unit b whose
      // equation the answer writes, counted with the others) asks about an equation the
      // statement does not give: its count is not decidable from the statement's equations.
      // The counts of the solution's first counting sentence, read once for the question.
      let solutionSentence = sentenceCounts(solution, doc)
      let definedBefore = Set(defining.map(\.key))
      let definedInSolution = Set(
        solution.flatMap { r -> [String] in
          guard case .equations(let rows) = r.content else { return [] }
          return rows.map { DocumentSymbols.key($0.equation.lhs.name) }
        })
      if named.contains(where: { definedInSolution.contains($0) && !definedBefore.contains($0) }) {
        if let c = perEquationCount(
          item, solution: solution, doc, sentence: solutionSentence)
        {
          out.append(c)
        }
        continue
      }
      // A question naming only tensors no equation defines asks about nothing psverify can count.
      let tensorsOfProblem = tensorsIn[item.problem] ?? []
      let equations = asked.isEmpty ? (named.isDisjoint(with: tensorsOfProblem) ? all : []) : asked
      guard !equations.isEmpty else { continue }
      // A second honest reading when the question writes its own equation for a tensor the
      // problem defined before: that equation set aside (an alternative to compare with).
      var alternative: [Equation] = []
      if defining.contains(where: \.redefines) {
        let kept = defining.filter { !$0.redefines }
        alternative = selection.equations(kept)
        if alternative.isEmpty, named.isDisjoint(with: tensorsOfProblem) {
          alternative = kept.filter { statements.contains($0.section) }.map(\.equation)
        }
      }
      var classes = classesIn[item.problem] ?? symbols.sizeClasses(in: item.problem)
      if positionClasses == nil { positionClasses = AuditRules.positionClasses(symbols) }
      for (size, representative) in positionClasses ?? [:] where classes[size] == nil {
        classes[size] = classes[representative] ?? representative
      }
      var merge = classes.mapValues { Polynomial.symbol($0) }
      // A primed index ranges like its letter (t′ like t): T′ counts as T.
      for eq in equations + alternative {
        for symbol in eq.multiplyCount.symbols where symbol.hasSuffix("′") {
          let plain = String(symbol.prefix { $0 != "′" })
          merge[symbol] = .symbol(classes[plain] ?? plain)
        }
      }
      // Sizes the solution states from others (`N = RS` points) are read as stated.
      let stated = statedSizes(solution)
      let count = { (eqs: [Equation]) in
        substitutingStated(eqs.reduce(Polynomial()) { $0 + $1.multiplyCount }, stated)
          .substituting(merge)
      }
      let perApplication = count(equations)
      // Equations without a product count nothing the question could ask about.
      guard !perApplication.isZero else {
        // A problem that writes no product at all: the counts of an earlier problem its
        // statement builds on.
        let statementProse = statements.flatMap { doc.sections[$0].prose }.map(\.text)
        if defining.allSatisfy({ $0.equation.multiplyCount.isZero }),
          let c = referencedCount(
            item, statementProse: statementProse.joined(separator: " "), solution: solution,
            earlier: countsIn, doc, sentence: solutionSentence)
        {
          out.append(c)
        }
        continue
      }
      let offsets = equations.contains { eq in
        eq.rhsReferences.contains { $0.indices.contains { $0.bareVariable == nil } }
      }
      let rule =
        offsets
        ? "counted with X, Y, … the numbers of output positions (with `same` borders, "
          + "the input's sizes)" : nil
      // Stated sizes read the same on both sides: `N = PM` then `NJI` printed is `PMJI`.
      let printedFragment = printedCount(solution, doc, sentence: solutionSentence)
      var printed = printedFragment.map {
        substitutingStated($0.count, stated).substituting(merge)
      }
      // A printed count in a number the equations do not have (`TrHD`, r heads run of H) counts
      // an execution the equations do not write: not decidable from them.
      if let p = printed,
        p.symbols.contains(where: {
          $0.first?.isLowercase == true
            && !perApplication.symbols.contains($0)
        })
      {
        printed = nil
      }
      // A printed count sharing no size with the equations (`K(D² + D)` for Euler steps over D
      // coordinates, the equations written with I and J), or naming a size no equation of the
      // problem counts, names the sizes in words the equations do not use: not decidable.
      if let p = printed, !p.symbols.isEmpty, p.symbols.isDisjoint(with: perApplication.symbols) {
        printed = nil
      }
      // Separate counts in one sentence (`the projection takes BXYIK and the convolution
      // BXYKJ`), the last not their sum nor in a number the question names (`T(…)` for its T
      // steps): the one of the equations asked about is its answer.
      let sentence = solutionSentence.map {
        substitutingStated($0.count, stated).substituting(merge)
      }
      if let p = printed, p == sentence.last, sentence.count > 1,
        p.symbols.subtracting(perApplication.symbols).isDisjoint(with: named),
        p != sentence.dropLast().reduce(Polynomial(), +), sentence.contains(perApplication)
      {
        printed = perApplication
      }
      // The honest readings of the question: its equations; without the question's own
      // alternative equations; without the equations whose only work is a division (whether a
      // division counts as a multiply is a convention); with a scalar before a parenthesized sum
      // read as a function applied to it. Of the printed count: the count the solution
      // prints, then the totals of its first counting sentence (`BKM(D + 2)`: `BKM` for …,
      // `BKMD` for …).
      let undivided = equations.filter { !dividesOnly($0) }
      var readings = [perApplication]
      if !alternative.isEmpty { readings.append(count(alternative)) }
      if !undivided.isEmpty, undivided.count < equations.count {
        readings.append(count(undivided))
      }
      let applied = equations.map { $0.reading(functionReading($0.rhs)) }
      if applied != equations { readings.append(count(applied)) }
      let unscaled = equations.map { $0.reading(unscaledReading($0.rhs)) }
      if unscaled != equations { readings.append(count(unscaled)) }
      // The steps the question writes itself (`first $z = …$, then $y = …$`), alone.
      let ownSteps = Auditor.ownSteps(question)
      if !ownSteps.isEmpty { readings.append(count(ownSteps)) }
      // Products of three or more tensors evaluated two at a time, from the left or the right.
      for rightToLeft in [false, true] {
        let pairs = equations.map { $0.pairwiseCount(rightToLeft: rightToLeft) }
        guard pairs.contains(where: { $0 != nil }) else { break }
        let total = zip(equations, pairs).reduce(Polynomial()) { $0 + ($1.1 ?? $1.0.multiplyCount) }
        readings.append(substitutingStated(total, stated).substituting(merge))
      }
      let (positions, offsetPairs) = offsetPositions(equations, merge)
      var match = printed.flatMap { p in
        matchingReading(
          printed: [p] + sentenceTotals(sentence), counted: readings, positions: positions,
          offsets: offsetPairs)
      }
      // Sizes the statement or the preamble states from others (`M = D/2` rotation pairs),
      // substituted on both sides: the printed count may be written in either.
      if match == nil, let p = printed {
        let given = statedSizes(
          (doc.sections.indices.filter { doc.sections[$0].problem == nil } + statements)
            .flatMap { bySection[$0] ?? [] })
        if !given.isEmpty {
          let both = { (q: Polynomial) in substitutingStated(q, given).substituting(merge) }
          let (at, by) =
            offsetPairs.isEmpty
            ? statedOffsets(given, counted: perApplication.symbols) : (positions, offsetPairs)
          match = matchingReading(
            printed: ([p] + sentenceTotals(sentence)).map(both), counted: readings.map(both),
            positions: at, offsets: by)
        }
      }
      // A printed count that matches no reading and is written in sizes no equation of the
      // problem counts (`S_3`, `F_3` channels where the equations write R, J) names the sizes
      // in words: not decidable from the equations.
      let sizes = Set(defining.flatMap { count([$0.equation]).symbols })
      if match == nil, let p = printed,
        namesOtherSizes(p, perApplication, sizes)
          || undecidedScope(equations, printed: p, readings: readings)
      {
        printed = nil
      }
      // A printed count that is a fraction of the equations' count (`BJI/2`) in a sentence
      // that prints that count too (`half of the full BJI`) counts a part of the work the
      // equations write (zeros skipped, blocks kept) beside the whole: not decidable from them.
      if match == nil, let p = printed, sentence.contains(perApplication),
        isProperFraction(p, of: perApplication)
      {
        printed = nil
      }
      // This question's counts, for later problems that build on this one.
      countsIn[item.problem, default: []].append(match?.counted ?? perApplication)
      if let printed, match != nil || printed != perApplication {
        countsIn[item.problem, default: []].append(printed)
      }
      // A question that names nothing of its problem (or all its equations), whose printed
      // count is the count of a group of the equations: a part, when another question naming
      // nothing, or another count printed beside it, counts a disjoint group.
      let whole = Set(asked.map(\.description)) == Set(all.map(\.description))
      if asked.isEmpty || whole, match == nil, let p = printed,
        let part = CountPart(
          index: out.count, problem: item.problem, namesNothing: asked.isEmpty, equations,
          printed: p, whole: perApplication,
          beside: besideCounts(solutionSentence ?? [], sentence, printedFragment?.at),
          count: { count([$0]) })
      {
        parts.append(part)
      }
      out.append(
        SolvedCount(
          item: item.id, perApplication: match?.counted ?? perApplication, printed: printed,
          printedAt: printed == nil ? nil : printedFragment?.at,
          answer: answerAt == nil
            ? nil : solution.map(\.fragment).min { $0.location < $1.location },
          applications: match?.applications, agrees: printed == nil || match != nil,
          borderRule: rule))
    }
    partCounts(&out, parts)
    return out
  }
}
