import Algebra
import IndexNotation
import TensorCore
import Verification

/// The convolution of problem 1 and its variants: stride s along x and y, G groups (each output
/// channel reads only the N_in/G input channels of its group), and a border convention.
///
/// ```
/// G = 1: L′[b, x, y, n_out] = K[n_out, ΔX, ΔY, N_in] L[b, s·x + ΔX, s·y + ΔY, N_in] − B[n_out]
/// G > 1: L′[b, x, y, g, n_out] = K[g, n_out, ΔX, ΔY, N_in] L[b, s·x + ΔX, s·y + ΔY, g, N_in]
///                                − B[g, n_out]
/// ```
/// with n_out and N_in ranging within a group. Output sizes are X/s (`same`, s | X) or
/// (X − ΔX)/s + 1 (`valid`, s | X − ΔX), so every count is a polynomial.
public struct ConvStructure: Sendable, Equatable {
  public let stride: Int
  public let groups: Int
  public let padding: Padding

  public init(stride: Int, groups: Int, padding: Padding) {
    precondition(
      stride >= 1 && groups >= 1 && padding != .skip,
      "stride \(stride), groups \(groups), padding \(padding)")
    self.stride = stride
    self.groups = groups
    self.padding = padding
  }

  /// The problem as printed (stride 1, one group, `same` as psverify reads it).
  public static let base = ConvStructure(stride: 1, groups: 1, padding: .same)

  /// "stride 2, 4 groups, `valid` borders".
  public var summary: String {
    "stride \(stride), \(groups) group\(groups == 1 ? "" : "s"), `\(padding.rawValue)` borders"
  }

  /// `2x + ΔX − p` with the stride's coefficient and an offset p.
  func source(_ axis: String, _ tap: String, offset: Int) -> String {
    (stride == 1 ? axis : "\(stride)\(axis)") + " + \(tap)" + (offset == 0 ? "" : " − \(offset)")
  }

  /// The structure's equation in the course's notation, with taps offset by (px, py).
  func equation(output: String = "L′", px: Int = 0, py: Int = 0) -> String {
    let x = source("x", "ΔX", offset: px)
    let y = source("y", "ΔY", offset: py)
    if groups == 1 {
      return "\(output)[b, x, y, n_out] = K[n_out, ΔX, ΔY, N_in] L[b, \(x), \(y), N_in] − B[n_out]"
    }
    return "\(output)[b, x, y, g, n_out] = K[g, n_out, ΔX, ΔY, N_in] L[b, \(x), \(y), g, N_in] "
      + "− B[g, n_out]"
  }

  /// The output extent along an axis of input `n` and filter `k`, as a polynomial in their
  /// symbols.
  func outputExtent(_ n: String, _ k: String) -> Polynomial {
    let s = Rational(1, stride)
    switch padding {
    case .valid:
      return (Polynomial.symbol(n) - Polynomial.symbol(k)) * Polynomial(s) + Polynomial(1)
    default: return Polynomial.symbol(n) * Polynomial(s)
    }
  }

  /// The count as a product of the sizes, the way a person writes it:
  /// B·((X − ΔX)/s + 1)·((Y − ΔY)/s + 1)·ΔX·ΔY·N_out·(N_in/G). Presentation only: the answer is
  /// the polynomial the notation engine derives (a test checks that the two are equal).
  public var countText: String {
    func extent(_ n: String, _ k: String) -> String {
      switch (padding, stride) {
      case (.valid, 1): return "(\(n) − \(k) + 1)"
      case (.valid, _): return "((\(n) − \(k))/\(stride) + 1)"
      case (_, 1): return n
      default: return "(\(n)/\(stride))"
      }
    }
    return "B·\(extent("X", "ΔX"))·\(extent("Y", "ΔY"))·ΔX·ΔY·N_out·"
      + (groups == 1 ? "N_in" : "(N_in/\(groups))")
  }

  /// The divisibility the statement assumes, in words.
  public var assumption: String {
    switch (padding, stride) {
    case (_, 1): return ""
    case (.valid, _): return "X − ΔX and Y − ΔY are multiples of \(stride)"
    default: return "X and Y are multiples of \(stride)"
    }
  }
}
