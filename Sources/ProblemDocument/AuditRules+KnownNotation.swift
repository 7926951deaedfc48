import IndexNotation

/// Letters whose meaning the field fixes, read where the text shows that meaning.
extension AuditRules {
  /// Names a problem may use without introducing them, because the field's notation or the
  /// problem's own words say what they are: the order symbol `O(…)` of a cost, and a π the
  /// problem speaks of as a permutation, named alone (`$π$ permutes the rows`) or applied to an
  /// index (`permuting the batch: … A[π(b), …]`); any other letter applied to an index inside an
  /// index list only where a sentence of the problem or the preamble that speaks of permuting
  /// names that letter (`a permutation $ρ$`, `$σ$ permutes`) or applies it to an index
  /// (`Permute the frames, $X[b,ρ(t),d]$`). A π applied elsewhere (`p[a] = π(a) z[a]`, a
  /// policy) must be introduced.
  struct KnownNotation {
    /// The scopes whose prose (with the preamble's) speaks of permutations.
    let permutationScopes: Set<String>
    /// The letters a sentence about permuting names, keyed `scope NUL name` (scope "" for the
    /// preamble's, which hold in every problem).
    let permutationLetters: Set<String>

    /// Reads the prose of every scope once, and the sentences of each section once.
    /// - Complexity: linear in the document's prose and its uses (sorted once per section).
    init(document doc: ProblemSetDocument, symbols: DocumentSymbols) {
      permutationLetters = KnownNotation.namedPermutations(doc, symbols)
      var sectionsOf: [String: [Int]] = [:]
      for (k, section) in doc.sections.enumerated() {
        sectionsOf[DocumentSymbols.scope(section), default: []].append(k)
      }
      let preamble = KnownNotation.speaksOfPermutations(doc.prose(in: sectionsOf[""] ?? []))
      var scopes = Set<String>()
      for (scope, sections) in sectionsOf
      where preamble || KnownNotation.speaksOfPermutations(doc.prose(in: sections)) {
        scopes.insert(scope)
      }
      permutationScopes = scopes
    }

    /// Whether prose names a permutation, permuting or permuted things.
    static func speaksOfPermutations(_ prose: String) -> Bool {
      prose.lowercased().hasSubstring("permut")
    }

    /// Whether the letter at a scalar offset of the document is followed by `(`: `O(BG)`.
    static func appliedAt(_ offset: Int, in doc: ProblemSetDocument) -> Bool {
      var k = offset + 1
      while k < doc.scalars.count, k < offset + 4, doc.scalars[k] == " " { k += 1 }
      return k < doc.scalars.count && doc.scalars[k] == "("
    }

    /// Whether the use is one of the names the notation itself explains.
    func standsForItself(_ u: SymbolUse, in doc: ProblemSetDocument) -> Bool {
      if u.name == "O" && KnownNotation.appliedAt(u.location.offset, in: doc) { return true }
      if KnownNotation.namesANorm(u, in: doc) { return true }
      let scope = DocumentSymbols.scope(doc.sections[u.section])
      guard permutationScopes.contains(scope) else { return false }
      if u.name == "π" && u.alone { return true }
      // `permute the tokens by $σ$`: a letter alone that a sentence about permuting names is
      // that permutation, as when it is applied to an index.
      if u.alone
        && (permutationLetters.contains(scope + "\u{0}" + u.name)
          || permutationLetters.contains("\u{0}" + u.name))
      {
        return true
      }
      // A letter applied to an index inside an index list (`X[b,ρ(t),d]`) maps positions to
      // positions: it is the permutation when it is π, the field's letter for one, or when a
      // sentence about permuting names that letter.
      guard KnownNotation.inIndexList(u.location.offset, in: doc) else { return false }
      if u.name == "π" { return true }
      return KnownNotation.commandApplied(u.location.offset, in: doc)
        && (permutationLetters.contains(scope + "\u{0}" + u.name)
          || permutationLetters.contains("\u{0}" + u.name))
    }

