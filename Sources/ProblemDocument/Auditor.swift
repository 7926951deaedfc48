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
  public static func audit(_ doc: ProblemSetDocument, spelling: Bool = true) -> AuditReport {
    let readings = doc.sections.flatMap(\.fragments).map(FragmentReader.read)
    let symbols = DocumentSymbols(doc, readings: readings)
    var findings: [Finding] = []
    var notes: [String] = []
    findings += AuditRules.engine(readings, doc, thresholds: thresholdNames(readings, symbols, doc))
    findings += AuditRules.roleClashes(symbols, doc)
    findings += AuditRules.indexLists(symbols, doc)
    findings += AuditRules.undefinedNames(symbols, doc)
    findings += AuditRules.missingSubscripts(symbols, readings, doc)
    findings += AuditRules.inputLetters(readings, doc)
    findings += AuditRules.undefinedFunctions(symbols, doc)
    findings += AuditRules.borderRules(readings, doc)
    let counts = solveCounts(readings, symbols, doc)
    for c in counts {
      if !c.agrees, let printed = c.printed, let section = solutionSection(c.item, doc),
         let at = firstFormula(section, doc) {
        let (_, point) = printed.compare(to: c.perApplication)
        findings.append(Finding(
          .countDisagreement,
          "the printed count \(printed) is not the \(c.perApplication) multiplies that the statement's "
            + "equations take (notation engine), nor a whole number of applications of them",
          at: at, in: doc.sections[section], document: doc,
          evidence: point.map { p in
            "at " + p.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }.joined(separator: ", ")
              + ": printed \(printed.evaluate(p.mapValues { Rational($0) }).map(\.description) ?? "?"), "
              + "counted \(c.perApplication.evaluate(p.mapValues { Rational($0) }).map(\.description) ?? "?")"
          } ?? c.borderRule))
      } else if c.agrees, let n = c.applications, n != Polynomial(1) {
        notes.append("problem \(c.item): the statement's equations take \(c.perApplication) multiplies "
          + "per application (notation engine); the printed count is that times \(n), the number of "
          + "applications, which the engine cannot count from the equations themselves")
      }
    }
    for issue in doc.readingIssues {
      let section = doc.sections.firstIndex { $0.range.contains(issue.location.offset) } ?? 0
      findings.append(Finding(.unclosedMath, issue.message, at: issue.location,
                              in: doc.sections[section], document: doc))
    }
    if spelling {
      do {
        findings += try spellingFindings(doc)
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
    return AuditReport(document: doc, readings: readings, symbols: symbols, findings: findings,
                       counts: counts, notes: notes)
  }

  /// Tensors the text calls thresholds ("with thresholds B[…]", "Use B_{ℓ+1}[j] for the
  /// threshold").
  static func thresholdNames(_ readings: [ReadFragment], _ symbols: DocumentSymbols,
                             _ doc: ProblemSetDocument) -> Set<String> {
    var names = Set<String>()
    for r in readings {
      guard case .expression(let e, _, _) = r.content, let ref = e.references.first else { continue }
      let before = symbols.precedingWords(r.fragment, doc).suffix(2)
      let after = symbols.followingText(r.fragment, doc)
      if before.contains("threshold") || before.contains("thresholds") || after.hasPrefix("for the threshold") {
        names.insert(ref.name.base)
      }
    }
    return names
  }

  // MARK: Counts

  static func isCountQuestion(_ prose: String) -> Bool {
    let p = prose.lowercased()
    return (p.hasSubstring("how many") && p.hasSubstring("multipl")) || p.hasSubstring("number of multipl")
  }

  static func solveCounts(_ readings: [ReadFragment], _ symbols: DocumentSymbols,
                          _ doc: ProblemSetDocument) -> [SolvedCount] {
    var out: [SolvedCount] = []
    let bySection = Dictionary(grouping: readings, by: \.fragment.section)
    for item in doc.items {
      let own = item.statements.filter { doc.sections[$0].part == item.part }
      guard isCountQuestion(doc.prose(in: own)) else { continue }
      let equations = item.statements.flatMap { bySection[$0] ?? [] }.flatMap { r -> [Equation] in
        if case .equations(let rows) = r.content { return rows.map(\.equation) }
        return []
      }
      guard !equations.isEmpty else { continue }
      let classes = symbols.sizeClasses[item.problem] ?? [:]
      let merge = classes.mapValues { Polynomial.symbol($0) }
      let perApplication = equations.reduce(Polynomial()) { $0 + $1.multiplyCount }.substituting(merge)
      let offsets = equations.contains { eq in
        eq.rhsReferences.contains { $0.indices.contains { $0.bareVariable == nil } }
      }
      let rule = offsets ? "counted with X, Y, … the numbers of output positions (with `same` borders, "
        + "the input's sizes)" : nil
      let printed = item.solutions.flatMap { bySection[$0] ?? [] }.lazy.compactMap { r -> Polynomial? in
        if case .formula(_, let p) = r.content, let p, p.constantValue == nil { return p }
        return nil
      }.first.map { $0.substituting(merge) }
      var applications: Polynomial?
      var agrees = false
      if let printed {
        if printed == perApplication {
          agrees = true
          applications = Polynomial(1)
        } else if perApplication.terms.count == 1, let (m, c) = perApplication.terms.first,
                  let q = printed.exactlyDividing(by: m).map({ (Rational.one / c) * $0 }),
                  q.symbols.isDisjoint(with: perApplication.symbols), !q.isZero {
          agrees = true
          applications = q
        }
      }
      out.append(SolvedCount(item: item.id, perApplication: perApplication, printed: printed,
                             applications: applications, agrees: printed == nil || agrees,
                             borderRule: rule))
    }
    return out
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

  static func spellingFindings(_ doc: ProblemSetDocument) throws(Spelling.Unavailable) -> [Finding] {
    var occurrences: [(String, DocumentLocation, Int)] = []
    for (index, section) in doc.sections.enumerated() {
      for span in section.prose {
        for (word, offset) in Spelling.words(span.text) {
          occurrences.append((word, doc.location(ofOffset: span.location.offset + offset), index))
        }
      }
    }
    let wrong = try Spelling.misspelt(Set(occurrences.map(\.0)))
    var perWord: [String: Int] = [:]
    var out: [Finding] = []
    for (word, location, section) in occurrences {
      let length = word.unicodeScalars.count
      let tooLong = length > Spelling.maximumWordLength
      guard tooLong || wrong.contains(word) else { continue }
      perWord[word, default: 0] += 1
      guard perWord[word]! <= 5 else { continue }  // five places per word are enough to fix it
      let message = tooLong
        ? "a run of \(length) letters ('\(word.prefix(12))…') is no English word; words longer "
          + "than \(Spelling.maximumWordLength) letters are not looked up"
        : "'\(word)' is not in the English dictionary or the project's word list"
      out.append(Finding(.spelling, message, at: location, in: doc.sections[section],
                         document: doc))
    }
    return out
  }
}
