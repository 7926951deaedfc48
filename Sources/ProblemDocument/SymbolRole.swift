/// The roles a name plays in a problem set.
public enum SymbolRole: String, Sendable, Comparable {
  /// A count of values: B, X, N_in, L (the number of layers).
  case size
  /// An index letter: b, x, Δx, n_out, or a capital slice index I, X.
  case index
  /// A tensor: L_ℓ, W_{ℓ+1,←}, K.
  case tensor
  /// A function: σ, ReLU.
  case function
  /// A scalar: γ, the stride s, the scale s, k.
  case scalar

  public static func < (l: SymbolRole, r: SymbolRole) -> Bool { l.rawValue < r.rawValue }
}
