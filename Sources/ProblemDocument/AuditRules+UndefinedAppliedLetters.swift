import IndexNotation

/// Letters applied as functions.
extension AuditRules {
  /// A letter applied as a function (`\psi(g[b,i])`) that nothing in the set introduces or says
  /// anything about: which function is it?
  struct UndefinedAppliedLetters: AuditRule {
    let id = "undefined-applied-letters"
    let summary = "a letter applied as a function that the set never says anything about"
    let kinds: [Finding.Kind] = [.undefinedFunction]

    func findings(in reading: AuditReading) -> [Finding] {
      let symbols = reading.symbols
      let doc = reading.document
      var out: [Finding] = []
      var seen = Set<String>()
      let known = reading.known
      // A Latin capital applied (`J(I+2)`) may be a product of sizes, not a call.
      for u in symbols.uses
      where u.applied && u.role == .scalar
        && !(u.name.first.map { $0.isASCII && $0.isUppercase } ?? false)
      {
        let scope = DocumentSymbols.scope(doc.sections[u.section])
        guard !seen.contains(scope + "\u{0}" + u.name), !known.standsForItself(u, in: doc)
        else { continue }
        seen.insert(scope + "\u{0}" + u.name)
        let said = symbols.uses.contains { v in
          v.name == u.name && v.introduces && !v.applied
            && (DocumentSymbols.scope(doc.sections[v.section]) == scope
              || DocumentSymbols.scope(doc.sections[v.section]).isEmpty || v.location < u.location)
        }
        if !said {
          out.append(
            Finding(
              .undefinedFunction,
              "\(u.name) is applied as a function but the set never says which function it is",
              at: u.location, in: doc.sections[u.section], document: doc))
        }
      }
      return out
    }
  }
}
