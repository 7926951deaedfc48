/// Other readings of an equation's text.
extension Equation {
  /// The equation with `rhs` as its right side: another reading of the same source text.
  package func reading(_ rhs: Expression) -> Equation {
    Equation(lhs: lhs, rhs: rhs, source: source)
  }
}
