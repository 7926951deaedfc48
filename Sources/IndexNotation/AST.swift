import Algebra
import Foundation

/// An index variable: lowercase names single elements (free or explicitly summed), capital names
/// slices that a product sums over (`x`, `Δx`, `n_out` vs `X`, `ΔX`, `N_in`).
public struct IndexVariable: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The name as written, Δ included: `x`, `ΔX`, `n_out`.
  public let name: String

  /// A variable named `name`.
  public init(_ name: String) { self.name = name }

  /// Whether the variable is a capital (slice) index: its first letter after Δ is uppercase.
  public var isCapital: Bool {
    let letters = name.drop { $0 == "Δ" || $0 == "δ" }
    // ℓ reports both cases in Swift; a capital is upper case and not lower case.
    return letters.first.map { $0.isUppercase && !$0.isLowercase } ?? false
  }

  /// The dimension symbol counting its values: x → X, Δx → ΔX, n_out → N_out, I → I.
  public var rangeSymbol: String {
    var chars = Array(name)
    if let i = chars.firstIndex(where: { $0 != "Δ" && $0 != "δ" }) {
      chars[i] = Character(chars[i].uppercased())
    }
    return String(chars).replacingOccurrences(of: "δ", with: "Δ")
  }

  /// The name as written.
  public var description: String { name }
  /// Orders by name, for a stable listing of indices.
  public static func < (l: IndexVariable, r: IndexVariable) -> Bool { l.name < r.name }
}

/// An affine index expression: Σ coefficient·variable + constant, where a coefficient is an integer
/// times a product of parameters (the stride s): `x`, `x + ΔX`, `2x + Δx`, `s·t + ΔT`.
public struct IndexExpression: Sendable, Equatable, CustomStringConvertible {
  /// One summand, coefficient·parameters·variable; a constant when `variable` is nil.
  public struct Term: Sendable, Equatable {
    /// The integer factor, its sign the term's sign.
    public var coefficient: Int
    /// The parameters multiplying the term (the stride `s`), in reading order.
    public var parameters: [String]
    /// The index variable; nil for a constant term.
    public var variable: IndexVariable?
  }

  /// The summands in reading order.
  public var terms: [Term]
  /// Where the expression starts in the source.
  public let position: SourcePosition
  /// The tensors read to give this position (`w[b,t]` in `E[w[b,t],i]`); empty for an affine
  /// position.
  public var gathered: [TensorReference] = []

  /// The variable when the expression is exactly one variable (a "bare" use that fixes a range);
  /// nil for a position read from another tensor (`π[n]`).
  public var bareVariable: IndexVariable? {
    terms.count == 1 && terms[0].coefficient == 1 && terms[0].parameters.isEmpty
      && gathered.isEmpty ? terms[0].variable : nil
  }

  /// The variables of the terms, in reading order (repeats kept).
  public var variables: [IndexVariable] { terms.compactMap(\.variable) }

  /// The expression in Unicode, factors juxtaposed (`2x + Δx`, `st + ΔT`); `0` when empty. A
  /// position read from another tensor prints that tensor (`w[b, t]`), not its indices' sum.
  public var description: String {
    if !gathered.isEmpty {
      return gathered.map(\.description).joined(separator: " + ")
    }
    var out = ""
    for (i, t) in terms.enumerated() {
      var parts: [String] = []
      let magnitude = t.coefficient.magnitude
      if magnitude != 1 || (t.parameters.isEmpty && t.variable == nil) {
        parts.append("\(magnitude)")
      }
      parts += t.parameters
      if let v = t.variable { parts.append(v.name) }
      let body = parts.joined()
      if i == 0 {
        out += (t.coefficient < 0 ? "−" : "") + body
      } else {
        out += (t.coefficient < 0 ? " − " : " + ") + body
      }
    }
    return out.isEmpty ? "0" : out
  }
}

/// A tensor's name with its decorations and sub/superscripts, canonically spelled in Unicode:
/// `L_{ℓ+1}`, `W_ℓ^{b,1}`, `L̃_ℓ`, `W_{ℓ+1,←}`.
public struct TensorName: Hashable, Sendable, CustomStringConvertible {
  /// The letter with its decoration and primes: `L`, `W`, `L̃`, `L′`.
  public let base: String
  /// The subscript without braces (`ℓ+1`, `ℓ,←`); nil when there is none.
  public let subscriptText: String?
  /// The superscript without braces (`b,1`); nil when there is none.
  public let superscriptText: String?

