import Foundation

/// Bindings read once the whole document is read: sizes that index letters range over,
/// mentions resolved against the tensors the set writes, signatures and applied definitions.
extension DocumentSymbols {
  /// Lone mentions resolved against the tensors the set writes (`$V^1$` for the tensor V^1,
  /// `the weight tensor $M$` for M), and counts undone where the capital names a tensor
  /// (`of $S$ requires`: a verb read as a noun).
  mutating func resolveMentions() {
    let written = Set(uses.filter { $0.role == .tensor && !$0.arrayNamed }.map(\.family))
    for k in uses.indices where uses[k].arrayNamed && !written.contains(uses[k].name) {
      uses[k].role = DocumentSymbols.role(ofName: uses[k].name)
    }
    for k in uses.indices {
      guard let family = uses[k].superscripted, written.contains(family) else { continue }
      (uses[k].name, uses[k].family, uses[k].role) = (family, family, .tensor)
      uses[k].quantity = false
    }
    for k in uses.indices where uses[k].countIntroduced && written.contains(uses[k].name) {
      uses[k].introduces = false
      uses[k].countIntroduced = false
    }
  }

  /// `$i$ and $j$ both range over the $N$ units`, `$t$ runs over $T$ steps`, `$k$ also takes
  /// $J$ values`: each index letter listed before "range(s)/run(s) over" or "take(s)" counts its
  /// values with the size after it, so the
  /// letter's capital (I, J, T) is declared equal to that size in the section's problem.
  ///
  /// - Complexity: linear in the section's text.
  mutating func collectRanges(_ section: Section, _ doc: ProblemSetDocument) {
    let range = section.range
    var text = String.UnicodeScalarView()
    text.append(contentsOf: doc.scalars[range.lowerBound..<range.upperBound])
    let source = String(text)
    let letter = #"\$\s*([a-z])\s*\$"#
    let pattern =
      letter + #"((?:\s*,\s*|\s*,?\s*and\s+|\s*,?\s*or\s+)"# + letter + #")*"#
      + #"\s+(?:both\s+|all\s+|each\s+|also\s+)?"#
      + #"(?:(?:ranges?|runs?)\s+over\s+(?:the\s+)?|takes?\s+(?:the\s+)?)"#
      + #"\$\s*([A-Z](?:_\{?[A-Za-z0-9]+\}?)?)\s*\$"#
    guard let regex = try? NSRegularExpression(pattern: pattern) else { return }
    let ns = source as NSString
    let single = try? NSRegularExpression(pattern: letter)
    var classes = sizeClasses[DocumentSymbols.scope(section), default: [:]]
    for match in regex.matches(in: source, range: NSRange(location: 0, length: ns.length)) {
      let size = ns.substring(with: match.range(at: match.numberOfRanges - 1))
        .replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: "")
      let sizeStart = match.range(at: match.numberOfRanges - 1).location
      let listed = NSRange(location: match.range.location, length: sizeStart - match.range.location)
      var names: [String] = [size]
      for m in single?.matches(in: source, range: listed) ?? [] {
        names.append(ns.substring(with: m.range(at: 1)).uppercased())
      }
      guard names.count > 1 else { continue }
      DocumentSymbols.merge(names, into: &classes)
    }
    sizeClasses[DocumentSymbols.scope(section)] = classes
  }

  /// The name a signature declares a map (`f: A \to B`, `\phi\colon X \rightarrow Y`,
  /// `g: ℝ → ℝ`): a single name before the first colon and an arrow after it; nil otherwise.
  static func signatureName(_ text: String) -> String? {
    let colon = text.range(of: "\\colon") ?? text.range(of: ":")
    guard let colon, !text[..<colon.lowerBound].contains("="),
      ["\\to", "\\rightarrow", "→"].contains(where: { text[colon.upperBound...].contains($0) })
    else { return nil }
    return FragmentReader.singleName(String(text[..<colon.lowerBound]))
  }

  /// `W^1`, `W^{q}` for the letter `W` read from it: the letter with its superscript, braces
  /// dropped, as a tensor family is keyed; nil for anything else.
  static func superscriptedName(_ text: String, _ letter: String) -> String? {
    let t = text.trimmingCharacters(in: .whitespaces)
    guard t.hasPrefix(letter + "^") else { return nil }
    var sup = t.dropFirst(letter.count + 1)
    if sup.hasPrefix("{") && sup.hasSuffix("}") { sup = sup.dropFirst().dropLast() }
    guard !sup.isEmpty, sup.count <= 3, sup.allSatisfy({ $0.isLetter || $0.isNumber })
    else { return nil }
    return letter + "^" + sup
  }

  /// `\Phi_p(\mathbf{s})`, `g\left(x, y\right)` → the name applied: a single name (with its
  /// subscript) followed by one parenthesized argument list that ends the piece; nil otherwise.
  static func appliedDefinitionName(_ piece: String) -> String? {
    var chars = Array(piece.trimmingCharacters(in: .whitespaces))
    guard chars.last == ")" else { return nil }
    var depth = 0
    var open: Int?
    for k in stride(from: chars.count - 1, through: 0, by: -1) {
      if chars[k] == ")" { depth += 1 }
      if chars[k] == "(" { depth -= 1 }
      if depth == 0 {
        open = k
        break
      }
    }
    guard let open, open > 0 else { return nil }
    chars = Array(chars[..<open])
    var head = String(chars).trimmingCharacters(in: .whitespaces)
    if head.hasSuffix("\\left") { head = String(head.dropLast(5)) }
    guard head.contains(where: \.isLetter) else { return nil }
    return FragmentReader.singleName(head)
  }

  /// Declares `names` equal sizes in `classes`: each name's class is joined into one, whose
  /// representative is the shortest of the names' representatives.
  static func merge(_ names: [String], into classes: inout [String: String]) {
    let representative =
      names.map { classes[$0] ?? $0 }.min { ($0.count, $0) < ($1.count, $1) } ?? names[0]
    for name in names {
      let old = classes[name] ?? name
      for (k, v) in classes where v == old { classes[k] = representative }
      classes[name] = representative
    }
  }

  /// A name the set applies as a function (`σ(ξ) = …`, `\sigma\left(…\right)`) that a lone
  /// mention would make a count only by the word after it (`the argument of $σ$ tends to`) is
  /// still that function; a phrase that counts it (`$σ$ is the number of …`) keeps it a size.
  mutating func keepFunctionsApplied() {
    let functions = Set(uses.filter { $0.role == .function }.map(\.name))
    for k in uses.indices
    where uses[k].alone && uses[k].quantity && !uses[k].counted && uses[k].role == .size
      && functions.contains(uses[k].name)
    {
      uses[k].role = .function
      uses[k].quantity = false
    }
  }
}
