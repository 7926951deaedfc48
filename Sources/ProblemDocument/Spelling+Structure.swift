/// What is not an English word to look up, judged by a word's form rather than a list: names
/// written with inner capitals, proper names, and compounds of a prefix and a known word.
extension Spelling {
  /// Prefixes that English (and the field) glue to words without a hyphen: over+smoothing,
  /// pre+compute, sub+layer.
  static let prefixes = [
    "over", "under", "pre", "post", "re", "un", "non", "multi", "sub", "super", "inter", "intra",
    "co", "de", "self", "anti", "semi", "cross", "out", "up", "down", "mis", "bi", "tri", "hyper",
    "meta", "counter", "auto", "mini", "micro", "macro",
  ]

  /// A name with a capital after its first letter (MoE, InfoNCE, LeakyReLU, pLSA): an acronym or
  /// a coined name, not a dictionary word.
  public static func hasInnerCapital(_ word: String) -> Bool {
    word.unicodeScalars.dropFirst().contains { $0.properties.isUppercase }
  }

  /// A run of ASCII consonants with no vowel (`mkw`, `jq`, `pdf`): a handle, an abbreviation or
  /// an identifier, not a misspelling of an English word — a slip of the hand changes letters of
  /// a word, it does not take every vowel out of it (`y` counts as a vowel: `rhythm`, `gym`).
  public static func hasNoVowel(_ word: String) -> Bool {
    word.unicodeScalars.allSatisfy { $0.isASCII && !"aeiouyAEIOUY".unicodeScalars.contains($0) }
  }

  /// A capitalized word (Schwarz, Xavier) standing inside a sentence: a proper name. `line` is
  /// the word's line, `offset` where the word starts in it.
  /// - Complexity: linear in the spaces and markup just before the word.
  public static func isProperName(_ word: String, in line: [Unicode.Scalar], at offset: Int) -> Bool
  {
    guard let first = word.unicodeScalars.first, first.properties.isUppercase else { return false }
    // The last character before the word other than spaces and markup: none, a sentence's end,
    // a heading's or a list's markup opens a sentence.
    var k = min(offset, line.count) - 1
    while k >= 0, line[k].properties.isWhitespace || "*_(\"'`".unicodeScalars.contains(line[k]) {
      k -= 1
    }
    // `Smith et al.`: a name citing its authors, wherever it stands.
    let tail = line[min(offset + word.unicodeScalars.count, line.count)...].prefix(7)
    if String(String.UnicodeScalarView(tail)).hasPrefix(" et al") { return true }
    guard k >= 0 else { return false }
    let last = line[k]
    // `J. Smith`: an initial and its period before a capitalized word make it a name, unless
    // a lowercase word comes just before the letter (`we pick plan A. Another …`): then the
    // letter names an option or an axis and its period ends the sentence.
    if last == ".", k >= 1, line[k - 1].properties.isUppercase,
      k == 1 || !line[k - 2].properties.isAlphabetic
    {
      var j = k - 2
      while j >= 0, line[j] == " " { j -= 1 }
      guard j < k - 2, j >= 0, line[j].properties.isAlphabetic else { return true }
      while j > 0, line[j - 1].properties.isAlphabetic { j -= 1 }
      return !line[j].properties.isLowercase
    }
    // A list's dash stands apart from the word; a hyphen (Cauchy-Schwarz) is glued to it.
    if last == "-" { return k + 1 == offset }
    return !".!?:#>|".unicodeScalars.contains(last) && last.properties.numericType == nil
  }

  /// The words among `wrong` that are a prefix and a word the dictionary knows (`undertrained`,
  /// `Preactivate`, `multiset`), or the plural of a noun made from a verb whose singular it
  /// knows (`poolings`: `pooling`), or a known noun with a suffix of `nounSuffixes`
  /// (`entrywise`: `entry`), asking hunspell once for all the remainders.
  /// - Complexity: one hunspell run over at most `prefixes.count` remainders per word.
  public static func compounds(_ wrong: Set<String>, extra: [String] = []) throws(Unavailable)
    -> Set<String>
  {
    var splits: [String: [String]] = [:]
    for word in wrong {
      let lower = word.lowercased()
      // A remainder of three letters (multi+set) is a word; two (re+lu) could be anything.
      for p in prefixes where lower.hasPrefix(p) && lower.count - p.count >= 3 {
        var rest = String(lower.dropFirst(p.count))
        if rest.hasPrefix("-") { rest.removeFirst() }
        splits[word, default: []].append(rest)
      }
      if lower.hasSuffix("ings") && lower.count >= 7 {
        splits[word, default: []].append(String(lower.dropLast()))
      }
      // A known noun made an adverb or a verb by a productive suffix (`entrywise`, `kernelized`).
      for suffix in nounSuffixes where lower.hasSuffix(suffix) && lower.count - suffix.count >= 4 {
        splits[word, default: []].append(String(lower.dropLast(suffix.count)))
      }
    }
    guard !splits.isEmpty else { return [] }
    let remainders = Set(splits.values.flatMap { $0 })
    let stillWrong = try misspelt(remainders, extra: extra)
    return Set(splits.filter { _, rests in rests.contains { !stillWrong.contains($0) } }.keys)
  }

  /// Suffixes English adds to any noun to make an adverb (`-wise`: by entry, by row) or a verb and
  /// its forms (`-ize`, `-ise`), longest first within each family; a dictionary lists only the
  /// common ones, and the field coins more (`kernelized`, `entrywise`).
  static let nounSuffixes = [
    "wise", "izations", "ization", "izing", "ized", "izes", "ize", "isations", "isation",
    "ising", "ised", "ises", "ise",
  ]

  /// The words of `wrong` that name a heading's topic: written capitalized in a heading line
  /// (`## 3. Gridmix`) and used again in the prose, the document's name for what it defines. A
  /// word seen once, or only in lower case in a heading, is still looked up.
  /// - Parameters:
  ///   - occurrences: every prose word the audit checks, each place it stands.
  /// - Complexity: linear in the document's text and the occurrences.
  public static func headingNames(
    _ wrong: Set<String>, text: String, occurrences: [String]
  ) -> Set<String> {
    var named = Set<String>()
    for line in text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline)
    where line.drop { $0 == " " }.hasPrefix("#") {
      for (word, _) in words(String(line)) where word.first?.isUppercase == true {
        named.insert(word.lowercased())
      }
    }
    var uses: [String: Int] = [:]
    for word in occurrences where named.contains(word.lowercased()) {
      uses[word.lowercased(), default: 0] += 1
    }
    return wrong.filter { uses[$0.lowercased(), default: 0] >= 2 }
  }

  /// How many times a document must write a word the dictionary lacks, spelt the same way, for
  /// it to be the document's own term rather than a slip: a slip of the hand is rarely repeated
  /// letter for letter three times.
  static let termUses = 3

  /// The words of `wrong` that the prose writes at least `termUses` times, exactly so.
  /// - Complexity: linear in the occurrences.
  public static func repeatedTerms(_ wrong: Set<String>, occurrences: [String]) -> Set<String> {
    var uses: [String: Int] = [:]
    for word in occurrences where wrong.contains(word) { uses[word, default: 0] += 1 }
    return Set(uses.filter { $0.value >= termUses }.keys)
  }
}
