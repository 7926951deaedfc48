import IndexNotation

/// Rules that compare a name's uses across the problems of a set.
extension AuditRules {
  /// One lowercase letter with different roles in two problems: an index in one, a tensor or a
  /// number of things (`$k$ samples`) in another that never uses it as an index. Both places
  /// are named.
  static func crossProblemRoles(_ symbols: DocumentSymbols, _ doc: ProblemSetDocument) -> [Finding]
  {
    var indexAt: [String: [String: SymbolUse]] = [:]  // letter → problem → first index use
    // letter → problem → first tensor/quantity use
    var otherAt: [String: [String: SymbolUse]] = [:]
    for u in symbols.uses {
      let scope = DocumentSymbols.scope(doc.sections[u.section])
      guard !scope.isEmpty, u.name.count == 1, u.name.first!.isLowercase else { continue }
      if u.role == .index && !u.alone {
        if indexAt[u.name, default: [:]][scope] == nil { indexAt[u.name, default: [:]][scope] = u }
      } else if (u.role == .tensor && u.family == u.name) || u.quantity {
        if otherAt[u.name, default: [:]][scope] == nil { otherAt[u.name, default: [:]][scope] = u }
      }
    }
    var out: [Finding] = []
    // A capital the preamble declares a size (`$J$ … are the number of possible values`) that a
    // problem makes a tensor of its own (`J[v,u] = …`).
    var preambleSizes: [String: SymbolUse] = [:]
    for u in symbols.uses
    where u.role == .size && u.introduces && (!u.alone || u.counted)
      && DocumentSymbols.scope(doc.sections[u.section]).isEmpty && preambleSizes[u.name] == nil
    {
      preambleSizes[u.name] = u
    }
    var reported = Set<String>()
    for u in symbols.uses where u.role == .tensor && u.family == u.name && !u.subscripted {
      let scope = DocumentSymbols.scope(doc.sections[u.section])
      guard !scope.isEmpty, let size = preambleSizes[u.name],
        reported.insert(scope + u.name).inserted
      else { continue }
      out.append(
        Finding(
          .roleClash,
          "\(u.name) is a size in the preamble (\(size.location)) and a tensor in problem \(scope) "
            + "(\(u.location)): one letter, two roles across the set",
          at: u.location, in: doc.sections[u.section], document: doc))
    }
    for (letter, others) in otherAt.sorted(by: { $0.key < $1.key }) {
      guard let indices = indexAt[letter] else { continue }
      for (scope, use) in others.sorted(by: { $0.value.location < $1.value.location })
      where indices[scope] == nil {
        guard let (otherScope, index) = indices.min(by: { $0.value.location < $1.value.location })
        else { continue }
        let what = use.role == .tensor ? "a tensor" : "a number of things"
        out.append(
          Finding(
            .roleClash,
            "\(letter) is an index in problem \(otherScope) (\(index.location)) and \(what) in problem \(scope) "
              + "(\(use.location)): one letter, two roles across the set",
            at: use.location, in: doc.sections[use.section], document: doc))
      }
    }
    return out
  }

  /// A letter applied as a function (`\psi(g[b,i])`) that nothing in the set introduces or says
  /// anything about: which function is it?
  static func undefinedAppliedLetters(_ symbols: DocumentSymbols, _ doc: ProblemSetDocument)
    -> [Finding]
  {
    var out: [Finding] = []
    var seen = Set<String>()
    for u in symbols.uses where u.applied && u.role == .scalar {
      let scope = DocumentSymbols.scope(doc.sections[u.section])
      guard !seen.contains(scope + "\u{0}" + u.name) else { continue }
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
