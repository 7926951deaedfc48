import IndexNotation

/// What the words around a fragment say about the names in it: the words before and the text
/// after it, and whether a phrase, a list it continues, a noun phrase or a copula introduces
/// them. Read once per fragment by `DocumentSymbols.collect`.
struct FragmentPhrasing {
  /// The words before the fragment (lowercased, back to the previous fragment).
  let before: [String]
  /// The text after it (lowercased, spaces collapsed).
  let after: String
  /// Whether a list of names before a count follows it.
  let listed: Bool
  /// Whether the words before or after it introduce it.
  let introducedByPhrase: Bool
  /// Whether an indefinite noun phrase stands before it (`a single parameter`).
  let indefinite: Bool
  /// Whether a name standing alone there is introduced.
  let aloneIntroduced: Bool
  /// Whether a noun phrase and is/are stand before it (`The signal is $u[n,c]$`).
  let copula: Bool

  /// Reads the phrasing of `f`; `previous` is the last fragment's section and whether it was
  /// introduced, `listEnd` whether the fragment stands in a list an introducing phrase closes.
  init(
    _ f: MathFragment, _ doc: ProblemSetDocument, _ symbols: DocumentSymbols,
    previous: (section: Int, introduced: Bool)?, listEnd: Bool
  ) {
    let before = symbols.precedingWords(f, doc)
    let after = symbols.followingText(f, doc)
    let continued =
      (before == ["and"] || before == ["or"] || before.isEmpty)
      && previous?.section == f.section && previous?.introduced == true
    let listed = DocumentSymbols.listBeforeCount(after)
    let postfixIntroduced =
      DocumentSymbols.postfixIntroducers.contains { after.hasPrefix($0) } || listed
      || DocumentSymbols.glossOrPluralCopula(after) || listEnd
      || DocumentSymbols.opensDefinitionEntry(f, doc, after: after)
      || DocumentSymbols.definedAsChangedName(after)
    let writtenFor = before.last == "write" && after.hasPrefix("for ")  // `Write $h[…]$ for …`
    let introducedByPhrase =
      DocumentSymbols.introduces(after: before) || continued || postfixIntroduced || writtenFor
    // A name alone is introduced by a phrase after it, by a list it continues, by "where", "let"
    // or "define", or by a noun phrase it stands after (`a single parameter $θ$`, `the loss
    // $ℒ$`), not by a verb (`compute $Q$`) or a preposition (`of $W$`).
    // A hyphenated modifier is one word (`a per-example loss $ℓ$`).
    let compound = symbols.precedingCompoundWords(f, doc)
    let indefinite =
      (before.suffix(3) + compound.suffix(3)).contains { $0 == "a" || $0 == "an" }
      && before.last.map {
        !DocumentSymbols.notIntroducing.contains($0) && !DocumentSymbols.determiners.contains($0)
      } ?? false
    let aloneIntroduced =
      postfixIntroduced || continued || indefinite
      || DocumentSymbols.namedByNounPhrase(before)
      // `stride $s$`, `one constant $c$`: an introducing noun (unless a counting phrase follows).
      || (DocumentSymbols.nouns.contains(before.last ?? "") && !DocumentSymbols.countPhrase(after))
      // `the numbers of values of $n$, $i$`: the letters whose range the clause gives.
      || before.suffix(2) == ["values", "of"] || before.suffix(2) == ["values", "for"]
      || (DocumentSymbols.pluralNounNames(before) && DocumentSymbols.wordBefore(f, doc))
      || ["where", "let", "define", "defines", "denote", "denotes", "consider"].contains(
        before.last ?? "")
      || FragmentPhrasing.quantified(before)
    // A copula after a noun phrase names what follows (`The signal is $u[n,c]$`, `the targets
    // are $v[…]$`): a determiner, a noun, then is/are.
    let copula =
      before.count >= 3 && ["is", "are"].contains(before[before.count - 1])
      && !DocumentSymbols.notIntroducing.contains(before[before.count - 2])
      && !DocumentSymbols.determiners.contains(before[before.count - 2])
      && before.dropLast(2).suffix(3).contains {
        ["the", "a", "an", "our", "its", "their", "your", "my"].contains($0)
      }
    self.before = before
    self.after = after
    self.listed = listed
    self.introducedByPhrase = introducedByPhrase
    self.indefinite = indefinite
    self.aloneIntroduced = aloneIntroduced
    self.copula = copula
  }

  /// Whether the words before a name quantify it (`for any $f$`, `for any nondecreasing $f$`):
  /// "for any", then at most one describing word. The claim holds for each such thing, so the
  /// letter is introduced there as a bound variable. "For each $q$", "for all $n$" are left
  /// alone: that is how a question counts over an index's values, which a tensor must carry.
  /// - Complexity: constant (the last three words).
  static func quantified(_ before: [String]) -> Bool {
    let tail = Array(before.suffix(3))
    guard let q = tail.lastIndex(where: { $0 == "any" }),
      q > 0, tail[q - 1] == "for", tail.count - q <= 2
    else { return false }
    return true
  }
}
