import Algebra
import IndexNotation

public enum Auditor {
  /// Audits a document: reads every fragment once, builds the symbol table, then applies each
  /// rule of `AuditRules.all` in order to that shared reading. Findings are sorted by location;
  /// one finding stands for each kind, place and message. Total: any text gives a report.
  /// - Parameter words: words the spelling check accepts besides its dictionaries (`--words`).
  public static func audit(
    _ doc: ProblemSetDocument, spelling: Bool = true,
    words: [String] = []
  ) -> AuditReport {
    let reading = Auditor.reading(doc, spelling: spelling, words: words)
    var notes =
      applicationNotes(reading.counts) + reading.counts.compactMap(\.scopeNote)
      + unreadNotes(reading.readings, doc)
      + AuditRules.UndefinedFunctions.conventionNotes(in: reading)
      + AuditRules.UndefinedNames.bareLetterNotes(in: reading)
    var findings: [Finding] = []
    for rule in AuditRules.all {
      do {
        findings += try rule.findings(in: reading)
      } catch {
        notes.append(error.description)
      }
    }
    // A dictionary hunspell lacks (British English) narrows the check: say so.
    if reading.spelling, let note = Spelling.missingDictionaryNote(Spelling.missingOnThisMachine) {
      notes.append(note)
    }
    // One place, one point: an input written with the output's letter is also a second index
    // list of that tensor; the more specific finding stands.
    // A condition is judged by several rules (premises, restated premises, equivalences,
    // ranges): one place's condition is reported once, by the rule listed first.
    // A threshold's sign is read by two rules (against the convention, against the sign the
    // document used before): a line's sign is reported once, by the rule listed first.
    let inputs = Set(findings.filter { $0.kind == .inputLetter }.map(\.location.offset))
    var seen = Set<String>()
    var signLines = Set<Int>()
    var conditions = Set<Int>()
    // A printed count is judged by several rules (the equations' count, a product's, items
    // times each one's cost): one place's count is reported once, by the rule listed first.
    var counted = Set<Int>()
    findings = findings.filter {
      ($0.kind != .thresholdSign || signLines.insert($0.location.line).inserted)
        && ($0.kind != .premiseCondition || conditions.insert($0.location.offset).inserted)
        && ($0.kind != .countDisagreement || counted.insert($0.location.offset).inserted)
    }
    findings = findings.sorted { $0.location < $1.location }.filter {
      !($0.kind == .indexLists && inputs.contains($0.location.offset))
        && seen.insert("\($0.kind.rawValue)\u{0}\($0.location.offset)\u{0}\($0.message)").inserted
    }
    return AuditReport(
      document: doc, readings: reading.readings, symbols: reading.symbols, findings: findings,
      counts: reading.counts, notes: notes)
  }

  /// The reading every rule shares: each fragment read once, the symbol table built from the
  /// readings, the threshold names, and the multiply counts solved.
  public static func reading(
    _ doc: ProblemSetDocument, spelling: Bool = true,
    words: [String] = []
  ) -> AuditReading {
    let readings = doc.sections.flatMap(\.fragments).map(FragmentReader.read)
    let symbols = DocumentSymbols(doc, readings: readings)
    var reading = AuditReading(
      document: doc, readings: readings, symbols: symbols,
      thresholds: thresholdNames(readings, symbols, doc),
      counts: solveCounts(readings, symbols, doc), spelling: spelling, words: words,
      known: AuditRules.KnownNotation(document: doc, symbols: symbols))
    reading.unintroduced = AuditRules.UndefinedNames.unintroduced(in: reading)
    return reading
  }

  /// Counts that agree with the printed one only as a number of applications of the equations
  /// (L − 1 blocks): what the engine could not count itself.
  static func applicationNotes(_ counts: [SolvedCount]) -> [String] {
    counts.compactMap { c in
      guard c.agrees, let n = c.applications, n != Polynomial(1) else { return nil }
      return "problem \(c.item): the statement's equations take \(c.perApplication) multiplies "
        + "per application (notation engine); the printed count is that times \(n), the number of "
        + "applications, which the engine cannot count from the equations themselves"
    }
  }

  /// The fragments the engine could not read, each with its place and the reason.
  static func unreadNotes(_ readings: [ReadFragment], _ doc: ProblemSetDocument) -> [String] {
    readings.compactMap { r in
      guard case .unreadable(let message, let offset) = r.content else { return nil }
      let at = doc.location(in: r.fragment, characterOffset: offset)
      let shown =
        r.fragment.text.count > 60 ? String(r.fragment.text.prefix(57)) + "…" : r.fragment.text
      return "not read: $\(shown)$ (\(at)): \(message)"
    }
  }

  /// Tensors the text calls thresholds ("with thresholds B[…]", "Use B_{ℓ+1}[j] for the
  /// threshold").
  static func thresholdNames(
    _ readings: [ReadFragment], _ symbols: DocumentSymbols,
    _ doc: ProblemSetDocument
  ) -> Set<String> {
    var names = Set<String>()
    var listed: MathFragment?
    for r in readings {
      // "the thresholds $C^z, C^r, C^h$" or "thresholds $A^1$, $A^2$": every name of the list,
      // within one fragment or over fragments joined by nothing but commas and "and".
      let named = symbols.precedingWords(r.fragment, doc).suffix(2).contains(where: {
        $0.hasPrefix("threshold")
      })
      let continues = listed.map { doc.joinedAsList($0, r.fragment) } ?? false
      listed = named || continues ? r.fragment : nil
      if named || continues {
        let pieces = r.fragment.text.split(separator: ",")
        let bare: Bool
        switch r.content {
        case .formula, .nameList: bare = true
        default: bare = false
        }
        if pieces.count > 1 || bare || continues {
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
}
