import IndexNotation

/// Sums and capitals on the sides of an equation the engine cannot read whole.
extension AuditRules {
  /// A fragment holding `=` that does not read as a whole, because its left side is no tensor
  /// (`m = \frac{1}{N}\,r[N]`, `ℛ(A) = …`) or because one side of a chain does not read
  /// (`c[n] = 2 D(u‖v) = 2 \sum_k u[n,K](…)`), is read side by side. Each side after the first
  /// that reads as an expression is checked as the right side of a scalar:
  ///
  ///     a capital in one tensor of a product, and in no other factor nor on the left,
  ///     is summed by nothing (unsummed capital);
  ///     Σ over a capital, or over a lowercase v whose body uses V and never v, is redundant.
  ///
  /// A side that does not read is read from its first top-level Σ on, for redundant sums only
  /// (its factors before the Σ are unknown, so a capital there may be summed with them). The
  /// capitals in brackets on the first side count as the left's: never reported; so do a side
  /// that is one tensor (`𝐔 = U[I,J]` names a matrix) and a capital inside a formula
  /// (`α[T−1,S−1]`: the last positions). Every side that reads, the first too, is checked for
  /// two index terms side by side (`L̃_ℓ[b,t j]`: a missing comma), where a letter the fragment
  /// only ever glues before an index is a factor of it (`Parser.gluedFactorLetters`).
  /// - Complexity: linear in the fragment's length per side.
  struct EquationSides: AuditRule {
    let id = "equation-sides"
    let summary = "unsummed capitals, redundant sums, missing commas on an unread equation's sides"
    let kinds: [Finding.Kind] = [.unsummedCapital, .redundantSum, .missingComma]

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      var out: [Finding] = []
      for r in reading.readings {
        guard case .unreadable = r.content else { continue }
        let text = Array(
          FragmentReader.blankingDerivatives(
            FragmentReader.blankingLabels(FragmentReader.trimmed(r.fragment.text))))
        let sides = Self.sides(text)
        guard sides.count >= 2 else {
          for (message, offset) in Self.bracketCommas(String(text)) {
            out.append(
              Finding(
                .missingComma, message, at: doc.location(in: r.fragment, characterOffset: offset),
                in: doc.sections[r.fragment.section], document: doc))
          }
          continue
        }
        let left = Self.bracketCapitals(sides[0].text)
        // A slice handed whole to a norm or an applied letter (`ℓ(h[b,T,J])`) is read there.
        let slices = AuditRules.sliceArgumentSpans(r.fragment.text)
        let section = doc.sections[r.fragment.section]
        // `A[b,rx+U,…]` beside `S[b,x,…]`: a letter only ever glued before an index scales it.
        let factors = Parser.gluedFactorLetters(in: String(text)).union(Parser.defaultParameters)
        for (n, side) in sides.enumerated() {
          var found: [(Finding.Kind, String, Int)] = []
          var parser = Parser(side.text, parameters: factors)
          let read = try? parser.parseExpression()
          // Two index terms side by side (`[b,t j]`) on any side that reads.
          if read != nil {
            found += parser.diagnostics.filter { $0.kind == .missingComma }.map {
              (.missingComma, $0.message, side.offset + $0.position.offset)
            }
          } else {
            // A side that does not read: its index lists one by one.
            found += Self.bracketCommas(side.text).map { (.missingComma, $0.0, side.offset + $0.1) }
          }
          if n > 0, let e = read {
            for (message, offset) in Self.unsummed(e, left: left)
            where !slices.contains(where: { $0.contains(side.offset + offset) }) {
              found.append((.unsummedCapital, message, side.offset + offset))
            }
            for (message, offset) in Self.redundant(e) {
              found.append((.redundantSum, message, side.offset + offset))
            }
          } else if n > 0, read == nil, let sum = Self.firstTopLevelSum(side.text) {
            let suffix = String(Array(side.text)[sum...])
            var again = Parser(suffix)
            guard let e = try? again.parseExpression() else { continue }
            found += Self.redundant(e).map { (.redundantSum, $0.0, side.offset + sum + $0.1) }
          }
          for (kind, message, offset) in found {
            out.append(
              Finding(
                kind, message, at: doc.location(in: r.fragment, characterOffset: offset),
                in: section, document: doc))
          }
        }
      }
      return out
    }

