import Algebra
import Answers
import Foundation
import IndexNotation

/// An answer as data: what a derivation produces and what a submission is read into, so that one
/// grader can compare any two.
public indirect enum TypedAnswer: Sendable {
  /// A count: B·X·Y·ΔX·ΔY·N_out·N_in.
  case polynomial(Polynomial)
  /// Inequalities that hold together, each solved for its symbol: N_bottle < N/2 and L ≥ 2.
  case condition([LinearInequality])
  /// An exact (or approximate) real number: γ = 1/√2.
  case scalar(ScalarValue)
  /// A power of a named base with a polynomial exponent: γ^(L − 1 − ℓ).
  case power(base: String, exponent: Polynomial)
  /// An equation of the index notation.
  case equation(Equation)
  /// Named parts: bottleneck count, plain count, condition.
  case parts([Part])

  /// One named part of an answer, e.g. the condition of problem 3a.
  public struct Part: Sendable {
    /// The part's name (`bottleneck`, `plain`, `condition`).
    public let label: String
    /// The part's answer.
    public let answer: TypedAnswer
    /// A part named `label`.
    public init(_ label: String, _ answer: TypedAnswer) {
      self.label = label
      self.answer = answer
    }
  }

  /// Plain text in Unicode.
  public var text: String {
    switch self {
    case .polynomial(let p): p.factoredDescription
    case .condition(let cs): cs.map(\.description).joined(separator: " and ")
    case .scalar(let v): v.description
    case .power(let base, let e): "\(base)^(\(e))"
    case .equation(let eq): eq.description
    case .parts(let parts): parts.map { "\($0.label): \($0.answer.text)" }.joined(separator: "; ")
    }
  }

  /// LaTeX, for Markdown and notebooks.
  public var latex: String {
    switch self {
    case .polynomial(let p): p.latex
    case .condition(let cs):
      cs.map {
        "\(Polynomial.latexSymbol($0.symbol)) \(TypedAnswer.latexRelation($0.relation)) \($0.bound.latex)"
      }
      .joined(separator: ",\\quad ")
    case .scalar(let v):
      if case .exact(let s) = v { s.latex } else { Value.format(v.doubleValue) }
    case .power(let base, let e): "\(Polynomial.latexSymbol(base))^{\(e.latex)}"
    case .equation(let eq): eq.latex
    case .parts(let parts): parts.map(\.answer.latex).joined(separator: ",\\quad ")
    }
  }

  /// Presentation MathML, for HTML.
  public var mathML: String {
    switch self {
    case .polynomial(let p): p.mathML
    case .condition(let cs):
      "<math><mrow>"
        + cs.map { c in
          Polynomial.symbol(c.symbol).mathMLRow + "<mo>\(MathML.escape(c.relation.rawValue))</mo>"
            + c.bound.mathMLRow
        }.joined(separator: "<mo>,</mo><mspace width=\"1em\"/>") + "</mrow></math>"
    case .scalar(let v):
      if case .exact(let s) = v {
        "<math>\(s.mathML)</math>"
      } else {
        "<math><mn>\(Value.format(v.doubleValue))</mn></math>"
      }
    case .power(let base, let e):
      "<math><msup><mi>\(MathML.escape(base))</mi><mrow>\(e.mathMLRow)</mrow></msup></math>"
    case .equation(let eq): eq.mathML
    case .parts(let parts):
      "<math><mrow>"
        + parts.map { p in
          "<mtext>\(MathML.escape(p.label)): </mtext>"
            + p.answer.mathML.replacingOccurrences(of: "<math>", with: "")
            .replacingOccurrences(of: "</math>", with: "")
        }.joined(separator: "<mo>;</mo><mspace width=\"1em\"/>") + "</mrow></math>"
    }
  }

  static func latexRelation(_ r: Relation) -> String {
    switch r {
    case .less: "<"
    case .greater: ">"
    case .lessOrEqual: "\\le"
    case .greaterOrEqual: "\\ge"
    }
  }

  /// The answer as JSON (text, LaTeX, and its kind).
  public var json: JSONValue {
    let kind: String
    switch self {
    case .polynomial: kind = "polynomial"
    case .condition: kind = "condition"
    case .scalar: kind = "scalar"
    case .power: kind = "power"
    case .equation: kind = "equation"
    case .parts: kind = "parts"
    }
    return .object([("kind", .string(kind)), ("text", .string(text)), ("latex", .string(latex))])
  }
}
