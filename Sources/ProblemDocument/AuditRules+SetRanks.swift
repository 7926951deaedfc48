import IndexNotation

/// A tensor's rank compared with the rank the rest of the set writes it with.
extension AuditRules {
  /// A tensor family (`m_ℓ`, `x_ℓ` and `x_{ℓ−1}` are one family) that the set writes with one
  /// rank in at least two places, first in an earlier problem, and that one later problem writes
  /// only with another rank it never introduces there: the later problem drops or adds an index.
  /// A problem that introduces the family anew (a phrase naming it, or an equation defining it
  /// from other tensors) gives it its own rank; setting it to a number (`m_ℓ[n,j] = 0`) is a use.
  /// So does one whose prose says an index is dropped, where its rank is one less and its
  /// letters are the usual ones with one taken out.
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
      var dropsSaid: [String: Bool] = [:]
      var sectionsOf: [String: [Int]] = [:]
      for (k, section) in doc.sections.enumerated() {
        sectionsOf[DocumentSymbols.scope(section), default: []].append(k)
      }
      // The sizes each problem introduces (`uses $H$ heads`): a new axis of that problem.
      var sizesIntroduced: [String: Set<String>] = [:]
      for u in symbols.uses where u.role == .size && u.introduces {
        sizesIntroduced[DocumentSymbols.scope(doc.sections[u.section]), default: []].insert(u.name)
      }
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
          !oddUses.contains(where: { $0.introduces && !Self.setToNumber($0, doc) }),
          !(odd + 1 == usual && oddUses.allSatisfy({ Self.dropsOne(first, $0) })
            && Self.saysDropped(scope, sectionsOf[scope] ?? [], doc, &dropsSaid)),
          !(odd == usual + 1
            && oddUses.allSatisfy({ u in
              Self.addedLetter(first, u).map { sizesIntroduced[scope]?.contains($0) ?? false }
                ?? false
            }))
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

    /// Whether `short`'s index letters are `full`'s with one position taken out (a position
    /// holding a formula, such as t − 1, or a capital, a summed index, matches any letter).
    static func dropsOne(_ full: SymbolUse, _ short: SymbolUse) -> Bool {
      let a = full.bareIndices
      let b = short.bareIndices
      guard a.count == b.count + 1 else { return false }
      return a.indices.contains { p in
        var rest = a
        rest.remove(at: p)
        return zip(rest, b).allSatisfy { x, y in
          guard let x, let y else { return true }
          return x == y || [x, y].contains { $0.first?.isUppercase ?? false }
        }
      }
    }

    /// The capital of the one letter `long` adds to `usual`'s index letters (`W^K[h,k,I]`
    /// beside `W^K[k,I]` gives H), when `long`'s letters are `usual`'s with one lowercase letter
    /// put in that `usual` never carries; nil otherwise. A problem that introduces that size
    /// (`$H$ heads`) gives the tensor an axis over it — a multi-head, per-layer or per-group
    /// copy of the tensor — and so writes its own rank, as a problem introducing the tensor
    /// anew does.
    static func addedLetter(_ usual: SymbolUse, _ long: SymbolUse) -> String? {
      let a = usual.bareIndices
      let b = long.bareIndices
      guard b.count == a.count + 1 else { return nil }
      for p in b.indices {
        guard let added = b[p], added.count == 1, added.first?.isLowercase == true,
          !a.contains(where: { $0 == added })
        else { continue }
        var rest = b
        rest.remove(at: p)
        if zip(a, rest).allSatisfy({ $0 == $1 }) { return added.uppercased() }
      }
      return nil
    }

    /// Whether a scope's prose says an index is dropped or omitted ("the batch index is
    /// dropped"): it states the lower rank, so the problem's rank is its own. Read once per
    /// scope.
    static func saysDropped(
      _ scope: String, _ sections: [Int], _ doc: ProblemSetDocument,
      _ said: inout [String: Bool]
    ) -> Bool {
      if let known = said[scope] { return known }
      let words = doc.prose(in: sections).lowercased().split { !$0.isLetter }
      let names = words.contains { $0 == "index" || $0 == "indices" }
      let drops = words.contains { $0.hasPrefix("drop") || $0.hasPrefix("omit") }
      said[scope] = names && drops
      return names && drops
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
