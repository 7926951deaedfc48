import Algebra
import IndexNotation

/// Multiply-count questions solved by the notation engine.
extension Auditor {
  /// A question that names multiplies as a count: one of its words is the noun or verb
  /// (multiplies, multiplications, multiply), not the adjective (multiplicative).
  static func isCountQuestion(_ prose: String) -> Bool {
    let words = DocumentSymbols.words(prose.unicodeScalars)
    let noun = { (w: String) in
      w.hasPrefix("multipl") && !w.hasPrefix("multiplicativ") && !w.hasPrefix("multiplier")
    }
    guard words.contains(where: noun) else { return false }
    // Asked as a number: "how many", "the number of", "count", or the noun opening the question
    // ("Multiplies for the block?").
    let text = words.joined(separator: " ")
    return text.hasSubstring("how many") || text.hasSubstring("number of")
      || words.contains("count")
      || words.prefix(3).contains(where: noun)
  }

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
    for item in doc.items {
      let own = item.statements.filter { doc.sections[$0].part == item.part }
      guard isCountQuestion(doc.prose(in: own)) else { continue }
      let all = item.statements.flatMap { bySection[$0] ?? [] }.flatMap { r -> [Equation] in
        if case .equations(let rows) = r.content {
          return rows.map(\.equation).filter { !$0.rhsReferences.isEmpty }
        }
        return []
      }
      // Names the question gives as an input (`computing y from $x̂$`) are not asked about.
      let named = Set(
        own.flatMap { bySection[$0] ?? [] }.filter {
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
      let end = doc.sections[own.last ?? item.statements.last ?? 0].range.upperBound
      var defining: [(equation: Equation, nouns: [String])] = []
      // A question that does not count divisions (a negation, then "division" or "divide" within
      // the clause: "ignore the division", "do not count … the division") is not asked about the
      // equations whose only work is one; "count the divisions too" excludes nothing.
      let ownWords = DocumentSymbols.words(doc.prose(in: own).unicodeScalars)
      let noDivisions = Auditor.excludesDivisions(ownWords)
      for index in sectionsOf[item.problem] ?? [] where doc.sections[index].range.upperBound <= end
      {
        var lastNouns: [String] = []
        for r in bySection[index] ?? [] {
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
          for row in rows
          where !row.equation.rhsReferences.isEmpty
            && !(noDivisions && Auditor.dividesOnly(row.equation))
          {
            defining.append((row.equation, nouns))
          }
        }
      }
      let questionWords = Set(
        DocumentSymbols.words(doc.prose(in: own).unicodeScalars).filter { $0.count >= 4 })
      // The equations that define what the question names; failing those, the ones that use a
      // parameter it names (a count "by the weights W^a, W^b").
      // A tensor named, else the nouns that introduced an equation.
      var asked = defining.filter { eq, _ in named.contains(DocumentSymbols.key(eq.lhs.name)) }.map(
        \.equation)
      if asked.isEmpty {
        asked = defining.filter { _, nouns in nouns.contains { questionWords.contains($0) } }.map(
          \.equation)
      }
      if asked.isEmpty {
        asked = defining.map(\.equation).filter { eq in
          eq.rhsReferences.contains { named.contains(DocumentSymbols.key($0.name)) }
        }
      }
      // Computing a named tensor takes the equations of the intermediate tensors it needs too,
      // down to the inputs the question gives (`H_{ℓ+1}` from `H_ℓ` takes the message M first).
      let inputs = Set(
        own.flatMap { bySection[$0] ?? [] }.filter {
          symbols.precedingWords($0.fragment, doc).last == "from"
        }.flatMap { r -> [String] in
          switch r.content {
          case .formula(let names, _), .nameList(let names): return names
          case .expression(let e, _, _): return e.references.map { DocumentSymbols.key($0.name) }
          default: return []
          }
        })
      var included = Set(asked.map { DocumentSymbols.key($0.lhs.name) })
      let fromInput = own.flatMap { bySection[$0] ?? [] }.contains {
        symbols.precedingWords($0.fragment, doc).last == "from"
      }
      var frontier = fromInput ? asked : []
      while let eq = frontier.popLast() {
        for ref in eq.rhsReferences {
          let key = DocumentSymbols.key(ref.name)
          guard !included.contains(key), !inputs.contains(key),
            let step = defining.last(where: { DocumentSymbols.key($0.equation.lhs.name) == key })?
              .equation
          else { continue }
          included.insert(key)
          asked.append(step)
          frontier.append(step)
        }
      }
      // A question naming a tensor that only its own solution defines (a new unit b whose
      // equation the answer writes, counted with the others) asks about an equation the
      // statement does not give: its count is not decidable from the statement's equations.
      let definedBefore = Set(defining.map { DocumentSymbols.key($0.equation.lhs.name) })
      let definedInSolution = Set(
        item.solutions.flatMap { bySection[$0] ?? [] }.flatMap { r -> [String] in
          guard case .equations(let rows) = r.content else { return [] }
          return rows.map { DocumentSymbols.key($0.equation.lhs.name) }
        })
      if named.contains(where: { definedInSolution.contains($0) && !definedBefore.contains($0) }) {
        continue
      }
      // A question naming only tensors no equation defines asks about nothing psverify can count.
      let tensorsOfProblem = tensorsIn[item.problem] ?? []
      let equations = asked.isEmpty ? (named.isDisjoint(with: tensorsOfProblem) ? all : []) : asked
      guard !equations.isEmpty else { continue }
      var classes = classesIn[item.problem] ?? symbols.sizeClasses(in: item.problem)
      if positionClasses == nil { positionClasses = AuditRules.positionClasses(symbols) }
      for (size, representative) in positionClasses ?? [:] where classes[size] == nil {
        classes[size] = classes[representative] ?? representative
      }
      var merge = classes.mapValues { Polynomial.symbol($0) }
      // A primed index ranges like its letter (t′ like t): T′ counts as T.
      for eq in equations {
        for symbol in eq.multiplyCount.symbols where symbol.hasSuffix("′") {
          let plain = String(symbol.prefix { $0 != "′" })
          merge[symbol] = .symbol(classes[plain] ?? plain)
        }
      }
      let perApplication = equations.reduce(Polynomial()) { $0 + $1.multiplyCount }.substituting(
        merge)
      // Equations without a product count nothing the question could ask about.
      guard !perApplication.isZero else { continue }
      let offsets = equations.contains { eq in
        eq.rhsReferences.contains { $0.indices.contains { $0.bareVariable == nil } }
      }
      let rule =
        offsets
        ? "counted with X, Y, … the numbers of output positions (with `same` borders, "
          + "the input's sizes)" : nil
      var printed = printedCount(item.solutions.flatMap { bySection[$0] ?? [] }, doc)?.substituting(
        merge)
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
      // coordinates, the equations written with I and J) names the sizes in words the
      // equations do not use: not decidable from them.
      if let p = printed, !p.symbols.isEmpty, p.symbols.isDisjoint(with: perApplication.symbols) {
        printed = nil
      }
      // Separate counts in one sentence (`the projection takes BXYIK and the convolution
      // BXYKJ`), the last not their sum: the one of the equations asked about is its answer.
      let solution = item.solutions.flatMap { bySection[$0] ?? [] }
      let sentence = firstSentenceCounts(solution, doc).map { $0.substituting(merge) }
      if let p = printed, p == sentence.last, sentence.count > 1,
        p != sentence.dropLast().reduce(Polynomial(), +), sentence.contains(perApplication)
      {
        printed = perApplication
      }
      var applications: Polynomial?
      var agrees = false
      if let printed {
        if printed == perApplication {
          agrees = true
          applications = Polynomial(1)
        } else if perApplication.terms.count == 1, let (m, c) = perApplication.terms.first,
          let q = printed.exactlyDividing(by: m).map({ (Rational.one / c) * $0 }),
          q.symbols.isDisjoint(with: perApplication.symbols), !q.isZero,
          // A number of applications: a whole number, or a count such as L − 1.
          q.constantValue.map({ $0.isInteger && $0 >= .one }) ?? true
        {
          agrees = true
          applications = q
        }
      }
      out.append(
        SolvedCount(
          item: item.id, perApplication: perApplication, printed: printed,
          applications: applications, agrees: printed == nil || agrees,
          borderRule: rule))
    }
    return out
  }
}

extension Auditor {
  /// The words of five letters or more of the prose of the sentence before a fragment, in its
  /// section: back to the last `.`, `?`, `!` or blank line outside math, math left out (up to
  /// 400 scalars back). Empty for a fragment right after other math.
  static func sentenceWords(_ f: MathFragment, _ doc: ProblemSetDocument) -> [String] {
    let section = doc.sections[f.section]
    let end = f.location.offset - (f.bare ? 0 : (f.display ? 2 : 1))
    let start = max(section.range.lowerBound, end - 400)
    guard start < end else { return [] }
    var prose: [Unicode.Scalar] = []
    var inMath = false
    var seen = false  // anything but white space yet: a blank line before the display ends nothing
    var k = end - 1
    while k >= start {
      let c = doc.scalars[k]
      // A display right after other math (no prose between) shares that math's nouns.
      if !seen && c == "$" { return [] }
      if !(c == " " || c == "\n") { seen = true }
      if c == "$" {
        if k > start && doc.scalars[k - 1] == "$" { k -= 1 }  // `$$` opens or closes once
        inMath.toggle()
      } else if !inMath {
        if (c == "." || c == "?" || c == "!") && k + 1 < end && doc.scalars[k + 1] == " " {
          break
        }
        if seen && c == "\n" && k > start && doc.scalars[k - 1] == "\n" { break }
        prose.append(c)
      }
      k -= 1
    }
    return DocumentSymbols.words(prose.reversed()).filter { $0.count >= 5 }
  }
}
