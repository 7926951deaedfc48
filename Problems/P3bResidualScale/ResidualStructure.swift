import Algebra
import IndexNotation
import Verification

/// The residual block of problem 3b and its variants: L_{ℓ+1} = γ(A + B₁ + … + B_k), where
/// A = L_ℓ has mean 0 and variance 1 and each branch is
///
/// ```
/// B_i = √v_i · (ρ_i·A + √(1 − ρ_i²)·Z_i),   Z_i independent, mean 0, variance 1,
/// ```
/// so Var B_i = v_i, Cov(A, B_i) = ρ_i·√v_i and Cov(B_i, B_j) = ρ_i·ρ_j·√(v_i·v_j). The base
/// problem is one branch with v = 1 and ρ = 0. A correlated branch has v = 1, so every
/// covariance is rational and γ = 1/√(Var(A + ΣB_i)) is an exact surd.
public struct ResidualStructure: Sendable, Equatable {
  public struct Branch: Sendable, Equatable {
    /// Var B_i.
    public let variance: Rational
    /// Corr(A, B_i).
    public let correlation: Rational

    public init(variance: Rational = 1, correlation: Rational = 0) {
      precondition(variance > .zero, "a branch's variance must be positive: \(variance)")
      precondition(
        correlation.isZero || variance == 1,
        "a correlated branch has unit variance (exact covariances): \(variance)")
      precondition(
        correlation > Rational(-1) && correlation < 1,
        "a correlation lies strictly between −1 and 1: \(correlation)")
      self.variance = variance
      self.correlation = correlation
    }
  }

  public let branches: [Branch]

  public init(branches: [Branch]) {
    precondition(!branches.isEmpty, "a residual block has at least one branch")
    precondition(
      branches.filter { !$0.correlation.isZero }.count <= 1,
      "at most one branch is correlated with the stream")
    self.branches = branches
  }

  /// The problem as printed: one independent branch of unit variance.
  public static let base = ResidualStructure(branches: [Branch()])

  /// The summands' names: A, then B (one branch) or B_1 … B_k.
  var names: [String] {
    ["A"] + (branches.count == 1 ? ["B"] : (1...branches.count).map { "B_\($0)" })
  }

  /// The sum inside γ(…): "A + B" or "A + B_1 + B_2 + B_3".
  public var sumText: String { names.joined(separator: " + ") }

  /// The premise: every variance and covariance of the summands, by the symbols of the variance
  /// polynomial (Var_A, Var_B, Cov_AB, …).
  var premise: [String: Polynomial] {
    var values: [String: Polynomial] = ["Var_A": Polynomial(1)]
    for (i, b) in branches.enumerated() {
      let name = names[i + 1].replacingOccurrences(of: "_", with: "")
      values["Var_\(name)"] = Polynomial(b.variance)
      values["Cov_A\(name)"] = Polynomial(b.correlation)  // ρ·√v with v = 1 when ρ ≠ 0
      for (j, c) in branches.enumerated() where j > i {
        let other = names[j + 1].replacingOccurrences(of: "_", with: "")
        values["Cov_\(name)\(other)"] = Polynomial(b.correlation * c.correlation)
      }
    }
    return values
  }

  /// The premise in words: "B_1, B_2, B_3 each of variance 1, independent of A and of each other".
  public var premiseText: String {
    let branchNames = Array(names.dropFirst())
    var parts: [String] = []
    let variances = Set(branches.map(\.variance))
    if variances.count == 1 {
      parts.append(
        "\(branchNames.joined(separator: ", ")) "
          + (branches.count > 1 ? "each " : "") + "of mean 0 and variance \(variances.first!)")
    } else {
      parts += zip(branchNames, branches).map { "\($0) of mean 0 and variance \($1.variance)" }
    }
    let correlated = zip(branchNames, branches).filter { !$0.1.correlation.isZero }
    if correlated.isEmpty {
      parts.append(
        branches.count > 1
          ? "all independent of A and of each other"
          : "independent of A")
    } else {
      parts += correlated.map { "\($0) correlated with A with coefficient ρ = \($1.correlation)" }
    }
    return parts.joined(separator: ", ")
  }

  /// The coefficients of the sampler: S/γ = a·A + Σ z_i·Z_i with a = 1 + Σ ρ_i√v_i and
  /// z_i = √(v_i(1 − ρ_i²)).
  public var samplerCoefficients: (stream: Double, branches: [Double]) {
    let a =
      1
      + branches.reduce(0.0) {
        $0 + $1.correlation.doubleValue * $1.variance.doubleValue.squareRoot()
      }
    let z = branches.map { b in
      (b.variance.doubleValue * (1 - b.correlation.doubleValue * b.correlation.doubleValue))
        .squareRoot()
    }
    return (a, z)
  }
}
