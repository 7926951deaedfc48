extension Polynomial: CustomStringConvertible {
  /// Plain text with Unicode superscripts and a middle dot: `2·N·N_bottle·L − 2·N·N_bottle`.
  public var description: String { render(times: "·", power: Polynomial.superscript, minus: " − ") }

  /// LaTeX: `2 N N_{bottle} L - 2 N N_{bottle}`.
  public var latex: String {
    render(times: " ", power: { "^{\($0)}" }, minus: " - ", symbol: Polynomial.latexSymbol)
  }

  private func render(times: String, power: (Int) -> String, minus: String,
                      symbol: (String) -> String = { $0 }) -> String {
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
      if magnitude != .one || m.factors.isEmpty { parts.append(magnitude.description) }
      for f in m.factors { parts.append(symbol(f.symbol) + (f.exponent == 1 ? "" : power(f.exponent))) }
      out += parts.joined(separator: times)
    }
    if out.hasPrefix("-") && times == "·" { out = "−" + out.dropFirst() }
    return out
  }

  static func superscript(_ n: Int) -> String {
    let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
    return String(String(n).map { $0 == "-" ? "⁻" : digits[Int(String($0))!] })
  }

  static func latexSymbol(_ s: String) -> String {
    guard let underscore = s.firstIndex(of: "_") else { return s }
    let head = s[..<underscore], tail = s[s.index(after: underscore)...]
    return "\(head)_{\\text{\(tail)}}"
  }
}
