import IndexNotation

/// A tensor's rank compared with the rank the rest of the set writes it with.
extension AuditRules {
  /// A tensor family (`m_ℓ`, `x_ℓ` and `x_{ℓ−1}` are one family) that the set writes with one
  /// rank in at least two places, first in an earlier problem, and that one later problem writes
  /// only with another rank it never introduces there: the later problem drops or adds an index.
  /// A problem that introduces the family anew (a phrase naming it, or an equation defining it
  /// from other tensors) gives it its own rank; setting it to a number (`m_ℓ[n,j] = 0`) is a use.
  /// Problems that use the family with two ranks are `IndexLists`' to judge.
  /// - Complexity: linear in the uses (and each use's fragment once).
  struct SetRanks: AuditRule {
    let id = "set-ranks"
    let summary = "a tensor written in one problem with a rank the rest of the set never gives it"
    let kinds: [Finding.Kind] = [.rankMismatch]

    func findings(in reading: AuditReading) -> [Finding] {
      let symbols = reading.symbols
      let doc = reading.document
      var byFamily: [String: [SymbolUse]] = [:]
      var order: [String] = []
      for u in symbols.uses where u.role == .tensor && !u.bareIndices.isEmpty {
        if byFamily[u.family] == nil { order.append(u.family) }
        byFamily[u.family, default: []].append(u)
      }
      var out: [Finding] = []
      for family in order {
        let uses = byFamily[family]!
        var ranks: [Int: Int] = [:]
        for u in uses { ranks[u.indices.count, default: 0] += 1 }
        guard ranks.count == 2, let first = uses.first else { continue }
        let usual = first.indices.count
        guard let odd = ranks.keys.first(where: { $0 != usual }), ranks[usual]! >= 2 else {
          continue
        }
        let oddUses = uses.filter { $0.indices.count == odd }
        let scopes = Set(oddUses.map { DocumentSymbols.scope(doc.sections[$0.section]) })
        guard scopes.count == 1, let scope = scopes.first,
          DocumentSymbols.scope(doc.sections[first.section]) != scope,
          first.location < oddUses[0].location,
          !uses.contains(where: {
            DocumentSymbols.scope(doc.sections[$0.section]) == scope && $0.indices.count == usual
          }),
          !oddUses.contains(where: { $0.introduces && !Self.setToNumber($0, doc) })
        else { continue }
        let u = oddUses[0]
        out.append(
          Finding(
            .rankMismatch,
            "\(displayName(u.name)) is used with \(odd) indices here, but the set writes it with "
              + "\(usual) (first at \(first.location))",
            at: u.location, in: doc.sections[u.section], document: doc))
      }
      return out
    }

    /// Whether the use is the left side of an equation whose right side is a number.
    static func setToNumber(_ u: SymbolUse, _ doc: ProblemSetDocument) -> Bool {
      guard u.onLeft, let f = doc.sections[u.section].fragment(containing: u.location.offset),
        let eq = f.text.firstIndex(of: "=")
      else { return false }
      let right = f.text[f.text.index(after: eq)...].filter { !$0.isWhitespace }
      return !right.isEmpty && right.allSatisfy { $0.isNumber || $0 == "." || $0 == "-" }
    }
  }
}
