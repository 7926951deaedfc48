import Algebra
import Foundation

/// Sizes stated in numbers (`$N = 50{,}176$`, `$X = Y = 112$`) and formulas of them worked out.
extension AuditRules.ArithmeticChains {
  /// The sizes a fragment states in numbers: each bare size name (a capital letter, `ΔX`) of
  /// a chain of `=` that ends in a number takes that number (`X = Y = 112`; `T = 16, X = 8`
  /// is two chains). A lowercase name is an index set to a value (`at $x = 2$`), not a size.
  /// - Complexity: linear in the fragment's length.
  static func statedNumbers(_ text: String) -> [(String, Rational)] {
    guard text.contains("="), text.count < NumericValue.longest * 4 else { return [] }
    var out: [(String, Rational)] = []
    for part in Self.topLevelClauses(text) {
      let (sides, relations) = Self.chain(part)
      guard sides.count >= 2, relations.allSatisfy({ $0 == "=" }),
        let value = NumericValue.read(sides[sides.count - 1])?.exact
      else { continue }
      for side in sides.dropLast() {
        guard case .formula(let names, let p?) = FragmentReader.content(side), names.count == 1,
          let name = names.first, p == .symbol(name), Self.isSize(name)
        else { continue }
        out.append((name, value))
      }
    }
    return out
  }

  /// Whether a name is a size: a capital letter first, or a Δ before one.
  static func isSize(_ name: String) -> Bool {
    let first = name.hasPrefix("Δ") ? name.dropFirst().first : name.first
    return first?.isUppercase == true
  }

  /// `text` split at top-level `,` and `;` that are no thousands separator (a comma before a
  /// digit stays: `1,024`).
  static func topLevelClauses(_ text: String) -> [String] {
    AuditRules.topLevel(text) { chars, k in
      chars[k] == ";" || (chars[k] == "," && !(k + 1 < chars.count && chars[k + 1].isNumber))
    }
  }

  /// A formula of sizes (`JFD`, `N/J`, `2NFC`) worked out with the sizes stated in numbers,
  /// when every name in it has one; nil for a bare name (it states, it is not worked out) or a
  /// name with no stated number.
  static func evaluated(_ side: String, _ stated: (String) -> Rational?) -> NumericValue? {
    guard case .formula(let names, let p?) = FragmentReader.content(side), !names.isEmpty,
      names.allSatisfy({ stated($0) != nil }), !names.contains(where: { p == .symbol($0) })
    else { return nil }
    var total = Rational.zero
    for (monomial, coefficient) in p.terms {
      var term = coefficient
      for factor in monomial.factors {
        guard let v = stated(factor.symbol),
          factor.exponent.magnitude <= NumericValue.largestExponent.magnitude
        else { return nil }
        term =
          term
          * (factor.exponent >= 0 ? v.power(factor.exponent) : .one / v.power(-factor.exponent))
        guard term.bitWidth < 4096 else { return nil }
      }
      total = total + term
    }
    return NumericValue(
      exact: total, approximate: total.doubleValue, printedUnit: nil, rounds: false,
      decimal: false)
  }
}