    /// The letters named in a sentence that speaks of permuting: alone (`a permutation $ρ$`,
    /// `permute the tokens by $σ$`) or applied to an index in an index list of that sentence.
    /// - Complexity: linear in each section's text and its uses (one pointer over both).
    static func namedPermutations(_ doc: ProblemSetDocument, _ symbols: DocumentSymbols)
      -> Set<String>
    {
      let usesOf = Dictionary(grouping: symbols.uses, by: \.section)
      var out = Set<String>()
      for (k, section) in doc.sections.enumerated() {
        guard let uses = usesOf[k]?.sorted(by: { $0.location < $1.location }) else { continue }
        let scope = DocumentSymbols.scope(section)
        var next = 0
        for sentence in UnpaddedSizes.sentences(section, doc) {
          while next < uses.count, uses[next].location.offset < sentence.lowerBound { next += 1 }
          var inSentence: [SymbolUse] = []
          while next < uses.count, sentence.contains(uses[next].location.offset) {
            inSentence.append(uses[next])
            next += 1
          }
          guard !inSentence.isEmpty, speaksOfPermutations(doc.slice(sentence)) else { continue }
          for u in inSentence
          where u.alone
            || (inIndexList(u.location.offset, in: doc)
              && commandApplied(u.location.offset, in: doc))
          {
            out.insert(scope + "\u{0}" + u.name)
          }
        }
      }
      return out
    }

    /// Whether the letter or command (`\rho`) at a scalar offset is followed by `(`.
    /// - Complexity: linear in the command's length.
    static func commandApplied(_ offset: Int, in doc: ProblemSetDocument) -> Bool {
      guard offset >= 0, offset < doc.scalars.count else { return false }
      guard doc.scalars[offset] == "\\" else { return appliedAt(offset, in: doc) }
      var k = offset + 1
      while k < doc.scalars.count, k < offset + 16, doc.scalars[k].properties.isAlphabetic {
        k += 1
      }
      return appliedAt(k - 1, in: doc)
    }

    /// Whether the name at a scalar offset stands in an index list: `[` or `,` just before it.
    static func inIndexList(_ offset: Int, in doc: ProblemSetDocument) -> Bool {
      var k = offset - 1
      while k >= 0, k > offset - 4, doc.scalars[k] == " " { k -= 1 }
      return k >= 0 && (doc.scalars[k] == "[" || doc.scalars[k] == ",")
    }

    /// Nouns of measure a norm's name stands before (`the $\ell_1$ norm`, `an $L_2$ penalty`,
    /// `its $\ell_2$ error`).
    static let normNouns: Set<String> = [
      "norm", "norms", "penalty", "penalties", "regularization", "regularizer", "distance", "ball",
      "loss", "error", "score", "scores", "term",
    ]

    /// Whether the use is the field's name of a norm (ℓ or L with a number, p or ∞ as its
    /// subscript) whose math closes right before a noun of measure: the words say what it is.
    /// - Complexity: constant (a few dozen scalars after the name).
    static func namesANorm(_ u: SymbolUse, in doc: ProblemSetDocument) -> Bool {
      let parts = u.name.split(separator: "_", maxSplits: 1)
      guard parts.count == 2, parts[0] == "ℓ" || parts[0] == "L",
        parts[1].allSatisfy({ $0.isNumber || $0 == "∞" || $0 == "p" })
      else { return false }
      let n = doc.scalars.count
      var k = max(0, u.location.offset)
      let limit = min(n, k + 24)
      while k < limit, doc.scalars[k] != "$" { k += 1 }
      guard k < limit else { return false }
      while k < n, k < limit + 4, doc.scalars[k] == "$" || doc.scalars[k] == " " { k += 1 }
      var word = ""
      while k < n, word.count < 16, doc.scalars[k].properties.isAlphabetic {
        word.unicodeScalars.append(doc.scalars[k])
        k += 1
      }
      return normNouns.contains(word.lowercased())
    }
  }
}
