/// What the words and characters around a name say about it: a count, a list, a function applied.
extension DocumentSymbols {
  /// Words after a name that do not make it count something: verbs, prepositions, conjunctions.
  static let notCounted: Set<String> = [
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "and", "or", "of", "to", "for",
    "in", "on", "at", "by", "as", "with", "from", "into", "the", "a", "an", "that", "which", "if",
    "then", "so", "but", "than", "can", "may", "must", "will", "does", "do", "denotes", "denote",
    "times", "when", "where", "while", "we", "it", "its", "this", "these", "not", "no", "also",
    "only", "still", "again", "here", "there", "such", "each", "every", "all",
    // Conjunctions, modal verbs and prepositions open a clause or a phrase, never a noun counted.
    "because", "since", "unless", "although", "though", "whereas", "until", "would", "should",
    "could", "might", "shall", "over", "per", "via", "through", "across", "within", "under",
    "after", "before", "thus", "hence",
  ]

  /// Functions written as words, `\mathrm{Name}(` or `\operatorname{Name}(`, with their
  /// character offsets, and whether the application is the left side of a definition
  /// (`\mathrm{Name}(x) = …` opening the fragment or a piece of it).
  /// - Complexity: linear in the fragment.
  static func namedFunctions(in text: String) -> [(String, Int, Bool)] {
    let c = Array(text)
    var out: [(String, Int, Bool)] = []
    for command in ["\\mathrm{", "\\operatorname{"] {
      let w = Array(command)
      var i = 0
      while i + w.count < c.count {
        guard Array(c[i..<(i + w.count)]) == w else {
          i += 1
          continue
        }
        var j = i + w.count
        var name = ""
        while j < c.count, c[j].isLetter {
          name.append(c[j])
          j += 1
        }
        guard j < c.count, c[j] == "}", name.count >= 2 else {
          i = j
          continue
        }
        var k = j + 1
        while k < c.count, c[k] == " " { k += 1 }
        if k < c.count, c[k] == "(" || String(c[k..<min(c.count, k + 6)]) == "\\left(" {
          // A definition: the application closes and `=` follows.
          // (The closing parenthesis is looked for within 2,000 characters: linear overall.)
          var depth = 0
          var m = k
          while m < min(c.count, k + 2000) {
            if c[m] == "(" { depth += 1 }
            if c[m] == ")" {
              depth -= 1
              if depth == 0 { break }
            }
            m += 1
          }
          var n = m + 1
          while n < c.count, c[n] == " " { n += 1 }
          let opens = c[..<i].allSatisfy { $0 == " " } || c[..<i].last { $0 != " " } == ","
          out.append((name, i, opens && n < c.count && c[n] == "="))
        }
        i = j
      }
    }
    return out
  }

  /// Whether a name is one of a list whose verb makes its members counts: the text after it is
  /// only commas, "and", and other math (`, $I$ and $D$ are the number of …`) before "is/are
  /// the number" (or size, …).
  static func listBeforeCount(_ after: String) -> Bool {
    guard let (rest, _) = skippingMathList(after) else { return false }
    return (rest.hasPrefix("are the ") || rest.hasPrefix("is the ")) && countPhrase(String(rest))
  }

  /// The text after a run of commas, "and" and closed `$…$` fragments, with the number of
  /// fragments skipped; nil when a fragment is not closed.
  ///
  /// - Complexity: O(n) in the length of `after`.
  static func skippingMathList(_ after: String) -> (rest: Substring, items: Int)? {
    var rest = Substring(after)
    var items = 0
    while true {
      rest = rest.drop { $0 == " " || $0 == "," }
      if rest.hasPrefix("and ") {
        rest = rest.dropFirst(4)
        continue
      }
      if rest.hasPrefix("$") {
        let body = rest.dropFirst()
        guard let close = body.firstIndex(of: "$") else { return nil }
        rest = body[body.index(after: close)...]
        items += 1
        continue
      }
      return (rest, items)
    }
  }

