import IndexNotation

/// An input written, inside an equation, with the letter of the output's channel.
extension AuditRules {
  /// `o[n,k] = σ(A[k,ΔT,M] u[n+ΔT,k] − c[k])`: in a product of an equation, a weight holds
  /// the output's channel letter k and a capital M that nothing sums (it occurs once in the
  /// product and not on the left), and another tensor of the product has k at its last
  /// (channel) position. The input is written with the output's letter where the weight's
  /// summed letter belongs. A product whose capitals are all repeated is silent (a depthwise
  /// or gating product keeps k on purpose). A chain the engine cannot read whole is read by its
  /// first two sides.
  /// - Complexity: linear in the equations' sizes.
  struct EquationInputLetters: AuditRule {
    let id = "equation-input-letters"
    let summary = "an input written with the output's channel letter inside an equation"
    let kinds: [Finding.Kind] = [.inputLetter]

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      var out: [Finding] = []
      for r in reading.readings {
        for row in Self.definitions(r) {
          let lhs = row.lhs
          guard let j = lhs.indices.last?.bareVariable, !j.isCapital else { continue }
          let left = Set(lhs.indices.flatMap(\.variables).filter(\.isCapital).map(\.name))
          for factors in Self.products(row.rhs) {
            let tensors = factors.compactMap { f -> TensorReference? in
              if case .tensor(let t) = f { return t }
              return nil
            }
            // A capital repeated inside a function factor (`t[n,K] \log p[n,K]`) is summed too.
            var counts: [String: Int] = [:]
            for t in factors.flatMap(\.references) {
              for v in t.indices.flatMap(\.variables) where v.isCapital {
                counts[v.name, default: 0] += 1
              }
            }
            let unsummed = Set(counts.filter { $0.value == 1 && !left.contains($0.key) }.map(\.key))
            guard
              let weight = tensors.first(where: { t in
                let bare = t.indices.compactMap(\.bareVariable)
                return bare.contains(j) && bare.contains { unsummed.contains($0.name) }
              }),
              let capital = weight.indices.compactMap(\.bareVariable).first(where: {
                unsummed.contains($0.name)
              }),
              let input = tensors.first(where: {
                $0.name != weight.name && $0.name != lhs.name
                  && ($0.name.base != lhs.name.base || $0.name.subscriptText != nil)
                  && $0.indices.last?.bareVariable == j
              })
            else { continue }
            out.append(
              Finding(
                .inputLetter,
                "\(input) is written with \(j), the letter of the output's channel, while "
                  + "\(capital) of \(weight) is summed by nothing: the input's channel is "
                  + "\(capital)",
                at: doc.location(
                  in: r.fragment, characterOffset: row.offset + input.position.offset),
                in: doc.sections[r.fragment.section], document: doc))
          }
        }
      }
      return out
    }

    /// A fragment's equations as left tensor, right side and the right side's character offset
    /// in the fragment (which the right side's positions count from): every row read, or, for a
    /// chain the engine cannot read whole (`d[x,c] = W[c,J] h[x,J] = 0`), its first two sides
    /// when they read as a tensor and an expression.
    static func definitions(_ r: ReadFragment)
      -> [(lhs: TensorReference, rhs: IndexNotation.Expression, offset: Int)]
    {
      switch r.content {
      case .equations(let rows):
        return rows.map { ($0.equation.lhs, $0.equation.rhs, $0.offset) }
      case .unreadable:
        let text = FragmentReader.blankingDerivatives(
          FragmentReader.blankingLabels(FragmentReader.trimmed(r.fragment.text)))
        let sides = EquationSides.sides(Array(text))
        guard sides.count >= 2 else { return [] }
        var left = Parser(sides[0].text)
        var right = Parser(sides[1].text)
        guard case .tensor(let lhs)? = try? left.parseExpression(),
          let rhs = try? right.parseExpression()
        else { return [] }
        return [(lhs, rhs, sides[1].offset)]
      default:
        return []
      }
    }

    /// The factor lists of every product in an expression.
    static func products(_ e: IndexNotation.Expression) -> [[IndexNotation.Expression]] {
      switch e {
      case .tensor, .number, .scalar: return []
      case .product(let fs): return [fs] + fs.flatMap(products)
      case .sum(let ts): return ts.flatMap { products($0.term) }
      case .function(_, let inner, _), .explicitSum(_, let inner, _): return products(inner)
      }
    }
  }
}
