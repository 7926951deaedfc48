import BigInt
import Foundation

extension Polynomial: CustomStringConvertible {
  /// Plain text with Unicode superscripts and a middle dot: `2·N·N_bottle·L − 2·N·N_bottle`.
  public var description: String { render(times: "·", power: Polynomial.superscript, minus: " − ") }

  /// LaTeX: `2 N N_{bottle} L - 2 N N_{bottle}`.
  public var latex: String {
    render(times: " ", power: { "^{\($0)}" }, minus: " - ", symbol: Polynomial.latexSymbol)
  }

  private func render(
    times: String, power: (Int) -> String, minus: String,
    symbol: (String) -> String = { $0 }
  ) -> String {
    let sorted = sortedTerms
    if sorted.isEmpty { return "0" }
    var out = ""
    for (index, (m, c)) in sorted.enumerated() {
      let negative = c < .zero
      let magnitude = negative ? -c : c
      if index == 0 {
        out += negative ? "-" : ""
      } else {
        out += negative ? minus : " + "
      }
      var parts: [String] = []
      // A fractional coefficient prints as a divisor after the monomial: N/2, 3·N/4.
      let divisor: BigInt = !m.factors.isEmpty && !magnitude.isInteger ? magnitude.denominator : 1
      let leading = divisor > 1 ? Rational(big: magnitude.numerator) : magnitude
      if leading != .one || m.factors.isEmpty { parts.append(leading.description) }
      for f in m.factors {
        parts.append(symbol(f.symbol) + (f.exponent == 1 ? "" : power(f.exponent)))
      }
      out += parts.joined(separator: times) + (divisor > 1 ? "/\(divisor)" : "")
    }
    if out.hasPrefix("-") && times == "·" { out = "−" + out.dropFirst() }
    return out
  }

  /// Plain text with the common factor pulled out: `2·N·N_bottle·(L − 1)`, `N²·(L − 1)`.
  public var factoredDescription: String {
    let m = commonMonomialFactor
    let coefficients = terms.values
    guard terms.count > 1, coefficients.allSatisfy(\.isInteger) else { return description }
    var g = BigInt(0)
    for c in coefficients {
      g = BigInt(g.magnitude.greatestCommonDivisor(with: c.numerator.magnitude))
    }
    if coefficients.allSatisfy({ $0 < .zero }) { g = -g }
    let rest = Rational(big: 1, g) * dividing(by: m)
    let head = Polynomial(terms: [m: Rational(big: g)])
    if head == Polynomial(1) { return description }
    return head.description + "·(" + rest.description + ")"
  }

  /// Presentation MathML: `<math><mrow>…</mrow></math>` with `<msup>` powers and `<msub>`
  /// subscripts (N_bottle → N<sub>bottle</sub>).
  public var mathML: String { "<math>" + mathMLRow + "</math>" }

  /// The polynomial as one presentation-MathML `<mrow>`, to place inside other math.
  public var mathMLRow: String {
    let identifier = MathML.identifier
    let sorted = sortedTerms
    var parts: [String] = []
    if sorted.isEmpty { parts.append("<mn>0</mn>") }
    for (index, (m, c)) in sorted.enumerated() {
      let negative = c < .zero
      if index > 0 || negative { parts.append(negative ? "<mo>−</mo>" : "<mo>+</mo>") }
      let magnitude = negative ? -c : c
      var factors: [String] = []
      if magnitude != .one || m.factors.isEmpty {
        factors.append(
          magnitude.isInteger
            ? "<mn>\(magnitude.numerator)</mn>"
            : "<mfrac><mn>\(magnitude.numerator)</mn><mn>\(magnitude.denominator)</mn></mfrac>")
      }
      for f in m.factors {
        factors.append(
          f.exponent == 1
            ? identifier(f.symbol)
            : "<msup>\(identifier(f.symbol))<mn>\(f.exponent)</mn></msup>")
      }
      parts.append(factors.joined(separator: "<mo>&#x2062;</mo>"))
    }
    return "<mrow>" + parts.joined() + "</mrow>"
  }

  static func superscript(_ n: Int) -> String {
    let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
    return String(String(n).map { $0 == "-" ? "⁻" : digits[Int(String($0))!] })
  }

  /// `N_bottle` → `N_{\text{bottle}}`, `ΔX` → `\Delta X`, `γ` → `\gamma`, `ℓ` → `\ell`.
  public static func latexSymbol(_ s: String) -> String {
    func letters(_ t: Substring) -> String {
      var out = ""
      for c in t {
        switch c {
        case "Δ": out += "\\Delta "
        case "γ": out += "\\gamma "
        case "ℓ": out += "\\ell "
        case "σ": out += "\\sigma "
        default: out.append(c)
        }
      }
      return out.hasSuffix(" ") ? String(out.dropLast()) : out
    }
    guard let underscore = s.firstIndex(of: "_") else { return letters(s[...]) }
    let head = s[..<underscore]
    let tail = s[s.index(after: underscore)...]
    let sub = tail.count == 1 ? letters(tail) : "\\text{\(tail)}"
    return "\(letters(head))_{\(sub)}"
  }
}