  /// Whether a name is one of a list of math names (commas, "and") that ends before a plural
  /// noun: `$B$, $X$ and $I$ values`. The name itself must not be the list's last.
  static func listBeforePlural(_ after: String) -> Bool {
    guard let (rest, items) = skippingMathList(after) else { return false }
    return items > 0 && pluralNounFollows(String(rest))
  }

  /// Whether the text after a name opens with a plural noun (`values`), not a superlative. A
  /// word in -s followed by an article (`$V$ holds the weights`) is a verb with its object.
  static func pluralNounFollows(_ after: String) -> Bool {
    let word = String(after.prefix { $0.isLetter })
    let next = after.dropFirst(word.count).drop { $0 == " " }.prefix { $0.isLetter }
    if ["the", "a", "an", "its", "their", "our", "this", "these"].contains(String(next)) {
      return false
    }
    return pluralOrSuperlativeFollows(word) && !word.hasSuffix("est")
  }

  /// Whether the word after a name is a plural noun or a superlative (`heads`, `smallest`):
  /// the name counts them.
  static func pluralOrSuperlativeFollows(_ after: String) -> Bool {
    let word = String(after.prefix { $0.isLetter })
    guard word.count >= 4, !notCounted.contains(word) else { return false }
    return (word.hasSuffix("s") && !word.hasSuffix("ss")) || word.hasSuffix("est")
  }

  /// Whether the text after a name makes it a count: "is/are the number", "… the size", "the
  /// length", "the dimension", "the width".
  /// A parenthesis right after the name glosses it when it opens with a determiner or a count
  /// noun (`$N$ (the width)`); otherwise (`$i$ (so $B$ is the batch size)`), and wherever it
  /// opens later, it is an aside about other names.
  static func countPhrase(_ after: String) -> Bool {
    let counts: Set<String> = [
      "number", "numbers", "size", "sizes", "length", "count", "dimension",
      "width", "height", "depth",
    ]
    var clause = after.prefix { $0 != "(" }
    if clause.isEmpty {
      let inner = after.dropFirst()
      let first = String(inner.prefix { $0.isLetter })
      clause = ["the", "a", "an"].contains(first) || counts.contains(first) ? inner : ""
    }
    let words = clause.split(separator: " ").prefix(8).map { $0.filter(\.isLetter) }
    return words.contains { counts.contains($0) }
  }

  /// Whether the text after a lone name starts with a noun it counts (`terms,`, `samples`): a
  /// plain lowercase word that is no verb form (-s after is/has aside, -ed, -ing) in the list
  /// above.
  static func quantityFollows(_ after: String) -> Bool {
    guard let first = after.unicodeScalars.first, first.properties.isLowercase else { return false }
    let word = String(after.prefix { $0.isLetter })
    guard word.count >= 3, !notCounted.contains(word), !valueWords.contains(word),
      !word.hasSuffix("ed"),
      !word.hasSuffix("ing"),
      !word.hasSuffix("ly")
    else { return false }
    return true
  }

  /// Whether the name written at a character offset of a fragment is followed by `(` or
  /// `\left(`: `\psi(…)`, `φ (…)`.
  static func isApplied(_ text: String, at offset: Int) -> Bool {
    let c = Array(text)
    guard offset < c.count else { return false }
    var k = offset
    if c[k] == "\\" {
      k += 1
      while k < c.count, c[k].isLetter { k += 1 }
    } else {
      k += 1
    }
    while k < c.count, c[k] == " " { k += 1 }
    if k < c.count, c[k] == "(" { return true }
    return String(c[k..<min(c.count, k + 6)]) == "\\left("
  }

  /// Whether a word, not punctuation, stands right before a fragment (`keeps $r$`, not
  /// `**Solution**: $q$`).
  static func wordBefore(_ f: MathFragment, _ doc: ProblemSetDocument) -> Bool {
    var k = f.location.offset - (f.bare ? 0 : (f.display ? 2 : 1)) - 1
    while k >= 0, doc.scalars[k] == " " { k -= 1 }
    return k >= 0 && doc.scalars[k].properties.isAlphabetic
  }
}
