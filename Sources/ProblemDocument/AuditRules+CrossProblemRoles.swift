import IndexNotation

/// A name's uses compared across the problems of a set.
extension AuditRules {
  /// One lowercase letter with different roles in two problems: an index in one, a tensor or a
  /// number of things (`$k$ samples`, `$k$ for the number of samples`) in another that never
  /// uses it as an index. Both places are named.
  struct CrossProblemRoles: AuditRule {
    let id = "cross-problem-roles"
    let summary = "one letter in different roles in two problems of a set"
    let kinds: [Finding.Kind] = [.roleClash]

    func findings(in reading: AuditReading) -> [Finding] {
      let symbols = reading.symbols
      let doc = reading.document
      var indexAt: [String: [String: SymbolUse]] = [:]  // letter → problem → first index use
      // letter → problem → first tensor/quantity use
      var otherAt: [String: [String: SymbolUse]] = [:]
      for u in symbols.uses {
        let scope = DocumentSymbols.scope(doc.sections[u.section])
        guard !scope.isEmpty, u.name.count == 1, u.name.first!.isLowercase else { continue }
        // A letter of a family's subscript (ℓ in `L_ℓ`) numbers its members: an ordinal, not
        // an index of a tensor's positions.
        if u.role == .index && !u.alone && !u.fromSubscript {
          if indexAt[u.name, default: [:]][scope] == nil {
            indexAt[u.name, default: [:]][scope] = u
          }
        } else if (u.role == .tensor && u.family == u.name) || u.quantity
          || (u.alone && u.counted && u.introduces)
        {
          if otherAt[u.name, default: [:]][scope] == nil {
            otherAt[u.name, default: [:]][scope] = u
          }
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
        // A problem using the letter both as an index and otherwise has its clash within it
        // (`RoleClashes`); only problems where it is purely an index are compared.
        guard let indices = indexAt[letter]?.filter({ others[$0.key] == nil }) else { continue }
        // The other problem must not use the letter as an index itself (`rows $u$ get
        // \bar{L}[b,u,v,i]`): there its index role is the one the set gives it.
        for (scope, use) in others.sorted(by: { $0.value.location < $1.value.location })
        where indexAt[letter]?[scope] == nil {
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
  }
}
