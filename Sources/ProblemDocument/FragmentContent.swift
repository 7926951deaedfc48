import Algebra
import Answers
import IndexNotation

/// One equation of a fragment (a display may hold several rows), with the defects found while
/// parsing it and where its text starts in the fragment.
public struct ReadEquation: Sendable {
  public let equation: Equation
  /// Non-fatal parse findings (a probable missing comma).
  public let parseDiagnostics: [Diagnostic]
  /// The row's text (what diagnostics' positions refer to) and its character offset in the
  /// fragment.
  public let text: String
  public let offset: Int
}

/// What a math fragment is, read as what it is.
public enum FragmentContent: Sendable {
  /// One or more equations `LHS = RHS`.
  case equations([ReadEquation])
  /// Tensors without `=`: `L[b, x, y, n_in]`, `e[w,I]^{\top}h[t,I]`.
  case expression(IndexNotation.Expression, text: String, parseDiagnostics: [Diagnostic])
  /// A chain of comparisons: `N_bottle < N/2`, `0 \le s \le k`.
  case comparisons([AnswerReading.Comparison], symbols: [String])
  /// Sizes declared equal: `N_in = N_out = N`.
  case sizeEquality([String])
  /// A list of names: `B, X, Y, N_out, N_in, ΔX, ΔY`.
  case nameList([String])
  /// A formula: a count, a name, a power such as `2^{k-s}` or `γ^{L-2}`, a number.
  case formula(symbols: [String], polynomial: Polynomial?)
  /// Nothing reads it: the reason and its character offset in the fragment.
  case unreadable(message: String, offset: Int)
}

/// A fragment with its reading.
public struct ReadFragment: Sendable {
  public let fragment: MathFragment
  public let content: FragmentContent
}

extension FragmentContent {
  /// Whether a comparison or formula mentions a name (`0 ≤ Δx < F` mentions Δx).
  func mentions(_ name: String) -> Bool {
    switch self {
    case .comparisons(_, let symbols), .formula(let symbols, _): symbols.contains(name)
    default: false
    }
  }
}
