import Algebra
import Foundation

/// The notation's own MathML pieces: scripts and tensor names.
extension MathML {
  /// A script's text (`ℓ+1,s`) as MathML tokens.
  static func script(_ text: String) -> String {
    var out = "<mrow>"
    var word = ""
    func flush() {
      guard !word.isEmpty else { return }
      out += word.allSatisfy(\.isNumber) ? "<mn>\(word)</mn>" : "<mi>\(escape(word))</mi>"
      word = ""
    }
    for c in text {
      if "+-,←↑−".contains(c) {
        flush()
        out += "<mo>\(c == "-" ? "−" : String(c))</mo>"
      } else if c.isNumber != (word.first?.isNumber ?? c.isNumber) {
        flush()
        word.append(c)
      } else {
        word.append(c)
      }
    }
    flush()
    return out + "</mrow>"
  }

  /// A tensor's name with its scripts.
  static func name(_ n: TensorName) -> String {
    let base = "<mi>\(escape(n.base))</mi>"
    switch (n.subscriptText, n.superscriptText) {
    case (nil, nil): return base
    case (let sub?, nil): return "<msub>\(base)\(script(sub))</msub>"
    case (nil, let sup?): return "<msup>\(base)\(script(sup))</msup>"
    case (let sub?, let sup?): return "<msubsup>\(base)\(script(sub))\(script(sup))</msubsup>"
    }
  }
}

extension IndexExpression {
  var mathML: String {
    var out = ""
    for (i, t) in terms.enumerated() {
      if i > 0 || t.coefficient < 0 { out += t.coefficient < 0 ? "<mo>−</mo>" : "<mo>+</mo>" }
      let magnitude = t.coefficient.magnitude
      if magnitude != 1 || (t.parameters.isEmpty && t.variable == nil) {
        out += "<mn>\(magnitude)</mn>"
      }
      for p in t.parameters { out += "<mi>\(MathML.escape(p))</mi>" }
      if let v = t.variable { out += MathML.identifier(v.name) }
    }
    return out.isEmpty ? "<mn>0</mn>" : out
  }

  var latex: String {
    var out = ""
    for (i, t) in terms.enumerated() {
      if i > 0 || t.coefficient < 0 { out += t.coefficient < 0 ? " - " : " + " }
      let magnitude = t.coefficient.magnitude
      if magnitude != 1 || (t.parameters.isEmpty && t.variable == nil) { out += "\(magnitude)" }
      out += t.parameters.joined()
      if let v = t.variable { out += Polynomial.latexSymbol(v.name) }
    }
    return out.isEmpty ? "0" : out.trimmingCharacters(in: .whitespaces)
  }
}

extension TensorName {
  /// `L_{\ell+1}`, `\hat{L}_{\ell}`, `W_{\ell+1,\leftarrow}`.
  public var latex: String {
    var out = Polynomial.latexSymbol(base)
    if base.unicodeScalars.count > 1, let last = base.unicodeScalars.last {
      let letter = String(base.unicodeScalars.dropLast().map(Character.init))
      switch last {
      case "\u{0302}": out = "\\hat{\(letter)}"
      case "\u{0303}": out = "\\tilde{\(letter)}"
      case "\u{0304}": out = "\\bar{\(letter)}"
      default: break
      }
    }
    func script(_ s: String) -> String {
      s.replacingOccurrences(of: "ℓ", with: "\\ell ").replacingOccurrences(
        of: "←", with: "\\leftarrow "
      )
      .replacingOccurrences(of: "↑", with: "\\uparrow ").replacingOccurrences(of: " }", with: "}")
    }
    if let sub = subscriptText { out += "_{\(script(sub))}" }
    if let sup = superscriptText { out += "^{\(script(sup))}" }
    return out
  }
}

extension TensorReference {
  var latex: String { name.latex + "[" + indices.map(\.latex).joined(separator: ", ") + "]" }
  var mathML: String {
    MathML.name(name) + "<mo>[</mo>" + indices.map(\.mathML).joined(separator: "<mo>,</mo>")
      + "<mo>]</mo>"
  }
}

extension Expression {
  /// LaTeX in the course's style.
  public var latex: String {
    switch self {
    case .tensor(let t): return t.latex
    case .number(let r, _):
      return r.isInteger ? r.description : "\\frac{\(r.numerator)}{\(r.denominator)}"
    case .scalar(let s, _): return Polynomial.latexSymbol(s)
    case .product(let fs):
      return fs.map { f -> String in
        if case .sum = f { return "\\left(\(f.latex)\\right)" }
        return f.latex
      }.joined(separator: "\\,")
    case .sum(let terms):
      var out = ""
      for (i, t) in terms.enumerated() {
        out += i == 0 ? (t.sign < 0 ? "-" : "") : (t.sign < 0 ? " - " : " + ")
        out += t.term.latex
      }
      return out
    case .function(let name, let e, _):
      switch name {
      case "σ": return "\\sigma\\left(\(e.latex)\\right)"
      case "ReLU": return "\\mathrm{ReLU}\\left(\(e.latex)\\right)"
      case "1/": return "\\frac{1}{\(e.latex)}"
      default: return "\\\(name)\\left(\(e.latex)\\right)"
      }
    case .explicitSum(let vars, let e, _):
      return "\\sum_{" + vars.map { Polynomial.latexSymbol($0.name) }.joined(separator: ",") + "} "
        + e.latex
    }
  }

  /// Presentation MathML (an `<mrow>`).
  public var mathML: String {
    switch self {
    case .tensor(let t): return "<mrow>" + t.mathML + "</mrow>"
    case .number(let r, _):
      return r.isInteger
        ? "<mn>\(r.numerator)</mn>"
        : "<mfrac><mn>\(r.numerator)</mn><mn>\(r.denominator)</mn></mfrac>"
    case .scalar(let s, _): return MathML.identifier(s)
    case .product(let fs):
      return "<mrow>"
        + fs.map { f -> String in
          if case .sum = f { return "<mo>(</mo>\(f.mathML)<mo>)</mo>" }
          return f.mathML
        }.joined(separator: "<mo>&#x2062;</mo>") + "</mrow>"
    case .sum(let terms):
      var out = "<mrow>"
      for (i, t) in terms.enumerated() {
        if i > 0 || t.sign < 0 { out += t.sign < 0 ? "<mo>−</mo>" : "<mo>+</mo>" }
        out += t.term.mathML
      }
      return out + "</mrow>"
    case .function(let name, let e, _):
      if name == "1/" { return "<mfrac><mn>1</mn>\(e.mathML)</mfrac>" }
      return "<mrow><mi>\(MathML.escape(name))</mi><mo>(</mo>\(e.mathML)<mo>)</mo></mrow>"
    case .explicitSum(let vars, let e, _):
      return "<mrow><munder><mo>∑</mo><mrow>"
        + vars.map { MathML.identifier($0.name) }
        .joined(separator: "<mo>,</mo>") + "</mrow></munder>\(e.mathML)</mrow>"
    }
  }
}

extension Equation {
  /// The equation in LaTeX, `lhs = rhs`.
  public var latex: String { lhs.latex + " = " + rhs.latex }
  /// The equation as a `<math>` element of presentation MathML.
  public var mathML: String {
    "<math><mrow>" + lhs.mathML + "<mo>=</mo>" + rhs.mathML + "</mrow></math>"
  }
}
