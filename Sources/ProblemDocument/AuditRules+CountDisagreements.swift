import Algebra
import IndexNotation

/// Printed multiply counts against the notation engine's.
extension AuditRules {
  /// A count question whose printed count is neither the multiplies of the statement's equations
  /// (as the notation engine counts them) nor a whole number of applications of them; the
  /// evidence is a point where the two differ.
  struct CountDisagreements: AuditRule {
    let id = "count-disagreements"
    let summary = "a printed multiply count that differs from the notation engine's"
    let kinds: [Finding.Kind] = [.countDisagreement]

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      var findings: [Finding] = []
      for c in reading.counts where !c.agrees {
        // The finding stands where the count is printed: a total printed after the solution's
        // first formula, or a part's paragraph of a solution shared by several parts.
        let answer = (c.printedAt ?? c.answer).map { ($0.section, $0.location) }
        if let printed = c.printed,
          let (section, at) = answer
            ?? Auditor.solutionSection(c.item, doc).flatMap({ s in
              Auditor.firstFormula(s, doc).map { (s, $0) }
            })
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
        }
      }
      return findings
    }
  }
}
