import IndexNotation

/// Equation rules the engine's per-equation checker does not make: a Σ over a letter whose
/// capital the body already sums, and a threshold added to a pre-activation outside σ.
extension AuditRules {
  /// For every equation read: (i) `Σ_b … r[B,e] x[B,i]`: a sum over b whose body never uses b
  /// but repeats the capital B, which the convention already sums (a redundant Σ); (ii)
  /// `z = W[j,I] h[b,I] + A[j]`: a tensor the text calls a threshold added, at the top of a
  /// right side holding a product of tensors, against the convention that subtracts it.
  /// - Complexity: linear in the equations' sizes.
  struct SumsAndThresholds: AuditRule {
    let id = "sums-and-thresholds"
    let summary = "a redundant Σ and a threshold added against the convention"
    let kinds: [Finding.Kind] = [.redundantSum, .thresholdSign]

    func findings(in reading: AuditReading) -> [Finding] {
      let readings = reading.readings
      let doc = reading.document
      let thresholds = reading.thresholds
      var out: [Finding] = []
      for r in readings {
        guard case .equations(let rows) = r.content else { continue }
        let section = doc.sections[r.fragment.section]
        func at(_ p: SourcePosition, _ row: ReadEquation) -> DocumentLocation {
          doc.location(in: r.fragment, characterOffset: row.offset + p.offset)
        }
        for row in rows {
          for (v, p) in redundantLowercaseSums(row.equation.rhs) {
            out.append(
              Finding(
                .redundantSum,
                redundantLowercaseSumMessage(v),
                at: at(p, row), in: section, document: doc))
          }
          guard case .sum(let terms) = row.equation.rhs,
            terms.contains(where: { t in
              if case .product(let fs) = t.term { return fs.filter(isTensorFactor).count >= 2 }
              return false
            })
          else { continue }
          for t in terms where t.sign > 0 {
            guard case .tensor(let ref) = t.term, thresholds.contains(ref.name.base) else {
              continue
            }
            out.append(
              Finding(
                .thresholdSign,
                "the threshold \(ref.name) is added to the weighted sum; the convention subtracts it "
                  + "(W·h − B)",
                at: at(ref.position, row), in: section, document: doc))
          }
        }
      }
      return out
    }
  }

  static func isTensorFactor(_ e: IndexNotation.Expression) -> Bool {
    if case .tensor = e { return true }
    return false
  }

  /// The finding's message for a Σ over a lowercase `v` whose body repeats only `V`.
  static func redundantLowercaseSumMessage(_ v: String) -> String {
    "Σ over \(v) sums a letter its body never uses, while the body repeats "
      + "\(v.uppercased()), which the convention already sums: the Σ is redundant (or the "
      + "capital should be \(v))"
  }

  /// Explicit sums over a lowercase letter whose body does not use it but uses its capital.
  static func redundantLowercaseSums(_ e: IndexNotation.Expression) -> [(String, SourcePosition)] {
    switch e {
    case .tensor, .number, .scalar: return []
    case .product(let fs): return fs.flatMap(redundantLowercaseSums)
    case .sum(let ts): return ts.flatMap { redundantLowercaseSums($0.term) }
    case .function(_, let inner, _): return redundantLowercaseSums(inner)
    case .explicitSum(let vars, let inner, let p):
      let used = Set(inner.references.flatMap { $0.indices.flatMap(\.variables) }.map(\.name))
      let own = vars.filter { v in
        !v.isCapital && !used.contains(v.name) && used.contains(v.name.uppercased())
      }.map { ($0.name, p) }
      return own + redundantLowercaseSums(inner)
    }
  }
}
