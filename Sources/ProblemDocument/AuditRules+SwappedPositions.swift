import IndexNotation

/// Index letters exchanged between two positions of one tensor.
extension AuditRules {
  /// Within a problem, a use of a tensor whose index letters are those of its first use with two
  /// positions exchanged: `W[j,i]`, then `W[I,j]`; `s[b,t,i]`, then `s[b,I,t−ΔT]`. A position's
  /// letter is its one variable (offsets such as ΔT set aside, capitals read as their letter).
  /// Renaming a bound letter changes a letter, never exchanges two; a true transpose of one
  /// range (`A[t,t′]` and `A[t′,t]`, or sizes the set declares or writes as equal) is left alone,
  /// since the two letters then range over the same values. A tensor `indexLists` reports is
  /// left to it.
  /// - Complexity: O(u·r²) for u uses of rank r, besides `indexLists` and one `sizeClasses`
  ///   per problem.
  struct SwappedPositions: AuditRule {
    let id = "swapped-positions"
    let summary = "a tensor's index letters exchanged between two positions"
    let kinds: [Finding.Kind] = [.indexLists]

    func findings(in reading: AuditReading) -> [Finding] {
      let symbols = reading.symbols
      let doc = reading.document
      // Per name across the set: a problem's uses are compared with its own first use, or, for
      // that first use, with the set's first (a tensor of an earlier problem carried on).
      var groups: [String: [SymbolUse]] = [:]
      var order: [String] = []
      for u in symbols.uses where u.role == .tensor && u.indices.count >= 2 {
        if groups[u.name] == nil { order.append(u.name) }
        groups[u.name, default: []].append(u)
      }
      let positions = positionClasses(symbols)
      // A tensor the index-lists rule already reports is left to it: it reports the spelling
      // most uses disagree with, which an exchange against the first use may not be.
      let atFindings = Set(IndexLists().findings(in: reading).map(\.location))
      let leftToIndexLists = Set(
        symbols.uses.filter { atFindings.contains($0.location) }.map(\.name))
      var out: [Finding] = []
      var reported = Set<String>()
      let classesIn = symbols.sizeClasses(in: Set(doc.sections.map(DocumentSymbols.scope)))
      for key in order where !leftToIndexLists.contains(key) {
        let all = groups[key]!
        var firstIn: [String: SymbolUse] = [:]
        for u in all where firstIn[DocumentSymbols.scope(doc.sections[u.section])] == nil {
          firstIn[DocumentSymbols.scope(doc.sections[u.section])] = u
        }
        for u in all {
          let scope = DocumentSymbols.scope(doc.sections[u.section])
          guard !reported.contains(scope + "\u{0}" + key),
            let own = firstIn[scope], let first = own.location < u.location ? own : all.first,
            first.location < u.location, u.indices.count == first.indices.count
          else { continue }
          let classes = classesIn[scope] ?? [:]
          // A letter's range, primed and numbered copies (t′, t_1) with their letter.
          func size(_ letter: String) -> String {
            var plain = letter.filter { $0 != "′" }
            if let u = plain.lastIndex(of: "_"),
              plain[plain.index(after: u)...].allSatisfy(\.isNumber)
            {
              plain = String(plain[..<u])
            }
            let s = IndexVariable(plain).rangeSymbol
            let p = positions[s] ?? s
            return classes[p] ?? p
          }
          let ref = first.indices.map(Self.letter)
          let known = ref.compactMap { $0 }
          guard known.count >= 2, Set(known).count == known.count else { continue }
          let mine = u.indices.map(Self.letter)
          guard let (p, q) = Self.exchange(ref, mine), let a = ref[p], let b = ref[q],
            size(a) != size(b)
          else { continue }
          reported.insert(scope + "\u{0}" + key)
          out.append(
            Finding(
              .indexLists,
              "\(displayName(u.name)) has \(b) at position \(p + 1) and \(a) at position \(q + 1) "
                + "here, the other way round from \(displayName(first.name))"
                + "[\(first.indices.joined(separator: ","))] at \(first.location): two positions "
                + "exchanged",
              at: u.location, in: doc.sections[u.section], document: doc,
              evidence: "written \(displayName(first.name))[\(first.indices.joined(separator: ","))"
                + "] and \(displayName(u.name))[\(u.indices.joined(separator: ","))]"))
        }
      }
      return out
    }

    /// The two positions whose letters `use` exchanges relative to `ref`, when every other
    /// position with a letter in both agrees.
    static func exchange(_ ref: [String?], _ use: [String?]) -> (Int, Int)? {
      var swapped: (Int, Int)?
      for p in ref.indices {
        guard let a = ref[p], let x = use[p], a != x else { continue }
        guard swapped == nil || swapped!.1 == p else { return nil }
        if swapped != nil { continue }
        guard let q = ref.indices.first(where: { $0 > p && ref[$0] == x }), use[q] == a else {
          return nil
        }
        swapped = (p, q)
      }
      return swapped
    }

    /// The one variable of an index expression, lower-cased (`I` → i, `t−ΔT` → t); nil for none
    /// or several (`(t+1) mod T` → t; `x+y` → nil). Offsets (Δ, δ) and numbers are set aside.
    static func letter(_ index: String) -> String? {
      var tokens: [String] = []
      var current = ""
      for c in index {
        if c.isLetter || c == "′" || c == "_" || c.isNumber && !current.isEmpty {
          current.append(c)
        } else {
          if !current.isEmpty { tokens.append(current) }
          current = ""
        }
      }
      if !current.isEmpty { tokens.append(current) }
      let letters = Set(
        tokens.filter { !$0.hasPrefix("Δ") && !$0.hasPrefix("δ") }.compactMap { t -> String? in
          let base = t.prefix { $0 != "_" }
          guard base.filter({ $0 != "′" }).count == 1 else { return nil }
          return t.lowercased()
        })
      return letters.count == 1 ? letters.first : nil
    }
  }
}
