import IndexNotation

/// The thresholds of a document's activations, read from the equations: which lone tensor of a
/// pre-activation is a threshold, and which sign the document (or the notation) gives them.
extension AuditRules {
  /// A lone tensor of an affine sum inside an activation that has a threshold's shape, with its
  /// sign as written.
  struct ActivationThreshold {
    /// The lone tensor.
    let ref: TensorReference
    /// +1 when added, −1 when subtracted.
    let sign: Int
  }

  /// The threshold-shaped lone tensors of every affine sum inside an activation (σ, ReLU,
  /// SiLU, `\mathrm{…}`; not `notActivations`), searched through products, functions and Σ. Sums outside any function
  /// (a residual `h + F(…)`, a normalization's shift) are not pre-activations and give none.
  /// - Complexity: linear in the expression's size.
  static func activationThresholds(
    _ e: IndexNotation.Expression, inside: Bool
  ) -> [ActivationThreshold] {
    switch e {
    case .tensor, .number, .scalar: return []
    case .product(let fs): return fs.flatMap { activationThresholds($0, inside: inside) }
    case .function(let name, let inner, _):
      return activationThresholds(inner, inside: !notActivations.contains(name))
    case .explicitSum(_, let inner, _): return activationThresholds(inner, inside: inside)
    case .sum(let ts):
      let nested = ts.flatMap { activationThresholds($0.term, inside: inside) }
      guard inside else { return nested }
      return thresholdShaped(ts.map { ($0.sign, $0.term) }) + nested
    }
  }

  /// Functions of the field that are no activation: a normalizer or a transcendental function
  /// (`softmax`, `exp`, `log`, `max`, `√`) shifts a score, not a unit's threshold. A word list
  /// of the field's function names, as the notation's lexer reads them; no document's words.
  private static let notActivations: Set<String> = [
    "exp", "log", "ln", "softmax", "max", "min", "sqrt", "sin", "cos",
  ]

  /// The factors of a term: a product's factors, or the term itself.
  private static func factors(_ e: IndexNotation.Expression) -> [IndexNotation.Expression] {
    if case .product(let fs) = e { return fs }
    return [e]
  }

  /// The lone tensors of one signed sum that are thresholds. Structurally, a threshold is a
  /// lone term whose every index is a bare lowercase letter all of which one weight of a
  /// product in the same sum carries — a tensor factor with a capital index, contracted with
  /// the data (`β[j]` beside `W[j,I] h[b,I]`): it indexes the weights' output, not the data.
  /// A per-example term (`λ[b,j]`, `h[b,i]`, `a[b,j]` beside `a[b,j] a′[b,j]`) carries an
  /// index of the data, or stands beside no weight, and is not one. A factor every term shares (`γ W h + γ β`) is taken
  /// out first.
  private static func thresholdShaped(
    _ terms: [(Int, IndexNotation.Expression)]
  ) -> [ActivationThreshold] {
    var split = terms.map { (sign: $0.0, factors: factors($0.1)) }
    if split.count >= 2, let first = split.first {
      let shared = Set(
        first.factors.filter(isTensorFactor).map(\.description).filter { d in
          split.allSatisfy { t in t.factors.contains { $0.description == d } }
        })
      if !shared.isEmpty, split.allSatisfy({ $0.factors.count > 1 }) {
        split = split.map { t in
          (t.sign, t.factors.filter { !shared.contains($0.description) })
        }
      }
    }
    var carried: [Set<String>] = []
    for t in split where t.factors.filter(isTensorFactor).count >= 2 {
      for case .tensor(let ref) in t.factors {
        let letters = ref.indices.flatMap(\.variables)
        // A weight is contracted with the data: it carries a summed capital.
        guard letters.contains(where: \.isCapital) else { continue }
        carried.append(Set(letters.map(\.name)))
      }
    }
    guard !carried.isEmpty else { return [] }
    var out: [ActivationThreshold] = []
    for t in split where t.factors.count == 1 {
      guard case .tensor(let ref) = t.factors[0], !ref.indices.isEmpty else { continue }
      let bare = ref.indices.compactMap(\.bareVariable).filter { !$0.isCapital }
      guard bare.count == ref.indices.count else { continue }
      let names = Set(bare.map(\.name))
      if carried.contains(where: { names.isSubset(of: $0) }) {
        out.append(ActivationThreshold(ref: ref, sign: t.sign))
      }
    }
    return out
  }
}

extension AuditRules.ThresholdSigns {
  /// Thresholds added inside an activation where the convention is to subtract them. The
  /// convention is the notation's (a threshold is subtracted) unless the document's own
  /// activations add their thresholds more often than they subtract them, at least twice: a
  /// document that adds its thresholds throughout has chosen that sign, and is silent.
  /// - Complexity: one sort of the thresholds.
  static func againstConvention(
    _ thresholds: [(AuditRules.ActivationThreshold, DocumentLocation, Int)],
    _ doc: ProblemSetDocument
  ) -> [Finding] {
    let ordered = thresholds.sorted { $0.1 < $1.1 }
    let subtracted = ordered.filter { $0.0.sign < 0 }
    let added = ordered.filter { $0.0.sign > 0 }
    guard added.count < 2 || added.count <= subtracted.count else { return [] }
    let convention =
      subtracted.first.map { "as at \($0.1)" } ?? "as the notation subtracts thresholds"
    return added.map { t, location, section in
      let name = t.ref.name.description
      return Finding(
        .thresholdSign,
        "\(name) is added inside the activation here, but a threshold is subtracted "
          + "(W·h − \(name)), \(convention): the sign disagrees",
        at: location, in: doc.sections[section], document: doc)
    }
  }
}
