import Foundation
import IndexNotation

/// Readings of the phrase around a lone name that settle what it is: a function named by a
/// copula, a bold letter standing for a whole tensor, a count written before "such" and a
/// plural, a member of a comma list of counts.
extension DocumentSymbols {
  /// Nouns that make the phrase naming a letter say it is a function. Not "activation", "map"
  /// or "transform": in this field they name tensors as often (`the hidden activation`, `a
  /// feature map`).
  static let functionNouns: Set<String> = [
    "function", "functions", "sigmoid", "nonlinearity", "operator", "mapping",
  ]

  /// Whether the text after a lone name says it is a function: a copula (`is`, `denotes`,
  /// `stands for`) and then, before the first preposition or punctuation, one of
  /// `functionNouns` (`$\sigma$ denotes the logistic function`, `$\phi$ is a sigmoid`).
  /// `$\sigma$ is the standard deviation of the activations` names no function: the noun
  /// phrase ends at "of". Nor does `$z$ is a smooth function of $\mu$`: a value that depends on
  /// arguments, not the function itself.
  static func phraseNamesFunction(_ after: String) -> Bool {
    // A parenthetical gloss (`$\sigma$ (the logistic function)`) names it as an appositive does.
    let gloss = after.hasPrefix("(") ? after.dropFirst() : Substring(after)
    let clause = gloss.prefix { $0.isLetter || $0 == " " || $0 == "-" }
    var words = clause.split(separator: " ").map(String.init)
    // An appositive (`with $\sigma$ the logistic function`) names it as a copula does.
    guard let verb = words.first,
      ["is", "denotes", "denote", "stands", "means", "the", "a", "an"].contains(verb)
    else { return false }
    if !["the", "a", "an"].contains(verb) { words.removeFirst() }
    if words.first == "for" { words.removeFirst() }
    for (k, word) in words.prefix(5).enumerated() {
      if functionNouns.contains(word) { return k + 1 >= words.count || words[k + 1] != "of" }
      if notIntroducing.contains(word) { return false }
    }
    return false
  }

  /// Whether the text after a lone name opens with a copula or a verb of naming (`is`, `are`,
  /// `denotes`, `stands for`, `means`, `represents`): the prose says what the name is.
  static func copulaFollows(_ after: String) -> Bool {
    let word = after.prefix { $0.isLetter }
    return ["is", "are", "denotes", "denote", "stands", "stand", "means", "represents"].contains(
      String(word))
  }

  /// The names written bold in a fragment (`\mathbf{U}`, `\boldsymbol{\beta}`, `\bm{h}`): by the
  /// field's convention a bold letter is the whole vector or matrix of the tensor of that
  /// letter, not a scalar of its own.
  /// - Complexity: linear in the fragment.
  static func boldNames(in text: String) -> Set<String> {
    var out = Set<String>()
    let c = Array(text)
    for command in ["\\mathbf{", "\\boldsymbol{", "\\bm{", "\\mathbold{"] {
      let w = Array(command)
      var i = 0
      while i + w.count <= c.count {
        guard c[i] == "\\", Array(c[i..<(i + w.count)]) == w else {
          i += 1
          continue
        }
        var j = i + w.count
        var depth = 1
        while j < c.count {
          if c[j] == "{" { depth += 1 }
          if c[j] == "}" {
            depth -= 1
            if depth == 0 { break }
          }
          j += 1
        }
        let argument = String(c[(i + w.count)..<min(j, c.count)])
        if let name = FragmentReader.singleName(argument) { out.insert(name) }
        i = j
      }
    }
    return out
  }

  /// Whether the text after a name is "such" and a plural noun (`$n$ such layers`): a number of
  /// those things, as in "two such layers".
  static func suchPluralFollows(_ after: String) -> Bool {
    let words = after.prefix { $0.isLetter || $0 == " " }.split(separator: " ")
    return words.count >= 2 && words[0] == "such" && pluralNounFollows(String(words[1]))
  }

  /// Words after a name that give it a value rather than count something (`with $\alpha$ zero
  /// at …`): numbers and signs.
  static let valueWords: Set<String> = [
    "zero", "one", "two", "three", "positive", "negative", "nonzero", "nonnegative", "equal",
    "infinite", "finite", "undefined", "unchanged",
  ]

  /// The last character before a fragment, spaces skipped (`,` in `$Y$ rows, $X$ columns`).
  static func characterBefore(_ f: MathFragment, _ doc: ProblemSetDocument) -> Unicode.Scalar? {
    var k = f.location.offset - (f.bare ? 0 : (f.display ? 2 : 1)) - 1
    while k >= 0, doc.scalars[k] == " " { k -= 1 }
    return k >= 0 ? doc.scalars[k] : nil
  }

  /// Removes the uses of a bold letter read as a scalar or a size (`\mathbf{U} = U[I,J]`,
  /// `a state $\mathbf{h}(t)$`) where the set has a tensor of that letter: they mention the
  /// tensor. A bold letter with no tensor of its name stays what it reads as.
  /// - Complexity: O(u) for u uses.
  mutating func dropBoldMentions() {
    let families = Set(uses.filter { $0.role == .tensor }.map(\.family))
    uses.removeAll {
      $0.bold && $0.role != .tensor && families.contains(String($0.name.prefix { $0 != "_" }))
    }
  }

  /// Whether a fragment applying a name (`\mathcal{L}(W)`, `\ln p(v)`) stands right after a noun
  /// phrase of two to four words with no determiner that opens its clause (`Unpenalized training
  /// loss $\mathcal{L}(W)$`, `(b) Log-likelihood $\ln p(v)$`): the phrase names the function
  /// applied. One word (`Compute $f(x)$`) may be a verb and names nothing; a phrase with an
  /// asking verb (`Now compute $f(x)$`) is a request and names nothing either.
  /// - Complexity: O(80) scalars read back.
  static func applicationNamedByBareNounPhrase(_ f: MathFragment, _ doc: ProblemSetDocument)
    -> Bool
  {
    let text = f.text.trimmingCharacters(in: .whitespaces)
    guard text.hasSuffix(")"), text.contains("("), !text.contains("="), !text.contains("[")
    else { return false }
    let section = doc.sections[f.section]
    var k = f.location.offset - (f.bare ? 0 : (f.display ? 2 : 1)) - 1
    var phrase = String.UnicodeScalarView()
    var opened = false
    while k >= section.range.lowerBound, phrase.count < 80 {
      let c = doc.scalars[k]
      if c.properties.isAlphabetic || c == " " || c == "-" {
        phrase.append(c)
        k -= 1
        continue
      }
      opened = ".:;,()\n".unicodeScalars.contains(c)
      break
    }
    if k < section.range.lowerBound { opened = true }
    let words = DocumentSymbols.words(phrase.reversed())
    guard opened, (2...4).contains(words.count), words.last!.count >= 3 else { return false }
    return !words.contains {
      notIntroducing.contains($0) || determiners.contains($0) || notCounted.contains($0)
        || askingVerbs.contains($0)
    }
  }

  /// The verbs a question or exercise asks with (general English, not a document's words);
  /// those that are nouns as often (state, estimate, plot, name) are left out: `Hidden state
  /// $h(t)$` names h.
  static let askingVerbs: Set<String> = [
    "compute", "find", "give", "write", "evaluate", "derive", "show", "determine", "calculate",
    "express", "explain", "prove", "simplify", "solve", "obtain", "verify", "sketch", "describe",
  ]
}
