import IndexNotation

/// The notation engine read over every fragment of a document.
extension AuditRules {
  /// The engine's diagnostics of every equation and expression: missing commas, ranks within an
  /// equation, free indices, unsummed capitals, redundant Σ, threshold signs. A fragment the
  /// engine cannot read is not a defect of the document: the auditor notes it.
  /// A free index on the left only is a defect of a definition (the defined tensor cannot
  /// depend on it); an equation about a tensor introduced before it (`H[v,i] = q[i]`: the same
  /// for every v), or one whose left side is an expression, states a fact instead.
  struct EngineDiagnostics: AuditRule {
    let id = "engine-diagnostics"
    let summary = "the notation engine's diagnostics of every equation and expression"
    let kinds: [Finding.Kind] = [
      .syntax, .missingComma, .rankMismatch, .freeIndexOneSide, .unsummedCapital, .redundantSum,
      .thresholdSign,
    ]

    func findings(in reading: AuditReading) -> [Finding] {
      let readings = reading.readings
      let doc = reading.document
      let thresholds = reading.thresholds
      let symbols = reading.symbols
      var out: [Finding] = []
      var firstIntroduction: [String: DocumentLocation] = [:]
      for u in symbols.uses where u.role == .tensor && u.introduces {
        let key = DocumentSymbols.scope(doc.sections[u.section]) + "\u{0}" + u.name
        if firstIntroduction[key] == nil { firstIntroduction[key] = u.location }
      }
      for r in readings {
        let section = doc.sections[r.fragment.section]
        func report(_ d: Diagnostic, rowOffset: Int) {
          out.append(
            Finding(
              Finding.Kind(d.kind), d.message,
              at: doc.location(in: r.fragment, characterOffset: rowOffset + d.position.offset),
              in: section, document: doc))
        }
        switch r.content {
        case .equations(let rows):
          for row in rows {
            for d in row.parseDiagnostics { report(d, rowOffset: row.offset) }
            let lhs = row.equation.lhs
            let scope = DocumentSymbols.scope(section)
            let statesFact =
              lhs.name.base == Parser.expressionSide
              || [scope, ""].contains { scope in
                firstIntroduction[scope + "\u{0}" + DocumentSymbols.key(lhs.name)].map {
                  $0 < doc.location(in: r.fragment, characterOffset: row.offset)
                    && $0.line != r.fragment.location.line
                } ?? false
              }
            let parameters = subscriptParameters(row.equation)
            let offsets = offsetSizes(row.equation)
            for d in Checker.check(row.equation, thresholdNames: thresholds) {
              if statesFact && d.kind == .freeIndexOneSide
                && d.message.hasSuffix("left-hand side only")
              {
                continue
              }
              if d.kind == .freeIndexOneSide,
                parameters.contains(where: { d.message.hasPrefix("free index \($0) ") })
              {
                continue
              }
              if d.kind == .unsummedCapital,
                offsets.contains(where: { d.message.hasPrefix("capital index \($0) ") })
              {
                continue
              }
              report(d, rowOffset: row.offset)
            }
          }
        case .expression(_, _, let diagnostics):
          for d in diagnostics { report(d, rowOffset: 0) }
        default:
          break
        }
      }
      return out
    }
  }
}
