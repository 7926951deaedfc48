import Answers
import IndexNotation

/// Names and their roles: the role a spelling implies, bounded names, tensor keys and
/// families, and the scalars and functions of an expression.
extension DocumentSymbols {
  /// Size for a name that starts with a capital, scalar otherwise (γ, s, k).
  static func role(ofName name: String) -> SymbolRole {
    if name.hasPrefix("Δ") || name.hasPrefix("δ") {
      // Δx is an offset index; ΔX counts its values.
      return name.dropFirst().first?.isUppercase == true ? .size : .index
    }
    return name.first?.isUppercase == true ? .size : .scalar
  }

  /// `0 ≤ s ≤ k` → "s": the middle of a two-sided chain that is a single name.
  static func boundedName(_ text: String) -> String? {
    guard let parts = try? AnswerParser.parse(text), parts.parts.count == 1,
      let chain = parts.parts[0].conjuncts.first, chain.operands.count == 3,
      case .identifier(let run, let sub, let offset) = chain.operands[1],
      let names = try? SymbolTable.open.resolve(run: run, subscript: sub, offset: offset, in: text),
      names.count == 1
    else { return nil }
    return names[0]
  }

  /// The one name of a comparison of a lone name with a number (`c > 0`, `0 < τ`): a condition
  /// on it, nil for anything else.
  static func comparedWithNumber(_ text: String) -> String? {
    guard let parts = try? AnswerParser.parse(text), parts.parts.count == 1,
      let chain = parts.parts[0].conjuncts.first, chain.operands.count == 2
    else { return nil }
    var name: String?
    var numbers = 0
    for operand in chain.operands {
      switch operand {
      case .number: numbers += 1
      case .identifier(let run, let sub, let offset):
        guard
          let names = try? SymbolTable.open.resolve(
            run: run, subscript: sub, offset: offset, in: text), names.count == 1
        else { return nil }
        name = names[0]
      default: return nil
      }
    }
    return numbers == 1 ? name : nil
  }

  /// A tensor name without braces: `L_ℓ+1,s`, `W_ℓ^b,1`.
  public static func key(_ name: TensorName) -> String {
    name.description.replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: "")
  }

  /// A tensor's family: its base with decoration and superscript, without the subscript.
  public static func family(_ name: TensorName) -> String {
    name.base + (name.superscriptText.map { "^" + $0 } ?? "")
  }

  /// Scalars (γ) and functions (σ, ReLU) of an expression with their character offsets.
  static func scalarsAndFunctions(_ e: IndexNotation.Expression) -> [(
    (name: String, isFunction: Bool), Int
  )] {
    switch e {
    case .tensor, .number: return []
    case .scalar(let s, let p): return [((s, false), p.offset)]
    case .product(let fs): return fs.flatMap(scalarsAndFunctions)
    case .sum(let ts): return ts.flatMap { scalarsAndFunctions($0.term) }
    case .function(let name, let inner, let p):
      return (name == "1/" ? [] : [((name, true), p.offset)]) + scalarsAndFunctions(inner)
    case .explicitSum(_, let inner, _): return scalarsAndFunctions(inner)
    }
  }

  /// The letters a fragment gives values by membership in a written set (`a, e \in \{-1, 0, 1\}`,
  /// `k ∈ \{1, \ldots, K\}`): the comma-separated names before the one `\in`, each a single
  /// letter (a Δ may lead), when a brace set follows it; empty for anything else.
  ///
  /// - Complexity: linear in the fragment's text.
  static func setMembers(_ text: String) -> [String] {
    let t = text.replacingOccurrences(of: "∈", with: "\\in ")
      .replacingOccurrences(of: "\\Delta", with: "Δ")
    let parts = t.components(separatedBy: "\\in")
    guard parts.count == 2 else { return [] }
    let right = parts[1].drop { $0 == " " }
    guard right.hasPrefix("\\{") || right.hasPrefix("\\lbrace") else { return [] }
    var names: [String] = []
    for piece in parts[0].split(separator: ",", omittingEmptySubsequences: false) {
      let name = piece.filter { $0 != " " }
      let letters = name.hasPrefix("Δ") ? name.dropFirst() : Substring(name)
      guard letters.count == 1, letters.first?.isLetter == true else { return [] }
      names.append(name)
    }
    return names
  }
}
