/// What the checker knows about tensors: their ranks, and their shapes when bound.
public struct TensorDeclarations: Sendable {
  /// The rank (number of indices) each declared tensor takes.
  public var ranks: [TensorName: Int]

  /// Declarations from the ranks of the tensors.
  public init(ranks: [TensorName: Int] = [:]) { self.ranks = ranks }
}

/// Finds the defects of an equation read by `Parser`, each as a located `Diagnostic`.
public enum Checker {
  /// All diagnostics of `equation`, in source order.
  /// - Parameters:
  ///   - declarations: known tensors and ranks; when empty, unknown tensors are not reported and
  ///     ranks are checked for consistency between uses only.
  ///   - shapes: bound shapes, for the range checks (no-range, range-conflict).
  ///   - thresholdNames: tensors the text calls thresholds, besides any named B or b.
  public static func check(
    _ equation: Equation, declarations: TensorDeclarations = .init(),
    shapes: [TensorName: [Int]] = [:],
    thresholdNames: Set<String> = []
  ) -> [Diagnostic] {
    var out: [Diagnostic] = []
    let source = equation.source
    let references = [equation.lhs] + equation.rhsReferences

    // Ranks and unknown tensors.
    var firstUse: [TensorName: TensorReference] = [:]
    for ref in references {
      if let rank = declarations.ranks[ref.name] {
        if rank != ref.indices.count {
          out.append(
            Diagnostic(
              .rankMismatch,
              "\(ref.name) has rank \(rank) but is used with \(ref.indices.count) indices",
              at: ref.position, source: source))
        }
      } else {
        if !declarations.ranks.isEmpty {
          let known = declarations.ranks.keys.map(\.description).sorted().joined(separator: ", ")
          out.append(
            Diagnostic(
              .unknownTensor, "unknown tensor \(ref.name); known: \(known)",
              at: ref.position, source: source))
        }
        if let first = firstUse[ref.name], first.indices.count != ref.indices.count {
          out.append(
            Diagnostic(
              .rankMismatch,
              "\(ref.name) is used with \(ref.indices.count) indices here and "
                + "\(first.indices.count) at \(first.position)",
              at: ref.position, source: source))
        }
      }
      if firstUse[ref.name] == nil { firstUse[ref.name] = ref }
    }

    // Free indices on one side only.
    let lhsFree = Set(equation.lhs.indices.flatMap(\.variables).filter { !$0.isCapital })
    var rhsFree: [IndexVariable: SourcePosition] = [:]
    collectFree(equation.rhs, bound: [], into: &rhsFree)
    for (v, p) in rhsFree where !lhsFree.contains(v) {
      out.append(
        Diagnostic(
          .freeIndexOneSide,
          "free index \(v) appears on the right-hand side only", at: p,
          source: source, index: "\(v)", side: .right))
    }
    // A right side without tensors (`o[b,t,v] = 0`) sets every element: no index is missing.
    for v in lhsFree where rhsFree[v] == nil && !equation.rhsReferences.isEmpty {
      let p = equation.lhs.indices.first { $0.variables.contains(v) }!.position
      out.append(
        Diagnostic(
          .freeIndexOneSide, "free index \(v) appears on the left-hand side only",
          at: p, source: source, index: "\(v)", side: .left))
    }

    // Capital indices never summed, explicit sums over capitals, threshold signs.
    let lhsCapitals = Set(equation.lhs.indices.flatMap(\.variables).filter(\.isCapital))
    walk(
      equation.rhs, lhsCapitals: lhsCapitals, source: source, thresholds: thresholdNames, into: &out
    )

    // Ranges, when shapes are bound.
    if !shapes.isEmpty { out += rangeDiagnostics(equation, shapes: shapes) }
    return Array(out.sorted { $0.position < $1.position }.prefix(Parser.maximumDiagnostics))
  }

  /// The threshold-sign diagnostics of an expression standing alone (`σ(β(m[j] + θ[j]))` in a
  /// sentence): a threshold added inside an activation.
  public static func thresholdSigns(
    in e: Expression, source: String, thresholds: Set<String>
  ) -> [Diagnostic] {
    var out: [Diagnostic] = []
    walk(e, lhsCapitals: [], source: source, thresholds: thresholds, into: &out)
    return out.filter { $0.kind == .thresholdSign }
  }

  /// Lowercase variables not bound by an enclosing Σ, with their first position.
  static func collectFree(
    _ e: Expression, bound: Set<IndexVariable>,
    into out: inout [IndexVariable: SourcePosition]
  ) {
    switch e {
    case .tensor(let t):
      for index in t.indices {
        for v in index.variables where !v.isCapital && !bound.contains(v) && out[v] == nil {
          out[v] = index.position
        }
      }
    case .number, .scalar: break
    case .product(let fs): for f in fs { collectFree(f, bound: bound, into: &out) }
    case .sum(let ts): for t in ts { collectFree(t.term, bound: bound, into: &out) }
    case .function(_, let inner, _): collectFree(inner, bound: bound, into: &out)
    case .explicitSum(let vs, let inner, _): collectFree(inner, bound: bound.union(vs), into: &out)
    }
  }

