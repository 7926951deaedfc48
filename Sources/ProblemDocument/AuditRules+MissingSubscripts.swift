import IndexNotation

/// Families of tensors indexed by a layer or a scale.
extension AuditRules {
  /// A layer- or scale-indexed family used without its subscript: (i) a use with no subscript of
  /// a family that is otherwise always subscripted and not introduced on its own (L̂[n] beside
  /// L̂_ℓ), once a subscripted member has been written (a plain name before any is the general
  /// form a later variant specializes); (ii) in an equation, a parameter tensor without the layer subscript its fellow
  /// parameters carry (B[n_out] beside K_{ℓ+1}); (iii) a derivative with respect to a member
  /// of a subscripted family, written plain while its right side carries layer subscripts.
  struct MissingSubscripts: AuditRule {
    let id = "missing-subscripts"
    let summary = "a layer- or scale-indexed family used without its subscript"
    let kinds: [Finding.Kind] = [.missingSubscript]

    func findings(in reading: AuditReading) -> [Finding] {
      let symbols = reading.symbols
      let readings = reading.readings
      let doc = reading.document
      var out: [Finding] = []
      var subscripted: [String: SymbolUse] = [:]
      var introducedPlain = Set<String>()
      // Plain names introduced other than as the variable of a derivative (`∂ℒ/∂V[j,i] = …`
      // defines no V of its own).
      var definedPlain = Set<String>()
      for u in symbols.uses where u.role == .tensor {
        let scope = DocumentSymbols.scope(doc.sections[u.section])
        if u.subscripted, subscripted[scope + "\u{0}" + u.family] == nil {
          subscripted[scope + "\u{0}" + u.family] = u
        }
        if !u.subscripted && u.introduces { introducedPlain.insert(scope + "\u{0}" + u.name) }
        if !u.subscripted && u.introduces && !(u.onLeft && AuditRules.inDerivative(u, doc)) {
          definedPlain.insert(scope + "\u{0}" + u.name)
        }
      }
      // (In solutions a derivative is often taken by the family's plain name: not counted there,
      // except inside a product or sum over the layer letter, which binds the subscript.)
      for u in symbols.uses where u.role == .tensor && !u.subscripted {
        let scope = DocumentSymbols.scope(doc.sections[u.section])
        // `$W^2$ costs $BIJ$ per block`: a bare name alone in prose, with no index list, names
        // the family's member in general (whichever layer the sentence is about); the reader
        // cannot tell a dropped subscript there. A written index list or equation is checked.
        if u.alone && u.indices.isEmpty && !u.inEquation { continue }
        // A plain name the preamble introduces is one tensor of its own in every problem.
        guard !introducedPlain.contains(scope + "\u{0}" + u.name),
          !introducedPlain.contains("\u{0}" + u.name),
          let other = subscripted[scope + "\u{0}" + u.family], other.location < u.location,
          doc.sections[u.section].kind != .solution || AuditRules.insideLayerBound(u, doc)
        else { continue }
        out.append(
          Finding(
            .missingSubscript,
            "\(displayName(u.name)) is written without the subscript its family carries elsewhere "
              + "(\(displayName(other.name)) at \(other.location))",
            at: u.location, in: doc.sections[u.section], document: doc))
      }
      for r in readings {
        guard case .equations(let rows) = r.content else { continue }
        for row in rows {
          let eq = row.equation
          let lhsBase = eq.lhs.name.base
          let parameters = eq.rhsReferences.filter { $0.name.base != lhsBase }
          let layered = parameters.filter { $0.name.subscriptText.map(isLayerSubscript) ?? false }
          guard let example = layered.first else { continue }
          let scope = DocumentSymbols.scope(doc.sections[r.fragment.section])
          // `∂ℒ/∂A[r,i] = … C_ℓ[J,r] h_ℓ[B,i]`: a derivative taken with respect to a member of
          // a subscripted family, written without the subscript its right side's tensors carry.
          if r.fragment.text.hasSubstring("\\partial"), eq.lhs.name.subscriptText == nil,
            let other = subscripted[scope + "\u{0}" + DocumentSymbols.family(eq.lhs.name)],
            !definedPlain.contains(scope + "\u{0}" + DocumentSymbols.key(eq.lhs.name)),
            !definedPlain.contains("\u{0}" + DocumentSymbols.key(eq.lhs.name))
          {
            out.append(
              Finding(
                .missingSubscript,
                "the derivative is taken with respect to \(eq.lhs.name), written without the "
                  + "subscript of its family (\(displayName(other.name)) at \(other.location)) "
                  + "while \(example.name) on the right carries one",
                at: doc.location(
                  in: r.fragment, characterOffset: row.offset + eq.lhs.position.offset),
                in: doc.sections[r.fragment.section], document: doc))
          }
          // A tensor the preamble or this problem introduces without a subscript (an adjacency, a
          // fixed input) is one tensor for every layer by definition.
          for p in parameters
          where p.name.subscriptText == nil
            && !introducedPlain.contains(scope + "\u{0}" + DocumentSymbols.key(p.name))
            && !introducedPlain.contains("\u{0}" + DocumentSymbols.key(p.name))
          {
            out.append(
              Finding(
                .missingSubscript,
                "the \(p.name) of this equation has no layer subscript while \(example.name) has one: as "
                  + "written one \(p.name) serves every layer",
                at: doc.location(in: r.fragment, characterOffset: row.offset + p.position.offset),
                in: doc.sections[r.fragment.section], document: doc))
          }
        }
      }
      return out
    }
  }

  /// A use that stands after `\prod_{ℓ…}` or `\sum_{ℓ…}` in its fragment: the product or sum
  /// runs over the layers, so a family member written there without ℓ misses it.
  static func insideLayerBound(_ u: SymbolUse, _ doc: ProblemSetDocument) -> Bool {
    guard let f = doc.sections[u.section].fragment(containing: u.location.offset) else {
      return false
    }
    let before = String(
      String.UnicodeScalarView(f.text.unicodeScalars.prefix(u.location.offset - f.location.offset)))
    return ["\\prod_", "\\sum_", "∏_", "∑_"].contains { op in
      before.components(separatedBy: op).dropFirst().contains { tail in
        let bound = tail.hasPrefix("{") ? tail.dropFirst().prefix { $0 != "}" } : tail.prefix(6)
        return bound.hasPrefix("\\ell") || bound.hasPrefix("ℓ")
      }
    }
  }

  /// Whether a use stands in a fragment that takes a derivative (`\partial`, `∂`).
  static func inDerivative(_ u: SymbolUse, _ doc: ProblemSetDocument) -> Bool {
    guard let f = doc.sections[u.section].fragment(containing: u.location.offset) else {
      return false
    }
    return f.text.hasSubstring("\\partial") || f.text.contains("∂")
  }

  /// A subscript naming a layer or a scale: it mentions ℓ or s.
  static func isLayerSubscript(_ s: String) -> Bool {
    s.contains("ℓ") || s.split(separator: ",").contains { $0.hasPrefix("l") && $0.count <= 3 }
  }
}
