import IndexNotation

/// A threshold whose sign a problem itself fixes, written with the other sign later.
extension AuditRules {
  /// An affine pre-activation is a signed sum holding a product of at least two tensors
  /// (`W[k,I] h[b,I] − a[k]`, at the top of a side or inside σ, relu, softmax). A lone tensor
  /// subtracted from such a sum fixes its sign; the same tensor (name and rank) added to such
  /// a sum at the next place the document writes it contradicts that and is a finding there,
  /// whether or not the text calls it a threshold. Problems of a set build on each other (a
  /// setup stated in one numbered item, restated in the next), so the previous place is
  /// looked for in the whole document. A tensor added first fixes nothing. The top of an
  /// equation's right side with a tensor the text calls a threshold is left to
  /// `SumsAndThresholds`.
  /// - Complexity: linear in the equations' sizes.
  struct ThresholdSigns: AuditRule {
    let id = "threshold-signs"
    let summary = "a threshold added where the same problem subtracts it"
    let kinds: [Finding.Kind] = [.thresholdSign]

    /// A lone tensor of an affine sum: its name, its sign, and its place in the document.
    struct Term {
      let name: String
      let rank: Int
      let sign: Int
      let location: DocumentLocation
      let section: Int
      let coveredElsewhere: Bool
    }

    func findings(in reading: AuditReading) -> [Finding] {
      let doc = reading.document
      var terms: [Term] = []
      var inActivations: [(ActivationThreshold, DocumentLocation, Int)] = []
      for r in reading.readings {
        func place(_ p: SourcePosition, _ rowOffset: Int) -> DocumentLocation {
          doc.location(in: r.fragment, characterOffset: rowOffset + p.offset)
        }
        switch r.content {
        case .equations(let rows):
          for row in rows {
            for (ref, sign, top) in AuditRules.affineTerms(row.equation.rhs, top: true) {
              terms.append(
                Term(
                  name: ref.name.description, rank: ref.indices.count, sign: sign,
                  location: place(ref.position, row.offset), section: r.fragment.section,
                  coveredElsewhere: top && reading.thresholds.contains(ref.name.base)))
            }
            for t in AuditRules.activationThresholds(row.equation.rhs, inside: false) {
              inActivations.append(
                (t, place(t.ref.position, row.offset), r.fragment.section))
            }
          }
        case .expression(let e, _, _):
          for (ref, sign, _) in AuditRules.affineTerms(e, top: false) {
            terms.append(
              Term(
                name: ref.name.description, rank: ref.indices.count, sign: sign,
                location: place(ref.position, 0),
                section: r.fragment.section, coveredElsewhere: false))
          }
          for t in AuditRules.activationThresholds(e, inside: false) {
            inActivations.append((t, place(t.ref.position, 0), r.fragment.section))
          }
        default:
          continue
        }
      }
      var lastSign: [String: (sign: Int, location: DocumentLocation)] = [:]
      var out: [Finding] = []
      for t in terms.sorted(by: { $0.location < $1.location }) {
        let section = doc.sections[t.section]
        let key = "\(t.rank)\u{0}" + t.name
        let previous = lastSign[key]
        lastSign[key] = (t.sign, t.location)
        guard let first = previous, first.sign < 0, t.sign > 0, !t.coveredElsewhere else {
          continue
        }
        out.append(
          Finding(
            .thresholdSign,
            "\(t.name) is added to the weighted sum here, but it is subtracted at "
              + "\(first.location) (W·h − \(t.name)): the two signs disagree",
            at: t.location, in: section, document: doc))
      }
      let reported = Set(out.map(\.location))
      return out
        + Self.againstConvention(inActivations, doc).filter { !reported.contains($0.location) }
    }
  }

  /// The lone tensors of every signed sum holding a product of at least two tensors, with
  /// their signs, searched through functions, products and Σ; `top` marks the outermost sum.
  static func affineTerms(
    _ e: IndexNotation.Expression, top: Bool
  ) -> [(TensorReference, Int, Bool)] {
    switch e {
    case .tensor, .number, .scalar: return []
    case .product(let fs): return fs.flatMap { affineTerms($0, top: false) }
    case .function(_, let inner, _), .explicitSum(_, let inner, _):
      return affineTerms(inner, top: false)
    case .sum(let ts):
      let nested = ts.flatMap { affineTerms($0.term, top: false) }
      let affine = ts.contains { t in
        if case .product(let fs) = t.term { return fs.filter(isTensorFactor).count >= 2 }
        return false
      }
      guard affine else { return nested }
      let lone: [(TensorReference, Int, Bool)] = ts.compactMap { t in
        guard case .tensor(let ref) = t.term else { return nil }
        return (ref, t.sign, top)
      }
      return lone + nested
    }
  }
}
