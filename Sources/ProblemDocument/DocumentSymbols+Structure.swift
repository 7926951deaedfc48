import IndexNotation

/// Readings decided by the shape of the text rather than by its words: what a subscript letter
/// is, what a noun phrase in front of a name does, what the left side of a definition defines.
extension DocumentSymbols {
  /// Removes the index uses read from subscripts whose letter names a tensor of the document:
  /// in `U_r[j,I]` beside a tensor `r[t,j]`, the r labels which U is meant (the one feeding r);
  /// it ranges over nothing. A capital naming a family of tensors (B in the mask `M_B` beside
  /// thresholds `B_{ℓ+1}[k]`) labels too: capitals are never free indices. A subscript letter
  /// that names no tensor (t in `m_t[i]`) stays an index of the family.
  /// - Complexity: O(u) for u uses.
  mutating func dropSubscriptLabels() {
    let tensors = Set(uses.filter { $0.role == .tensor && !$0.subscripted }.map(\.name))
    let families = Set(uses.filter { $0.role == .tensor }.map(\.family))
    uses.removeAll {
      $0.fromSubscript && $0.role == .index
        && (tensors.contains($0.name)
          || ($0.name.first?.isUppercase == true && families.contains($0.name)))
    }
  }

  /// Whether the words before a lone name are a noun phrase that names it: a determiner, then
  /// one or two words none of which is a preposition, verb or conjunction (`the loss $ℒ$`,
  /// `our learning rate $η$`). A name after a verb (`compute $Q$`) or a preposition (`of $W$`)
  /// is a mention.
  static func namedByNounPhrase(_ before: [String]) -> Bool {
    guard let last = before.last, last.count >= 3, !notIntroducing.contains(last),
      !determiners.contains(last), !introducers.contains(last) || nouns.contains(last),
      !last.hasSuffix("ly"), !last.hasSuffix("ing") || nouns.contains(last),
      !superlative(last)
    else { return false }
    let opening = [
      "the", "a", "an", "our", "its", "their", "your", "my", "this", "these", "those",
      // A quantifier binds the letter it names (`for some shift $s$`, `any offset $u$`).
      "one", "some", "any", "every", "each",
    ]
    if before.count >= 2, opening.contains(before[before.count - 2]) { return true }
    // `the total loss $ℒ$`: an adjective between the determiner and the noun.
    guard before.count >= 3, opening.contains(before[before.count - 3]) else { return false }
    let middle = before[before.count - 2]
    return middle.count >= 3 && !notIntroducing.contains(middle) && !determiners.contains(middle)
  }

  /// Whether a word is a superlative adjective (`the largest $\bar{n}[j]$`, `the smallest`):
  /// it picks one of a thing already named, it names nothing new.
  static func superlative(_ word: String) -> Bool {
    word.count >= 6 && word.hasSuffix("est")
      && !["interest", "request", "contest", "harvest", "conquest", "inquest"].contains(word)
  }

  /// Nouns among the introducing words: a phrase ending in one of them names the name after it.
  static let nouns: Set<String> = introducers.subtracting([
    "where", "use", "using", "computing", "compute", "form", "define", "defines", "denote",
    "denotes", "let", "consider",
  ])

  /// The offsets of letters applied on the left of a definition (`f(t) = …` opening the fragment
  /// or a piece between top-level commas or `\qquad`): functions defined there.
  static func definedAppliedLetters(in text: String) -> Set<Int> {
    let chars = Array(text)
    var out = Set<Int>()
    for (piece, offset) in FragmentReader.definitionPieces(text) {
      // The piece is one letter (with an accent or script) and a parenthesized argument.
      guard piece.last == ")" || piece.hasSuffix("\\right)"),
        let open = piece.firstIndex(of: "(")
      else { continue }
      let head = String(piece[..<open]).replacingOccurrences(of: "\\left", with: "")
      guard LenientNames.letters(in: head).count == 1,
        let first = LenientNames.appliedLetters(in: piece).first
      else { continue }
      let at = offset + first.1
      if at < chars.count { out.insert(at) }
    }
    return out
  }
}

extension DocumentSymbols {
  /// Whether the text after a name is a modifier and a plural noun with nothing between them
  /// (`hidden units`, `input features`): the name counts those things.
  static func pluralAfterModifier(_ after: String) -> Bool {
    let run = after.prefix { $0.isLetter || $0 == " " || $0 == "-" }
    let words = run.split(separator: " ").prefix(2).map(String.init)
    guard words.count == 2, words[0].count >= 3,
      words[0].allSatisfy({ $0.isLowercase || $0 == "-" }),
      !notCounted.contains(words[0])
    else { return false }
    return pluralOrSuperlativeFollows(words[1]) && !words[1].hasSuffix("est")
  }
}

extension DocumentSymbols {
  /// Whether a name's base (before its sub- or superscript) carries an accent: x̃, ŷ, ᾱ_t.
  static func isDecorated(_ name: String) -> Bool {
    name.unicodeScalars.prefix { $0 != "_" && $0 != "^" }.contains {
      (0x300...0x36F).contains($0.value) || $0.value == 0x20D7
    }
  }
}

extension DocumentSymbols {
  /// Whether the right side of the definition whose left side is at `lhsOffset` (up to the next
  /// top-level `,`, `;` or the end) names a letter: `r = σ(c)` defines r by a formula, `r = 2`
  /// or `r = \frac{1}{2}` only gives it a value.
  static func definesByFormula(_ text: String, lhsOffset: Int, lhsLength: Int) -> Bool {
    let chars = Array(text)
    var k = lhsOffset + lhsLength
    while k < chars.count, chars[k] != "=" { k += 1 }
    guard k < chars.count else { return false }
    var end = k + 1
    var depth = 0
    while end < chars.count {
      if "[{(".contains(chars[end]) { depth += 1 }
      if "]})".contains(chars[end]) { depth -= 1 }
      if depth == 0, chars[end] == "," || chars[end] == ";" { break }
      end += 1
    }
    return !LenientNames.letters(in: String(chars[(k + 1)..<end])).isEmpty
  }
}

extension DocumentSymbols {
  /// The sizes declared equal in a problem, with the preamble's (`K = J` for the whole set) and
  /// the earlier problems' (a letter bound once keeps its size in the problems after it) under
  /// the problem's own: each size's class representative.
  func sizeClasses(in scope: String) -> [String: String] {
    var classes = sizeClasses[""] ?? [:]
    guard !scope.isEmpty else { return classes }
    let earlier = scopeOrder.prefix { $0 != scope }.filter { !$0.isEmpty }
    for problem in earlier + [scope] {
      for (size, representative) in sizeClasses[problem] ?? [:] { classes[size] = representative }
    }
    return classes
  }
}

extension DocumentSymbols {
  /// `sizeClasses(in:)` of each of `scopes`, read in one pass over the problems in order.
  /// - Complexity: O(p + c) for p problems declaring c classes in all, besides the maps returned.
  func sizeClasses(in scopes: Set<String>) -> [String: [String: String]] {
    var out: [String: [String: String]] = [:]
    var classes = sizeClasses[""] ?? [:]
    if scopes.contains("") { out[""] = classes }
    for problem in scopeOrder where !problem.isEmpty {
      for (size, representative) in sizeClasses[problem] ?? [:] { classes[size] = representative }
      if scopes.contains(problem) { out[problem] = classes }
    }
    for scope in scopes where out[scope] == nil { out[scope] = sizeClasses(in: scope) }
    return out
  }
}