  /// A name from its base and optional sub- and superscript.
  public init(base: String, subscript sub: String? = nil, superscript sup: String? = nil) {
    self.base = base
    self.subscriptText = sub
    self.superscriptText = sup
  }

  /// The name in Unicode: braces only around scripts longer than one character (`W_ℓ^{b,1}`).
  public var description: String {
    var s = base
    if let sub = subscriptText { s += sub.count == 1 ? "_\(sub)" : "_{\(sub)}" }
    if let sup = superscriptText { s += sup.count == 1 ? "^\(sup)" : "^{\(sup)}" }
    return s
  }
}

/// A tensor with its index list: `L_ℓ[b, s·x + ΔX, N_in]`.
public struct TensorReference: Sendable, Equatable {
  /// The tensor's name.
  public let name: TensorName
  /// The index expressions, one per axis, in order.
  public let indices: [IndexExpression]
  /// Where the reference starts in the source.
  public let position: SourcePosition
}

/// An expression of the notation.
public indirect enum Expression: Sendable, Equatable {
  case tensor(TensorReference)
  case number(Rational, SourcePosition)
  /// A named scalar such as γ.
  case scalar(String, SourcePosition)
  /// Juxtaposition: a product whose repeated capital indices are summed.
  case product([Expression])
  /// Signed terms: `a + b − c`.
  case sum([(sign: Int, term: Expression)])
  /// σ(…) or ReLU(…).
  case function(String, Expression, SourcePosition)
  /// An explicit Σ over the listed indices.
  case explicitSum([IndexVariable], Expression, SourcePosition)

  /// Equal when they read the same (positions ignored).
  public static func == (l: Expression, r: Expression) -> Bool { l.description == r.description }
}

/// `LHS = RHS`, the LHS a single tensor reference.
public struct Equation: Sendable, Equatable {
  /// The left side: one tensor reference (or `Parser.expressionSide` for an expression's).
  public let lhs: TensorReference
  /// The right side.
  public let rhs: Expression
  /// The text the equation was read from, for excerpts.
  public let source: String

  /// Every tensor reference on the right, in reading order.
  public var rhsReferences: [TensorReference] { rhs.references }

  /// The lowercase indices of the left-hand side: the free indices.
  public var freeIndices: [IndexVariable] { lhs.indices.flatMap(\.variables) }
}

extension Expression {
  /// Every tensor reference, in reading order.
  public var references: [TensorReference] {
    switch self {
    case .tensor(let t): [t] + t.gathered
    case .number, .scalar: []
    case .product(let f): f.flatMap(\.references)
    case .sum(let terms): terms.flatMap(\.term.references)
    case .function(_, let e, _), .explicitSum(_, let e, _): e.references
    }
  }
}

extension TensorReference {
  /// The tensors its positions read (`w[b,t]` in `E[w[b,t],i]`), nested ones included.
  public var gathered: [TensorReference] {
    indices.flatMap { $0.gathered.flatMap { [$0] + $0.gathered } }
  }
}

extension TensorReference: CustomStringConvertible {
  /// The reference in Unicode: the name, then the index expressions in brackets
  /// (`L_ℓ[b, sx + ΔX, N_in]`).
  public var description: String {
    "\(name)[" + indices.map(\.description).joined(separator: ", ") + "]"
  }
}

extension Expression: CustomStringConvertible {
  /// The expression re-written in Unicode.
  public var description: String {
    switch self {
    case .tensor(let t): return t.description
    case .number(let r, _): return r.description
    case .scalar(let s, _): return s
    case .product(let factors):
      return factors.map { f -> String in
        if case .sum = f { return "(\(f))" }
        return f.description
      }.joined(separator: " ")
    case .sum(let terms):
      var out = ""
      for (i, t) in terms.enumerated() {
        if i == 0 {
          out += (t.sign < 0 ? "−" : "") + t.term.description
        } else {
          out += (t.sign < 0 ? " − " : " + ") + t.term.description
        }
      }
      return out
    case .function(let name, let e, _): return "\(name)(\(e))"
    case .explicitSum(let vars, let e, _):
      return "Σ_{" + vars.map(\.name).joined(separator: ",") + "} " + e.description
    }
  }
}

extension Equation: CustomStringConvertible {
  /// `lhs = rhs` in Unicode.
  public var description: String { "\(lhs) = \(rhs)" }
}
