/// Readings of a noun phrase written right against a name: a plural noun naming it in
/// apposition, a size noun before a product of sizes, an adverb and adjective before a counted
/// plural.
extension DocumentSymbols {
  /// Prepositions that open a noun phrase naming the name after it (`for data points $x$`,
  /// `with thresholds $c$`). Not "of" or "to": `the mean of outputs $y$`, `applied to inputs
  /// $x$` speak of something named elsewhere.
  static let appositionPrepositions: Set<String> = [
    "for", "with", "on", "over", "across", "given",
    // `the entries have variances $s^2$`: what a thing has, named by the plural.
    "have", "has", "having",
  ]

  /// Whether the words before a name are a preposition, at most one modifier and a plural noun
  /// written against the name (`for data points $x[n,i]$`, `for continuum fields $f$`): the
  /// plural names what the name stands for. A verb in the third person (`the network computes
  /// $y$`) follows a determiner or a noun, never a preposition alone, so it names nothing.
  static func pluralNounNames(_ before: [String]) -> Bool {
    guard let last = before.last, last.count >= 4, last.hasSuffix("s"),
      !last.hasSuffix("ss"), !last.hasSuffix("us"), !last.hasSuffix("is"),
      !notIntroducing.contains(last), !notCounted.contains(last), !determiners.contains(last)
    else { return false }
    let head = before.dropLast()
    if let p = head.last, appositionPrepositions.contains(p) { return true }
    // `a network produces features $h[b,i]$`: a noun, a verb in the third person, and its
    // plural object written against the name.
    if head.count >= 2, let verb = head.last, verb.count >= 5, verb.hasSuffix("s"),
      !verb.hasSuffix("ss"), !notIntroducing.contains(verb), !determiners.contains(verb),
      let subject = head.dropLast().last, subject.count >= 3, !subject.hasSuffix("s"),
      !notIntroducing.contains(subject), !determiners.contains(subject)
    {
      return true
    }
    guard head.count >= 2, let modifier = head.last,
      appositionPrepositions.contains(head[head.count - 2])
    else { return false }
    return modifier.count >= 3 && !notIntroducing.contains(modifier)
      && !notCounted.contains(modifier) && !determiners.contains(modifier)
  }

  /// Nouns of extent before a product of sizes (`of spatial size $X \times Y$`, `shape $H W$`).
  static let extentNouns: Set<String> = [
    "size", "sizes", "shape", "shapes", "resolution", "dimensions",
  ]

  /// Nouns of one extent before a lone capital (`of width $N$`, `a batch of size $B$`).
  static let lengthNouns: Set<String> = [
    "size", "width", "height", "depth", "length", "dimension", "rank",
  ]

  /// Whether a formula of capitals only stands after a noun of extent (`size $X \times Y$`,
  /// `of width $N$`): each capital is a size introduced there.
  static func extentProduct(_ symbols: [String], before: [String]) -> Bool {
    guard let last = before.last,
      symbols.count >= 2 ? extentNouns.contains(last) : lengthNouns.contains(last)
    else { return false }
    return symbols.allSatisfy { $0.count == 1 && $0.first?.isUppercase == true }
  }

  /// Whether the text after a name is an adverb, a modifier and a plural noun (`fully connected
  /// layers`, `densely packed cells`): the name counts those things.
  static func pluralAfterAdverb(_ after: String) -> Bool {
    let run = after.prefix { $0.isLetter || $0 == " " || $0 == "-" }
    let words = run.split(separator: " ").prefix(3).map(String.init)
    guard words.count == 3, words[0].count >= 4, words[0].hasSuffix("ly"),
      words[0].allSatisfy(\.isLowercase), words[1].count >= 3,
      words[1].allSatisfy({ $0.isLowercase || $0 == "-" }), !notCounted.contains(words[1])
    else { return false }
    return pluralOrSuperlativeFollows(words[2]) && !words[2].hasSuffix("est")
  }

  /// The single letters written as the whole argument of an application (`V` in `\rho(V)`,
  /// `\lVert W \rVert` aside): `letter(X)` with a letter or `}` before the parenthesis.
  /// - Complexity: linear in the fragment.
  static func wholeArguments(_ text: String) -> Set<String> {
    let c = Array(text)
    var out = Set<String>()
    for k in c.indices where c[k] == "(" && k > 0 && (c[k - 1].isLetter || c[k - 1] == "}") {
      var j = k + 1
      while j < c.count, c[j] == " " { j += 1 }
      guard j < c.count, c[j].isLetter else { continue }
      var e = j + 1
      while e < c.count, c[e] == " " { e += 1 }
      if e < c.count, c[e] == ")" { out.insert(String(c[j])) }
    }
    return out
  }
}
