import Algebra
import IndexNotation

/// The positions a count question's equations read at offsets.
extension Auditor {
  /// The sizes of the positions read at offsets (x in `x + ΔX`), and each such position with
  /// the offset's size (X with ΔX), sizes merged by `merge`. Linear in the equations' indices
  /// times the pairs found.
  static func offsetPositions(_ equations: [Equation], _ merge: [String: Polynomial]) -> (
    positions: Set<String>, offsets: [(position: String, offset: String)]
  ) {
    let positions = Set(
      equations.flatMap { eq in
        eq.rhsReferences.flatMap { r in
          r.indices.filter { $0.bareVariable == nil }.flatMap { index in
            index.variables.filter { !$0.isCapital }.map { v in
              merge[v.rangeSymbol]?.symbols.first ?? v.rangeSymbol
            }
          }
        }
      })
    var offsetPairs: [(position: String, offset: String)] = []
    for eq in equations {
      for r in eq.rhsReferences {
        for index in r.indices where index.bareVariable == nil {
          let lower = index.variables.filter { !$0.isCapital }
          let upper = index.variables.filter(\.isCapital)
          guard lower.count == 1, upper.count == 1 else { continue }
          let pair = (
            merge[lower[0].rangeSymbol]?.symbols.first ?? lower[0].rangeSymbol,
            merge[upper[0].rangeSymbol]?.symbols.first ?? upper[0].rangeSymbol
          )
          if !offsetPairs.contains(where: { $0 == pair }) { offsetPairs.append(pair) }
        }
      }
    }
    return (positions, offsetPairs)
  }

  /// The steps a question writes itself (`first $z = …$, then $y = …$`): its equations that
  /// compute something from a tensor. Linear in the question's readings.
  static func ownSteps(_ question: [ReadFragment]) -> [Equation] {
    question.flatMap { r -> [Equation] in
      guard case .equations(let rows) = r.content else { return [] }
      return rows.map(\.equation).filter { !$0.rhsReferences.isEmpty }
    }
  }

  /// The names each product of an expression reads (`U[j,I,I′] v[b,I] v[b,I′]`: U and v), by
  /// their keys. Linear in the expression's size times its nesting.
  static func productNames(_ e: IndexNotation.Expression) -> [Set<String>] {
    switch e {
    case .tensor, .number, .scalar: return []
    case .product(let fs):
      return [Set(e.references.map { DocumentSymbols.key($0.name) })] + fs.flatMap(productNames)
    case .sum(let ts): return ts.flatMap { productNames($0.term) }
    case .function(_, let inner, _): return productNames(inner)
    case .explicitSum(_, let inner, _): return productNames(inner)
    }
  }
}
