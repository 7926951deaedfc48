import IndexNotation

/// A tensor written without the subscript that its own equation shows it needs.
extension AuditRules {
  /// In one equation, a tensor P on the right written without a subscript where
  /// (a) the same family stands on that right side with a layer subscript (`s_{ℓ−1}[n,M]` and
  ///     `s[n−1,M]` in one step of layer ℓ); or
  /// (b) a subscript s that the left side carries, or that two other tensors of the right side
  ///     share (`A_q`, `c_q`), is one the document writes P with elsewhere (`R_q` beside
  ///     `R[k,K]`; `v_t` beside `e_t[i] = ReLU(A[i,M] v[M])`), and P is not introduced
  ///     without it in the problem or the preamble (elsewhere than on the equation's line).
  /// The left side's own family is not checked (`x_{t}[i] = x_{t−1}[i] + …` is a recursion).
  /// Places `missingSubscripts` reports already are left to it.
  /// - Complexity: linear in the equations' references times the document's names.
  struct SubscriptsInEquations: AuditRule {
    let id = "subscripts-in-equations"
    let summary = "a tensor without the subscript its equation's other tensors carry"
    let kinds: [Finding.Kind] = [.missingSubscript]

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      let symbols = reading.symbols
      let already = Set(MissingSubscripts().findings(in: reading).map(\.location))
      var used = Set<String>()
      var introducedPlain: [String: [Int]] = [:]  // scope + name → lines
      for u in symbols.uses where u.role == .tensor {
        let scope = DocumentSymbols.scope(doc.sections[u.section])
        used.insert(scope + "\u{0}" + u.name)
        used.insert("\u{0}" + u.name)
        if !u.subscripted && u.introduces {
          introducedPlain[scope + "\u{0}" + u.name, default: []].append(u.location.line)
        }
      }
      var out: [Finding] = []
      for r in reading.readings {
        guard case .equations(let rows) = r.content else { continue }
        let section = doc.sections[r.fragment.section]
        let scope = DocumentSymbols.scope(section)
        for row in rows {
          let eq = row.equation
          let others = eq.rhsReferences.filter { $0.name.base != eq.lhs.name.base }
          var shared: [String: Int] = [:]
          for p in others { if let s = p.name.subscriptText { shared[s, default: 0] += 1 } }
          // A step from `H_ℓ` to `H_{ℓ+1}` whose other names are all written plain (`W^{a}`,
          // `β`) writes its parameters as one set shared by every layer: the left side's
          // subscript is no witness then.
          let tiedStep =
            !others.contains { $0.name.subscriptText != nil }
            && eq.rhsReferences.contains {
              $0.name.base == eq.lhs.name.base && $0.name.subscriptText != nil
            }
          let candidates = Set(shared.filter { $0.value >= 2 }.map(\.key))
            .union(tiedStep ? [] : (eq.lhs.name.subscriptText.map { [$0] } ?? []))
          var reported = Set<String>()
          // The first reference of each family (base and superscript) with a layer subscript:
          // one pass, so a long equation costs linear time.
          var layeredFamilies: [String: TensorReference] = [:]
          for q in others where q.name.subscriptText.map(isLayerSubscript) ?? false {
            let family = q.name.base + "\u{0}" + (q.name.superscriptText ?? "")
            if layeredFamilies[family] == nil { layeredFamilies[family] = q }
          }
          for p in others where p.name.subscriptText == nil {
            let key = DocumentSymbols.key(p.name)
            guard !reported.contains(key) else { continue }
            let layered = layeredFamilies[p.name.base + "\u{0}" + (p.name.superscriptText ?? "")]
            let at = doc.location(in: r.fragment, characterOffset: row.offset + p.position.offset)
            // The reference itself may read as introducing its name: only another place counts.
            let plain = [scope, ""].contains {
              introducedPlain[$0 + "\u{0}" + key]?.contains { $0 != at.line } ?? false
            }
            let elsewhere = candidates.sorted().first { s in
              let k = DocumentSymbols.key(
                TensorName(base: p.name.base, subscript: s, superscript: p.name.superscriptText))
              return used.contains(scope + "\u{0}" + k) || used.contains("\u{0}" + k)
            }
            let witness: String
            if let layered {
              witness = "\(layered.name) stands in the same equation"
            } else if let s = elsewhere, !plain {
              let full = TensorName(
                base: p.name.base, subscript: s, superscript: p.name.superscriptText)
              witness = "the document writes it \(full) and this equation's other names carry _\(s)"
            } else {
              continue
            }
            guard !already.contains(at) else { continue }
            reported.insert(key)
            out.append(
              Finding(
                .missingSubscript,
                "\(p.name) is written without a subscript, but \(witness): as written one "
                  + "\(p.name) serves every \(p.name.base)", at: at, in: section, document: doc))
          }
        }
      }
      return out
    }
  }
}