  /// Occurrences of capital variables in an expression (one per tensor position).
  static func capitalUses(_ e: Expression) -> [(IndexVariable, SourcePosition)] {
    e.references.flatMap { ref in
      ref.indices.flatMap { index in
        index.variables.filter(\.isCapital).map { ($0, index.position) }
      }
    }
  }

  static func walk(
    _ e: Expression, lhsCapitals: Set<IndexVariable>, source: String,
    thresholds: Set<String>, into out: inout [Diagnostic]
  ) {
    switch e {
    case .tensor(let t):
      // A lone tensor with a capital index not on the left: nothing sums it.
      for index in t.indices {
        for v in index.variables where v.isCapital && !lhsCapitals.contains(v) {
          out.append(unsummed(v, index.position, source))
        }
      }
    case .number, .scalar: break
    case .product(let factors):
      let uses = capitalUses(e)
      var counts: [IndexVariable: Int] = [:]
      for (v, _) in uses { counts[v, default: 0] += 1 }
      var reported = Set<IndexVariable>()
      for (v, p) in uses where counts[v] == 1 && !lhsCapitals.contains(v) && !reported.contains(v) {
        out.append(unsummed(v, p, source))
        reported.insert(v)
      }
      for f in factors where !isTensor(f) {
        walk(
          f, lhsCapitals: lhsCapitals.union(counts.keys), source: source, thresholds: thresholds,
          into: &out)
      }
    case .sum(let terms):
      for t in terms {
        walk(t.term, lhsCapitals: lhsCapitals, source: source, thresholds: thresholds, into: &out)
      }
    case .function(let name, let inner, _):
      for t in activationTerms(inner) where t.sign > 0 {
        if case .tensor(let ref) = t.term, isThreshold(ref, thresholds) {
          out.append(
            Diagnostic(
              .thresholdSign,
              "the threshold \(ref.name) is added inside \(name); the course's convention "
                + "subtracts it: \(name)(W·L − B)", at: ref.position, source: source))
        } else if case .scalar(let scalar, let p) = t.term, thresholds.contains(scalar) {
          out.append(
            Diagnostic(
              .thresholdSign,
              "the threshold \(scalar) is added inside \(name); the course's convention "
                + "subtracts it: \(name)(W·L − B)", at: p, source: source))
        }
      }
      walk(inner, lhsCapitals: lhsCapitals, source: source, thresholds: thresholds, into: &out)
    case .explicitSum(let vars, let inner, let p):
      for v in vars where v.isCapital {
        out.append(
          Diagnostic(
            .redundantSum,
            "Σ over \(v) is redundant: a repeated capital index is summed by the "
              + "convention", at: p, source: source))
      }
      walk(inner, lhsCapitals: lhsCapitals, source: source, thresholds: thresholds, into: &out)
    }
  }

  /// The signed terms of an activation's argument: of the sum itself, or of the one sum a
  /// product scales by numbers and scalars (`σ(β(m[j] + θ[j]))`, a gain times the
  /// pre-activation); empty otherwise.
  static func activationTerms(_ e: Expression) -> [(sign: Int, term: Expression)] {
    if case .sum(let terms) = e { return terms }
    guard case .product(let factors) = e else { return [] }
    var sums: [[(sign: Int, term: Expression)]] = []
    for f in factors {
      switch f {
      case .sum(let terms): sums.append(terms)
      case .number, .scalar: break
      default: return []
      }
    }
    return sums.count == 1 ? sums[0] : []
  }

  static func isTensor(_ e: Expression) -> Bool {
    if case .tensor = e { return true }
    return false
  }

  static func isThreshold(_ ref: TensorReference, _ names: Set<String>) -> Bool {
    ref.name.base == "B" || ref.name.base == "b" || names.contains(ref.name.base)
  }

  static func unsummed(_ v: IndexVariable, _ p: SourcePosition, _ source: String) -> Diagnostic {
    Diagnostic(
      .unsummedCapital,
      "capital index \(v) is not on the left and not repeated in a product, so nothing "
        + "sums it", at: p, source: source, index: "\(v)")
  }

  static func rangeDiagnostics(_ equation: Equation, shapes: [TensorName: [Int]]) -> [Diagnostic] {
    var out: [Diagnostic] = []
    var extents: [IndexVariable: (Int, TensorReference)] = [:]
    var all: [IndexVariable: SourcePosition] = [:]
    for ref in [equation.lhs] + equation.rhsReferences {
      for (axis, index) in ref.indices.enumerated() {
        for v in index.variables where all[v] == nil { all[v] = index.position }
        guard let v = index.bareVariable, let shape = shapes[ref.name], axis < shape.count else {
          continue
        }
        if let (extent, first) = extents[v], extent != shape[axis] {
          out.append(
            Diagnostic(
              .rangeConflict,
              "index \(v) ranges over \(shape[axis]) values here but over "
                + "\(extent) in \(first.name)", at: index.position,
              source: equation.source))
        } else if extents[v] == nil {
          extents[v] = (shape[axis], ref)
        }
      }
    }
    for (v, p) in all where extents[v] == nil {
      out.append(
        Diagnostic(
          .noRange,
          "index \(v) has no range: it never stands alone at a position of a "
            + "tensor with a bound shape", at: p, source: equation.source))
    }
    return out
  }
}
