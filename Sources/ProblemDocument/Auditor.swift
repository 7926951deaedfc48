import IndexNotation

/// A multiply-count question solved generically: the statement's equations counted by the
/// notation engine and compared with the printed count.
public struct SolvedCount: Sendable {
  public let item: String
  /// Multiplies of one application of the statement's equations (sizes declared equal merged).
  public let perApplication: Polynomial
  public let printed: Polynomial?
  /// printed / perApplication, when it divides and involves none of the equations' sizes: how
  /// many times the equations are applied (L − 1 blocks, say).
  public let applications: Polynomial?
  public let agrees: Bool
  /// The border rule the count assumed, when the equations read at offsets.
  public let borderRule: String?
}

/// An audit of a problem-set document: every fragment read, the symbol table, the findings.
public struct AuditReport: Sendable {
  public let document: ProblemSetDocument
  public let readings: [ReadFragment]
  public let symbols: DocumentSymbols
  public let findings: [Finding]
  public let counts: [SolvedCount]
  /// What the audit could not do or decide (spelling unavailable, a count's repetition factor).
  public let notes: [String]

  /// The findings that stand in one item ("3b"), in document order.
  public func findings(for item: String) -> [Finding] { findings.filter { $0.item == item } }
}

public enum Auditor {
  /// Audits a document. Total: any text gives a report.
  /// - Parameter words: words the spelling check accepts besides its dictionaries (`--words`).
  public static func audit(
    _ doc: ProblemSetDocument, spelling: Bool = true,
    words: [String] = []
  ) -> AuditReport {
    let readings = doc.sections.flatMap(\.fragments).map(FragmentReader.read)
    let symbols = DocumentSymbols(doc, readings: readings)
    var findings: [Finding] = []
    var notes: [String] = []
    let thresholds = thresholdNames(readings, symbols, doc)
    findings += AuditRules.engine(readings, doc, thresholds: thresholds, symbols: symbols)
    findings += AuditRules.sumsAndThresholds(readings, doc, thresholds: thresholds)
    findings += AuditRules.roleClashes(symbols, doc)
    findings += AuditRules.crossProblemRoles(symbols, doc)
    findings += AuditRules.indexLists(symbols, doc)
    findings += AuditRules.undefinedNames(symbols, doc)
    findings += AuditRules.missingSubscripts(symbols, readings, doc)
    findings += AuditRules.inputLetters(readings, doc)
    findings += AuditRules.undefinedFunctions(symbols, doc)
    findings += AuditRules.undefinedAppliedLetters(symbols, doc)
    findings += AuditRules.borderRules(readings, doc)
    findings += AuditRules.premiseConditions(doc)
    findings += AuditRules.propertyWords(doc)
    let counts = solveCounts(readings, symbols, doc)
    for c in counts {
      if !c.agrees, let printed = c.printed, let section = solutionSection(c.item, doc),
        let at = firstFormula(section, doc)
      {
        let (_, point) = printed.compare(to: c.perApplication)
        findings.append(
          Finding(
            .countDisagreement,
            "the printed count \(printed) is not the \(c.perApplication) multiplies that the statement's "
              + "equations take (notation engine), nor a whole number of applications of them",
            at: at, in: doc.sections[section], document: doc,
            evidence: point.map { q in
              var p = q
              for name in printed.symbols.union(c.perApplication.symbols) where p[name] == nil {
                p[name] = 2
              }
              return "at "
                + p.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }.joined(
                  separator: ", ")
                + ": printed \(printed.evaluate(p.mapValues { Rational($0) }).map(\.description) ?? "?"), "
                + "counted \(c.perApplication.evaluate(p.mapValues { Rational($0) }).map(\.description) ?? "?")"
            } ?? c.borderRule))
      } else if c.agrees, let n = c.applications, n != Polynomial(1) {
        notes.append(
          "problem \(c.item): the statement's equations take \(c.perApplication) multiplies "
            + "per application (notation engine); the printed count is that times \(n), the number of "
            + "applications, which the engine cannot count from the equations themselves")
      }
    }
    for r in readings {
      guard case .unreadable(let message, let offset) = r.content else { continue }
      let at = doc.location(in: r.fragment, characterOffset: offset)
      let shown =
        r.fragment.text.count > 60 ? String(r.fragment.text.prefix(57)) + "…" : r.fragment.text
      notes.append("not read: $\(shown)$ (\(at)): \(message)")
    }
    for issue in doc.readingIssues {
      let section = doc.sections.firstIndex { $0.range.contains(issue.location.offset) } ?? 0
      findings.append(
        Finding(
          .unclosedMath, issue.message, at: issue.location,
          in: doc.sections[section], document: doc))
    }
    if spelling {
      do {
        findings += try spellingFindings(doc, extra: words)
      } catch {
        notes.append(error.description)
      }
    }
    // One place, one point: an input written with the output's letter is also a second index
    // list of that tensor; the more specific finding stands.
    let inputs = Set(findings.filter { $0.kind == .inputLetter }.map(\.location.offset))
    var seen = Set<String>()
    findings = findings.sorted { $0.location < $1.location }.filter {
      !($0.kind == .indexLists && inputs.contains($0.location.offset))
        && seen.insert("\($0.kind.rawValue)\u{0}\($0.location.offset)\u{0}\($0.message)").inserted
    }
    return AuditReport(
      document: doc, readings: readings, symbols: symbols, findings: findings,
      counts: counts, notes: notes)
  }

  /// Tensors the text calls thresholds ("with thresholds B[…]", "Use B_{ℓ+1}[j] for the
  /// threshold").
  static func thresholdNames(
    _ readings: [ReadFragment], _ symbols: DocumentSymbols,
    _ doc: ProblemSetDocument
  ) -> Set<String> {
    var names = Set<String>()
    for r in readings {
      // "the thresholds $C^z, C^r, C^h$": every name of the list.
      if symbols.precedingWords(r.fragment, doc).suffix(2).contains(where: {
        $0.hasPrefix("threshold")
      }) {
        let pieces = r.fragment.text.split(separator: ",")
        if pieces.count > 1 {
          for piece in pieces {
            if let l = LenientNames.firstLetter(in: String(piece)) { names.insert(l) }
          }
          continue
        }
      }
      guard case .expression(let e, _, _) = r.content, let ref = e.references.first else {
        continue
      }
      let before = symbols.precedingWords(r.fragment, doc).suffix(2)
      let after = symbols.followingText(r.fragment, doc)
      if before.contains("threshold") || before.contains("thresholds")
        || after.hasPrefix("for the threshold")
      {
        names.insert(ref.name.base)
      }
    }
    return names
  }

  // MARK: Counts

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
      for index in doc.sections.indices
      where doc.sections[index].problem == item.problem
        && doc.sections[index].range.upperBound <= end
      {
        var lastNouns: [String] = []
        for r in bySection[index] ?? [] {
          guard case .equations(let rows) = r.content else { continue }
          // Nouns of five letters or more: "logits", "scores", not "head" or "with". A display
          // right after another (no words between) shares its nouns.
          let before = symbols.precedingWords(r.fragment, doc)
          let nouns =
            before.isEmpty && r.fragment.display
            ? lastNouns : before.suffix(3).filter { $0.count >= 5 }
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
      // A question naming only tensors no equation defines asks about nothing psverify can count.
      let tensorsOfProblem = Set(
        symbols.uses.filter {
          $0.role == .tensor && doc.sections[$0.section].problem == item.problem
        }.map(\.name))
      let equations = asked.isEmpty ? (named.isDisjoint(with: tensorsOfProblem) ? all : []) : asked
      guard !equations.isEmpty else { continue }
      var classes = symbols.sizeClasses[item.problem] ?? [:]
      // Sizes of positions that range over the same values (A[v,u] = A[u,v]: U is V).
      for (size, representative) in AuditRules.positionClasses(symbols) where classes[size] == nil {
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

  /// The printed count of a solution: among its counts (formulas over capital names of degree at
  /// least two), the last one of the first sentence that has any.
  static func printedCount(_ solution: [ReadFragment], _ doc: ProblemSetDocument) -> Polynomial? {
    let counts = solution.sorted { $0.fragment.location < $1.fragment.location }.compactMap {
      r -> (ReadFragment, Polynomial)? in
      guard case .formula(let names, let p?) = r.content, p.constantValue == nil,
        p.terms.keys.contains(where: { $0.degree >= 2 }),
        names.allSatisfy({ n in
          n.unicodeScalars.first.map { c in
            c.properties.isUppercase || (c == "Δ" && n.dropFirst().first?.isUppercase == true)
          } ?? false
        })
      else { return nil }
      return (r, p)
    }
    // A count the solution calls its total ("Total: $3TD + TDK$", "the total is therefore …"),
    // in any names (`THD + TrHD`).
    let totals = solution.sorted { $0.fragment.location < $1.fragment.location }.compactMap {
      r -> (ReadFragment, Polynomial)? in
      guard case .formula(let names, let p?) = r.content, p.constantValue == nil,
        p.terms.keys.contains(where: { $0.degree >= 2 }),
        names.contains(where: { $0.first?.isUppercase == true })
      else { return nil }
      return (r, p)
    }
    if let total = totals.last(where: { r, _ in
      let f = r.fragment
      let from = max(doc.sections[f.section].range.lowerBound, f.location.offset - 40)
      let before = DocumentSymbols.words(doc.scalars[from..<f.location.offset]).suffix(4)
      return before.contains { $0 == "total" || $0 == "altogether" || $0 == "overall" }
    }) {
      return total.1
    }
    guard var chosen = counts.first else { return nil }
    for next in counts.dropFirst() {
      let a = chosen.0.fragment
      let b = next.0.fragment
      guard a.section == b.section else { break }
      let start =
        a.location.offset + a.text.unicodeScalars.count + (a.bare ? 0 : (a.display ? 2 : 1))
      let end = b.location.offset - (b.bare ? 0 : (b.display ? 2 : 1))
      guard end >= start else { break }
      // The prose between them, math dropped: a full stop there ends the sentence.
      var prose = ""
      var inMath = false
      for c in doc.slice(start..<end) {
        if c == "$" {
          inMath.toggle()
          continue
        }
        if !inMath { prose.append(c) }
      }
      if prose.contains(". ") || prose.contains(".\n") || prose.hasSuffix(".") { break }
      chosen = next
    }
    return chosen.1
  }

  /// Whether an equation's right side divides by a tensor quantity (`exp(s)/Σ exp(s′)`), not by
  /// a constant such as √D.
  static func dividesOnly(_ eq: Equation) -> Bool {
    func divides(_ e: IndexNotation.Expression) -> Bool {
      switch e {
      case .tensor, .number, .scalar: return false
      case .product(let fs): return fs.contains(where: divides)
      case .sum(let ts): return ts.contains { divides($0.term) }
      case .function(let name, let inner, _):
        return (name == "1/" && !inner.references.isEmpty) || divides(inner)
      case .explicitSum(_, let inner, _): return divides(inner)
      }
    }
    return divides(eq.rhs)
  }

  static func solutionSection(_ item: String, _ doc: ProblemSetDocument) -> Int? {
    doc.item(item)?.solutions.first
  }

  static func firstFormula(_ section: Int, _ doc: ProblemSetDocument) -> DocumentLocation? {
    doc.sections[section].fragments.first { f in
      if case .formula(_, let p) = FragmentReader.content(f.text), p != nil { return true }
      return false
    }?.location
  }

  // MARK: Spelling

  static func spellingFindings(_ doc: ProblemSetDocument, extra: [String]) throws(Spelling
    .Unavailable)
    -> [Finding]
  {
    var occurrences: [(String, DocumentLocation, Int)] = []
    for (index, section) in doc.sections.enumerated() {
      for span in section.prose {
        let scalars = Array(span.text.unicodeScalars)
        for (word, offset) in Spelling.words(span.text) {
          // Inner capitals (MoE) and a capitalized name inside a sentence (Cauchy–Schwarz) are
          // names, not English words to look up.
          if Spelling.hasInnerCapital(word)
            || Spelling.isProperName(word, in: scalars, at: offset)
          {
            continue
          }
          occurrences.append((word, doc.location(ofOffset: span.location.offset + offset), index))
        }
      }
    }
    var wrong = try Spelling.misspelt(Set(occurrences.map(\.0)), extra: extra)
    wrong.subtract(try Spelling.compounds(wrong, extra: extra))
    var perWord: [String: Int] = [:]
    var out: [Finding] = []
    for (word, location, section) in occurrences {
      let length = word.unicodeScalars.count
      let tooLong = length > Spelling.maximumWordLength
      guard tooLong || wrong.contains(word) else { continue }
      perWord[word, default: 0] += 1
      guard perWord[word]! <= 5 else { continue }  // five places per word are enough to fix it
      let message =
        tooLong
        ? "a run of \(length) letters ('\(word.prefix(12))…') is no English word; words longer "
          + "than \(Spelling.maximumWordLength) letters are not looked up"
        : "'\(word)' is not in the English dictionary or the field's word list"
      out.append(
        Finding(
          .spelling, message, at: location, in: doc.sections[section],
          document: doc))
    }
    return out
  }
}

extension Auditor {
  /// Whether `words` (lowercased, in order) say not to count divisions: "division", "divisions"
  /// or "divide" with a negation or an exclusion among the eight words before it.
  static func excludesDivisions(_ words: [String]) -> Bool {
    let negations: Set<String> = [
      "not", "don", "dont", "no", "ignore", "ignoring", "exclude",
      "excluding", "without", "except", "neglect", "neglecting", "nor",
    ]
    for (i, w) in words.enumerated() where w == "division" || w == "divisions" || w == "divide" {
      if words[max(0, i - 8)..<i].contains(where: negations.contains) { return true }
    }
    return false
  }
}
