import IndexNotation

/// Names that stand for a family indexed by their subscript.
extension AuditRules {
  /// Scalars and sizes defined with a subscript that is one lowercase letter (`a_t = …`,
  /// `where $c_k$ is …`): the definition holds for each value the letter takes, so `a_T`,
  /// `a_1` and the bare `a` ("the $a$'s") name members of the same family. Returns, for a used
  /// name, the first such definition of its family, or nil.
  /// - Complexity: O(u) to build, O(1) per lookup.
  static func scalarFamilies(_ symbols: DocumentSymbols) -> (String) -> DocumentLocation? {
    var first: [String: DocumentLocation] = [:]
    for u in symbols.uses where u.introduces && (u.role == .scalar || u.role == .size) {
      guard let bar = u.name.firstIndex(of: "_") else { continue }
      let sub = u.name[u.name.index(after: bar)...]
      guard sub.count == 1, sub.first!.isLowercase else { continue }
      let base = String(u.name[..<bar])
      if first[base].map({ u.location < $0 }) ?? true { first[base] = u.location }
    }
    return { name in first[String(name.prefix { $0 != "_" })] }
  }
}

extension AuditRules {
  /// The single letters written in the subscripts of an equation's tensors (t in `x_t[i]`):
  /// parameters the whole equation is stated for, like a layer ℓ, not indices that must stand on
  /// both sides.
  static func subscriptParameters(_ equation: Equation) -> Set<String> {
    subscriptLetters(equation)
  }

  /// Capitals written as an offset beside a lowercase index (`k − F_1` in `p[b,k − F_1]`, a
  /// block's start in a concatenation): a size added to a position, not a slice to sum. Offsets
  /// written with Δ (`x + ΔX`) stay slices, and so does a capital that stands alone at some
  /// position of the equation.
  static func offsetSizes(_ equation: Equation) -> Set<String> {
    let letters = indexLetters(equation)
    return letters.capitalsBeside.subtracting(letters.alone)
  }

  /// One walk over an equation's index positions: the letters that stand alone at some
  /// position, the lowercase letters written in a compound position (`t − τ`), and the capitals
  /// (not Δ or δ names) written in a compound position beside a lowercase letter (`k − F_1`).
  /// - Complexity: linear in the equation's indices.
  static func indexLetters(_ equation: Equation)
    -> (alone: Set<String>, lowercaseBeside: Set<String>, capitalsBeside: Set<String>)
  {
    var (alone, lowercaseBeside, capitalsBeside) = (Set<String>(), Set<String>(), Set<String>())
    for ref in [equation.lhs] + equation.rhsReferences {
      for index in ref.indices {
        if let v = index.bareVariable {
          alone.insert(v.name)
          continue
        }
        let lowercase = index.variables.filter { !$0.isCapital }
        for v in lowercase { lowercaseBeside.insert(v.name) }
        guard !lowercase.isEmpty else { continue }
        for v in index.variables
        where v.isCapital && !v.name.hasPrefix("Δ") && !v.name.hasPrefix("δ") {
          capitalsBeside.insert(v.name)
        }
      }
    }
    return (alone, lowercaseBeside, capitalsBeside)
  }

  static func subscriptLetters(_ equation: Equation) -> Set<String> {
    var out = Set<String>()
    for ref in [equation.lhs] + equation.rhsReferences {
      guard let sub = ref.name.subscriptText else { continue }
      for part in sub.split(whereSeparator: { !$0.isLetter }) where part.count == 1 {
        out.insert(String(part))
      }
    }
    return out
  }
}
