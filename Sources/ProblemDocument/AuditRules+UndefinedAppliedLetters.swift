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
        // `\sum_{k=0}^{X-1} e^{k(x-x')}`: a letter its own fragment runs from a first value by
        // a sum or product is a number, and the parenthesis after it a factor, not an argument.
        if let f = doc.sections[u.section].fragment(containing: u.location.offset),
          AuditRules.operatorBound(in: f.text).contains(u.name)
        {
          continue
        }
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

  /// The letters a fragment runs through numbered values under a big operator
  /// (`\sum_{k=0}^{K}`, `\prod_{n=1}^{N}`): the letters of its subscript before the `=`.
  /// - Complexity: linear in the text's length (each subscript is read once).
  static func operatorBound(in text: String) -> Set<String> {
    var out = Set<String>()
    for marker in ["\\sum_", "\\prod_"] {
      var rest = text[...]
      while let r = rest.range(of: marker) {
        rest = rest[r.upperBound...]
        var group: Substring
        if rest.first == "{" {
          var depth = 0
          var end = rest.startIndex
          for k in rest.indices {
            if rest[k] == "{" { depth += 1 }
            if rest[k] == "}" { depth -= 1 }
            if depth == 0 {
              end = k
              break
            }
          }
          guard end > rest.startIndex else { break }
          group = rest[rest.index(after: rest.startIndex)..<end]
          rest = rest[end...]
        } else if rest.first == "\\" {
          group = rest.prefix { $0 == "\\" || $0.isLetter }
        } else {
          group = rest.prefix(1)
        }
        // Only a letter given its first value (`k=0`) is a running number; a sum over an index
        // with no bounds (`\sum_{g}`) leaves `g(ξ)` an application to read.
        guard let cut = group.range(of: "=") else { continue }
        out.formUnion(LenientNames.letters(in: String(group[..<cut.lowerBound])))
      }
    }
    return out
  }
}
