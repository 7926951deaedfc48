import Foundation

/// Definition lists: a list item that opens with names and glosses them after a colon or a dash.
extension DocumentSymbols {
  /// Whether a fragment opens a definition-list entry: the only thing before it on its line is a
  /// list marker (`-`, `*`, `+`, `1.`, optionally bold), and after it and any further names of
  /// the entry (`$X$, $Y$`) comes a colon or a dash and then a word (`- $B$: number of images`,
  /// `* $\tau$ — temperature`). A list item that uses a name (`- compute $B$: …`, `- $B$ is
  /// used`) and a name glossed by math (`- $B$: $B = 4$`) are not entries.
  /// - Complexity: O(1): at most the line's first 16 characters before the fragment.
  static func opensDefinitionEntry(
    _ f: MathFragment, _ doc: ProblemSetDocument, after: String
  ) -> Bool {
    guard !f.display, !f.bare else { return false }
    var k = f.location.offset - 2
    var before: [Unicode.Scalar] = []
    while k >= 0, doc.scalars[k] != "\n", before.count < 16 {
      before.append(doc.scalars[k])
      k -= 1
    }
    guard k < 0 || doc.scalars[k] == "\n" else { return false }
    var marker = String(String.UnicodeScalarView(before.reversed()))
      .trimmingCharacters(in: .whitespaces)
    if marker.hasSuffix("**") || marker.hasSuffix("__") {
      marker = String(marker.dropLast(2)).trimmingCharacters(in: .whitespaces)
    }
    let bullet = ["-", "*", "+"].contains(marker)
    let numbered =
      marker.count >= 2 && (marker.last == "." || marker.last == ")")
      && marker.dropLast().allSatisfy { $0.isASCII && $0.isNumber }
    guard bullet || numbered else { return false }
    guard let (rest, _) = skippingMathList(after) else { return false }
    var gloss = rest.drop { $0 == "*" || $0 == "_" || $0 == " " }
    if gloss.hasPrefix(":") || gloss.hasPrefix("—") || gloss.hasPrefix("–") {
      gloss = gloss.dropFirst()
    } else if gloss.hasPrefix("- ") {
      gloss = gloss.dropFirst(2)
    } else {
      return false
    }
    gloss = gloss.drop { $0 == " " }
    return gloss.first?.isLetter == true && !opensWithImperative(gloss)
  }

  /// Whether a gloss opens with a verb telling the reader what to do (`compute it for every
  /// $t$`, `find the $q$ …`) rather than describing the name: a bare lowercase word (not a
  /// plural or a verb form ending in -s, -ed or -ing) followed at once by its object — a formula,
  /// or a pronoun or determiner that opens one. The small word list names those openers; the
  /// rest is structure. A noun phrase (`number of images`, `the hidden state`, `temperature`)
  /// does not open so.
  /// - Complexity: O(1): the gloss's first two words.
  static func opensWithImperative(_ gloss: Substring) -> Bool {
    let verb = gloss.prefix { $0.isLetter }
    guard verb.count >= 2, verb.first?.isLowercase == true,
      !(verb.hasSuffix("s") && !verb.hasSuffix("ss")), !verb.hasSuffix("ed"),
      !verb.hasSuffix("ing"), gloss.dropFirst(verb.count).first == " "
    else { return false }
    let rest = gloss.dropFirst(verb.count + 1).drop { $0 == " " }
    if rest.first == "$" { return true }
    let object = rest.prefix { $0.isLetter }.lowercased()
    return objectOpeners.contains(object) && !objectOpeners.contains(verb.lowercased())
  }

  /// Words that open a verb's object right after it: pronouns and determiners.
  static let objectOpeners: Set<String> = [
    "it", "them", "this", "that", "these", "those", "the", "a", "an", "each", "every", "all",
    "its", "their",
  ]
}

extension DocumentSymbols {
  /// Whether a formula in prose is a product of single capitals (`$X \times Y$`) followed by a
  /// plural noun (`each $X \times Y$ pixels`): the extents of what is counted, each a size
  /// introduced there. The same product in a display or inside a formula introduces nothing.
  static func sizeProductBeforePlural(_ f: MathFragment, _ symbols: [String], after: String)
    -> Bool
  {
    guard !f.display, symbols.count >= 2,
      symbols.allSatisfy({ $0.count == 1 && $0.first?.isUppercase == true })
    else { return false }
    var rest = f.text.replacingOccurrences(of: "\\times", with: " ")
    rest = rest.replacingOccurrences(of: "×", with: " ")
    guard rest.count < f.text.count,
      rest.allSatisfy({ $0 == " " || (symbols.contains(String($0))) })
    else { return false }
    return pluralNounFollows(after) || pluralAfterModifier(after)
  }

  /// Whether the text after a lone name defines it as another name changed by a participle
  /// (`$\tilde A$ is $A$ padded with zeros`, `$x'$ is $x$ shifted by one`): the name is
  /// introduced there. A name said to equal another with no participle after it (`$y$ is $x$
  /// again`) is not.
  static func definedAsChangedName(_ after: String) -> Bool {
    guard after.hasPrefix("is $") || after.hasPrefix("are $") else { return false }
    let body = after.drop { $0 != "$" }.dropFirst()
    guard let close = body.firstIndex(of: "$") else { return false }
    let word = body[body.index(after: close)...].drop { $0 == " " }.prefix { $0.isLetter }
    return word.count >= 4 && word.hasSuffix("ed")
  }
}

extension DocumentSymbols {
  /// The application before an index list on the left of a definition (`\bar{f}(u)` of
  /// `\bar{f}(u)[n,k]`), or nil when the piece does not end with an index list right after a
  /// closing parenthesis.
  static func appliedValueHead(_ piece: String) -> String? {
    let trimmed = piece.trimmingCharacters(in: .whitespaces)
    guard trimmed.hasSuffix("]"), let bracket = trimmed.lastIndex(of: "["),
      bracket > trimmed.startIndex, trimmed[trimmed.index(before: bracket)] == ")"
    else { return nil }
    return String(trimmed[..<bracket])
  }
}