    /// The sides of a chain `a = b = c`, split at `=` outside brackets, braces and parentheses,
    /// with their character offsets.
    static func sides(_ chars: [Character]) -> [(text: String, offset: Int)] {
      var out: [(String, Int)] = []
      var depth = 0
      var start = 0
      for (i, c) in chars.enumerated() {
        if "[{(".contains(c) { depth += 1 }
        if "]})".contains(c) { depth -= 1 }
        if c == "=", depth == 0 {
          out.append((String(chars[start..<i]), start))
          start = i + 1
        }
      }
      out.append((String(chars[start...]), start))
      return out
    }

    /// The capital letters written inside brackets (`ℒ[b,I]` gives I).
    static func bracketCapitals(_ text: String) -> Set<Character> {
      var depth = 0
      var out = Set<Character>()
      for c in text {
        if c == "[" { depth += 1 }
        if c == "]" { depth -= 1 }
        if depth > 0, c.isUppercase { out.insert(c) }
      }
      return out
    }

    /// The character offset of the first `\sum` outside braces, brackets and parentheses.
    static func firstTopLevelSum(_ text: String) -> Int? {
      let chars = Array(text)
      let pattern = Array("\\sum")
      var depth = 0
      for i in chars.indices {
        if "[{(".contains(chars[i]) { depth += 1 }
        if "]})".contains(chars[i]) { depth -= 1 }
        if depth == 0, i + pattern.count <= chars.count, Array(chars[i..<(i + 4)]) == pattern {
          return i
        }
      }
      return nil
    }

    /// Capitals that nothing sums, with the position of their index.
    static func unsummed(_ e: IndexNotation.Expression, left: Set<Character>)
      -> [(String, Int)]
    {
      func onLeft(_ v: IndexVariable) -> Bool { v.name.contains { left.contains($0) } }
      func message(_ v: IndexVariable) -> String {
        "capital index \(v) occurs once and is not on the left, so nothing sums it"
      }
      switch e {
      case .tensor:
        // A side that is one tensor with a capital (`𝐔 = U[I,J]`) names the whole tensor.
        return []
      case .number, .scalar: return []
      case .product(let factors):
        let uses = e.references.flatMap { ref in
          ref.indices.flatMap { index in
            index.variables.filter(\.isCapital).map { ($0, index.position.offset) }
          }
        }
        var counts: [String: Int] = [:]
        for (v, _) in uses { counts[v.name, default: 0] += 1 }
        var out: [(String, Int)] = []
        var reported = Set<String>()
        let bare = Set(e.references.flatMap { $0.indices.compactMap(\.bareVariable?.name) })
        for (v, p) in uses
        where counts[v.name] == 1 && bare.contains(v.name) && !onLeft(v)
          && !reported.contains(v.name)
        {
          out.append((message(v), p))
          reported.insert(v.name)
        }
        let summed = Set(counts.keys.flatMap { $0.filter(\.isUppercase) })
        for f in factors where !isTensorFactor(f) {
          out += unsummed(f, left: left.union(summed))
        }
        return out
      case .sum(let terms): return terms.flatMap { unsummed($0.term, left: left) }
      case .function(_, let inner, _), .explicitSum(_, let inner, _):
        return unsummed(inner, left: left)
      }
    }

    /// Explicit sums over a capital, or over a lowercase letter whose body uses only its capital.
    static func redundant(_ e: IndexNotation.Expression) -> [(String, Int)] {
      var out: [(String, Int)] = []
      func walk(_ e: IndexNotation.Expression) {
        switch e {
        case .tensor, .number, .scalar: break
        case .product(let fs): for f in fs { walk(f) }
        case .sum(let ts): for t in ts { walk(t.term) }
        case .function(_, let inner, _): walk(inner)
        case .explicitSum(let vars, let inner, let p):
          for v in vars where v.isCapital {
            out.append(
              (
                "Σ over \(v) is redundant: the convention already sums a capital that a "
                  + "product repeats", p.offset
              ))
          }
          walk(inner)
        }
      }
      walk(e)
      out += redundantLowercaseSums(e).map { v, p in
        (redundantLowercaseSumMessage(v), p.offset)
      }
      return out
    }
  }
}
