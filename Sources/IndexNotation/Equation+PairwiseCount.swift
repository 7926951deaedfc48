import Algebra

extension Equation {
  /// The multiplies of the equation when each product of three or more tensors is evaluated
  /// two factors at a time, in the written order (`rightToLeft` false) or from the right
  /// (`α C[j,R] A[R,I] h[b,I]` from the right: `A·h` for each b, r, i, then `C·(A h)` for each
  /// b, j, r, then α for each b, j), each intermediate keeping the axes that the left side or a
  /// factor still to come uses; a function or sum among a product's factors is evaluated on its
  /// own first (`√(2/R) cos(Ω[r,D] x[n,D] − β[r])`: the D products for each n, r, then one
  /// scaling each). Nil when the equation has no such product, or a sum is written out with Σ
  /// (read as written only). Linear in the expression's size.
  public func pairwiseCount(rightToLeft: Bool) -> Polynomial? {
    let free = Set(freeIndices.map(\.rangeSymbol))
    var ordered = false
    func axes(_ e: Expression) -> Set<String>? {
      switch e {
      case .tensor(let r): return Set(r.indices.flatMap(\.variables).map(\.rangeSymbol))
      case .number, .scalar: return []
      default: return nil
      }
    }
    func size(_ axes: Set<String>) -> Polynomial {
      axes.sorted().reduce(Polynomial(1)) { $0 * .symbol($1) }
    }
    func count(_ e: Expression) -> Polynomial? {
      switch e {
      case .tensor, .number, .scalar: return Polynomial()
      case .sum(let ts):
        var total = Polynomial()
        for t in ts {
          guard let c = count(t.term) else { return nil }
          total = total + c
        }
        return total
      case .function(_, let inner, _): return count(inner)
      case .explicitSum: return nil
      case .product(let fs):
        // A function or a sum among the factors is evaluated first, on its own: its capitals
        // are summed inside it, and its value ranges over its lowercase indices only.
        var parts: [Set<String>] = []
        var inner = Polynomial()
        for f in fs {
          if let a = axes(f) {
            parts.append(a)
            continue
          }
          guard let c = count(f) else { return nil }
          inner = inner + c
          ordered = true
          parts.append(
            Set(
              f.references.flatMap(\.indices).flatMap(\.variables).filter { !$0.isCapital }
                .map(\.rangeSymbol)))
        }
        if fs.count >= 3 { ordered = true }
        let sequence = rightToLeft ? Array(parts.reversed()) : parts
        guard var held = sequence.first else { return inner }
        var total = inner
        for i in sequence.indices.dropFirst() {
          // The last step writes the left side: every free axis, used by a factor or not.
          let union = held.union(sequence[i])
          total = total + size(i == sequence.count - 1 ? union.union(free) : union)
          let later = sequence[(i + 1)...].reduce(into: free) { $0.formUnion($1) }
          held = union.intersection(later)
        }
        return total
      }
    }
    guard let total = count(rhs), ordered else { return nil }
    return total
  }
}
