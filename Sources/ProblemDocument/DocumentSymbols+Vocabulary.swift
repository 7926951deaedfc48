/// The words around a fragment that decide whether it introduces a name.
extension DocumentSymbols {
  /// Phrases whose last word introduces the name after it ("a kernel K[…]", "Use B_{ℓ+1}[j]").
  static let introducers: Set<String> = [
    "kernel", "kernels", "threshold", "thresholds", "layer", "layers", "tensor", "tensors", "batch",
    "images", "image", "pyramid", "parameters", "parameter", "constant", "filter", "filters",
    "stride", "matrix", "vector", "matrices", "vectors", "where", "use", "using", "computing",
    "compute", "form", "dimensions", "dimension", "define", "defines", "denote", "denotes", "let",
    "consider",
    "weights", "weight", "bias", "biases", "scale", "level", "input", "output", "variable",
  ]
  /// Phrases after a name that introduce it ("$\ell$ is the level", "… are the number of …").
  static let postfixIntroducers = [
    "is the", "are the", "denotes", "denote", "is a ", "is an ",
    "is smaller", "is defined", "are defined", "be the", "is our",
    "the ", "is its", "are its", "for the ",
  ]

  /// Words after which a name is not being introduced ("the variance of q", "gives that h").
  static let notIntroducing: Set<String> = [
    "of", "that", "is", "are", "to", "for", "from", "on", "in", "at", "by", "as", "and", "or", "if",
    "gives", "give", "then", "when", "whether", "than", "what", "which", "does", "do", "be", "it",
    "inside", "over", "into", "through", "within", "across", "under", "between", "onto", "per",
    "via", "without", "about", "among",
  ]
  /// Prepositions after which a capital followed by a noun counts it (`over $C$ classes`, `to $K$
  /// channels`, `a beam of $N$ hypotheses`).
  static let countingPrepositions: Set<String> = [
    "of", "with", "over", "to", "into", "across", "among", "in", "for", "from", "by", "per",
    "through", "within",
  ]
  /// Words that open a noun phrase naming something ("a gate z", "the tensor L", "with weights W").
  static let determiners: Set<String> = [
    "a", "an", "the", "with", "and", "its", "our", "their", "some", "each",
    "two", "three", "four", "both", "several", "these",
  ]

  /// Whether the words before a name introduce it: the last word an introducing word, or a noun
  /// (not a preposition, verb or conjunction) with a determiner up to four words back.
  static func introduces(after words: [String]) -> Bool {
    guard let last = words.last else { return false }
    if introducers.contains(last) { return true }
    if notIntroducing.contains(last) || determiners.contains(last) || superlative(last) {
      return false
    }
    if bareNounNames(words) { return true }
    return words.dropLast().suffix(3).contains { determiners.contains($0) }
  }

  /// Words that take a bare noun naming a quantity (`at temperature $τ$`, `has dilation $d$`).
  static let bareNounOpeners: Set<String> = ["at", "with", "has", "have", "having"]

  /// Whether the last word is a bare noun after one of `bareNounOpeners`: the noun names the
  /// name after it. An adverb or participle there (`at least $k$`, `with scaled $x$`) names nothing.
  static func bareNounNames(_ words: [String]) -> Bool {
    guard words.count >= 2, let last = words.last, bareNounOpeners.contains(words[words.count - 2])
    else { return false }
    return last.count >= 4 && last.allSatisfy(\.isLetter) && !last.hasSuffix("ly")
      && !last.hasSuffix("ed") && !notIntroducing.contains(last) && !determiners.contains(last)
      && !superlative(last) && !["least", "most", "once", "first", "last", "random"].contains(last)
  }

  /// Nouns naming an array (`the weight tensor $M$ holds …`): the name after one is that array,
  /// never a count of the word after it.
  static let arrayNouns: Set<String> = [
    "tensor", "tensors", "matrix", "matrices", "vector", "vectors", "array", "arrays", "kernel",
    "kernels", "filter", "filters",
  ]

  /// Whether the text after a name (or a list of names) says what it is: a gloss
  /// (`$B$, $T$ = batch size, number of steps`) or a plural copula naming a kind of thing
  /// (`$U$ and $V$ are weight matrices`, `… are the target copies`); a verb or adjective after
  /// "are" (`are summed`, `are equal`) names nothing.
  static func glossOrPluralCopula(_ after: String) -> Bool {
    guard let (rest, _) = skippingMathList(after) else { return false }
    if rest.hasPrefix("= ") { return rest.dropFirst(2).first?.isLetter == true }
    guard rest.hasPrefix("are ") else { return false }
    var words = rest.dropFirst(4).prefix { $0.isLetter || $0 == " " }.split(separator: " ")
      .prefix(3).map(String.init)
    if let first = words.first, ["the", "a", "an", "our", "its", "their"].contains(first) {
      words.removeFirst()
    }
    words = Array(words.prefix(2))
    guard let first = words.first, first != "not" else { return false }
    if pluralNounFollows(first) { return true }
    return words.count == 2 && pluralNounFollows(words[1])
      && !notIntroducing.contains(first) && !determiners.contains(first)
      && !first.hasSuffix("ed") && !first.hasSuffix("ly")
  }
}
